// Finds the delimiter and the header line from the first part of a file. Excel's `sep=;` first line
// sets the delimiter. Otherwise each candidate delimiter splits the sample, and the one that yields a
// header row naming known fields, then the most consistent field count, wins.

import { RiskpayError } from '../findings.js';
import { CsvSplitter } from './splitter.js';
import { countKnownHeaders, knownHeaders } from './headers.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** How many records at the top of a file may come before the header (titles, periods, blank lines). */
const MAX_PREAMBLE_RECORDS = 30;

/** Known column names a record needs to count as the header line. */
const MIN_KNOWN_HEADERS = 2;

export interface SniffResult {
  delimiter: string;
  /** Physical line of the `sep=` line, or 0 when there is none. */
  sepLine: number;
  /** Physical line of the header. */
  headerLine: number;
  headers: string[];
  /**
   * Field count of a regular data row: the header's, or more when the sample's data rows regularly
   * end with empty fields (a delimiter at the end of each line).
   */
  rowWidth: number;
}

/** Parses the `delimiter` option: one character, or `tab`. */
export function parseDelimiterOption(value: string): string {
  if (value === 'tab' || value === '\\t' || value === 'TAB') return '\t';
  if (value.length !== 1 || value === '"' || value === '\n' || value === '\r') {
    throw new RiskpayError('INGEST_DELIMITER_INVALID', { value });
  }
  return value;
}

/** Splits the sample into its first records; a record cut off at the end of the sample is left out. */
function sampleRecords(sample: string, delimiter: string, final: boolean): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  const splitter = new CsvSplitter(delimiter, { maxFieldBytes: Infinity, maxLineBytes: Infinity, maxColumns: Infinity }, '');
  try {
    splitter.push(sample, final, (fields, line) => {
      if (records.length < 200) records.push({ fields, line });
    });
  } catch {
    // A broken quote in the sample: judge the delimiter on the records before it.
  }
  return records;
}

interface Split {
  score: number;
  delimiter: string;
  headerIndex: number;
  records: { fields: string[]; line: number }[];
}

/** Splits the sample with each candidate delimiter and returns the best-scoring split, or null without candidates. */
function bestSplit(body: string, candidates: readonly string[], final: boolean, kind: 'invoices' | 'payments', mappedHeaders: Set<string>): Split | null {
  let best: Split | null = null;
  for (const delimiter of candidates) {
    const records = sampleRecords(body, delimiter, final);
    const scored = scoreDelimiter(records, kind, mappedHeaders);
    if (best === null || scored.score > best.score) best = { ...scored, delimiter, records };
  }
  return best;
}

/** Returns a delimiter as --delimiter takes it: `tab` for a tab, the character otherwise. */
function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter;
}

export function sniff(
  sample: string,
  final: boolean,
  kind: 'invoices' | 'payments',
  delimiterOption: string | undefined,
  mappedHeaders: Set<string>,
  file: string,
): SniffResult {
  let sepLine = 0;
  let forced = delimiterOption !== undefined ? parseDelimiterOption(delimiterOption) : undefined;
  const sep = /^sep=(.)\r?(\n|$)/.exec(sample);
  if (sep) {
    sepLine = 1;
    forced ??= sep[1];
  }
  const body = sepLine ? sample.slice(sample.indexOf('\n') + 1 || sample.length) : sample;

  const best = bestSplit(body, forced ? [forced] : [...DELIMITERS], final, kind, mappedHeaders);
  if (best === null || best.records.length === 0) {
    // A non-blank sample without one complete record is a first line longer than the sample, such as
    // a header of a million columns; calling that file empty would send the user the wrong way.
    if (!final && body.trim() !== '') throw new RiskpayError('INGEST_FIRST_LINE_TOO_LONG', { size: body.length }, { file, line: sepLine + 1 });
    throw new RiskpayError('INGEST_FILE_EMPTY', { file }, { file });
  }
  if (best.headerIndex < 0 && delimiterOption !== undefined) {
    // The option may be what hides the header: name the delimiter that finds it.
    const detected = bestSplit(body, sep ? [sep[1]] : [...DELIMITERS], final, kind, mappedHeaders);
    if (detected !== null && detected.headerIndex >= 0 && detected.delimiter !== best.delimiter) {
      const args = { file, given: delimiterName(best.delimiter), detected: delimiterName(detected.delimiter) };
      throw new RiskpayError('INGEST_DELIMITER_OPTION_MISMATCH', args, { file });
    }
  }
  if (best.headerIndex < 0) throw headerNotFound(best.records, kind, mappedHeaders, sepLine, file);
  const header = best.records[best.headerIndex];
  const rowWidth = regularRowWidth(best.records.slice(best.headerIndex + 1), header.fields.length);
  return { delimiter: best.delimiter, sepLine, headerLine: header.line + sepLine, headers: header.fields.map((h) => h.trim()), rowWidth };
}

