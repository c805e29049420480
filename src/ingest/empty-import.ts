// Checks for an import that keeps no invoice. When rows were skipped because of bad values, an empty
// ledger would score no debtor and exit 0, so the import stops and names the reason instead. When every
// row was left out on purpose (drafts, void invoices), the import goes on but says so.

import { RiskpayError, type Finding } from '../findings.js';
import type { FileDetails } from './read-file.js';
import type { CodeCount } from './reporter.js';

/** Codes of rows that are left out on purpose, not because a value could not be read. */
const LEFT_OUT_CODES = new Set(['INGEST_ROW_EMPTY', 'INGEST_TOTAL_ROW', 'INGEST_ROW_NOT_RECEIVABLE', 'INGEST_DUPLICATE_ROW', 'INGEST_PAYMENT_DUPLICATE']);

/** Error code for each skip reason that can leave an import empty; other reasons use the OTHER code. */
const REASON_CODES: Record<string, string> = {
  INGEST_NUMBER_INVALID: 'INGEST_ALL_ROWS_SKIPPED_NUMBER',
  INGEST_NUMBER_NOT_FINITE: 'INGEST_ALL_ROWS_SKIPPED_NUMBER',
  INGEST_DATE_INVALID: 'INGEST_ALL_ROWS_SKIPPED_DATE',
  INGEST_DATE_IMPOSSIBLE: 'INGEST_ALL_ROWS_SKIPPED_DATE',
  INGEST_DATE_OUT_OF_RANGE: 'INGEST_ALL_ROWS_SKIPPED_DATE',
  INGEST_DATE_SEPARATOR_MISMATCH: 'INGEST_ALL_ROWS_SKIPPED_DATE',
  INGEST_VALUE_EMPTY: 'INGEST_ALL_ROWS_SKIPPED_EMPTY',
  INGEST_DUE_DATE_EMPTY: 'INGEST_ALL_ROWS_SKIPPED_EMPTY',
  INGEST_FIELD_COUNT: 'INGEST_ALL_ROWS_SKIPPED_FIELD_COUNT',
};
const OTHER_REASON = 'INGEST_ALL_ROWS_SKIPPED_OTHER';

/** Error code of INGEST_MOST_ROWS_SKIPPED_<REASON> for each reason group, with the hint that suits the reason. */
const MOST_SKIPPED_CODES: Record<string, string> = {
  INGEST_ALL_ROWS_SKIPPED_NUMBER: 'INGEST_MOST_ROWS_SKIPPED_NUMBER',
  INGEST_ALL_ROWS_SKIPPED_DATE: 'INGEST_MOST_ROWS_SKIPPED_DATE',
  INGEST_ALL_ROWS_SKIPPED_EMPTY: 'INGEST_MOST_ROWS_SKIPPED_EMPTY',
  INGEST_ALL_ROWS_SKIPPED_FIELD_COUNT: 'INGEST_MOST_ROWS_SKIPPED_FIELD_COUNT',
  [OTHER_REASON]: 'INGEST_MOST_ROWS_SKIPPED_OTHER',
};

interface ReasonGroup {
  code: string;
  count: number;
  /** The first skipped row of the reason, with its cell. */
  first: CodeCount;
}

/**
 * Raises INGEST_ALL_ROWS_SKIPPED_<REASON> when the invoice files gave no invoice and at least one row
 * was skipped because a value could not be read. The error names the first such file, its row count,
 * the most frequent reason with its first line, column and value, and how many rows other reasons took.
 */
export function checkInvoicesKept(files: readonly FileDetails[], invoiceCount: number): void {
  if (invoiceCount > 0) return;
  for (const details of files) {
    if (details.kind !== 'invoices') continue;
    const groups = reasonGroups(details.skipped);
    if (groups.length === 0) continue;

    const main = groups[0];
    const skipped = groups.reduce((sum, group) => sum + group.count, 0);
    const args: Record<string, string | number> = {
      file: details.file,
      rows: details.rowsRead,
      count: main.count,
      others: details.rowsRead - main.count,
      line: main.first.lines[0] ?? 0,
      column: main.first.header ?? '',
      value: main.first.value ?? '',
    };
    const mixed = skipped > main.count || details.rowsRead > skipped;
    throw new RiskpayError(mixed ? `${main.code}_MIXED` : main.code, args, { file: details.file, line: args.line as number, column: main.first.header });
  }
}

/**
 * Raises INGEST_PAYMENTS_ALL_SKIPPED when a payments file has data rows but kept none of them because
 * a value could not be read. Without it every invoice would count as unpaid, and the run would rank
 * every customer as a bad payer with exit code 0.
 */
