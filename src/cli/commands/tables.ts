// `inspect`, `features`, `train` and `evaluate`: commands whose output is one or two plain tables.

import type { FileReport } from '../../ingest/ledger.js';
import { LINES_KEPT } from '../../ingest/reporter.js';
import { foldName } from '../../ingest/customers.js';
import { isNoValueSentinel } from '../../features/index.js';
import type { Column } from '../../report/columns.js';
import { renderCsv } from '../../report/csv.js';
import { renderJson, renderJsonChunks } from '../../report/json.js';
import { renderNdjson } from '../../report/ndjson.js';
import { findingRows } from '../../report/score-document.js';
import { renderTable } from '../../report/table.js';
import { finding, RiskpayError } from '../../findings.js';
import { formatDay, parseIsoDay } from '../../dates.js';
import type { Lang } from '../../i18n/catalog-type.js';
import { hasMessage, message } from '../../i18n/catalog.js';
import { formatNumber } from '../../report/format.js';
import { featureOutputValue, isMoneyFeature } from '../../report/feature-values.js';
import { asOfDay, emit, importOptions, inputFiles, reportContext, sourceLabel, type CommandContext } from '../context.js';
import type { MetricsResult } from '../core.js';
import type { OutputFormat } from '../options.js';
import type { ReportContext } from '../../report/context.js';
import type { EvaluationResult } from '../../model/evaluate.js';
import { renderEvaluationTables } from './evaluate-tables.js';
import { renderSkippedRows, skippedRowsOutput } from './inspect-skipped.js';

function format(context: CommandContext): OutputFormat {
  return (context.options.format as OutputFormat | undefined) ?? 'table';
}

async function importInputs(context: CommandContext) {
  const files = inputFiles(context);
  context.diagnostics.progress('STATUS_PROGRESS_READING', { files: files.length });
  const imported = await context.core.importLedger(files, importOptions(context));
  context.diagnostics.done();
  context.diagnostics.findings(imported.findings);
  return imported;
}

const FILE_COLUMNS: Column<FileReport>[] = [
  { id: 'file', head: 'HEAD_FILE', kind: 'input-text', value: (row) => row.file },
  { id: 'encoding', head: 'HEAD_ENCODING', kind: 'text', value: (row) => row.encoding },
  { id: 'delimiter', head: 'HEAD_DELIMITER', kind: 'text', value: (row) => (row.delimiter === '\t' ? 'tab' : row.delimiter) },
  { id: 'header_line', head: 'HEAD_HEADER_LINE', kind: 'integer', value: (row) => row.headerLine, alignRight: true },
  { id: 'rows_read', head: 'HEAD_ROWS_READ', kind: 'integer', value: (row) => row.rowsRead, alignRight: true },
  { id: 'rows_used', head: 'HEAD_ROWS_USED', kind: 'integer', value: (row) => row.rowsUsed, alignRight: true },
  { id: 'rows_skipped', head: 'HEAD_ROWS_SKIPPED', kind: 'integer', value: (row) => row.rowsSkipped, alignRight: true },
];

/** Column map columns that wrap their text. File paths never wrap, because a user copies them whole. */
const COLUMN_MAP_WRAP = ['header', 'field', 'format'];

interface ColumnRow {
  file: string;
  header: string;
  column: number;
  field: string | null;
  format?: string;
}

