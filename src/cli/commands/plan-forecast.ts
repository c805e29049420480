// `riskpay plan` (next collection step per debtor) and `riskpay forecast` (expected cash in per week).

import type { Lang } from '../../i18n/catalog-type.js';
import { hasMessage, message } from '../../i18n/catalog.js';
import type { Column } from '../../report/columns.js';
import { renderCsv } from '../../report/csv.js';
import { renderJson, renderJsonChunks } from '../../report/json.js';
import { renderNdjson } from '../../report/ndjson.js';
import { actionText, findingRows } from '../../report/score-document.js';
import { renderTable } from '../../report/table.js';
import type { ForecastCurrencyTotal, ForecastResult, ForecastWeek, PlanRow } from '../../scoring/types.js';
import { emit, reportContext, type CommandContext } from '../context.js';
import type { OutputFormat } from '../options.js';
import { importAndScore } from './score.js';

function format(context: CommandContext): OutputFormat {
  return (context.options.format as OutputFormat | undefined) ?? 'table';
}

/**
 * Shows a plan trigger (`grade:D`, `flag:FLAG_CONCENTRATION`) in words: the grade's text, or the
 * flag's short name from the catalog; an unknown trigger stays as written. An invoice step follows
 * the invoice's own grade and a debtor step the debtor's, so the text names the customer or the
 * invoice. One debtor's plan can contain both a D (the customer) and a C (one of its invoices).
 */
function triggerText(trigger: string, invoiceId: string | null, lang: Lang): string {
  const [kind, value] = trigger.split(':');
  if (kind === 'grade' && hasMessage(`GRADE_${value}`)) {
    return message(lang, invoiceId === null ? 'TRIGGER_DEBTOR_GRADE' : 'TRIGGER_INVOICE_GRADE', { grade: message(lang, `GRADE_${value}`) });
  }
  if (kind === 'flag' && hasMessage(`TRIGGER_${value}`)) return message(lang, `TRIGGER_${value}`);
  return trigger;
}

/** Plan table columns that wrap their text. */
const PLAN_WRAP = ['name', 'action', 'trigger'];

/**
 * Plan table columns left out, first to last, when the table does not fit the width. The date, the
 * debtor, the action and the amount make up the step itself, and the other columns explain it.
 */
const PLAN_DROP_ORDER = ['trigger', 'days_overdue', 'channel', 'grade', 'invoice_id'];

export async function runPlan(context: CommandContext): Promise<number> {
  const { request, result } = await importAndScore(context);
  const plan = await context.core.plan(result, request);
  const findings = [...result.findings, ...plan.findings];
  context.diagnostics.findings(findings);
  const top = context.options.top as number | undefined;
  const rows = top === undefined ? plan.rows : plan.rows.slice(0, top);
  const lang = context.lang;
  const columns: Column<PlanRow>[] = [
    { id: 'date', head: 'HEAD_DATE', kind: 'date', value: (row) => row.date },
    { id: 'customer_id', head: 'HEAD_CUSTOMER_ID', kind: 'input-text', value: (row) => row.customerId, csvOnly: true },
    { id: 'name', head: 'HEAD_DEBTOR', kind: 'input-text', value: (row) => row.name },
    { id: 'grade', head: 'HEAD_GRADE', kind: 'text', value: (row) => row.grade },
    { id: 'action', head: 'HEAD_ACTION', kind: 'text', value: (row) => row.action, display: (row) => actionText(row, lang) },
    { id: 'action_text', head: 'HEAD_ACTION', kind: 'text', value: (row) => actionText(row, lang), csvOnly: true },
    { id: 'channel', head: 'HEAD_CHANNEL', kind: 'text', value: (row) => row.channel, display: (row) => message(lang, `CHANNEL_${row.channel.toUpperCase()}`) },
    { id: 'invoice_id', head: 'HEAD_INVOICE', kind: 'input-text', value: (row) => row.invoiceId },
    { id: 'currency', head: 'HEAD_CURRENCY', kind: 'text', value: (row) => row.currency, csvOnly: true },
    { id: 'amount', head: 'HEAD_BALANCE', kind: 'money', value: (row) => row.amount, currency: (row) => row.currency, alignRight: true },
    { id: 'due_date', head: 'HEAD_DUE', kind: 'date', value: (row) => row.dueDate, csvOnly: true },
    { id: 'days_overdue', head: 'HEAD_DAYS_OVERDUE', kind: 'integer', value: (row) => row.daysOverdue, alignRight: true },
    { id: 'trigger', head: 'HEAD_TRIGGER', kind: 'text', value: (row) => row.trigger, display: (row) => triggerText(row.trigger, row.invoiceId, lang) },
  ];
  const report = reportContext(context);
  switch (format(context)) {
    case 'json':
      await emit(context, renderJsonChunks({ asOf: plan.asOf, rows, findings: findingRows(findings, lang) }));
      break;
    case 'ndjson':
      await emit(context, renderNdjson(rows));
      break;
    case 'csv':
      await emit(context, renderCsv(columns, rows, report.csvLocale));
      break;
    default:
      await emit(context, renderTable(columns, rows, report, { wrap: PLAN_WRAP, dropOrder: PLAN_DROP_ORDER }));
  }
  return 0;
}