/**
 * Returns the wider field count that more than half of the sample's data rows share, when their
 * fields beyond the header's are all empty, because only then is a trailing delimiter the file's
 * shape. Otherwise returns the header's count. In a file whose rows match the header, a row with an
 * extra empty field is the odd one out, such as `1,234.00,` with an unquoted thousands separator,
 * and must not lose its last value without a word.
 */
export function regularRowWidth(records: readonly { fields: string[] }[], headerWidth: number): number {
  const widths = new Map<number, number>();
  let rows = 0;
  for (const { fields } of records) {
    if (fields.every((field) => field.trim() === '')) continue;
    rows++;
    if (fields.length <= headerWidth || fields.slice(headerWidth).some((field) => field.trim() !== '')) continue;
    widths.set(fields.length, (widths.get(fields.length) ?? 0) + 1);
  }
  let best = headerWidth;
  let bestCount = 0;
  for (const [width, count] of widths) {
    if (count > bestCount) {
      best = width;
      bestCount = count;
    }
  }
  return bestCount * 2 > rows ? best : headerWidth;
}

/**
 * Builds the error for a sample without a header line. It names the record with the most known column
 * names (the first such record on a tie), how many it has and how many a header needs, and points to
 * example names of the file kind.
 */
function headerNotFound(
  records: { fields: string[]; line: number }[],
  kind: 'invoices' | 'payments',
  mappedHeaders: Set<string>,
  sepLine: number,
  file: string,
): RiskpayError {
  const searched = records.slice(0, MAX_PREAMBLE_RECORDS);
  let bestNames: string[] = [];
  let bestLine = searched[0].line;
  for (const record of searched) {
    const names = knownHeaders(record.fields, kind, mappedHeaders);
    if (names.length > bestNames.length) {
      bestNames = names;
      bestLine = record.line;
    }
  }

  const args = {
    file,
    lines: searched.length,
    lastLine: searched[searched.length - 1].line + sepLine,
    count: bestNames.length,
    columns: bestNames.join(', '),
    line: bestLine + sepLine,
    needed: MIN_KNOWN_HEADERS,
    examples: kind === 'invoices' ? 'INGEST_HEADER_EXAMPLES_INVOICES' : 'INGEST_HEADER_EXAMPLES_PAYMENTS',
  };
  return new RiskpayError('INGEST_HEADER_NOT_FOUND', args, { file });
}

function scoreDelimiter(
  records: { fields: string[]; line: number }[],
  kind: 'invoices' | 'payments',
  mappedHeaders: Set<string>,
): { score: number; headerIndex: number } {
  let headerIndex = -1;
  let known = 0;
  for (let i = 0; i < Math.min(records.length, MAX_PREAMBLE_RECORDS); i++) {
    const count = countKnownHeaders(records[i].fields, kind, mappedHeaders);
    if (count >= MIN_KNOWN_HEADERS && count > known) {
      headerIndex = i;
      known = count;
      break;
    }
  }

  // Consistency: how many records after the header share the header's field count.
  const from = Math.max(headerIndex, 0);
  const width = records[from]?.fields.length ?? 0;
  let consistent = 0;
  for (let i = from + 1; i < records.length; i++) if (records[i].fields.length === width) consistent++;
  const score = known * 1_000_000 + (width > 1 ? consistent * 100 + width : 0);
  return { score, headerIndex };
}
