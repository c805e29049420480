// A column of a tabular report: its stable CSV name, its heading in the catalogs, and how to read
// and show a cell. Table and CSV reporters share these definitions.

import type { CliMessageKey } from '../i18n/messages/cli.js';

export type CellKind = 'text' | 'input-text' | 'integer' | 'number' | 'money' | 'percent' | 'date';

export type CellValue = string | number | boolean | null;

export interface Column<Row> {
  /** Stable English name used as the CSV header and JSON key. */
  id: string;
  head: CliMessageKey;
  /** Values for placeholders in the heading, e.g. the horizon date in "Expected by {date}". */
  headArgs?: Record<string, string | number>;
  /**
   * `input-text` is text taken from the input files (names, ids): CSV and HTML neutralise formulas in it.
   * `money` cells take the currency from `currency(row)`.
   */
  kind: CellKind;
  value(row: Row): CellValue;
  currency?(row: Row): string;
  /** Table-only text that replaces the default rendering, e.g. a sparkline or a message. */
  display?(row: Row): string;
  /** Leave this column out of the terminal table (it stays in CSV). */
  csvOnly?: boolean;
  /** Leave this column out of CSV (it is only a view of other columns). */
  tableOnly?: boolean;
  /** Right-align in the table. */
  alignRight?: boolean;
}
