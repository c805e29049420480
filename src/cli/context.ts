// Everything a command handler needs for one run: resolved options, config, language, the core,
// diagnostics and the output sink.

import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RiskpayConfig } from '../config/schema.js';
import { parseIsoDay, today } from '../dates.js';
import { finding, RiskpayError } from '../findings.js';
import type { Lang } from '../i18n/catalog-type.js';
import type { ReportContext } from '../report/context.js';
import { DEFAULT_TABLE_WIDTH } from '../report/table.js';
import { outputPathError, writeFileAtomic } from './atomic-write.js';
import type { CliImportOptions, Core } from './core.js';
import type { CliIo } from './io.js';
import { optionByKey, type CommandName, type CsvLocale, type OutputFormat } from './options.js';
import { optionLabel, type OptionSource, type OptionValue } from './resolve-options.js';
import type { Diagnostics } from './stderr.js';

export interface CommandContext {
  command: CommandName;
  files: string[];
  options: Record<string, OptionValue | undefined>;
  /** Source of each option value (default, config, environment or flag), by option key. */
  sources: Record<string, OptionSource>;
  config: RiskpayConfig;
  lang: Lang;
  io: CliIo;
  core: Core;
  version: string;
  diagnostics: Diagnostics;
}

export function reportContext(context: CommandContext): ReportContext {
  const noColorEnv = context.io.env.NO_COLOR !== undefined && context.io.env.NO_COLOR !== '';
  const color = context.io.stdoutIsTty && !noColorEnv && context.options.color !== false && context.options.out === undefined;
  // A terminal table fits the terminal. A table written to a file or a pipe keeps every column, because
  // such output has no fixed width to fit and a dropped column would lose data.
  const toTerminal = context.io.stdoutIsTty && context.options.out === undefined;
  // A terminal without a known size reports 0 columns, which means unknown, not zero.
  const columns = context.io.stdoutColumns;
  let width = Number.POSITIVE_INFINITY;
  if (toTerminal) width = columns !== undefined && columns > 0 ? columns : DEFAULT_TABLE_WIDTH;
  return {
    lang: context.lang,
    color,
    csvLocale: (context.options.csvLocale as CsvLocale | undefined) ?? 'rfc4180',
    version: context.version,
    width,
    onColumnsDropped: (headings, columnCount) =>
      context.diagnostics.status('STATUS_TABLE_NARROWED', { count: headings.length, total: columnCount, columns: headings.join(', '), width }),
    onTableTooWide: (drawn, headings, columnCount) =>
      headings.length === 0
        ? context.diagnostics.status('STATUS_TABLE_TOO_WIDE', { drawn, width })
        : context.diagnostics.status('STATUS_TABLE_TOO_WIDE_NARROWED', { count: headings.length, total: columnCount, columns: headings.join(', '), drawn, width }),
  };
}

/** Writes the command's output to --out atomically, or to stdout. */
export async function emit(context: CommandContext, text: string | Iterable<string>): Promise<void> {
  const out = context.options.out as string | undefined;
  if (out === undefined || out === '-') {
    // Each piece waits for the previous write, so a large report in pieces is never queued whole.
    for (const piece of typeof text === 'string' ? [text] : text) {
      await new Promise<void>((done, fail) => {
        context.io.stdout.write(piece, (error) => (error ? fail(error) : done()));
      });
    }
    return;
  }
  const delay = Number(context.io.env.RISKPAY_TEST_WRITE_DELAY_MS ?? 0);
  await writeFileAtomic(resolve(context.io.cwd, out), text, Number.isFinite(delay) ? delay : 0);
  context.diagnostics.status('STATUS_WROTE', { file: out });
}

/** File names suggested when --out names a folder, by output format. */
const EXAMPLE_OUT_NAMES: Record<OutputFormat, string> = {
  table: 'report.txt',
  json: 'report.json',
  ndjson: 'report.ndjson',
  csv: 'report.csv',
  html: 'report.html',
};