export async function runInspect(context: CommandContext): Promise<number> {
  const files = inputFiles(context);
  const result = await context.core.inspect(files, importOptions(context));
  context.diagnostics.findings(result.findings);
  if (result.error) context.diagnostics.error(result.error);
  // The files read so far are still shown when the import stopped, and exit code 2 reports the bad input.
  // When it stopped before any file's header was read, there is nothing to show but the error.
  if (result.error && result.files.length === 0) return 2;
  // inspect lists every warning even with --strict, which then fails the run when there is any.
  const strictFailed = context.options.strict === true && result.findings.some((item) => item.severity === 'warning');
  if (strictFailed) context.diagnostics.status('CLI_STRICT_INSPECT_FAILED');
  const exitCode = result.error || strictFailed ? 2 : 0;
  const kind = format(context);
  const skippedCount = (result.skippedRows ?? []).reduce((sum, row) => sum + row.rows, 0);
  noteSkippedRowsLeftOut(context, kind, skippedCount);
  if (kind === 'json' || kind === 'ndjson') {
    const document = { ...result, skippedRows: skippedRowsOutput(result.skippedRows ?? [], context.lang), findings: findingRows(result.findings, context.lang) };
    // In pieces, because a file with a million bad rows lists a million skipped rows.
    await emit(context, kind === 'json' ? renderJsonChunks(document) : renderNdjson(result.files));
    return exitCode;
  }
  const ignored = (row: ColumnRow) => (row.field === null ? message(context.lang, 'VALUE_IGNORED') : fieldText(row.field, context.lang));
  const columnRows: ColumnRow[] = result.files.flatMap((file) => file.columns.map((column) => ({ file: file.file, ...column })));
  const columnColumns: Column<ColumnRow>[] = [
    { id: 'file', head: 'HEAD_FILE', kind: 'input-text', value: (row) => row.file },
    { id: 'column', head: 'HEAD_RANK', kind: 'integer', value: (row) => row.column, alignRight: true },
    { id: 'header', head: 'HEAD_COLUMN', kind: 'input-text', value: (row) => row.header },
    { id: 'field', head: 'HEAD_FIELD', kind: 'text', value: (row) => row.field, display: ignored },
    { id: 'format', head: 'HEAD_DETECTED_FORMAT', kind: 'text', value: (row) => row.format ?? null, display: (row) => (row.format ? formatText(row.format, context.lang) : message(context.lang, 'VALUE_NONE')) },
  ];
  const report = reportContext(context);
  if (kind === 'csv') {
    await emit(context, renderCsv(columnColumns, columnRows, report.csvLocale));
    return exitCode;
  }
  // These tables keep every column, because --format csv gives only the column map. Their text columns
  // other than file paths wrap instead, and a note on stderr gives the drawn width of a table still
  // wider than the terminal.
  let text = renderTable(FILE_COLUMNS, result.files, report) + renderTable(columnColumns, columnRows, report, { wrap: COLUMN_MAP_WRAP });
  const similar = result.nearDuplicates ?? [];
  if (similar.length > 0) {
    // Names that look alike but belong to different customer numbers or spellings: listed for the user
    // to check, because riskpay never merges customers by a fuzzy match.
    const similarColumns: Column<{ names: string[]; customerIds: string[] }>[] = [
      { id: 'names', head: 'HEAD_SIMILAR_NAMES', kind: 'input-text', value: (row) => row.names.join(' / ') },
      { id: 'ids', head: 'HEAD_CUSTOMER_IDS', kind: 'input-text', value: (row) => row.customerIds.join(' / ') },
    ];
    text += renderTable(similarColumns, similar, report, { wrap: ['names', 'ids'] });
  }
  text += renderSkippedRows(result.skippedRows ?? [], report);
  await emit(context, text);
  return exitCode;
}

/**
 * Notes on stderr that the csv and ndjson output of inspect do not list the skipped rows one by one.
 * One CSV document cannot hold the column map and the skipped rows as two tables, and ndjson has one
 * line per file, so the note points to the table and to --format json.
 */
function noteSkippedRowsLeftOut(context: CommandContext, kind: OutputFormat, count: number): void {
  if (count === 0) return;
  if (kind === 'csv') context.diagnostics.findings([finding('CLI_INSPECT_CSV_NO_SKIPPED', 'info', { count })]);
  if (kind === 'ndjson') context.diagnostics.findings([finding('CLI_INSPECT_NDJSON_SKIPPED_COUNTED', 'info', { count, lines: LINES_KEPT })]);
}

/**
 * Returns a ledger field as `--map` spells it, with its name in the output language beside it, such as
 * "issueDate (fakturadatum)": the first part is what a user types, the second what it means.
 */
