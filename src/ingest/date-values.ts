// Reads date cells: ISO dates and timestamps, D/M/Y or M/D/Y (the order decided per column from
// evidence), D.M.Y, month names in English, Swedish and Spanish, and spreadsheet serial numbers.
// A timestamp keeps the calendar date as written; its offset never shifts the day.

import { dayFromParts } from '../dates.js';
import type { DateOrder } from './options.js';

export type DateReading =
  | { kind: 'empty' }
  | { kind: 'day'; day: number; serial: boolean }
  /** Numeric day and month whose order the value alone cannot tell (`03/04/2024`). */
  | { kind: 'ambiguous'; first: number; second: number; year: number }
  | { kind: 'ordered'; day: number; evidence: 'DMY' | 'MDY' }
  | { kind: 'invalid'; reason: 'not-a-date' | 'impossible' | 'out-of-range' };

/** Years accepted in any date; others are typing errors or placeholder dates. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Serial numbers of the 1900 date system accepted in date columns: 1980-01-01 to 2100-12-31. */
const MIN_SERIAL = 29_221;
const MAX_SERIAL = 73_415;
/** Day number of 1899-12-30, serial day 0. */
const SERIAL_EPOCH = -25_569;

const EMPTY_DATES = new Set(['', '-', '--', 'null', 'none', 'nan', 'n/a', 'na', '#n/a', '0000-00-00', '00/00/0000']);

const MONTHS: Record<string, number> = {};
function addMonths(names: string[][]): void {
  names.forEach((list, index) => {
    for (const name of list) MONTHS[name] = index + 1;
  });
}
// English, Swedish and Spanish names and abbreviations, accents stripped.
addMonths([
  ['jan', 'january', 'januari', 'ene', 'enero'],
  ['feb', 'february', 'februari', 'febrero'],
  ['mar', 'march', 'mars', 'marzo'],
  ['apr', 'april', 'abr', 'abril'],
  ['may', 'maj', 'mayo'],
  ['jun', 'june', 'juni', 'junio'],
  ['jul', 'july', 'juli', 'julio'],
  ['aug', 'august', 'augusti', 'ago', 'agosto'],
  ['sep', 'sept', 'september', 'septiembre', 'setiembre', 'set'],
  ['oct', 'october', 'okt', 'oktober', 'octubre'],
  ['nov', 'november', 'noviembre'],
  ['dec', 'december', 'dic', 'diciembre'],
]);

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:$|[T\s,])/;
/** Whole numbers of up to six digits (with an optional time fraction) are read as serial days. */
const SERIAL = /^\d{1,6}(?:\.\d+)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Expands a two-digit year: 00-68 are 2000-2068 and 69-99 are 1969-1999 (the POSIX strptime rule). */
export function expandYear(year: number, digits: number): number {
  if (digits > 2) return year;
  return year < 69 ? 2000 + year : 1900 + year;
}

function checked(year: number, month: number, day: number): DateReading {
  if (year < MIN_YEAR || year > MAX_YEAR) return { kind: 'invalid', reason: 'out-of-range' };
  const result = dayFromParts(year, month, day);
  return result === null ? { kind: 'invalid', reason: 'impossible' } : { kind: 'day', day: result, serial: false };
}

/** Reads one cell without knowing the column's day/month order. */
export function readDate(raw: string): DateReading {
  const text = raw.trim();
  if (EMPTY_DATES.has(text.toLowerCase())) return { kind: 'empty' };

  const iso = ISO.exec(text);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const numeric = NUMERIC.exec(text);
  if (numeric) return readNumericDate(Number(numeric[1]), numeric[2], Number(numeric[3]), numeric[4]);

  if (SERIAL.test(text)) {
    const serial = Math.floor(Number(text));
    if (serial < MIN_SERIAL || serial > MAX_SERIAL) return { kind: 'invalid', reason: 'out-of-range' };
    return { kind: 'day', day: SERIAL_EPOCH + serial, serial: true };
  }
  const compact = COMPACT.exec(text);
  if (compact) return checked(Number(compact[1]), Number(compact[2]), Number(compact[3]));

  return readNamedMonth(text);
}

function readNumericDate(first: number, separator: string, second: number, yearText: string): DateReading {
  const year = expandYear(Number(yearText), yearText.length);
  // Dotted dates are day.month.year wherever they are used (Sweden, Germany, Spain).
  if (separator === '.') return checked(year, second, first);
  if (first > 12 && second > 12) return { kind: 'invalid', reason: 'impossible' };
  if (first === second || (first <= 12 && second <= 12)) {
    if (first === second) return checked(year, first, first);
    return { kind: 'ambiguous', first, second, year };
  }
  const evidence = first > 12 ? 'DMY' : 'MDY';
  const reading = evidence === 'DMY' ? checked(year, second, first) : checked(year, first, second);
  return reading.kind === 'day' ? { kind: 'ordered', day: reading.day, evidence } : reading;
}