/** Returns the file name to suggest when --out names a folder. */
function exampleOutName(context: CommandContext): string {
  if (context.command === 'train') return 'model.json';
  if (context.command === 'schema') return 'score.schema.json';
  return EXAMPLE_OUT_NAMES[(context.options.format as OutputFormat | undefined) ?? 'table'];
}

/**
 * Checks the --out and --state paths before the command reads or trains anything, so a run whose
 * output cannot be saved stops at once with exit code 2 instead of after the work.
 */
export function checkOutputPaths(context: CommandContext): void {
  const out = context.options.out as string | undefined;
  if (out !== undefined && out !== '-') {
    const problem = outputPathError(resolve(context.io.cwd, out), out, exampleOutName(context));
    if (problem) throw problem;
  }
  const state = context.options.state as string | undefined;
  if (state !== undefined) {
    const problem = outputPathError(resolve(context.io.cwd, state), state, 'riskpay-state.json');
    if (problem) throw problem;
  }
}

/**
 * Warns when --csv-locale is given on the command line with an output format other than csv, which
 * ignores it. A value from RISKPAY_CSV_LOCALE or the config file is a standing preference for CSV
 * runs, so it is not warned about in the runs of other formats.
 */
export function warnIgnoredCsvLocale(context: CommandContext, source: OptionSource | undefined): void {
  const format = context.options.format as OutputFormat | undefined;
  if (source !== 'flag' || format === undefined || format === 'csv') return;
  context.diagnostics.findings([finding('CLI_CSV_LOCALE_IGNORED', 'warning', { locale: context.options.csvLocale as string, format })]);
}