function fieldText(field: string, lang: Lang): string {
  const key = `FIELD_LABEL_${field.replace(/([A-Z])/g, '_$1').toUpperCase()}`;
  return hasMessage(key) ? message(lang, 'VALUE_FIELD_WITH_LABEL', { field, label: message(lang, key) }) : field;
}

/**
 * Catalog keys of the parts of a detected column format, as the importer describes it.
 * NOTE: matched on the importer's English text (NumberColumn and DateColumn describe()), so a part
 * reworded there shows in English here.
 */
const FORMAT_PART_KEYS: Record<string, string> = {
  DMY: 'FORMAT_DMY',
  MDY: 'FORMAT_MDY',
  'ISO or month name': 'FORMAT_ISO_OR_MONTH_NAME',
  'serial numbers': 'FORMAT_SERIAL_NUMBERS',
  integer: 'FORMAT_INTEGER',
};

/**
 * Returns the importer's description of a column format in the output language, such as "decimal ,"
 * or "DMY + serial numbers". The CSV and JSON output keep the importer's English text, which is stable.
 */
function formatText(format: string, lang: Lang): string {
  const fromOption = format.endsWith(' (option)');
  const base = fromOption ? format.slice(0, -' (option)'.length) : format;
  const parts = base.split(' + ').map((part) => {
    const decimal = /^decimal (.)$/.exec(part);
    if (decimal) return message(lang, 'FORMAT_DECIMAL', { separator: decimal[1] });
    const key = FORMAT_PART_KEYS[part];
    return key ? message(lang, key) : part;
  });
  const text = parts.join(' + ');
  return fromOption ? message(lang, 'FORMAT_FROM_OPTION', { format: text }) : text;
}

/** Identifies text from the input (neutralised in CSV), the as-of date, amounts and other feature values. */
function featureColumnKind(name: string): 'input-text' | 'date' | 'money' | 'number' {
  if (name === 'customerId' || name === 'name' || name === 'invoiceId') return 'input-text';
  if (name === 'asOf') return 'date';
  if (isMoneyFeature(name)) return 'money';
  return 'number';
}

export async function runFeatures(context: CommandContext): Promise<number> {
  const imported = await importInputs(context);
  const { day, defaulted } = asOfDay(context);
  const asOf = formatDay(day);
  context.diagnostics.status(defaulted ? 'STATUS_AS_OF_TODAY' : 'STATUS_AS_OF', { date: asOf });
  const table = await context.core.features(imported.ledger, day, defaulted);
  context.diagnostics.findings(table.findings);
  // As with score, nothing to show is bad input (an export of drafts, or an --as-of before the first invoice).
  if (table.rows.length === 0) {
    if (imported.ledger.invoices.length === 0) throw new RiskpayError('SCORE_NO_INVOICES');
    throw new RiskpayError('SCORE_NO_DEBTORS', { asOf });
  }
  const rows = table.rows.map(roundFeatureRow);
  const columns: Column<Record<string, number | string | null>>[] = table.columns.map((name) => ({
    id: name,
    head: 'HEAD_FEATURE',
    kind: featureColumnKind(name),
    value: (row) => row[name] ?? null,
  }));
  const kind = format(context);
  const report = reportContext(context);
  if (kind === 'json') await emit(context, renderJsonChunks({ asOf, columns: table.columns, rows }));
  else if (kind === 'ndjson') await emit(context, renderNdjson(rows));
  else if (kind === 'csv') await emit(context, renderCsv(columns, rows, report.csvLocale));
  else {
    // Dozens of feature columns do not fit a terminal, so the table shows the headline ones and names where the rest are.
    const shown = FEATURE_TABLE_COLUMNS.filter((column) => column.id !== 'customerId' || !idsAreFoldedNames(rows));
    let droppedCount = 0;
    const tableReport: ReportContext = {
      ...report,
      onColumnsDropped: (headings, columnCount) => {
        droppedCount = headings.length;
        report.onColumnsDropped?.(headings, columnCount);
      },
      onTableTooWide: (drawnWidth, headings, columnCount) => {
        droppedCount = headings.length;
        report.onTableTooWide?.(drawnWidth, headings, columnCount);
      },
    };
    await emit(context, renderTable(shown, rows, tableReport, { wrap: ['name'], dropOrder: FEATURE_DROP_ORDER }));
    context.diagnostics.status('STATUS_FEATURES_TABLE_PART', { shown: shown.length - droppedCount, total: table.columns.length });
  }
  return 0;
}

