// Reads amounts as exported in Sweden, Spain, Germany, France, Switzerland, the UK and the US.
// The decimal sign is a comma or a point, and thousands may be grouped by dot, comma, apostrophe,
// space, U+00A0 or U+202F. Currency symbols or codes may come before or after the number, and a
// negative has a leading or trailing minus or parentheses. Whether `,` or `.` is the decimal
// separator is decided once per column. A value such as `1,234` alone cannot tell, so its column
// needs another value with evidence or the `decimal` option.

import type { DecimalSeparator } from './options.js';

export type NumberReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; evidence: DecimalSeparator | null; currency: string }
  /** Valid under either separator but with a different value (`1,234`): needs the column's decision. */
  | { kind: 'ambiguous'; core: string; negative: boolean; separator: DecimalSeparator; currency: string }
  | { kind: 'invalid'; reason: 'not-a-number' | 'not-finite' };

const SYMBOL_CURRENCIES: Record<string, string> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY', '$': '', 'kr': '', 'kr.': '', ':-': '' };
const GROUP_SPACES = /[\s\u00a0\u202f'’]/;
const NON_FINITE = /^[+-]?(nan|inf|infinity|∞)$/i;
const EXPONENT = /^\d+(?:\.\d+)?e[+-]?\d+$/i;

const EMPTY: NumberReading = { kind: 'empty' };

/** Reads one cell without knowing the column's decimal separator. */
export function readNumber(raw: string): NumberReading {
  const text = raw.trim();
  if (text === '') return EMPTY;
  return readPlain(text) ?? readDecorated(text);
}

/**
 * Fast path for plain values: an optional minus, digits and at most one `.` or `,`. Returns null
 * for anything else.
 */
function readPlain(text: string): NumberReading | null {
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  let separatorAt = -1;
  // The digits as one whole number, exact while it has at most 15 digits.
  let digits = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      digits = digits * 10 + (code - 48);
      continue;
    }
    if ((code === 46 || code === 44) && separatorAt === -1 && i > start && i < text.length - 1) {
      separatorAt = i;
      continue;
    }
    return null;
  }
  if (text.length === start) return null;
  const digitCount = text.length - start - (separatorAt === -1 ? 0 : 1);
  if (separatorAt === -1) return { kind: 'number', value: plainValue(text, digits, digitCount, 0, start === 1), evidence: null, currency: '' };
  const separator: DecimalSeparator = text.charCodeAt(separatorAt) === 46 ? '.' : ',';
  const digitsBefore = separatorAt - start;
  const digitsAfter = text.length - separatorAt - 1;
  // `1,234` or `1.234` can be a thousand or a fraction; a grouping never starts with 0.
  const grouping = digitsAfter === 3 && digitsBefore <= 3 && text.charCodeAt(start) !== 48;
  if (grouping) return { kind: 'ambiguous', core: text.slice(start), negative: start === 1, separator, currency: '' };
  const value = plainValue(separator === '.' ? text : text.replace(',', '.'), digits, digitCount, digitsAfter, start === 1);
  return { kind: 'number', value, evidence: separator, currency: '' };
}

/** Powers of ten from 10^0 to 10^15, each an exact double, by exponent. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 16 }, (_, exponent) => 10 ** exponent);

/**
 * Returns Number(text) for a plain number whose digits, read as one whole number, are `digits`, with
 * `decimals` of them after the point. Up to 15 digits, the whole number and the power of ten are exact
 * doubles. IEEE 754 division and ECMAScript's Number both round the exact value to the nearest double,
 * so the quotient is the same double, and the slower text conversion is left for longer numbers.
 */
function plainValue(text: string, digits: number, digitCount: number, decimals: number, negative: boolean): number {
  if (digitCount > 15) return Number(text);
  const value = decimals === 0 ? digits : digits / EXACT_POWERS_OF_TEN[decimals];
  return negative ? -value : value;
}

