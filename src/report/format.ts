// Number, money and date formatting for human-readable reports (table, HTML), by output language.
// Machine formats (JSON, NDJSON, CSV) keep raw numbers instead.

import type { Lang } from '../i18n/catalog-type.js';

const LOCALE: Record<Lang, string> = { en: 'en-GB', sv: 'sv-SE' };

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Returns the cached format for amounts in a currency. A currency shows as its ISO code, never as a
 * symbol, because symbols differ by currency and locale (`US$`, `€`, `kr`) and a reader should not have
 * to tell them apart. Intl places the code by language: `SEK 1,234.50` in English, `1 234,50 SEK` in Swedish.
 */
function moneyFormat(lang: Lang, currency: string): Intl.NumberFormat {
  const key = `${lang}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = currency
      ? new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency, currencyDisplay: 'code' })
      : new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(key, format);
  }
  return format;
}

function isIsoCurrency(currency: string): boolean {
  return /^[A-Z]{3}$/.test(currency);
}

/**
 * Formats an amount with its ISO currency code: `SEK 1,234.50` in English, `1 234,50 SEK` in Swedish.
 * Text that is not a three-letter code follows the number (`2.00 points`), and no currency gives the
 * number alone. The spaces inside are no-break spaces, so wrapping keeps an amount on one line.
 */
export function formatMoney(amount: number, currency: string, lang: Lang): string {
  if (currency && !isIsoCurrency(currency)) return `${moneyFormat(lang, '').format(amount)}\u00a0${currency}`;
  return moneyFormat(lang, currency).format(amount);
}

// Intl formatters are costly to build and a report formats many values, so each one is built once.
const cachedFormats = new Map<string, Intl.NumberFormat>();

function cachedFormat(key: string, build: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = cachedFormats.get(key);
  if (!format) {
    format = build();
    cachedFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  const format = cachedFormat(`number|${lang}|${fractionDigits}`, () =>
    new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
  );
  return format.format(value);
}

/** Formats a probability 0-1 as a whole percentage: `35%` in English, `35 %` in Swedish. */
export function formatPercent(probability: number, lang: Lang): string {
  const format = cachedFormat(`percent|${lang}`, () => new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 }));
  return format.format(probability);
}

/** Formats a signed day count such as a trend: `+4` or `-2`. */
export function formatSignedDays(days: number, lang: Lang): string {
  const rounded = Math.round(days);
  const text = formatNumber(Math.abs(rounded), lang);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `-${text}` : text;
}

/** Rounds to a number of decimals for JSON output: money 2, risk 4, days 1. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