type FeatureRow = Record<string, number | string | null>;

/**
 * Reads a feature as a number for the table, or null for a text value or the catalog's stand-in for
 * "no history". CSV and JSON keep the stand-in, because it is the value the model reads.
 */
function featureNumber(row: FeatureRow, name: string): number | null {
  const value = row[name];
  if (typeof value !== 'number' || isNoValueSentinel(name, value)) return null;
  return value;
}

/**
 * True when no row has a customer number of its own: an export without that column gets the folded name
 * as the key ("alder ltd"), which would only repeat the name beside it.
 */
function idsAreFoldedNames(rows: readonly FeatureRow[]): boolean {
  return rows.every((row) => typeof row.name === 'string' && row.customerId === foldName(row.name));
}

/** The features of the terminal table: who, how much history, how late, and what is owed now. */
const FEATURE_TABLE_COLUMNS: Column<FeatureRow>[] = [
  { id: 'customerId', head: 'HEAD_CUSTOMER_ID', kind: 'input-text', value: (row) => row.customerId ?? null },
  { id: 'name', head: 'HEAD_DEBTOR', kind: 'input-text', value: (row) => row.name ?? null },
  { id: 'settled_count', head: 'HEAD_PAID_INVOICES', kind: 'integer', value: (row) => featureNumber(row, 'settled_count'), alignRight: true },
  { id: 'late_share', head: 'HEAD_LATE_SHARE', kind: 'percent', value: (row) => featureNumber(row, 'late_share'), alignRight: true },
  { id: 'mean_days_late', head: 'HEAD_MEAN_DAYS_LATE', kind: 'number', value: (row) => featureNumber(row, 'mean_days_late'), alignRight: true },
  { id: 'open_balance', head: 'HEAD_OPEN', kind: 'money', value: (row) => featureNumber(row, 'open_balance'), currency: (row) => String(row.currency ?? ''), alignRight: true },
  { id: 'overdue_balance', head: 'HEAD_OVERDUE', kind: 'money', value: (row) => featureNumber(row, 'overdue_balance'), currency: (row) => String(row.currency ?? ''), alignRight: true },
  { id: 'oldest_overdue_days', head: 'HEAD_OLDEST_DAYS', kind: 'integer', value: (row) => featureNumber(row, 'oldest_overdue_days'), alignRight: true },
  { id: 'days_since_last_payment', head: 'HEAD_DAYS_SINCE_PAYMENT', kind: 'integer', value: (row) => featureNumber(row, 'days_since_last_payment'), alignRight: true },
];

/**
 * Feature table columns left out, first to last, when the table does not fit the width. The debtor,
 * paid invoices, late share and open balance stay: who, how much history, how late, and what is owed.
 */
const FEATURE_DROP_ORDER = ['days_since_last_payment', 'oldest_overdue_days', 'mean_days_late', 'overdue_balance', 'customerId'];

/** Writes day numbers as YYYY-MM-DD and amounts to their minor unit, so every format shows the same values. */
function roundFeatureRow(row: Record<string, number | string | null>): Record<string, number | string | null> {
  const currency = typeof row.currency === 'string' ? row.currency : '';
  // In place: a million-invoice ledger has tens of thousands of rows of fifty values, and the unrounded
  // rows are not used again.
  for (const [name, value] of Object.entries(row)) {
    if (name === 'asOf' && typeof value === 'number') row[name] = formatDay(value);
    else if (typeof value === 'number') row[name] = featureOutputValue(name, value, currency);
  }
  return row;
}

