import { describe, expect, it } from 'vitest';

import { CATALOGS, fillPlaceholders } from '../../src/i18n/catalog.js';
import { formatMoney } from '../../src/report/format.js';

type Args = Record<string, string | number>;

/**
 * Three regular-expression passes: a no-break space before `%`, then money, then each placeholder. The
 * cached template must give the same text.
 */
function fillByReplace(text: string, args: Args, lang: 'en' | 'sv'): string {
  const withPercent = text.replace(/(?<=[\d}]) %/g, '\u00a0%');
  const withMoney = withPercent.replace(/\{(\w+)\} \{currency\}/g, (whole, name: string) => {
    const amount = args[name];
    return typeof amount === 'number' && typeof args.currency === 'string' ? formatMoney(amount, args.currency, lang) : whole;
  });
  return withMoney.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? fillPlaceholders(`{${name}}`, args, lang) : whole));
}

function placeholderNames(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

/** Argument sets per text: numbers, strings, a missing value, and an amount without a currency. */
function argumentSets(names: string[]): Args[] {
  const numbers: Args = {};
  const words: Args = {};
  const partial: Args = {};
  names.forEach((name, i) => {
    numbers[name] = name === 'currency' ? 'SEK' : 1234.5 + i;
    words[name] = name === 'currency' ? 'EUR' : `w${i}`;
    if (i % 2 === 0 && name !== 'currency') partial[name] = i + 0.25;
  });
  return [numbers, words, partial, {}];
}

describe('fillPlaceholders', () => {
  it('matches replace passes on every catalog text', () => {
    let checked = 0;
    for (const catalog of Object.values(CATALOGS)) {
      for (const lang of ['en', 'sv'] as const) {
        for (const text of Object.values(catalog[lang])) {
          for (const args of argumentSets(placeholderNames(text))) {
            expect(fillPlaceholders(text, args, lang)).toBe(fillByReplace(text, args, lang));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('formats an amount before its currency as money', () => {
    expect(fillPlaceholders('Owes {amount} {currency}.', { amount: 149895.62, currency: 'SEK' }, 'sv')).toBe(`Owes ${formatMoney(149895.62, 'SEK', 'sv')}.`);
  });

  it('keeps a placeholder without a value', () => {
    expect(fillPlaceholders('{a} of {b}', { a: 3 }, 'en')).toBe('3 of {b}');
    expect(fillPlaceholders('{amount} {currency}', { amount: 5 }, 'en')).toBe('5 {currency}');
  });
});
