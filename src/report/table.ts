// Terminal table output (cli-table3). Numbers, money and dates are formatted for the output language;
// colour is applied only when the caller allows it. The table fits the width in the report context:
// text columns wrap, and when that is not enough, columns are left out in the caller's order.

// The patch module goes first: it replaces string-width before cli-table3 loads it.
import { speedUpCellPreview } from './cli-table-patch.js';
import Table from 'cli-table3';
import { message } from '../i18n/catalog.js';
import type { CellValue, Column } from './columns.js';
import type { ReportContext } from './context.js';
import type { Lang } from '../i18n/catalog-type.js';
import { formatMoney, formatNumber, formatPercent } from './format.js';
import { displayWidth, wrapText } from './wrap.js';

speedUpCellPreview();

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

/** Widest and narrowest a wrapped text column gets, in characters including its padding. */
const WRAP_MAX_WIDTH = 48;
const WRAP_MIN_WIDTH = 18;

/** Table width when the caller gives none, such as a terminal that does not report its width. */
export const DEFAULT_TABLE_WIDTH = 120;

/** Returns the width to fit: a terminal that reports 0 columns (a pseudo-terminal without a size) counts as unknown. */
function tableWidthLimit(width: number | undefined): number {
  return width !== undefined && width > 0 ? width : DEFAULT_TABLE_WIDTH;
}

/** Cell padding cli-table3 adds inside each column: one space on either side. */
const PADDING = 2;

export interface TableOptions {
  /** Column ids whose text wraps. */
  wrap?: string[];
  /**
   * Column ids to leave out, first to last, while the table is wider than the context's width. Listed
   * columns whose cells are all empty go first, whatever their place in the list.
   */
  dropOrder?: string[];
}

/** Quotation marks around a heading in a list, so a heading with a comma or semicolon reads as one item. */
const QUOTES: Record<Lang, [string, string]> = { en: ['\u201c', '\u201d'], sv: ['\u201d', '\u201d'] };

function quoteHeading(heading: string, lang: Lang): string {
  const [open, close] = QUOTES[lang];
  return `${open}${heading}${close}`;
}

/** Moves the columns whose cells are all empty (or the "none" text) to the front of the drop order. */
function emptyFirst(dropOrder: number[], cells: string[][], none: string): number[] {
  const isEmpty = (index: number) => cells.every((row) => row[index] === '' || row[index] === none);
  const empty = dropOrder.filter(isEmpty);
  return [...empty, ...dropOrder.filter((index) => !isEmpty(index))];
}

/** Width of a column that does not wrap: its longest cell line, or its longest heading word. */
function naturalWidth(heading: string, cells: readonly string[]): number {
  const headingWord = Math.max(...heading.split(' ').map(displayWidth));
  const cellLine = Math.max(0, ...cells.flatMap((cell) => cell.split('\n').map(displayWidth)));
  return Math.max(headingWord, cellLine) + PADDING;
}

/** Total width of a table with these column widths, counting one border character per column plus one. */
function tableWidth(widths: readonly number[]): number {
  return widths.reduce((sum, width) => sum + width, 0) + widths.length + 1;
}

interface Layout {
  keep: number[];
  widths: number[];
  dropped: number[];
}

/** Chooses the columns and widths: wrap columns share what the fixed columns leave, down to their minimum. */
function layout(headings: string[], cells: string[][], wrap: boolean[], dropOrder: number[], maxWidth: number): Layout {
  const natural = headings.map((heading, index) => naturalWidth(heading, cells.map((row) => row[index])));
  const keep = headings.map((_, index) => index);
  const dropped: number[] = [];
  const minimum = (index: number) => (wrap[index] ? Math.min(WRAP_MIN_WIDTH, natural[index]) : natural[index]);

  for (const index of dropOrder) {
    if (tableWidth(keep.map(minimum)) <= maxWidth) break;
    keep.splice(keep.indexOf(index), 1);
    dropped.push(index);
  }

  const widths = keep.map(minimum);
  const wrapping = keep.filter((index) => wrap[index]);
  let spare = maxWidth - tableWidth(widths);
  // Hand out the spare width one character at a time, so every wrapped column grows evenly.
  while (spare > 0 && wrapping.length > 0) {
    let grew = false;
    for (const index of wrapping) {
      const at = keep.indexOf(index);
      if (spare > 0 && widths[at] < Math.min(WRAP_MAX_WIDTH, natural[index])) {
        widths[at] += 1;
        spare -= 1;
        grew = true;
      }
    }
    if (!grew) break;
  }
  return { keep, widths, dropped };
}

