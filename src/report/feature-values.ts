// Feature values as the `features` command writes them in CSV, JSON and NDJSON. Amounts go out to the
// minor unit of their currency (the cent for SEK) so an accountant can reconcile them with the ledger.
// Every other value keeps its full precision.

import { DEBTOR_FEATURES, INVOICE_FEATURES } from '../features/catalog.js';
import { roundMoney } from '../money.js';

/** Names of the catalog features measured in the invoice currency, such as `open_balance`. */
const MONEY_FEATURES = new Set([...DEBTOR_FEATURES, ...INVOICE_FEATURES].filter((spec) => spec.unit === 'currency').map((spec) => spec.name));

/** Values closer to zero than this are floating-point noise (e.g. 2.6e-16 left by a sum) and are written as 0. */
const ZERO_BELOW = 1e-9;

export function isMoneyFeature(name: string): boolean {
  return MONEY_FEATURES.has(name);
}

/**
 * Returns a feature value ready for output. Amounts are rounded to the minor unit of `currency`, and to
 * 2 decimals when `currency` is ''. Noise near zero becomes 0, and every other number is unchanged, so
 * JSON and CSV write its shortest round-trip form.
 */
export function featureOutputValue(name: string, value: number, currency: string): number {
  if (!Number.isFinite(value)) return value;
  if (isMoneyFeature(name)) return roundMoney(value, currency);
  if (Math.abs(value) < ZERO_BELOW) return 0;
  return value;
}
