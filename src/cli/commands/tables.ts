// `inspect`, `features`, `train` and `evaluate`: commands whose output is one or two plain tables.

import type { FileReport } from '../../ingest/ledger.js';
import type { Column } from '../../report/columns.js';
import { renderCsv } from '../../report/csv.js';
import { renderJson } from '../../report/json.js';
import { renderNdjson } from '../../report/ndjson.js';
import { findingRows } from '../../report/score-document.js';
import { renderTable } from '../../report/table.js';
import { RiskpayError } from '../../findings.js';
import { parseIsoDay } from '../../dates.js';
import type { Lang } from '../../i18n/catalog-type.js';
import { message } from '../../i18n/catalog.js';
import { formatNumber } from '../../report/format.js';
import { asOfDay, emit, importOptions, inputFiles, reportContext, type CommandContext } from '../context.js';
import type { MetricsResult } from '../core.js';
import type { OutputFormat } from '../options.js';

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

interface ColumnRow {
  file: string;
  header: string;
  index: number;
  field: string | null;
  format?: string;
}

export async function runInspect(context: CommandContext): Promise<number> {
  const files = inputFiles(context);
  const result = await context.core.inspect(files, importOptions(context));
  context.diagnostics.findings(result.findings);
  if (result.error) context.diagnostics.error(result.error);
  // The files read so far are still shown when the import stopped, and exit code 2 reports the bad input.
  const exitCode = result.error ? 2 : 0;
  const kind = format(context);
  if (kind === 'json' || kind === 'ndjson') {
    const document = { ...result, findings: findingRows(result.findings, context.lang) };
    await emit(context, kind === 'json' ? renderJson(document) : renderNdjson(result.files));
    return exitCode;
  }
  const ignored = (row: ColumnRow) => row.field ?? message(context.lang, 'VALUE_IGNORED');
  const columnRows: ColumnRow[] = result.files.flatMap((file) => file.columns.map((column) => ({ file: file.file, ...column })));
  const columnColumns: Column<ColumnRow>[] = [
    { id: 'file', head: 'HEAD_FILE', kind: 'input-text', value: (row) => row.file },
    { id: 'index', head: 'HEAD_RANK', kind: 'integer', value: (row) => row.index + 1, alignRight: true },
    { id: 'header', head: 'HEAD_COLUMN', kind: 'input-text', value: (row) => row.header },
    { id: 'field', head: 'HEAD_FIELD', kind: 'text', value: (row) => row.field, display: ignored },
    { id: 'format', head: 'HEAD_DETECTED_FORMAT', kind: 'text', value: (row) => row.format ?? null },
  ];
  const report = reportContext(context);
  if (kind === 'csv') {
    await emit(context, renderCsv(columnColumns, columnRows, report.csvLocale));
    return exitCode;
  }
  await emit(context, renderTable(FILE_COLUMNS, result.files, report) + renderTable(columnColumns, columnRows, report));
  return exitCode;
}

export async function runFeatures(context: CommandContext): Promise<number> {
  const imported = await importInputs(context);
  const { day } = asOfDay(context);
  const table = await context.core.features(imported.ledger, day);
  const columns: Column<Record<string, number | string | null>>[] = table.columns.map((name) => ({
    id: name,
    head: 'HEAD_FEATURE',
    kind: name === 'customerId' || name === 'name' || name === 'invoiceId' ? 'input-text' : 'number',
    value: (row) => row[name] ?? null,
  }));
  const kind = format(context);
  const report = reportContext(context);
  if (kind === 'json') await emit(context, renderJson({ asOf: day, columns: table.columns, rows: table.rows }));
  else if (kind === 'ndjson') await emit(context, renderNdjson(table.rows));
  // A table with dozens of feature columns does not fit a terminal, so the table format also prints CSV.
  else await emit(context, renderCsv(columns, table.rows, report.csvLocale));
  return 0;
}

/** Shows counts as whole numbers and rates such as AUC with four decimals. */
function metricText(value: number | string | null, lang: Lang): string {
  if (value === null) return message(lang, 'VALUE_NONE');
  if (typeof value === 'string') return value;
  return formatNumber(value, lang, Number.isInteger(value) ? 0 : 4);
}

async function emitMetrics(context: CommandContext, result: MetricsResult): Promise<void> {
  context.diagnostics.findings(result.findings);
  const kind = format(context);
  if (kind === 'json') {
    await emit(context, renderJson({ metrics: result.detail, findings: findingRows(result.findings, context.lang) }));
    return;
  }
  const columns: Column<MetricsResult['metrics'][number]>[] = [
    { id: 'metric', head: 'HEAD_METRIC', kind: 'text', value: (row) => row.name },
    { id: 'value', head: 'HEAD_VALUE', kind: 'number', value: (row) => row.value, display: (row) => metricText(row.value, context.lang), alignRight: true },
  ];
  const report = reportContext(context);
  if (kind === 'ndjson') await emit(context, renderNdjson(result.metrics));
  else if (kind === 'csv') await emit(context, renderCsv(columns, result.metrics, report.csvLocale));
  else await emit(context, renderTable(columns, result.metrics, report));
}

export async function runTrain(context: CommandContext): Promise<number> {
  const out = context.options.out as string | undefined;
  if (out === undefined) throw new RiskpayError('CLI_OUT_REQUIRED');
  const imported = await importInputs(context);
  context.diagnostics.progress('STATUS_PROGRESS_TRAINING', { count: imported.ledger.invoices.length });
  const result = await context.core.train(imported.ledger, {
    lateAfterDays: context.options.lateAfter as number | undefined,
    seed: (context.options.seed as number | undefined) ?? 1,
    out,
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
    throw new RiskpayError('CLI_INVALID_OPTION_VALUE', { option: '--cutoff', value: '', source: 'flag', expected: 'a date YYYY-MM-DD' });
  }
  const imported = await importInputs(context);
  const request = {
    cutoff: parseIsoDay(cutoffText)!,
    lateAfterDays: context.options.lateAfter as number | undefined,
    seed: (context.options.seed as number | undefined) ?? 1,
  };
  await emitMetrics(context, await context.core.evaluate(imported.ledger, request));
  return 0;
}
