// Settings every reporter reads.

import type { Lang } from '../i18n/catalog-type.js';
import type { CsvLocale } from '../cli/options.js';

export interface ReportContext {
  lang: Lang;
  /** Colour the table by grade; the caller decides from the TTY, NO_COLOR and --no-color. */
  color: boolean;
  csvLocale: CsvLocale;
  /** riskpay version, shown in the HTML report and the JSON document. */
  version: string;
  /** Widest a terminal table may be, in characters; undefined uses DEFAULT_TABLE_WIDTH in table.ts. */
  width?: number;
  /**
   * Receives the headings of table columns left out to fit `width`, left to right, each in the
   * language's quotation marks so that a heading with a comma stays one item when they are joined,
   * and the number of columns the table has in full. Called only when the rest of the table fits.
   */
  onColumnsDropped?: (headings: string[], columnCount: number) => void;
  /**
   * Receives the drawn width of a table that is wider than `width` even after leaving out every column
   * it may leave out, with the headings of those columns (possibly none) and the column count.
   */
  onTableTooWide?: (drawnWidth: number, headings: string[], columnCount: number) => void;
}
