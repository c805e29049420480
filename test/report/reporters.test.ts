import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { optionsMarkdown } from '../../src/cli/options-doc.js';
import { schemaText } from '../../src/cli/commands/schema.js';
import type { ReportContext } from '../../src/report/context.js';
import { renderScore } from '../../src/report/index.js';
import { buildScoreDocument } from '../../src/report/score-document.js';
import { scoreDocumentSchema } from '../../src/report/schema.js';
import { formatMoney } from '../../src/report/format.js';
import { fillPlaceholders, message } from '../../src/i18n/catalog.js';
import { escapeHtml } from '../../src/report/safe-text.js';
import { planActions } from '../../src/scoring/index.js';
import { parseIsoDay } from '../../src/dates.js';
import { sparkline } from '../../src/report/sparkline.js';
import { INJECTION_NAME, sampleResult } from './stand-in.js';

const context = (overrides: Partial<ReportContext> = {}): ReportContext => ({ lang: 'en', color: false, csvLocale: 'rfc4180', version: '0.0.0', ...overrides });
const document = (by: 'debtor' | 'invoice' = 'debtor') => buildScoreDocument(sampleResult(), { lang: 'en', version: '0.0.0', by });

describe('money format', () => {
  const plain = (text: string) => text.replace(/\u00a0/g, ' ');

  it('English puts the ISO code first', () => {
    expect(plain(formatMoney(149895.62, 'SEK', 'en'))).toBe('SEK 149,895.62');
    expect(plain(formatMoney(489.75, 'USD', 'en'))).toBe('USD 489.75');
    expect(plain(formatMoney(300, 'EUR', 'en'))).toBe('EUR 300.00');
  });

  it('Swedish puts the ISO code last', () => {
    expect(plain(formatMoney(149895.62, 'SEK', 'sv'))).toBe('149 895,62 SEK');
    expect(plain(formatMoney(489.75, 'USD', 'sv'))).toBe('489,75 USD');
    expect(plain(formatMoney(7890, 'EUR', 'sv'))).toBe('7 890,00 EUR');
  });

  it('keeps an amount unbreakable', () => {
    expect(formatMoney(149895.62, 'SEK', 'sv')).not.toContain(' ');
    expect(formatMoney(489.75, 'USD', 'en')).not.toContain(' ');
  });

  it('unknown currency text', () => {
    expect(plain(formatMoney(2, 'points', 'en'))).toBe('2.00 points');
  });
});

describe('money in reports', () => {
  const dollarResult = () => {
    const result = sampleResult();
    result.debtors[1] = { ...result.debtors[1], currency: 'USD', openBalance: 489.75 };
    return result;
  };

  it('table and HTML show the ISO code', () => {
    for (const format of ['table', 'html'] as const) {
      const text = renderScore(buildScoreDocument(dollarResult(), { lang: 'en', version: '0.0.0', by: 'debtor' }), format, context()).replace(/\u00a0/g, ' ');
      expect(text).toContain('USD 489.75');
      expect(text).toContain('SEK 50,000.00');
      expect(text).not.toContain('US$');
    }
  });

  it('Swedish table and HTML put the code last', () => {
    for (const format of ['table', 'html'] as const) {
      const swedish = buildScoreDocument(dollarResult(), { lang: 'sv', version: '0.0.0', by: 'debtor' });
      const text = renderScore(swedish, format, context({ lang: 'sv' })).replace(/\u00a0/g, ' ');
      expect(text).toContain('489,75 USD');
      expect(text).toContain('50 000,00 SEK');
      expect(text).not.toMatch(/\d kr/);
    }
  });

  it('messages format amounts the same way', () => {
    expect(fillPlaceholders('{amount} {currency}', { amount: 7890, currency: 'USD' }, 'sv').replace(/\u00a0/g, ' ')).toBe('7 890,00 USD');
    expect(fillPlaceholders('{amount} {currency}', { amount: 300, currency: 'EUR' }, 'en').replace(/\u00a0/g, ' ')).toBe('EUR 300.00');
  });
});