export function checkPaymentsKept(files: readonly FileDetails[]): void {
  for (const details of files) {
    if (details.kind !== 'payments' || details.rowsUsed > 0) continue;
    const groups = reasonGroups(details.skipped);
    if (groups.length === 0) continue;

    const main = groups[0];
    const line = main.first.lines[0] ?? details.headerLine;
    const args = { file: details.file, rows: details.rowsRead, count: main.count, line, column: main.first.header ?? '', value: main.first.value ?? '' };
    const code = details.rowsRead === 1 ? 'INGEST_PAYMENTS_ALL_SKIPPED_ONE_ROW' : 'INGEST_PAYMENTS_ALL_SKIPPED';
    throw new RiskpayError(code, args, { file: details.file, line, column: main.first.header });
  }
}

/**
 * Minimum number of unreadable rows for which INGEST_MOST_ROWS_SKIPPED_<REASON> stops the import.
 * NOTE: a judgment, not a measured limit. A few bad rows of a small file are typing errors that the
 * warnings name, while a wrong option or a changed export shows in many rows.
 */
const MIN_UNREADABLE_ROWS = 10;

/**
 * Raises INGEST_MOST_ROWS_SKIPPED_<REASON> when more than half of the data rows of a file (blank rows not
 * counted), and at least MIN_UNREADABLE_ROWS rows, were skipped because a value or the row's shape
 * could not be read. So many bad rows mostly mean a wrong option or a changed export. The rows that
 * were read may then be just as wrong (dates read with day and month swapped), so the import stops
 * instead of scoring the rest. Rows left out on purpose (summary rows, duplicates, drafts) do not
 * count.
 */
export function checkMostRowsKept(files: readonly FileDetails[]): void {
  for (const details of files) {
    const groups = reasonGroups(details.skipped);
    const unreadable = groups.reduce((sum, group) => sum + group.count, 0);
    const dataRows = details.rowsRead - (details.skipped.INGEST_ROW_EMPTY?.count ?? 0);
    if (unreadable < MIN_UNREADABLE_ROWS || unreadable * 2 <= dataRows) continue;

    // The most frequent reason, with its first row and cell, and the option that most often fixes it.
    const main = groups[0];
    const line = main.first.lines[0] ?? details.headerLine;
    const args = {
      file: details.file,
      count: unreadable,
      rows: dataRows,
      reasonCount: main.count,
      line,
      column: main.first.header ?? '',
      value: main.first.value ?? '',
    };
    throw new RiskpayError(MOST_SKIPPED_CODES[main.code], args, { file: details.file, line, column: main.first.header });
  }
}

/** Skip reasons of one file that are about unreadable values, merged per error code, largest first. */
function reasonGroups(skipped: Record<string, CodeCount>): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>();
  for (const [code, entry] of Object.entries(skipped)) {
    if (LEFT_OUT_CODES.has(code)) continue;
    const reason = REASON_CODES[code] ?? OTHER_REASON;
    const group = groups.get(reason);
    if (!group) {
      groups.set(reason, { code: reason, count: entry.count, first: entry });
      continue;
    }
    group.count += entry.count;
    if ((entry.lines[0] ?? Infinity) < (group.first.lines[0] ?? Infinity)) group.first = entry;
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/**
 * Replaces the "left out" findings of each invoice file that kept no row because every data row had
 * a status such as Draft or Void by one INGEST_ALL_ROWS_LEFT_OUT finding. A reader then learns that
 * the file is empty on purpose, not that its dates or the as-of date are wrong.
 */
export function noteFilesLeftOut(files: readonly FileDetails[], findings: Finding[]): void {
  for (const details of files) {
    if (details.kind !== 'invoices' || details.rowsUsed > 0) continue;
    const leftOut = details.skipped.INGEST_ROW_NOT_RECEIVABLE;
    if (!leftOut) continue;
    const others = Object.entries(details.skipped).filter(([code]) => code !== 'INGEST_ROW_NOT_RECEIVABLE' && code !== 'INGEST_ROW_EMPTY' && code !== 'INGEST_TOTAL_ROW');
    if (others.length > 0) continue;

    const index = findings.findIndex((item) => item.path?.file === details.file && item.code.startsWith('INGEST_ROW_NOT_RECEIVABLE'));
    const args: Record<string, string | number> = { count: leftOut.count, values: (leftOut.values ?? []).join(', ') };
    const replaced = index >= 0 ? findings[index] : undefined;
    args.invoices = String(replaced?.args.invoices ?? replaced?.args.invoiceId ?? '');
    args.lines = String(replaced?.args.lines ?? leftOut.lines[0] ?? '');
    const finding: Finding = { code: 'INGEST_ALL_ROWS_LEFT_OUT', severity: 'warning', args, path: { file: details.file } };
    if (index >= 0) findings[index] = finding;
    else findings.push(finding);
  }
}
