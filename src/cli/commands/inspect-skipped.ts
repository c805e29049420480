// The skipped rows of `riskpay inspect`: each with its file, line, column, value and reason. The table
// lists the first rows of each reason and file, and the JSON output lists all of them.

import type { SkippedRow } from '../../ingest/reporter.js';
import type { Column } from '../../report/columns.js';
import type { ReportContext } from '../../report/context.js';
import { DEFAULT_TABLE_WIDTH, renderTable } from '../../report/table.js';
import { wrapText } from '../../report/wrap.js';
import { hasMessage, message } from '../../i18n/catalog.js';
import type { Lang } from '../../i18n/catalog-type.js';

/** Rows listed in the table per reason and file; the JSON output lists every row. */
export const SKIPPED_ROWS_LISTED = 10;

/** A skipped row as the JSON output of inspect lists it: the reason in the output language, no raw arguments. */
export type SkippedRowOutput = Omit<SkippedRow, 'args'> & { reason: string };

/**
 * Returns the short reason of a skipped row, such as "not a number", for a table cell beside its
 * column and value. A code without a short form gets its full message.
 */
export function skipReason(row: SkippedRow, lang: Lang): string {
  const key = `SKIP_REASON_${row.code}`;
  return hasMessage(key) ? message(lang, key, row.args) : message(lang, row.code, row.args);
}

export function skippedRowsOutput(rows: readonly SkippedRow[], lang: Lang): SkippedRowOutput[] {
  return rows.map((row) => ({ file: row.file, line: row.line, rows: row.rows, header: row.header, value: row.value, code: row.code, reason: skipReason(row, lang) }));
}

interface ReasonCount {
  file: string;
  code: string;
  /** The first row of the reason, for its reason text. */
  first: SkippedRow;
  /** Rows of the file skipped for the reason; a line-item invoice counts all of its rows. */
  rows: number;
  /** Rows counted by the entries the table lists. */
  listedRows: number;
}

/** Counts the rows per file and reason in reading order, and picks the first SKIPPED_ROWS_LISTED entries of each. */
function countReasons(rows: readonly SkippedRow[]): { counts: ReasonCount[]; listed: SkippedRow[] } {
  const counts = new Map<string, ReasonCount & { entries: number }>();
  const listed: SkippedRow[] = [];
  for (const row of rows) {
    const key = `${row.file}\u0000${row.code}`;
    let count = counts.get(key);
    if (count === undefined) {
      count = { file: row.file, code: row.code, first: row, rows: 0, listedRows: 0, entries: 0 };
      counts.set(key, count);
    }
    count.rows += row.rows;
    count.entries += 1;
    if (count.entries <= SKIPPED_ROWS_LISTED) {
      count.listedRows += row.rows;
      listed.push(row);
    }
  }
  return { counts: [...counts.values()], listed };
}

/**
 * Renders the skipped rows for the table format, or '' when no row was skipped. When a reason has
 * more than SKIPPED_ROWS_LISTED rows in a file, a table of the counts per reason comes first, and a
 * line after the rows gives the number not listed and names --format json, which lists them all.
 */
export function renderSkippedRows(rows: readonly SkippedRow[], report: ReportContext): string {
  if (rows.length === 0) return '';
  const lang = report.lang;
  const { counts, listed } = countReasons(rows);
  const total = counts.reduce((sum, count) => sum + count.rows, 0);
  const notListed = total - counts.reduce((sum, count) => sum + count.listedRows, 0);
  const parts: string[] = [];

  if (notListed > 0) {
    const countColumns: Column<ReasonCount>[] = [
      { id: 'file', head: 'HEAD_FILE', kind: 'input-text', value: (count) => count.file },
      { id: 'reason', head: 'HEAD_SKIP_REASON', kind: 'text', value: (count) => skipReason(count.first, lang) },
      { id: 'rows', head: 'HEAD_ROWS', kind: 'integer', value: (count) => count.rows, alignRight: true },
    ];
    parts.push(message(lang, 'INSPECT_SKIPPED_BY_REASON', { count: total }));
    parts.push(renderTable(countColumns, counts, report, { wrap: ['reason'] }));
  }

  const rowColumns: Column<SkippedRow>[] = [
    { id: 'file', head: 'HEAD_FILE', kind: 'input-text', value: (row) => row.file },
    {
      id: 'line',
      head: 'HEAD_LINE',
      kind: 'integer',
      value: (row) => row.line,
      display: (row) => (row.rows > 1 ? message(lang, 'VALUE_LINE_AND_ROWS', { line: row.line, rows: row.rows }) : String(row.line)),
      alignRight: true,
    },
    { id: 'header', head: 'HEAD_COLUMN', kind: 'input-text', value: (row) => row.header },
    { id: 'value', head: 'HEAD_VALUE', kind: 'input-text', value: (row) => row.value },
    { id: 'reason', head: 'HEAD_SKIP_REASON', kind: 'text', value: (row) => skipReason(row, lang) },
  ];
  parts.push(message(lang, notListed > 0 ? 'INSPECT_SKIPPED_FIRST_ROWS' : 'INSPECT_SKIPPED_ROWS', { count: total, listed: SKIPPED_ROWS_LISTED }));
  // Rows in file order, then line order, so a reader can follow the file from top to bottom.
  const fileOrder = new Map(counts.map((count, index) => [count.file, index]));
  const ordered = [...listed].sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line);
  parts.push(renderTable(rowColumns, ordered, report, { wrap: ['column', 'value', 'reason'] }));

  if (notListed > 0) {
    // Prose lines wrap at the table width, so they read in a terminal as the tables do.
    const width = Math.min(report.width && report.width > 0 ? report.width : DEFAULT_TABLE_WIDTH, DEFAULT_TABLE_WIDTH);
    parts.push(wrapText(message(lang, 'INSPECT_SKIPPED_NOT_LISTED', { more: notListed, count: total, listed: SKIPPED_ROWS_LISTED }), width));
  }
  return parts.map((part) => (part.endsWith('\n') ? part : `${part}\n`)).join('');
}
