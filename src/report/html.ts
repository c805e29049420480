// The HTML report: one self-contained file with inline CSS and SVG and no network requests. Every
// text from the input (names, ids, messages that quote input values) is HTML-escaped, and text that a
// spreadsheet would run as a formula is neutralised in case the page is pasted into one.

import type { Lang } from '../i18n/catalog-type.js';
import { message } from '../i18n/catalog.js';
import type { CliMessageKey } from '../i18n/messages/cli.js';
import type { ReportContext } from './context.js';
import { formatMoney, formatPercent } from './format.js';
import { escapeHtml, neutraliseFormula } from './safe-text.js';
import type { DebtorRow, InvoiceRow, ScoreDocument } from './schema.js';

/** How many debtors get a days-late history chart. */
const HISTORY_CHARTS = 10;

const GRADE_COLORS: Record<string, string> = { A: '#2e7d32', B: '#0277bd', C: '#f9a825', D: '#c62828' };

const AGING_BUCKETS: { key: CliMessageKey; from: number; to: number }[] = [
  { key: 'AGING_1_30', from: 1, to: 30 },
  { key: 'AGING_31_60', from: 31, to: 60 },
  { key: 'AGING_61_90', from: 61, to: 90 },
  { key: 'AGING_OVER_90', from: 91, to: Number.POSITIVE_INFINITY },
];

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1b1b1b;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.sub{color:#555;margin:0 0 16px}
table{border-collapse:collapse;width:100%}th,td{padding:5px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
th{background:#f3f3f3;font-weight:600}td.n,th.n{text-align:right;white-space:nowrap}
.g{display:inline-block;min-width:20px;text-align:center;border-radius:4px;color:#fff;font-weight:700}
.flag{display:block;font-size:12px}.flag.critical{color:#c62828;font-weight:600}.flag.warning{color:#8a6d00}
.reason{display:block;font-size:12px;color:#333}.action{display:block;font-size:12px}
.charts{display:flex;flex-wrap:wrap;gap:24px}.chart{flex:0 0 auto}
.hist{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:12px}
.hist figure{margin:0;border:1px solid #e3e3e3;border-radius:6px;padding:8px}
.hist figcaption{font-size:12px;margin-bottom:4px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.findings li{font-size:12px}
`;

function text(value: string): string {
  return escapeHtml(neutraliseFormula(value));
}

function gradeBadge(grade: string): string {
  return `<span class="g" style="background:${GRADE_COLORS[grade] ?? '#555'}">${escapeHtml(grade)}</span>`;
}

/** Bar chart of how many debtors fall in each grade. */
function distributionSvg(debtors: readonly DebtorRow[], lang: Lang): string {
  const counts = ['A', 'B', 'C', 'D'].map((grade) => ({ grade, count: debtors.filter((debtor) => debtor.grade === grade).length }));
  const max = Math.max(1, ...counts.map((entry) => entry.count));
  const barWidth = 50;
  const height = 120;
  const bars = counts
    .map((entry, index) => {
      // 36 px stay free: 20 below the bars for the grade letter and 16 above the tallest bar for its count.
      const barHeight = Math.round((entry.count / max) * (height - 36));
      const x = 10 + index * (barWidth + 16);
      const y = height - 20 - barHeight;
      return (
        `<rect x="${x}" y="${y}" width="${barWidth}" height="${barHeight}" fill="${GRADE_COLORS[entry.grade]}"/>` +
        `<text x="${x + barWidth / 2}" y="${y - 3}" text-anchor="middle" font-size="12">${entry.count}</text>` +
        `<text x="${x + barWidth / 2}" y="${height - 5}" text-anchor="middle" font-size="12" font-weight="700">${entry.grade}</text>`
      );
    })
    .join('');
  const [a, b, c, d] = counts.map((entry) => entry.count);
  const label = escapeHtml(message(lang, 'HTML_DISTRIBUTION_LABEL', { a, b, c, d }));
  return `<svg class="chart" width="${10 + 4 * (barWidth + 16)}" height="${height}" role="img" aria-label="${label}">${bars}</svg>`;
}

/** Horizontal bars of overdue balance per aging bucket, one chart per currency. */
function agingSvg(invoices: readonly InvoiceRow[], currency: string, lang: Lang): string {
  const sums = AGING_BUCKETS.map((bucket) => ({
    label: message(lang, bucket.key),
    amount: invoices
      .filter((invoice) => invoice.currency === currency && invoice.daysOverdue >= bucket.from && invoice.daysOverdue <= bucket.to)
      .reduce((sum, invoice) => sum + invoice.balance, 0),
  }));
  const max = Math.max(1, ...sums.map((entry) => entry.amount));
  const rowHeight = 24;
  const barMax = 260;
  const rows = sums
    .map((entry, index) => {
      const y = index * rowHeight + 4;
      const width = Math.max(0, Math.round((entry.amount / max) * barMax));
      return (
        `<text x="0" y="${y + 14}" font-size="12">${escapeHtml(entry.label)}</text>` +
        `<rect x="100" y="${y}" width="${width}" height="16" fill="#b71c1c" opacity="${0.35 + index * 0.2}"/>` +
        `<text x="${106 + width}" y="${y + 13}" font-size="12">${escapeHtml(formatMoney(entry.amount, currency, lang))}</text>`
      );
    })
    .join('');
  const title = currency ? `<text x="0" y="-4" font-size="12" font-weight="600">${escapeHtml(currency)}</text>` : '';
  // Screen readers skip the text inside an image, so the label carries each bucket's amount.
  const buckets = sums.map((entry) => `${entry.label} ${formatMoney(entry.amount, currency, lang)}`).join(', ');
  const label = escapeHtml(message(lang, 'HTML_AGING_LABEL', { currency, buckets }));
  return `<svg class="chart" width="520" height="${AGING_BUCKETS.length * rowHeight + 24}" viewBox="0 -16 520 ${AGING_BUCKETS.length * rowHeight + 24}" role="img" aria-label="${label}">${title}${rows}</svg>`;
}

/** Small bar chart of days late per settled invoice: red bars above the line are late, green below are early. */
function historySvg(daysLate: readonly number[], lang: Lang): string {
  const width = 210;
  const height = 70;
  const mid = 45;
  const scale = Math.max(30, ...daysLate.map((days) => Math.abs(days)));
  const step = daysLate.length > 0 ? Math.min(24, Math.floor(width / daysLate.length)) : 0;
  const bars = daysLate
    .map((days, index) => {
      const barHeight = Math.max(1, Math.round((Math.abs(days) / scale) * (days >= 0 ? mid - 5 : height - mid - 5)));
      const x = index * step + 2;
      const y = days >= 0 ? mid - barHeight : mid;
      const fill = days > 0 ? '#c62828' : '#2e7d32';
      return `<rect x="${x}" y="${y}" width="${Math.max(2, step - 3)}" height="${barHeight}" fill="${fill}"><title>${days}</title></rect>`;
    })
    .join('');
  // Screen readers read the label, so it carries the numbers the bars show.
  const label = escapeHtml(message(lang, 'HTML_HISTORY_LABEL', { days: daysLate.join(', ') }));
  return `<svg width="${width}" height="${height}" role="img" aria-label="${label}"><line x1="0" y1="${mid}" x2="${width}" y2="${mid}" stroke="#999"/>${bars}</svg>`;
}

function heading(lang: Lang, key: CliMessageKey): string {
  return `<h2>${escapeHtml(message(lang, key))}</h2>`;
}

/** Headings of number columns, right-aligned over their numbers. */
const NUMBER_HEADS = new Set<CliMessageKey>(['HEAD_RANK', 'HEAD_RISK', 'HEAD_OPEN', 'HEAD_OVERDUE', 'HEAD_AT_RISK', 'HEAD_OLDEST']);

function headCell(lang: Lang, key: CliMessageKey): string {
  return `<th${NUMBER_HEADS.has(key) ? ' class="n"' : ''}>${escapeHtml(message(lang, key))}</th>`;
}

function debtorTable(debtors: readonly DebtorRow[], lang: Lang): string {
  const heads: CliMessageKey[] = ['HEAD_RANK', 'HEAD_DEBTOR', 'HEAD_GRADE', 'HEAD_RISK', 'HEAD_OPEN', 'HEAD_OVERDUE', 'HEAD_AT_RISK', 'HEAD_OLDEST', 'HEAD_FLAGS', 'HEAD_REASONS', 'HEAD_ACTION'];
  const headRow = heads.map((key) => headCell(lang, key)).join('');
  const rows = debtors
    .map((debtor) => {
      const flags = debtor.flags.map((flag) => `<span class="flag ${escapeHtml(flag.severity)}">${text(flag.message)}</span>`).join('');
      const reasons = debtor.reasons.slice(0, 3).map((reason) => `<span class="reason">${text(reason.message)}</span>`).join('');
      const action = debtor.nextAction
        ? `<span class="action"><time datetime="${escapeHtml(debtor.nextAction.date)}">${escapeHtml(debtor.nextAction.date)}</time><br>${text(debtor.nextAction.message)}</span>`
        : escapeHtml(message(lang, 'VALUE_NONE'));
      const oldest = debtor.oldestOverdueDays === null ? message(lang, 'VALUE_NONE') : message(lang, 'VALUE_DAYS', { days: debtor.oldestOverdueDays });
      return (
        `<tr><td class="n">${debtor.rank}</td><td>${text(debtor.name)}<br><small>${text(debtor.customerId)}</small></td>` +
        `<td>${gradeBadge(debtor.grade)}</td><td class="n">${escapeHtml(formatPercent(debtor.risk, lang))}</td>` +
        `<td class="n">${escapeHtml(formatMoney(debtor.openBalance, debtor.currency, lang))}</td>` +
        `<td class="n">${escapeHtml(formatMoney(debtor.overdueBalance, debtor.currency, lang))}</td>` +
        `<td class="n">${escapeHtml(formatMoney(debtor.expectedAtRisk, debtor.currency, lang))}</td>` +
        `<td class="n">${escapeHtml(oldest)}</td><td>${flags}</td><td>${reasons}</td><td>${action}</td></tr>`
      );
    })
    .join('\n');
  return `<table><thead><tr>${headRow}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function totalsTable(document: ScoreDocument, lang: Lang): string {
  const heads: CliMessageKey[] = ['HEAD_CURRENCY', 'HEAD_OPEN', 'HEAD_OVERDUE', 'HEAD_AT_RISK'];
  const headRow = heads.map((key) => headCell(lang, key)).join('');
  const rows = document.totals
    .map(
      (total) =>
        `<tr><td>${total.currency ? text(total.currency) : escapeHtml(message(lang, 'VALUE_NONE'))}</td>` +
        `<td class="n">${escapeHtml(formatMoney(total.openBalance, total.currency, lang))}</td>` +
        `<td class="n">${escapeHtml(formatMoney(total.overdueBalance, total.currency, lang))}</td>` +
        `<td class="n">${escapeHtml(formatMoney(total.expectedAtRisk, total.currency, lang))}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr>${headRow}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderScoreHtml(document: ScoreDocument, context: ReportContext): string {
  const lang = context.lang;
  const currencies = [...new Set(document.invoices.map((invoice) => invoice.currency))].sort();
  const histories = document.debtors
    .filter((debtor) => debtor.recentDaysLate.length > 0)
    .slice(0, HISTORY_CHARTS)
    .map((debtor) => `<figure><figcaption>${debtor.rank}. ${text(debtor.name)} ${gradeBadge(debtor.grade)}</figcaption>${historySvg(debtor.recentDaysLate, lang)}</figure>`)
    .join('\n');
  const findings = document.findings.map((finding) => `<li>${text(finding.message)}</li>`).join('\n');
  const title = message(lang, 'HTML_TITLE', { date: document.asOf });
  const subtitle = message(lang, 'HTML_SUBTITLE', { version: context.version, model: document.model.message });

  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="sub">${text(subtitle)} ${escapeHtml(message(lang, 'HTML_DEBTORS_COUNT', { count: document.debtors.length }))}</p>
${heading(lang, 'HTML_TOTALS')}
${totalsTable(document, lang)}
<div class="charts">
<div>${heading(lang, 'HTML_DISTRIBUTION')}${distributionSvg(document.debtors, lang)}</div>
<div>${heading(lang, 'HTML_AGING')}${currencies.map((currency) => agingSvg(document.invoices, currency, lang)).join('')}</div>
</div>
${heading(lang, 'HTML_RANKED')}
${debtorTable(document.debtors, lang)}
${histories ? heading(lang, 'HTML_HISTORY') + `<div class="hist">\n${histories}\n</div>` : ''}
${findings ? heading(lang, 'HTML_FINDINGS') + `<ul class="findings">\n${findings}\n</ul>` : ''}
</body>
</html>
`;
}