/**
 * Renders rows as a boxed terminal table with headings from the catalog. The context's
 * `onColumnsDropped` receives the headings of the columns left out to fit the width, each in quotation
 * marks, and the number of columns in the full table.
 */
export function renderTable<Row>(
  columns: Column<Row>[],
  rows: readonly Row[],
  context: ReportContext,
  options: TableOptions = {},
): string {
  const shown = columns.filter((column) => !column.csvOnly);
  const headings = shown.map((column) => message(context.lang, column.head, column.headArgs));
  const cells = rows.map((row) => shown.map((column) => formatTableCell(column, row, context)));
  const wrap = shown.map((column) => (options.wrap ?? []).includes(column.id));
  const listed = (options.dropOrder ?? []).map((id) => shown.findIndex((column) => column.id === id)).filter((index) => index >= 0);
  const dropOrder = emptyFirst(listed, cells, message(context.lang, 'VALUE_NONE'));
  const plan = layout(headings, cells, wrap, dropOrder, tableWidthLimit(context.width));

  const newTable = (withHead: boolean) =>
    new Table({
      head: withHead ? plan.keep.map((index, at) => wrapText(headings[index], plan.widths[at] - PADDING)) : [],
      colWidths: plan.widths,
      colAligns: plan.keep.map((index) => (shown[index].alignRight ? 'right' : 'left')),
      // Headings and cells arrive wrapped by wrapText, which keeps no-break spaces (inside amounts and
      // before `%`) together, because cli-table3 would break at them. Its own wrapping then finds every
      // line short enough.
      wordWrap: true,
      // cli-table3 colours headings red by default; plain headings read the same with or without colour.
      style: { head: [], border: [] },
    });

  // cli-table3's layout takes time that grows faster than the number of rows, so a long table is drawn
  // in blocks of the same column widths and joined where one block's bottom border meets the next top.
  const blocks: string[] = [];
  for (let start = 0; start < cells.length || start === 0; start += ROWS_PER_BLOCK) {
    const table = newTable(start === 0);
    for (const row of cells.slice(start, start + ROWS_PER_BLOCK)) {
      table.push(plan.keep.map((index, at) => (wrap[index] ? wrapText(row[index], plan.widths[at] - PADDING) : row[index])));
    }
    blocks.push(table.toString());
  }
  if (plan.dropped.length > 0) {
    // Listed left to right as they stand in the full table.
    const dropped = [...plan.dropped].sort((a, b) => a - b);
    context.onColumnsDropped?.(dropped.map((index) => quoteHeading(headings[index], context.lang)), shown.length);
  }
  return joinBlocks(blocks) + '\n';
}

/** Rows drawn by one cli-table3 table: about half a second per block on the benchmark machine (an estimate). */
const ROWS_PER_BLOCK = 500;

/**
 * Joins tables of the same column widths into one: each block's bottom border is dropped, and the
 * next block's top border becomes the separator line that cli-table3 draws between rows.
 */
function joinBlocks(blocks: readonly string[]): string {
  const parts = blocks.map((block, index) => {
    let text = block;
    if (index < blocks.length - 1) text = text.slice(0, text.lastIndexOf('\n'));
    if (index > 0) {
      const topEnd = text.indexOf('\n');
      text = text.slice(0, topEnd).replace(/┌/g, '├').replace(/┬/g, '┼').replace(/┐/g, '┤') + text.slice(topEnd);
    }
    return text;
  });
  return parts.join('\n');
}
