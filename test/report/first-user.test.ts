// Table fitting, wrapping and rounding that a first-time user found wrong.

import { describe, expect, it } from 'vitest';
import { buildScoreDocument } from '../../src/report/score-document.js';
import { renderScore } from '../../src/report/index.js';
import { featureOutputValue } from '../../src/report/feature-values.js';
import { displayWidth, wrapText } from '../../src/report/wrap.js';
import type { ReportContext } from '../../src/report/context.js';
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

describe('rounding', () => {
  it('turns float noise into zero', () => {
    expect(featureOutputValue('trend_days', 2.6369808691589684e-16)).toBe(0);
    expect(featureOutputValue('settled_count', 42)).toBe(42);
  });

  it('keeps feature precision', () => {
    expect(featureOutputValue('late_share', 1.23456789)).toBe(1.23456789);
    expect(featureOutputValue('share_of_receivables', 0.013056512345678)).toBe(0.013056512345678);
  });

  it('writes feature amounts to the cent', () => {
    expect(featureOutputValue('open_balance', 109746.70999999999)).toBe(109746.71);
    expect(featureOutputValue('overdue_balance', 1234567.894)).toBe(1234567.89);
    expect(featureOutputValue('typical_invoice', -0.001)).toBe(0);
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