export async function runForecast(context: CommandContext): Promise<number> {
  // The forecast reads the ledger's invoices after scoring.
  const { imported, request, result } = await importAndScore(context, true);
  // forecast.weeks in the config file applies only when --weeks, RISKPAY_WEEKS and defaults.weeks are all unset.
  const configWeeks = context.sources.weeks === 'default' ? context.config.forecast?.weeks : undefined;
  const weeks = configWeeks ?? (context.options.weeks as number | undefined) ?? 8;
  const forecast = await context.core.forecast(imported.ledger, result, { ...request, weeks });
  // FORECAST_NO_OPEN_INVOICES gives the reason here, and score's note about scoring on history does not apply.
  const nothingOpen = forecast.findings.some((item) => item.code === 'FORECAST_NO_OPEN_INVOICES');
  const findings = [...result.findings.filter((item) => !(nothingOpen && item.code === 'SCORE_NO_OPEN_INVOICES')), ...forecast.findings];
  context.diagnostics.findings(findings);
  const columns: Column<ForecastWeek>[] = [
    { id: 'week', head: 'HEAD_RANK', kind: 'integer', value: (row) => row.week, alignRight: true },
    { id: 'start', head: 'HEAD_WEEK', kind: 'date', value: (row) => row.start },
    { id: 'end', head: 'HEAD_DATE', kind: 'date', value: (row) => row.end, csvOnly: true },
    { id: 'currency', head: 'HEAD_CURRENCY', kind: 'text', value: (row) => row.currency },
    { id: 'expected', head: 'HEAD_EXPECTED_IN', kind: 'money', value: (row) => row.expected, currency: (row) => row.currency, alignRight: true },
    { id: 'invoices', head: 'HEAD_FORECAST_INVOICES', kind: 'integer', value: (row) => row.invoices, alignRight: true },
  ];
  const report = reportContext(context);
  switch (format(context)) {
    case 'json':
      await emit(context, renderJson({ ...forecast, findings: findingRows(findings, context.lang) }));
      break;
    case 'ndjson':
      await emit(context, renderNdjson(forecast.weeks));
      break;
    case 'csv':
      await emit(context, renderCsv(columns, forecast.weeks, report.csvLocale));
      break;
    default:
      // Two tables of headings alone add nothing to the note on stderr.
      if (nothingOpen) break;
      await emit(context, renderTable(columns, forecast.weeks, report) + renderTable(forecastTotalColumns(forecast), forecast.totals, report));
  }
  return 0;
}

/** Columns of the per-currency summary under the weekly table: what comes in by the horizon and after it. */
function forecastTotalColumns(forecast: ForecastResult): Column<ForecastCurrencyTotal>[] {
  const horizonEnd = forecast.horizonEnd ?? forecast.weeks.at(-1)?.end ?? forecast.asOf;
  const columns: Column<ForecastCurrencyTotal>[] = [
    { id: 'currency', head: 'HEAD_CURRENCY', kind: 'text', value: (row) => row.currency },
    { id: 'open_balance', head: 'HEAD_OPEN', kind: 'money', value: (row) => row.openBalance, currency: (row) => row.currency, alignRight: true },
    {
      id: 'expected_in_horizon',
      head: 'HEAD_EXPECTED_IN_HORIZON',
      headArgs: { date: horizonEnd },
      kind: 'money',
      value: (row) => row.expectedInHorizon,
      currency: (row) => row.currency,
      alignRight: true,
    },
    {
      id: 'beyond_horizon',
      head: 'HEAD_BEYOND_HORIZON',
      headArgs: { date: horizonEnd },
      kind: 'money',
      // Doubtful balances have their own column, so this one shows only what is expected after the horizon.
      value: (row) => row.expectedAfterHorizon ?? row.beyondHorizon,
      currency: (row) => row.currency,
      alignRight: true,
    },
  ];
  if (forecast.totals.some((total) => total.doubtful !== undefined)) {
    columns.push({ id: 'doubtful', head: 'HEAD_DOUBTFUL', kind: 'money', value: (row) => row.doubtful ?? 0, currency: (row) => row.currency, alignRight: true });
  }
  return columns;
}
