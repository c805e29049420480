// Terminal table output (cli-table3). Numbers, money and dates are formatted for the output language;
// colour is applied only when the caller allows it. The table fits the width in the report context:
// text columns wrap, and when that is not enough, columns are left out in the caller's order and text
// columns wrap into narrower lines. A table that still does not fit is reported with its drawn width.

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
/** Narrowest a wrapped text column gets when the table does not fit otherwise, including its padding. */
const WRAP_SQUEEZED_WIDTH = 8;

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

/** Width a wrapped column needs so that wrapText breaks no word of its heading or cells, including padding. */
function longestWordWidth(heading: string, cells: readonly string[]): number {
  let longest = 0;
  for (const text of [heading, ...cells]) {
    for (const word of text.split(/[ \n]/)) longest = Math.max(longest, displayWidth(word));
  }
  return longest + PADDING;
}

/** Total width of a table with these column widths, counting one border character per column plus one. */
function tableWidth(widths: readonly number[]): number {
  return widths.reduce((sum, width) => sum + width, 0) + widths.length + 1;
}

/**
 * Widths of one column, including padding, from the narrowest it may get to the widest it needs. For a
 * column that does not wrap they are all its natural width.
 */
interface ColumnBounds {
  /** Narrowest width: the comfortable width, or less when the column's longest word is shorter. */
  tight: number;
  /** Width at which no word is broken, up to `widest`. */
  word: number;
  /** Width below which a wrapped column only shrinks to fit the table or to spare another column's words. */
  comfortable: number;
  /** Width at which nothing wraps, up to WRAP_MAX_WIDTH for a wrapped column. */
  widest: number;
}

function columnBounds(heading: string, cells: readonly string[], wraps: boolean): ColumnBounds {
  const natural = naturalWidth(heading, cells);
  if (!wraps) return { tight: natural, word: natural, comfortable: natural, widest: natural };

  const widest = Math.min(WRAP_MAX_WIDTH, natural);
  const comfortable = Math.min(WRAP_MIN_WIDTH, natural);
  const word = Math.min(longestWordWidth(heading, cells), widest);
  return { tight: Math.min(comfortable, word), word, comfortable, widest };
}

interface Layout {
  keep: number[];
  widths: number[];
  dropped: number[];
  /** Width of the drawn table, which is more than the limit when even the narrowest layout is wider. */
  drawnWidth: number;
}

/**
 * Chooses the columns and widths. Columns are left out in `dropOrder` while the kept columns at their
 * comfortable widths are wider than `maxWidth`, and wrapped columns narrow further when the table is
 * still too wide with every listed column left out. The spare width then goes, one character at a time to
 * every wrapped column in turn, first to widths that break no word, then to comfortable widths, then to
 * widths at which nothing wraps.
 */
function layout(headings: string[], cells: string[][], wrap: boolean[], dropOrder: number[], maxWidth: number): Layout {
  const bounds = headings.map((heading, index) => columnBounds(heading, cells.map((row) => row[index]), wrap[index]));
  const keep = headings.map((_, index) => index);
  const dropped: number[] = [];

  for (const index of dropOrder) {
    if (tableWidth(keep.map((at) => bounds[at].comfortable)) <= maxWidth) break;
    keep.splice(keep.indexOf(index), 1);
    dropped.push(index);
  }

  const widths = keep.map((index) => bounds[index].tight);
  shrinkWidest(widths, keep.map((index) => wrap[index]), tableWidth(widths) - maxWidth);
  let spare = maxWidth - tableWidth(widths);
  for (const target of ['word', 'comfortable', 'widest'] as const) {
    spare = growEvenly(widths, keep.map((index) => bounds[index][target]), spare);
  }
  return { keep, widths, dropped, drawnWidth: tableWidth(widths) };
}

/**
 * Narrows the widest wrapped column by one character at a time, down to WRAP_SQUEEZED_WIDTH, until
 * `excess` characters are gone or no wrapped column can narrow further. Words longer than the narrowed
 * column are then broken, which is still better than a table wider than the terminal.
 */
function shrinkWidest(widths: number[], wraps: readonly boolean[], excess: number): void {
  for (let left = excess; left > 0; left--) {
    let widest = -1;
    for (let at = 0; at < widths.length; at++) {
      if (wraps[at] && widths[at] > WRAP_SQUEEZED_WIDTH && (widest < 0 || widths[at] > widths[widest])) widest = at;
    }
    if (widest < 0) return;
    widths[widest] -= 1;
  }
}

/** Widens the columns below their target by one character each in turn while `spare` lasts, and returns what is left. */
function growEvenly(widths: number[], targets: readonly number[], spare: number): number {
  let left = spare;
  let grew = true;
  while (left > 0 && grew) {
    grew = false;
    for (let at = 0; at < widths.length && left > 0; at++) {
      if (widths[at] < targets[at]) {
        widths[at] += 1;
        left -= 1;
        grew = true;
      }
    }
  }
  return left;
}

/**
 * Renders rows as a boxed terminal table with headings from the catalog. When columns were left out
 * and the table fits the width, the context's `onColumnsDropped` receives their headings, each in
 * quotation marks, and the number of columns in the full table. When even the narrowest layout is wider
 * than the width, `onTableTooWide` receives the drawn width with the same two.
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
  // Listed left to right as they stand in the full table.
  const droppedHeadings = [...plan.dropped].sort((a, b) => a - b).map((index) => quoteHeading(headings[index], context.lang));
  if (plan.drawnWidth > tableWidthLimit(context.width)) context.onTableTooWide?.(plan.drawnWidth, droppedHeadings, shown.length);
  else if (droppedHeadings.length > 0) context.onColumnsDropped?.(droppedHeadings, shown.length);
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
