// CSV output. The default dialect is RFC 4180: comma, decimal point, CRLF line ends, fields quoted when
// they contain the delimiter, a quote or a line break. The spreadsheet variants (`--csv-locale sv` and
// the other language codes) use a UTF-8 BOM and, where the language writes a decimal comma, a semicolon
// delimiter, so Excel opens the file in columns with numbers it can sum.

import type { CsvLocale } from '../cli/options.js';
import type { CellValue, Column } from './columns.js';
import { roundMoney } from '../money.js';
import { neutraliseFormula } from './safe-text.js';

export interface CsvDialect {
  delimiter: string;
  decimalComma: boolean;
  bom: boolean;
}

const DECIMAL_COMMA_LOCALES = new Set<CsvLocale>(['sv', 'de', 'fr', 'fi', 'nl', 'da', 'nb']);

export function csvDialect(locale: CsvLocale): CsvDialect {
  if (locale === 'rfc4180') return { delimiter: ',', decimalComma: false, bom: false };
  if (DECIMAL_COMMA_LOCALES.has(locale)) return { delimiter: ';', decimalComma: true, bom: true };
  return { delimiter: ',', decimalComma: false, bom: true };
}

export function quoteCsvField(text: string, delimiter: string): string {
  if (text.includes(delimiter) || /["\r\n]/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** Formats a number cell; `currency` is the currency of a money cell ('' for none). */
function formatCsvNumber(value: number, kind: Column<unknown>['kind'], currency: string, dialect: CsvDialect): string {
  // Money to the minor unit of its currency and probabilities to 4 decimals keep floating-point noise
  // out of spreadsheets.
  const rounded = kind === 'money' ? roundMoney(value, currency) : kind === 'percent' ? Math.round(value * 10_000) / 10_000 : value;
  const text = String(rounded);
  return dialect.decimalComma ? text.replace('.', ',') : text;
}

function formatCsvCell(value: CellValue, kind: Column<unknown>['kind'], currency: string, dialect: CsvDialect): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatCsvNumber(value, kind, currency, dialect);
  const text = kind === 'input-text' ? neutraliseFormula(value) : value;
  return quoteCsvField(text, dialect.delimiter);
}

/** Renders rows as CSV with a header line of the stable column ids. */
export function renderCsv<Row>(columns: Column<Row>[], rows: readonly Row[], locale: CsvLocale): string {
  const dialect = csvDialect(locale);
  const used = columns.filter((column) => !column.tableOnly);
  const lines = [used.map((column) => quoteCsvField(column.id, dialect.delimiter)).join(dialect.delimiter)];
  for (const row of rows) {
    lines.push(used.map((column) => formatCsvCell(column.value(row), column.kind, column.currency?.(row) ?? '', dialect)).join(dialect.delimiter));
  }
  return (dialect.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
