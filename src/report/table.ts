// Terminal table output (cli-table3). Numbers, money and dates are formatted for the output language;
// colour is applied only when the caller allows it.

import Table from 'cli-table3';
import { message } from '../i18n/catalog.js';
import type { CellValue, Column } from './columns.js';
import type { ReportContext } from './context.js';
import { formatMoney, formatNumber, formatPercent } from './format.js';

function formatTableCell<Row>(column: Column<Row>, row: Row, context: ReportContext): string {
  if (column.display) return column.display(row);
  const value: CellValue = column.value(row);
  if (value === null || value === '') return message(context.lang, 'VALUE_NONE');
  if (typeof value === 'boolean') return value ? 'x' : '';
  if (typeof value === 'string') return value;
  switch (column.kind) {
    case 'money':
      return formatMoney(value, column.currency?.(row) ?? '', context.lang);
    case 'percent':
      return formatPercent(value, context.lang);
    case 'number':
      return formatNumber(value, context.lang, 2);
    default:
      return formatNumber(value, context.lang);
  }
}

/** Widths for columns that hold running text, so long flags and reasons wrap instead of overflowing. */
const WRAP_WIDTH = 38;

export interface TableOptions {
  /** Column ids whose text wraps at a fixed width. */
  wrap?: string[];
}

/** Renders rows as a boxed terminal table with headings from the catalog. */
export function renderTable<Row>(
  columns: Column<Row>[],
  rows: readonly Row[],
  context: ReportContext,
  options: TableOptions = {},
): string {
  const shown = columns.filter((column) => !column.csvOnly);
  const wrap = new Set(options.wrap ?? []);
  const table = new Table({
    head: shown.map((column) => message(context.lang, column.head)),
    colWidths: shown.map((column) => (wrap.has(column.id) ? WRAP_WIDTH : null)),
    colAligns: shown.map((column) => (column.alignRight ? 'right' : 'left')),
    wordWrap: true,
    // cli-table3 colours headings red by default; plain headings read the same with or without colour.
    style: { head: [], border: [] },
  });
  for (const row of rows) table.push(shown.map((column) => formatTableCell(column, row, context)));
  return table.toString() + '\n';
}