/** Parses the map options (`field=Header`), config columns first so flags override them. */
export function columnMap(context: CommandContext): Record<string, string> | undefined {
  const map: Record<string, string> = {};
  for (const [field, header] of Object.entries(context.config.columns ?? {})) if (header !== undefined) map[field] = header;
  for (const entry of (context.options.map as string[] | undefined) ?? []) {
    const at = entry.indexOf('=');
    if (at <= 0 || at === entry.length - 1) throw new RiskpayError('CLI_INVALID_MAP', { value: entry });
    map[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  return Object.keys(map).length > 0 ? map : undefined;
}

/**
 * Names the source of an option's value for a message from the core: the environment variable, the
 * config file's `defaults` key or the flag. The core has only the flag name, so the CLI passes this.
 */
export function sourceLabel(context: CommandContext, key: string): string {
  const spec = optionByKey(key);
  if (spec === undefined) return key;
  return optionLabel(spec, context.sources[key] ?? 'flag');
}

export function importOptions(context: CommandContext): CliImportOptions {
  const options = context.options;
  const result: CliImportOptions = { stdin: context.io.stdin };
  const map = columnMap(context);
  if (map) result.map = map;
  if (options.encoding !== undefined) {
    result.encoding = options.encoding as string;
    result.encodingOption = sourceLabel(context, 'encoding');
  }
  if (options.delimiter !== undefined) result.delimiter = options.delimiter as string;
  if (options.decimal !== undefined) result.decimal = options.decimal as ',' | '.';
  if (options.dateFormat !== undefined) result.dateFormat = options.dateFormat as string;
  if (options.payments !== undefined) result.payments = options.payments as string[];
  if (options.terms !== undefined) result.terms = options.terms as number;
  if (options.extra !== undefined) result.extra = options.extra as string[];
  if (options.strict !== undefined) result.strict = options.strict as boolean;
  if (options.rates !== undefined) result.rates = options.rates as string;
  if (options.maxFieldChars !== undefined) result.maxFieldBytes = options.maxFieldChars as number;
  if (options.maxLineChars !== undefined) result.maxLineBytes = options.maxLineChars as number;
  if (options.maxColumns !== undefined) result.maxColumns = options.maxColumns as number;
  return result;
}

/**
 * Input paths as the user typed them, so findings name the files the same way. `-` (standard input)
 * may appear once among the invoice files and the --payments files together, because a second read
 * of standard input would find it empty.
 */
export function inputFiles(context: CommandContext): string[] {
  const payments = (context.options.payments as string[] | undefined) ?? [];
  const stdinCount = [...context.files, ...payments].filter((file) => file === '-').length;
  if (stdinCount > 1) throw new RiskpayError('CLI_STDIN_TWICE');
  const invoicePaths = checkNoRepeatedFile(context.files, context.io.cwd, 'CLI_INPUT_REPEATED');
  checkNoRepeatedFile(payments, context.io.cwd, 'CLI_PAYMENTS_REPEATED');
  checkInputNotPayments(context.files, invoicePaths, payments, context.io.cwd);
  const out = context.options.out as string | undefined;
  const outPath = out && out !== '-' ? resolve(context.io.cwd, out) : null;
  for (const file of context.files) {
    if (file !== '-' && resolve(context.io.cwd, file) === outPath) throw new RiskpayError('CLI_OUT_IS_INPUT', { file: out! });
  }
  return context.files;
}

/** Returns the real path of `file` after symbolic links, or null when it cannot be resolved. */
function realPathOf(file: string, cwd: string): string | null {
  try {
    return realpathSync(resolve(cwd, file));
  } catch {
    return null;
  }
}

/**
 * Raises `code` when two entries of `files` are the same file after symbolic links are resolved, such
 * as `a.csv ./a.csv`. Read twice, every row of the second copy is a duplicate of the first and is
 * skipped, and the output would not name the cause. The error names both positions (from 1)
 * and, when they are spelled differently, both spellings and the real path (code `<code>_ALIAS`).
 * A path that cannot be resolved is left to the import, which reports it as not found.
 * Returns the position of each real path, for the check across invoice and payments files.
 */
function checkNoRepeatedFile(files: readonly string[], cwd: string, code: string): Map<string, number> {
  const seen = new Map<string, number>();
  files.forEach((file, index) => {
    if (file === '-') return;
    const realPath = realPathOf(file, cwd);
    if (realPath === null) return;
    const earlier = seen.get(realPath);
    if (earlier === undefined) {
      seen.set(realPath, index);
      return;
    }
    const args = { file: files[earlier], otherFile: file, first: earlier + 1, second: index + 1, realPath };
    throw new RiskpayError(files[earlier] === file ? code : `${code}_ALIAS`, args);
  });
  return seen;
}

/**
 * Raises CLI_INPUT_AS_PAYMENTS when one file is both an invoice file and a --payments file. Read as
 * payments, an invoice export adds no payment and gives a warning for each row without a payment
 * date, so the second name is almost always a typo for another file. The error names the input
 * position and the --payments position (from 1), and `_ALIAS` adds both spellings and the real path.
 */
function checkInputNotPayments(files: readonly string[], invoicePaths: Map<string, number>, payments: readonly string[], cwd: string): void {
  payments.forEach((payment, index) => {
    if (payment === '-') return;
    const realPath = realPathOf(payment, cwd);
    if (realPath === null) return;
    const invoiceIndex = invoicePaths.get(realPath);
    if (invoiceIndex === undefined) return;
    const file = files[invoiceIndex];
    const args = { file, otherFile: payment, first: invoiceIndex + 1, second: index + 1, realPath };
    throw new RiskpayError(file === payment ? 'CLI_INPUT_AS_PAYMENTS' : 'CLI_INPUT_AS_PAYMENTS_ALIAS', args);
  });
}

/** Returns the as-of day (--as-of, or today) and whether today was used. */
export function asOfDay(context: CommandContext): { day: number; defaulted: boolean } {
  const text = context.options.asOf as string | undefined;
  if (text === undefined) return { day: today(), defaulted: true };
  return { day: parseIsoDay(text)!, defaulted: false };
}
