// Reads one CSV file up to its rows: decodes it, finds delimiter and header line, maps columns, and
// hands each data row to a row reader. Blank rows, summary rows and rows with the wrong number of
// fields are skipped, counted and reported here.

import { RiskpayError, type SourceRef } from '../findings.js';
import type { ColumnReport, FileReport } from './ledger.js';
import { openInput } from './decode.js';
import { sniff } from './sniff.js';
import { CsvSplitter } from './splitter.js';
import { mapColumns, normalizeHeader, type ColumnMapping } from './headers.js';
import { RowIssue } from './columns.js';
import type { ImportOptions } from './options.js';
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_FIELD_BYTES, DEFAULT_MAX_LINE_BYTES } from './options.js';
import { countSkip, type CodeCount, type Reporter } from './reporter.js';

export type FileKind = 'invoices' | 'payments';

/** FileReport plus what inspect shows. */
export interface FileDetails extends FileReport {
  kind: FileKind;
  /** Physical line of Excel's `sep=` line, or 0. */
  sepLine: number;
  /** Skipped rows per reason code. */
  skipped: Record<string, CodeCount>;
  lineItems: boolean;
}

export interface RowReader {
  /** Reads one data row; raises RowIssue to skip it. */
  read(fields: string[], line: number): void;
  /** Called after the last row: resolves pending cells and describes column formats. */
  finish(): void;
  describe(field: string): string | undefined;
}

/** A file whose field count stays wrong for this many rows in a row has changed shape, not a few bad rows. */
const SHAPE_CHANGE_ROWS = 5;

/** A whole cell that contains only Total (optionally with a colon or a currency code) marks a summary row. */
const TOTAL_WORDS = /^(grand total|total|totals|totalt|totalsumma|summa|sum|suma|suma total|subtotal|total general|saldo total|importe total)\s*:?\s*([A-Z]{3})?$/i;

