// Feature values as the `features` command writes them in CSV, JSON and NDJSON. Amounts go out to the
// cent so an accountant can reconcile them with the ledger. Every other value keeps its full precision.

import { DEBTOR_FEATURES, INVOICE_FEATURES } from '../features/catalog.js';
import { roundTo } from './format.js';

/** Names of the catalog features measured in the invoice currency, such as `open_balance`. */
const MONEY_FEATURES = new Set([...DEBTOR_FEATURES, ...INVOICE_FEATURES].filter((spec) => spec.unit === 'currency').map((spec) => spec.name));

/** Decimals written for an amount, so amounts go out to the cent. */
const MONEY_DECIMALS = 2;

/** Values closer to zero than this are floating-point noise (e.g. 2.6e-16 left by a sum) and are written as 0. */
const ZERO_BELOW = 1e-9;

export function isMoneyFeature(name: string): boolean {
  return MONEY_FEATURES.has(name);
}

/**
 * Returns a feature value ready for output: amounts rounded to the cent, noise near zero as 0, and
 * every other number unchanged, so JSON and CSV write its shortest round-trip form.
 */
export function featureOutputValue(name: string, value: number): number {
  if (!Number.isFinite(value)) return value;
  if (isMoneyFeature(name)) return roundTo(value, MONEY_DECIMALS);
  if (Math.abs(value) < ZERO_BELOW) return 0;
  return value;
}
