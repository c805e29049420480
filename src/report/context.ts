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
   * and the number of columns the table has in full.
   */
  onColumnsDropped?: (headings: string[], columnCount: number) => void;
}