describe('html next action', () => {
  const withPlan = (lang: 'en' | 'sv') => {
    const result = sampleResult();
    const plan = planActions(result, {}, parseIsoDay(result.asOf)!).rows;
    return { plan, html: renderScore(buildScoreDocument(result, { lang, version: '0.0.0', by: 'debtor', plan }), 'html', context({ lang })) };
  };

  it('has a next action column', () => {
    for (const lang of ['en', 'sv'] as const) {
      const { html } = withPlan(lang);
      expect(html).toContain(`<th>${message(lang, 'HEAD_ACTION')}</th>`);
    }
  });

  it('shows each debtor\'s first step', () => {
    const { plan, html } = withPlan('en');
    const document = buildScoreDocument(sampleResult(), { lang: 'en', version: '0.0.0', by: 'debtor', plan });
    const planned = document.debtors.filter((debtor) => debtor.nextAction);
    expect(planned.length).toBeGreaterThan(0);
    for (const debtor of planned) {
      const row = html.split('\n').find((line) => line.startsWith(`<tr><td class="n">${debtor.rank}</td>`))!;
      expect(row).toContain(`<time datetime="${debtor.nextAction!.date}">`);
      expect(row).toContain(escapeHtml(debtor.nextAction!.message));
    }
  });

  it('cells match the headings', () => {
    const { html } = withPlan('en');
    const table = html.slice(html.indexOf(`<th class="n">${message('en', 'HEAD_RANK')}</th>`));
    const headCount = (table.slice(0, table.indexOf('</tr>')).match(/<th/g) ?? []).length;
    const firstRow = table.slice(table.indexOf('<tbody>'));
    const cellCount = (firstRow.slice(0, firstRow.indexOf('</tr>')).match(/<td/g) ?? []).length;
    expect(cellCount).toBe(headCount);
  });
});

describe('Swedish headings', () => {
  it('grade reads Riskklass', () => {
    expect(message('sv', 'HEAD_GRADE')).toBe('Riskklass');
    const swedish = buildScoreDocument(sampleResult(), { lang: 'sv', version: '0.0.0', by: 'debtor' });
    expect(renderScore(swedish, 'table', context({ lang: 'sv' }))).toContain('Riskklass');
    expect(renderScore(swedish, 'html', context({ lang: 'sv' }))).toContain('<th>Riskklass</th>');
  });

  it('one word for unpaid amounts', () => {
    expect(message('sv', 'HEAD_BALANCE')).toBe(message('sv', 'HEAD_OPEN'));
    const byInvoice = buildScoreDocument(sampleResult(), { lang: 'sv', version: '0.0.0', by: 'invoice' });
    expect(renderScore(byInvoice, 'table', context({ lang: 'sv' }))).toContain(message('sv', 'HEAD_OPEN'));
  });
});

describe('json reporter', () => {
  it('matches the schema', () => {
    const parsed = JSON.parse(renderScore(document(), 'json', context()));
    expect(scoreDocumentSchema.safeParse(parsed).success).toBe(true);
  });

  it('keeps ranks in scoring order', () => {
    const parsed = JSON.parse(renderScore(document(), 'json', context()));
    expect(parsed.debtors.map((debtor: { customerId: string }) => debtor.customerId)).toEqual(['C2', 'C1', 'C3']);
    expect(parsed.debtors.map((debtor: { rank: number }) => debtor.rank)).toEqual([1, 2, 3]);
  });

  it('docs schema is up to date', () => {
    expect(readFileSync('docs/schema/score.schema.json', 'utf8')).toBe(schemaText());
  });
});

describe('csv reporter', () => {
  it('parses back to the same values', () => {
    const text = renderScore(document(), 'csv', context());
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows[0].customer_id).toBe('C2');
    expect(Number(rows[0].risk)).toBe(0.82);
    expect(Number(rows[0].open_balance)).toBe(50000);
    expect(rows[2].name).toBe('Björk & Co <b>');
  });

  it('marks a debtor that owes nothing in JSON and CSV', () => {
    const result = sampleResult();
    result.debtors[2] = { ...result.debtors[2], openBalance: 0, expectedAtRisk: 0, openInvoices: 0, nothingOwed: true };
    const owing = buildScoreDocument(result, { lang: 'en', version: '0.0.0', by: 'debtor' });
    const parsed = JSON.parse(renderScore(owing, 'json', context()));
    expect(scoreDocumentSchema.safeParse(parsed).success).toBe(true);
    expect(parsed.debtors.map((debtor: { nothingOwed: boolean }) => debtor.nothingOwed)).toEqual([false, false, true]);
    const rows = parse(renderScore(owing, 'csv', context()), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.nothing_owed)).toEqual(['false', 'false', 'true']);
  });

  it('neutralises formulas from the input', () => {
    const rows = parse(renderScore(document(), 'csv', context()), { columns: true }) as Record<string, string>[];
    expect(rows[0].name).toBe(`'${INJECTION_NAME}`);
  });

  it('neutralises invoice ids starting with @', () => {
    const rows = parse(renderScore(document('invoice'), 'csv', context()), { columns: true }) as Record<string, string>[];
    expect(rows[1].invoice_id).toBe("'@F-2");
  });

  it('Swedish variant: BOM, semicolon, decimal comma', () => {
    const text = renderScore(document(), 'csv', context({ csvLocale: 'sv' }));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1), { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows[1].open_balance).toBe('1234,5');
    expect(rows[0].risk).toBe('0,82');
  });

  it('RFC 4180 default has CRLF and no BOM', () => {
    const text = renderScore(document(), 'csv', context());
    expect(text.startsWith('rank,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(5);
  });
});