/** Returns the table label of a metric: `auc_model` reads "AUC, model"; unknown names stay as they are. */
function metricLabel(name: string, lang: Lang): string {
  const key = `METRIC_${name.toUpperCase()}`;
  if (hasMessage(key)) return message(lang, key);
  const scored = /^(auc|brier)_(.+)$/.exec(name);
  if (scored) {
    const scorerKey = `SCORER_${scored[2].toUpperCase()}`;
    const scorer = hasMessage(scorerKey) ? message(lang, scorerKey) : scored[2];
    return message(lang, `METRIC_${scored[1].toUpperCase()}`, { scorer });
  }
  return name;
}

/** Shows counts as whole numbers and rates such as AUC with four decimals. */
function metricText(value: number | string | null, lang: Lang): string {
  if (value === null) return message(lang, 'VALUE_NONE');
  if (typeof value === 'string') return value;
  return formatNumber(value, lang, Number.isInteger(value) ? 0 : 4);
}

/** Prints the metrics; `details` renders more tables after the summary in the table format. */
async function emitMetrics(context: CommandContext, result: MetricsResult, details?: (report: ReportContext) => string): Promise<void> {
  context.diagnostics.findings(result.findings);
  const kind = format(context);
  if (kind === 'json') {
    await emit(context, renderJson({ metrics: result.detail, findings: findingRows(result.findings, context.lang) }));
    return;
  }
  const columns: Column<MetricsResult['metrics'][number]>[] = [
    { id: 'metric', head: 'HEAD_METRIC', kind: 'text', value: (row) => row.name, display: (row) => metricLabel(row.name, context.lang) },
    { id: 'value', head: 'HEAD_VALUE', kind: 'number', value: (row) => row.value, display: (row) => metricText(row.value, context.lang), alignRight: true },
  ];
  const report = reportContext(context);
  if (kind === 'ndjson') await emit(context, renderNdjson(result.metrics));
  else if (kind === 'csv') await emit(context, renderCsv(columns, result.metrics, report.csvLocale));
  else await emit(context, renderTable(columns, result.metrics, report) + (details ? details(report) : ''));
}

export async function runTrain(context: CommandContext): Promise<number> {
  const out = context.options.out as string | undefined;
  if (out === undefined) throw new RiskpayError('CLI_OUT_REQUIRED');
  const imported = await importInputs(context);
  context.diagnostics.progress('STATUS_PROGRESS_TRAINING', { count: imported.ledger.invoices.length });
  const asOfText = context.options.asOf as string | undefined;
  const result = await context.core.train(imported.ledger, {
    asOf: asOfText === undefined ? undefined : parseIsoDay(asOfText)!,
    lateAfterDays: context.options.lateAfter as number | undefined,
    seed: (context.options.seed as number | undefined) ?? 1,
    out,
    extraOption: sourceLabel(context, 'extra'),
  });
  context.diagnostics.done();
  context.diagnostics.status('STATUS_MODEL_SAVED', { file: out });
  // The model went to --out; the summary goes to stdout.
  await emitMetrics({ ...context, options: { ...context.options, out: undefined } }, result);
  return 0;
}

export async function runEvaluate(context: CommandContext): Promise<number> {
  const cutoffText = context.options.cutoff as string | undefined;
  if (cutoffText === undefined) {
    throw new RiskpayError('CLI_CUTOFF_REQUIRED');
  }
  const imported = await importInputs(context);
  const request = {
    cutoff: parseIsoDay(cutoffText)!,
    lateAfterDays: context.options.lateAfter as number | undefined,
    seed: (context.options.seed as number | undefined) ?? 1,
    extraOption: sourceLabel(context, 'extra'),
  };
  const result = await context.core.evaluate(imported.ledger, request);
  await emitMetrics(context, result, (report) => renderEvaluationTables(result.detail as EvaluationResult, report));
  return 0;
}
