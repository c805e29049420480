// Currency conversion with a rates file, so invoices in several currencies can be compared. The file
// is a CSV with the columns `currency` and `rate`: the value of one unit in the base currency, which
// is the currency whose rate is 1. Rates are fixed, not dated.

import { readFile } from 'node:fs/promises';
import { RiskpayError } from '../findings.js';
import type { Invoice } from './ledger.js';
import type { Reporter } from './reporter.js';
import { readNumber } from './numbers.js';
import { roundMoney } from '../money.js';

export interface Rates {
  base: string;
  rates: Map<string, number>;
}

export async function loadRates(path: string): Promise<Rates> {
  // Standard input carries the invoices, so the rates need a file of their own.
  if (path === '-') throw new RiskpayError('INGEST_RATES_STDIN', {});
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new RiskpayError('INGEST_FILE_NOT_FOUND', { file: path, reason: (error as NodeJS.ErrnoException).code ?? String(error) }, { file: path });
  }
  const rates = new Map<string, number>();
  const lineOf = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const cells = splitRateLine(raw);
    if (cells === null) throw new RiskpayError('INGEST_RATES_INVALID', { file: path, line, value: raw.trim() }, { file: path, line });
    const [currency, rate] = cells;
    if (line === 1 && /^(currency|valuta|moneda)$/i.test(currency)) return;
    if (!/^[A-Za-z]{3}$/.test(currency)) {
      throw new RiskpayError('INGEST_RATES_CURRENCY_INVALID', { file: path, line, currency }, { file: path, line });
    }
    const reading = readNumber(rate);
    if (reading.kind !== 'number' || !(reading.value > 0)) {
      throw new RiskpayError('INGEST_RATES_RATE_INVALID', { file: path, line, currency: currency.toUpperCase(), rate }, { file: path, line });
    }
    const code = currency.toUpperCase();
    const earlier = rates.get(code);
    if (earlier !== undefined && earlier !== reading.value) {
      const args = { file: path, currency: code, line, otherLine: lineOf.get(code)!, rate: reading.value, otherRate: earlier };
      throw new RiskpayError('INGEST_RATES_DUPLICATE', args, { file: path, line });
    }
    rates.set(code, reading.value);
    if (!lineOf.has(code)) lineOf.set(code, line);
  });
  const bases = [...rates].filter(([, rate]) => rate === 1).map(([code]) => code);
  if (rates.size === 0) throw new RiskpayError('INGEST_RATES_EMPTY', { file: path }, { file: path });
  if (bases.length === 0) throw new RiskpayError('INGEST_RATES_NO_BASE', { file: path, currencies: [...rates.keys()].join(', ') }, { file: path });
  if (bases.length > 1) throw new RiskpayError('INGEST_RATES_SEVERAL_BASES', { file: path, bases: bases.join(', ') }, { file: path });
  return { base: bases[0], rates };
}

/**
 * Splits a rates line into currency and rate, with quotes removed, or returns null without a delimiter.
 * A semicolon, tab or `=` wins over a comma, so `EUR;11,5` keeps its decimal comma. A comma-separated
 * line splits at its first comma, so `EUR,11,5` reads the rate 11,5.
 */
function splitRateLine(raw: string): [string, string] | null {
  const strong = raw.search(/[;\t=]/);
  const at = strong >= 0 ? strong : raw.indexOf(',');
  if (at < 0) return null;
  const unquote = (cell: string): string => cell.trim().replace(/^"(.*)"$/, '$1').trim();
  return [unquote(raw.slice(0, at)), unquote(raw.slice(at + 1))];
}

/** Converts every invoice and its payments to the base currency. */
export function convertCurrencies(invoices: Invoice[], rates: Rates, ratesFile: string, reporter: Reporter): void {
  let unknown = 0;
  for (const invoice of invoices) {
    if (invoice.currency === '') {
      unknown++;
      continue;
    }
    if (invoice.currency === rates.base) continue;
    const rate = rates.rates.get(invoice.currency);
    if (rate === undefined) {
      throw new RiskpayError('INGEST_RATE_MISSING', { currency: invoice.currency, file: invoice.source.file, line: invoice.source.line ?? 0, rates: ratesFile }, invoice.source);
    }
    invoice.amount = roundMoney(invoice.amount * rate, rates.base);
    for (const payment of invoice.payments) payment.amount = roundMoney(payment.amount * rate, rates.base);
    invoice.currency = rates.base;
  }
  if (unknown > 0) reporter.add(unknown === 1 ? 'INGEST_RATES_NO_CURRENCY_ONE' : 'INGEST_RATES_NO_CURRENCY', 'warning', { count: unknown, base: rates.base }, undefined);
}
