// Table fitting, wrapping and rounding that a first-time user found wrong.

import { describe, expect, it } from 'vitest';
import { buildScoreDocument } from '../../src/report/score-document.js';
import { renderScore } from '../../src/report/index.js';
import { featureOutputValue } from '../../src/report/feature-values.js';
import { displayWidth, wrapText } from '../../src/report/wrap.js';
import { DEFAULT_TABLE_WIDTH } from '../../src/report/table.js';
import type { ReportContext } from '../../src/report/context.js';
import { message } from '../../src/i18n/catalog.js';
import { sampleResult } from './stand-in.js';

const context = (extra: Partial<ReportContext> = {}): ReportContext => ({ lang: 'sv', color: false, csvLocale: 'rfc4180', version: '0.0.0', ...extra });

describe('wrapText', () => {
  it('keeps amounts whole', () => {
    const lines = wrapText('öppet saldo 149\u00a0895,62\u00a0SEK är 3,2 gånger det vanliga', 16).split('\n');
    expect(lines.some((line) => line.includes('149\u00a0895,62\u00a0SEK'))).toBe(true);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(16);
  });
});

describe('score table width', () => {
  it('fits the given width', () => {
    const dropped: string[][] = [];
    const document = buildScoreDocument(sampleResult(), { lang: 'sv', version: '0', by: 'debtor' });
    const text = renderScore(document, 'table', context({ width: 80, onColumnsDropped: (headings) => dropped.push(headings) }));
    for (const line of text.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(dropped.length).toBe(1);
  });
});

describe('narrow score table', () => {
  const render = (result: ReturnType<typeof sampleResult>, width: number, by: 'debtor' | 'invoice' = 'debtor', lang: 'en' | 'sv' = 'en') => {
    const dropped: string[] = [];
    const document = buildScoreDocument(result, { lang, version: '0', by });
    const text = renderScore(document, 'table', context({ lang, width, onColumnsDropped: (headings) => dropped.push(...headings) }));
    const lines = text.split('\n');
    // Heading rows run from below the top border to the first separator; a heading may wrap over several.
    const header = lines.slice(1, lines.findIndex((line) => line.startsWith('\u251c'))).join('\n');
    return { text, dropped, header, fullWidth: displayWidth(text.split('\n')[0]) };
  };

  it('keeps rank, risk and at risk', () => {
    for (const lang of ['en', 'sv'] as const) {
      const { text, header } = render(sampleResult(), 80, 'debtor', lang);
      for (const line of text.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
      for (const key of ['HEAD_RANK', 'HEAD_DEBTOR', 'HEAD_RISK', 'HEAD_AT_RISK', 'HEAD_ACTION']) {
        // A narrow column wraps its heading, so each word is looked for on its own.
        for (const word of message(lang, key).split(' ')) expect(header).toContain(word);
      }
    }
  });

  /** Returns the one column left out at the widest width that leaves out any. */
  const firstDropped = (result: ReturnType<typeof sampleResult>): string[] => {
    for (let width = render(result, Number.POSITIVE_INFINITY).fullWidth; width > 20; width -= 1) {
      const { dropped } = render(result, width);
      if (dropped.length > 0) return dropped;
    }
    return [];
  };

  it('drops an empty column first', () => {
    expect(firstDropped(sampleResult())).toEqual([`\u201c${message('en', 'HEAD_TREND')}\u201d`]);

    const noFlags = sampleResult();
    for (const debtor of noFlags.debtors) debtor.flags = [];
    expect(firstDropped(noFlags)).toEqual([`\u201c${message('en', 'HEAD_FLAGS')}\u201d`]);
  });

  it('quotes each dropped heading', () => {
    const { dropped } = render(sampleResult(), 80);
    expect(dropped).toContain(`\u201c${message('en', 'HEAD_TREND')}\u201d`);
    for (const heading of dropped) expect(heading).toMatch(/^\u201c[^\u201c\u201d]+\u201d$/);
    const swedish = render(sampleResult(), 80, 'debtor', 'sv').dropped;
    expect(swedish).toContain(`\u201d${message('sv', 'HEAD_TREND')}\u201d`);
  });

  it('lists dropped headings left to right', () => {
    const { dropped } = render(sampleResult(), 80);
    const order = [message('en', 'HEAD_OPEN'), message('en', 'HEAD_OVERDUE'), message('en', 'HEAD_OLDEST')].map((heading) => `\u201c${heading}\u201d`);
    expect(dropped.filter((heading) => order.includes(heading))).toEqual(order);
  });

  it('invoice table keeps rank', () => {
    const { text, header, dropped } = render(sampleResult(), 80, 'invoice');
    for (const line of text.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    // The amount at risk ranks the invoices, so at 80 characters the balance goes before it does.
    for (const key of ['HEAD_RANK', 'HEAD_INVOICE', 'HEAD_RISK', 'HEAD_AT_RISK', 'HEAD_DAYS_OVERDUE']) expect(header).toContain(message('en', key));
    expect(dropped).not.toContain(`\u201c${message('en', 'HEAD_RANK')}\u201d`);
  });

  it('zero width counts as unknown', () => {
    const unknown = render(sampleResult(), 0);
    const fallback = render(sampleResult(), DEFAULT_TABLE_WIDTH);
    expect(unknown.dropped).toEqual(fallback.dropped);
    expect(unknown.fullWidth).toBe(fallback.fullWidth);
  });

  it('keeps every column without a width limit', () => {
    const { dropped } = render(sampleResult(), Number.POSITIVE_INFINITY);
    expect(dropped).toEqual([]);
  });
});

describe('rounding', () => {
  it('turns float noise into zero', () => {
    expect(featureOutputValue('trend_days', 2.6369808691589684e-16, 'SEK')).toBe(0);
    expect(featureOutputValue('settled_count', 42, 'SEK')).toBe(42);
  });

  it('keeps feature precision', () => {
    expect(featureOutputValue('late_share', 1.23456789, 'SEK')).toBe(1.23456789);
    expect(featureOutputValue('share_of_receivables', 0.013056512345678, 'SEK')).toBe(0.013056512345678);
  });

  it('writes feature amounts to the cent', () => {
    expect(featureOutputValue('open_balance', 109746.70999999999, 'SEK')).toBe(109746.71);
    expect(featureOutputValue('overdue_balance', 1234567.894, '')).toBe(1234567.89);
    expect(featureOutputValue('typical_invoice', -0.001, 'SEK')).toBe(0);
  });

  it('writes feature amounts to the minor unit', () => {
    expect(featureOutputValue('open_balance', 10.0051, 'KWD')).toBe(10.005);
    expect(featureOutputValue('open_balance', 1234.5, 'JPY')).toBe(1235);
  });

  it('rounds JSON days and risk', () => {
    const result = sampleResult();
    result.debtors[0].trendDays = -3.799999999999997;
    result.debtors[0].risk = 0.123456789;
    const document = buildScoreDocument(result, { lang: 'en', version: '0', by: 'debtor' });
    const first = document.debtors.find((debtor) => debtor.customerId === result.debtors[0].customerId)!;
    expect(first.trendDays).toBe(-3.8);
    expect(first.risk).toBe(0.1235);
  });
});

describe('HTML subtitle', () => {
  it('names the model once', () => {
    const document = buildScoreDocument(sampleResult(), { lang: 'en', version: '0', by: 'debtor' });
    expect(renderScore(document, 'html', context({ lang: 'en' }))).not.toContain('Model: Model');
  });
});