export async function readCsvFile<F extends string>(
  input: string,
  kind: FileKind,
  options: ImportOptions,
  allowedFields: readonly F[],
  reporter: Reporter,
  details: FileDetails,
  makeReader: (headers: string[], mapping: ColumnMapping<F>, file: string, headerLine: number) => RowReader,
): Promise<void> {
  const file = details.file;
  const decoded = await openInput(input, options, options.stdin);
  details.encoding = decoded.encoding;
  if (decoded.guessed) reporter.add('INGEST_ENCODING_GUESSED', 'info', { file, encoding: decoded.encoding }, { file });

  const map = options.map ?? {};
  const mappedHeaders = new Set(Object.values(map).map(normalizeHeader));
  for (const extra of options.extra ?? []) mappedHeaders.add(normalizeHeader(extra));

  // Gather a sample of at least 64 KiB to sniff, then split everything from the start.
  let sample = '';
  let ended = false;
  const iterator = decoded.chunks[Symbol.asyncIterator]();
  while (sample.length < 65_536) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    sample += next.value;
  }
  // Old Mac files end lines with CR alone.
  const crOnly = sample.indexOf('\n') === -1 && sample.indexOf('\r') !== -1;
  if (crOnly) sample = sample.replace(/\r/g, '\n');
  if (sample.trim() === '') throw new RiskpayError('INGEST_FILE_EMPTY', { file }, { file });

  const found = sniff(sample, ended, kind, options.delimiter, mappedHeaders, file);
  details.delimiter = found.delimiter;
  details.headerLine = found.headerLine;
  details.sepLine = found.sepLine;
  if (found.headerLine > 1 + found.sepLine) reporter.add('INGEST_HEADER_LINE', 'info', { file, line: found.headerLine }, { file, line: found.headerLine });

  const headers = found.headers;
  const mapping = mapColumns(headers, kind, map, allowedFields, file, found.headerLine);
  // The columns are recorded before the reader checks for required fields, so `inspect` shows how
  // the columns were understood when one is missing.
  const fieldOf = new Map<number, string>();
  for (const [field, index] of Object.entries(mapping.columns) as [string, number][]) fieldOf.set(index, field);
  details.columns = headers.map((header, index): ColumnReport => ({ header, column: index + 1, field: fieldOf.get(index) ?? null }));
  const reader = makeReader(headers, mapping, file, found.headerLine);

  const width = headers.length;
  let wrongRun = 0;
  let wrongRunStart = 0;
  let wrongRunWidth = -1;
  let dataSeen = false;

  const skip = (code: string, args: Record<string, string | number>, path: SourceRef, severity: 'info' | 'warning'): void => {
    details.rowsSkipped++;
    const value = args.value === undefined ? undefined : String(args.value);
    countSkip(details.skipped, code, path.line, path.column, value);
    reporter.add(code, severity, args, path);
    reporter.skipRow({ file, line: path.line ?? 0, rows: 1, header: path.column ?? null, value: value ?? null, code, args });
  };

  const onRecord = (fields: string[], line: number, terminated: boolean): void => {
    if (line <= found.headerLine) return;
    details.rowsRead++;

    let empty = true;
    for (const field of fields) {
      if (field.trim() !== '') {
        empty = false;
        break;
      }
    }
    if (empty) {
      skip('INGEST_ROW_EMPTY', { file, line }, { file, line }, 'info');
      return;
    }

    if (fields.length !== width) {
      // A delimiter at the end of every line adds empty fields that do not matter. The row must have
      // exactly the file's regular width for that, so an unquoted `1,234.00,` in a file without
      // trailing delimiters is reported instead of being read as 1.
      let extraEmpty = fields.length > width && fields.length === found.rowWidth;
      for (let i = width; extraEmpty && i < fields.length; i++) if (fields[i].trim() !== '') extraEmpty = false;
      if (extraEmpty) {
        fields = fields.slice(0, width);
      } else {
        // A short last row without a line break is where a half-written export stops, unless it is
        // a summary row such as `Total,500`.
        if (!terminated && fields.length < width && !isTotalRow(fields)) {
          throw new RiskpayError('INGEST_FILE_TRUNCATED', { file, line, fields: fields.length, expected: width }, { file, line });
        }
        if (fields.length === wrongRunWidth) {
          wrongRun++;
        } else {
          wrongRun = 1;
          wrongRunStart = line;
          wrongRunWidth = fields.length;
        }
        if (wrongRun >= SHAPE_CHANGE_ROWS && dataSeen) {
          throw new RiskpayError('INGEST_SHAPE_CHANGED', { file, line: wrongRunStart, fields: wrongRunWidth, expected: width }, { file, line: wrongRunStart });
        }
        if (isTotalRow(fields)) {
          skip('INGEST_TOTAL_ROW', { file, line, value: firstText(fields) }, { file, line }, 'info');
          return;
        }
        skip('INGEST_FIELD_COUNT', { file, line, fields: fields.length, expected: width }, { file, line }, 'warning');
        return;
      }
    }
    wrongRun = 0;
    wrongRunWidth = -1;
    dataSeen = true;

    if (isTotalRow(fields)) {
      skip('INGEST_TOTAL_ROW', { file, line, value: firstText(fields) }, { file, line }, 'info');
      return;
    }

    try {
      reader.read(fields, line);
      details.rowsUsed++;
    } catch (error) {
      if (!(error instanceof RowIssue)) throw error;
      skip(error.code, { file, line, column: error.column ?? '', ...error.args }, { file, line, column: error.column }, error.severity);
    }
  };

  const splitter = new CsvSplitter(found.delimiter, {
    maxFieldBytes: options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES,
    maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    maxColumns: options.maxColumns ?? DEFAULT_MAX_COLUMNS,
  }, file);
  splitter.push(sample, ended, onRecord);
  if (!ended) {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      splitter.push(crOnly ? next.value.replace(/\r/g, '\n') : next.value, false, onRecord);
    }
    splitter.push('', true, onRecord);
  }

  if (details.rowsRead === 0) throw new RiskpayError('INGEST_NO_ROWS', { file, line: found.headerLine }, { file, line: found.headerLine });
  reader.finish();
  for (const column of details.columns) {
    if (column.field) {
      const format = reader.describe(column.field);
      if (format) column.format = format;
    }
  }
}

function firstText(fields: string[]): string {
  return fields.find((field) => field.trim() !== '')?.trim() ?? '';
}

/** Returns true when the first non-empty cell is a word such as Total or Summa, which marks a summary row. */
function isTotalRow(fields: string[]): boolean {
  const text = firstText(fields);
  // Every word of TOTAL_WORDS starts with g, i, s or t, so other rows skip the regular expression.
  const first = text.charCodeAt(0) | 0x20;
  if (first !== 0x67 && first !== 0x69 && first !== 0x73 && first !== 0x74) return false;
  return TOTAL_WORDS.test(text);
}

export function newFileDetails(input: string, kind: FileKind): FileDetails {
  return {
    file: input === '-' ? '<stdin>' : input,
    kind,
    encoding: '',
    delimiter: '',
    headerLine: 0,
    sepLine: 0,
    columns: [],
    rowsRead: 0,
    rowsUsed: 0,
    rowsSkipped: 0,
    skipped: {},
    lineItems: false,
  };
}