describe('ndjson reporter', () => {
  it('one object per line', () => {
    const lines = renderScore(document(), 'ndjson', context()).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((line) => JSON.parse(line).customerId)).toEqual(['C2', 'C1', 'C3']);
  });
});

describe('html reporter', () => {
  const html = renderScore(document(), 'html', context());

  it('escapes input text', () => {
    expect(html).toContain('Björk &amp; Co &lt;b&gt;');
    expect(html).not.toContain('<b>');
  });

  it('neutralises a formula name', () => {
    expect(html).toContain('&#39;=HYPERLINK(&quot;x&quot;)');
    expect(html).not.toContain('>=HYPERLINK');
  });

  it('makes no network requests', () => {
    expect(html).not.toMatch(/(src|href)=/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toContain('url(');
  });

  it('shows a missing currency as a plain dash', () => {
    const result = sampleResult();
    result.totals = [{ currency: '', openBalance: 100, overdueBalance: 50, expectedAtRisk: 20 }];
    const page = renderScore(buildScoreDocument(result, { lang: 'en', version: '0.0.0', by: 'debtor' }), 'html', context());
    expect(page).toContain('<tr><td>-</td>');
    expect(page).not.toContain('&#39;-');
  });

  it('has charts and the top debtor', () => {
    expect(html).toContain('<svg');
    expect(html.indexOf('HYPERLINK')).toBeLessThan(html.indexOf('Alder AB'));
  });
});

describe('table reporter', () => {
  it('Swedish headings and money', () => {
    const swedish = buildScoreDocument(sampleResult(), { lang: 'sv', version: '0.0.0', by: 'debtor' });
    const text = renderScore(swedish, 'table', context({ lang: 'sv' }));
    expect(text).toContain('Kund');
    expect(text.replace(/\u00a0/g, ' ')).toContain('1 234,50 SEK');
  });

  it('no escape codes without colour', () => {
    expect(renderScore(document(), 'table', context())).not.toContain('\x1b[');
  });

  it('escape codes with colour', () => {
    expect(renderScore(document(), 'table', context({ color: true }))).toContain('\x1b[');
  });
});

describe('sparkline', () => {
  it('one bar per value, early as lowest', () => {
    expect(sparkline([-5, 0, 30])).toBe('▁▁█');
  });
});

describe('options docs', () => {
  it('docs/options.md is up to date', () => {
    expect(readFileSync('docs/options.md', 'utf8')).toBe(optionsMarkdown('en'));
    expect(readFileSync('docs/options.sv.md', 'utf8')).toBe(optionsMarkdown('sv'));
  });

  it('--no- options describe their default', () => {
    const row = (lang: 'en' | 'sv', flag: string) => optionsMarkdown(lang).split('\n').find((line) => line.startsWith(`| \`${flag}\``))!;
    expect(row('en', '--no-color')).toContain('| colour when stdout is a terminal; none with --out or NO_COLOR |');
    expect(row('en', '--no-progress')).toContain('| progress shown when stderr is a terminal; none with --quiet |');
    expect(row('sv', '--no-color')).toContain('| färg när stdout är en terminal; ingen med --out eller NO_COLOR |');
    expect(row('sv', '--no-progress')).toContain('| förlopp visas när stderr är en terminal; inget med --quiet |');
    expect(row('en', '--no-color')).not.toContain('`true`');
  });
});

describe('html chart labels', () => {
  const html = (lang: 'en' | 'sv') => renderScore(buildScoreDocument(sampleResult(), { lang, version: '0.0.0', by: 'debtor' }), 'html', context({ lang }));
  const labels = (text: string) => [...text.matchAll(/aria-label="([^"]*)"/g)].map((match) => match[1]);

  it('are in the output language', () => {
    const swedish = labels(html('sv'));
    expect(swedish.length).toBeGreaterThan(1);
    expect(swedish.some((label) => label.startsWith('Kunder per riskklass: A '))).toBe(true);
    expect(swedish.filter((label) => /days late|grades|aging/.test(label))).toEqual([]);
  });

  it('give the overdue amount per age', () => {
    const english = labels(html('en')).filter((label) => label.startsWith('Overdue balance by age in '));
    expect(english.length).toBeGreaterThan(0);
    for (const label of english) expect(label).toMatch(/: .+ \d/);
  });

  it('give the days late shown by the bars', () => {
    const result = sampleResult();
    const withHistory = buildScoreDocument(result, { lang: 'en', version: '0.0.0', by: 'debtor' }).debtors.find((debtor) => debtor.recentDaysLate.length > 0)!;
    expect(labels(html('en'))).toContain(`Days late of the most recent paid invoices: ${withHistory.recentDaysLate.join(', ')}`);
  });
});