/** Reads `5-Jan-24`, `05 Jan 2024`, `Jan 5, 2024`, `5 januari 2024`, `5 de enero de 2024`. */
function readNamedMonth(text: string): DateReading {
  const tokens = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .split(/[\s,./-]+/)
    .filter((token) => token !== '' && token !== 'de' && token !== 'del' && token !== 'den');
  // Drop a trailing time of day (10:30, 10:30:00, am/pm).
  while (tokens.length > 3 && (/^\d{1,2}:\d{2}/.test(tokens[tokens.length - 1]) || /^(am|pm)$/.test(tokens[tokens.length - 1]))) tokens.pop();
  if (tokens.length !== 3) return { kind: 'invalid', reason: 'not-a-date' };
  const monthAt = tokens.findIndex((token) => /^[a-z]+$/.test(token));
  if (monthAt < 0 || tokens.filter((token) => /^[a-z]+$/.test(token)).length !== 1) return { kind: 'invalid', reason: 'not-a-date' };
  const month = MONTHS[tokens[monthAt].replace(/\.$/, '')];
  if (month === undefined) return { kind: 'invalid', reason: 'not-a-date' };
  const numbers = tokens.filter((_, index) => index !== monthAt);
  if (!numbers.every((token) => /^\d{1,4}$/.test(token))) return { kind: 'invalid', reason: 'not-a-date' };
  let dayText: string;
  let yearText: string;
  if (monthAt === 1 || (monthAt === 0 && numbers[0].length <= 2)) {
    [dayText, yearText] = numbers;
  } else if (monthAt === 2 || numbers[0].length === 4) {
    [yearText, dayText] = numbers;
  } else {
    return { kind: 'invalid', reason: 'not-a-date' };
  }
  if (dayText.length > 2) return { kind: 'invalid', reason: 'not-a-date' };
  return checked(expandYear(Number(yearText), yearText.length), month, Number(dayText));
}

/** Resolves an ambiguous numeric date under a known order. */
export function resolveAmbiguous(reading: { first: number; second: number; year: number }, order: DateOrder): DateReading {
  if (order === 'MDY') return checked(reading.year, reading.first, reading.second);
  return checked(reading.year, reading.second, reading.first);
}

/** Reads a cell under an explicit order or pattern from the `dateFormat` option. */
export function readDateAs(raw: string, order: DateOrder): DateReading {
  const text = raw.trim();
  if (order === 'YMD' || ISO.test(text)) return readDate(text);
  const numeric = NUMERIC.exec(text);
  if (!numeric) return readDate(text);
  const year = expandYear(Number(numeric[4]), numeric[4].length);
  const first = Number(numeric[1]);
  const second = Number(numeric[3]);
  return order === 'MDY' ? checked(year, first, second) : checked(year, second, first);
}

/** The `dateFormat` option: the order of day, month and year, and the separator a pattern names. */
export interface DateFormat {
  order: DateOrder;
  /** Separator of a pattern such as DD.MM.YYYY; null for a bare order (DMY), which accepts any. */
  separator: string | null;
  /** The option as given, for messages. */
  text: string;
}

const FORMAT_PART = '(D{1,2}|M{1,2}|Y{2,4})';
const FORMAT_PATTERN = new RegExp(`^${FORMAT_PART}([/.-])${FORMAT_PART}\\2${FORMAT_PART}$`);

/** Parses the `dateFormat` option: an order (DMY, MDY, YMD) or a pattern such as DD/MM/YYYY or YYYY-MM-DD. */
export function parseDateFormat(value: string): DateFormat | null {
  const text = value.trim();
  const upper = text.toUpperCase();
  if (upper === 'DMY' || upper === 'MDY' || upper === 'YMD') return { order: upper, separator: null, text };
  const match = FORMAT_PATTERN.exec(upper);
  if (!match) return null;
  const order = match[1][0] + match[3][0] + match[4][0];
  if (order !== 'DMY' && order !== 'MDY' && order !== 'YMD') return null;
  return { order, separator: match[2], text };
}

/** Parses the `dateFormat` option and returns only its order; null when it is invalid. */
export function parseDateFormatOption(value: string): DateOrder | null {
  return parseDateFormat(value)?.order ?? null;
}

/** Returns the separator between the numbers of a numeric date such as 03/04/2024, or null for other text. */
export function numericDateSeparator(raw: string): string | null {
  const text = raw.trim();
  const iso = /^\d{4}([-/.])\d{1,2}\1\d{1,2}(?:$|[T\s])/.exec(text);
  if (iso) return iso[1];
  const numeric = NUMERIC.exec(text);
  return numeric ? numeric[2] : null;
}