function readDecorated(text: string): NumberReading {
  if (NON_FINITE.test(text)) return { kind: 'invalid', reason: 'not-finite' };
  let rest = text;
  let negative = false;
  let currency = '';

  if (rest.startsWith('(') && rest.endsWith(')')) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  // Signs and currency may come in either order: -$75.00, $-75.00, 75,00 kr-, EUR -12.50.
  for (let pass = 0; pass < 3; pass++) {
    const sign = /^[-\u2212]\s*/.exec(rest) ?? null;
    if (sign) {
      negative = !negative;
      rest = rest.slice(sign[0].length);
    }
    if (/^\+\s*/.test(rest)) rest = rest.replace(/^\+\s*/, '');
    const trailingSign = /\s*[-\u2212]$/.exec(rest);
    if (trailingSign && !rest.endsWith(':-')) {
      negative = !negative;
      rest = rest.slice(0, -trailingSign[0].length);
    }
    const lead = /^([A-Z]{3}|[€£¥$]|kr\.?)\s*/i.exec(rest);
    if (lead && !/^\d/.test(lead[1]) && isCurrencyToken(lead[1])) {
      currency ||= currencyCode(lead[1]);
      rest = rest.slice(lead[0].length);
      continue;
    }
    const trail = /\s*([A-Z]{3}|[€£¥$]|kr\.?|:-)$/i.exec(rest);
    if (trail && isCurrencyToken(trail[1])) {
      currency ||= currencyCode(trail[1]);
      rest = rest.slice(0, -trail[0].length);
      continue;
    }
    if (!sign && !trailingSign) break;
  }
  rest = rest.trim();
  if (rest === '') return { kind: 'invalid', reason: 'not-a-number' };
  if (NON_FINITE.test(rest)) return { kind: 'invalid', reason: 'not-finite' };
  if (EXPONENT.test(rest)) {
    const value = Number(rest);
    if (!Number.isFinite(value)) return { kind: 'invalid', reason: 'not-finite' };
    return { kind: 'number', value: negative ? -value : value, evidence: null, currency };
  }
  if (!/^[\d.,\s\u00a0\u202f'’]+$/.test(rest) || !/\d/.test(rest)) return { kind: 'invalid', reason: 'not-a-number' };
  return readGrouped(rest, negative, currency);
}

/** ISO 4217 codes that this Node.js version supports, so that letters such as "abc" in "abc7" are not taken for a currency. */
const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** True for a currency symbol, kr, :- or a three-letter code that ISO 4217 defines, in any case. */
function isCurrencyToken(token: string): boolean {
  return !/^[A-Z]{3}$/i.test(token) || ISO_CURRENCIES.has(token.toUpperCase());
}

function currencyCode(token: string): string {
  const known = SYMBOL_CURRENCIES[token.toLowerCase()];
  if (known !== undefined) return known;
  return token.toUpperCase();
}

/** Reads digits with `.`/`,` and grouping spaces or apostrophes. */
function readGrouped(core: string, negative: boolean, currency: string): NumberReading {
  const dots = count(core, '.');
  const commas = count(core, ',');
  const spaced = GROUP_SPACES.test(core);
  if (dots === 0 && commas === 0) return finish(core, null, negative, null, currency);
  if (dots > 0 && commas > 0) {
    const decimal: DecimalSeparator = core.lastIndexOf('.') > core.lastIndexOf(',') ? '.' : ',';
    return finish(core, decimal, negative, decimal, currency);
  }
  const separator: DecimalSeparator = dots > 0 ? '.' : ',';
  if (dots + commas > 1) {
    const decimal: DecimalSeparator = separator === '.' ? ',' : '.';
    return finish(core, decimal, negative, decimal, currency);
  }
  const at = core.indexOf(separator);
  const before = core.slice(0, at);
  const after = core.slice(at + 1);
  // Spaces or apostrophes already group the thousands, so the one `.` or `,` is the decimal sign.
  if (spaced || after.length !== 3 || /^\s*0?$/.test(before) || before.replace(GROUP_SPACES, '').length > 3) {
    return finish(core, separator, negative, separator, currency);
  }
  return { kind: 'ambiguous', core, negative, separator, currency };
}

/** Reads a cell once the column's decimal separator is known. */
export function readNumberAs(raw: string, decimal: DecimalSeparator): NumberReading {
  const reading = readNumber(raw);
  if (reading.kind === 'ambiguous') return finish(reading.core, decimal, reading.negative, null, reading.currency);
  if (reading.kind === 'number' && reading.evidence !== null && reading.evidence !== decimal) {
    // Re-read under the given separator; grouping rules reject values that do not fit.
    const text = raw.trim();
    const decorated = readDecorated(text);
    if (decorated.kind !== 'number' && decorated.kind !== 'ambiguous') return decorated;
    const core = stripToCore(text);
    return finish(core, decimal, decorated.kind === 'number' ? decorated.value < 0 : decorated.negative, null, decorated.currency);
  }
  return reading;
}

function stripToCore(text: string): string {
  return text.replace(/[^\d.,\s\u00a0\u202f'’]/g, '').trim();
}

/**
 * Removes grouping and converts. Groups after the first must have exactly three digits, so `1,2`
 * under a decimal point is rejected rather than read as 12.
 */
function finish(core: string, decimal: DecimalSeparator | null, negative: boolean, evidence: DecimalSeparator | null, currency: string): NumberReading {
  let integerPart = core;
  let fraction = '';
  if (decimal !== null) {
    const at = core.lastIndexOf(decimal);
    if (at !== -1) {
      integerPart = core.slice(0, at);
      fraction = core.slice(at + 1);
    }
  }
  if (!/^\d*$/.test(fraction)) return { kind: 'invalid', reason: 'not-a-number' };
  const groups = integerPart.split(/[.,\s\u00a0\u202f'’]/);
  if (groups.length > 1) {
    if (!/^\d{1,3}$/.test(groups[0])) return { kind: 'invalid', reason: 'not-a-number' };
    for (let i = 1; i < groups.length; i++) if (!/^\d{3}$/.test(groups[i])) return { kind: 'invalid', reason: 'not-a-number' };
  } else if (!/^\d*$/.test(integerPart)) {
    return { kind: 'invalid', reason: 'not-a-number' };
  }
  const digits = groups.join('');
  if (digits === '' && fraction === '') return { kind: 'invalid', reason: 'not-a-number' };
  const value = Number(`${digits || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: 'not-finite' };
  return { kind: 'number', value: negative ? -value : value, evidence, currency };
}

function count(text: string, char: string): number {
  let n = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) n++;
  return n;
}
