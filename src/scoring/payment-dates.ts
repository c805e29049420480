// Expected payment dates for open invoices: from the model's days-late regressor when it has one, else
// from the debtor's own past delays, else from all debtors' delays in the same currency.

import type { DebtorSnapshot, OpenInvoice } from '../features/types.js';
import type { PaymentDatePrediction } from '../model/types.js';
import type { PaymentDateSource } from './types.js';

/** Expected payment day with an interval, as UTC day numbers. */
export interface PaymentDateEstimate {
  expected: number;
  low: number;
  high: number;
  source: PaymentDateSource;
}

/** Days late relative to the due date, with an interval, before it is placed on the calendar. */
export interface DelayEstimate {
  days: number;
  low: number;
  high: number;
}

/** Assumed delay when nothing at all is known: on time, give or take a month. */
const UNKNOWN_DELAY: DelayEstimate = { days: 0, low: 0, high: 30 };

/** Width in days given to an interval that was only a single day, so forecasts spread it over a week. */
const MIN_SPREAD_DAYS = 7;

/** Returns the q-quantile (0-1) of sorted values by linear interpolation. */
function quantile(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Median with a 10-90 % interval of observed delays, or null without observations. */
export function delayFromHistory(daysLate: readonly number[]): DelayEstimate | null {
  if (daysLate.length === 0) return null;
  return delayFromSorted([...daysLate].sort((a, b) => a - b));
}

function delayFromSorted(sorted: ArrayLike<number>): DelayEstimate {
  return { days: quantile(sorted, 0.5), low: quantile(sorted, 0.1), high: quantile(sorted, 0.9) };
}

/** Pools the recent delays of every debtor per currency, for debtors without their own history. */
export function portfolioDelays(snapshots: readonly DebtorSnapshot[]): Map<string, DelayEstimate> {
  const pooled = new Map<string, number[]>();
  for (const snapshot of snapshots) {
    let list = pooled.get(snapshot.currency);
    if (list === undefined) {
      list = [];
      pooled.set(snapshot.currency, list);
    }
    for (const days of snapshot.stats.recentDaysLate) list.push(days);
  }

  const result = new Map<string, DelayEstimate>();
  for (const [currency, list] of pooled) {
    if (list.length === 0) continue;
    // A typed array sorts without a compare callback: about 3 times faster for the 600,000 delays of a
    // 1,000,000-invoice ledger (measured). It differs from `(a, b) => a - b` only in putting -0 before 0
    // (delays are whole days, never NaN), and interpolating between zeros gives 0 either way.
    result.set(currency, delayFromSorted(Float64Array.from(list).sort()));
  }
  return result;
}

/**
 * Places a delay on the calendar for an open invoice. An open invoice cannot be paid before the as-of
 * day, so when the due date plus the expected delay has already passed, the debtor is later than
 * predicted and the estimate restarts at the as-of day with the interval's width.
 */
export function placePaymentDate(
  open: OpenInvoice,
  asOf: number,
  delay: DelayEstimate,
  source: PaymentDateSource,
): PaymentDateEstimate {
  const due = open.invoice.dueDate;
  const low = Math.min(delay.low, delay.days);
  const high = Math.max(delay.high, delay.days);
  const expected = due + Math.round(delay.days);

  if (expected >= asOf) {
    return {
      expected,
      low: Math.max(asOf, due + Math.floor(low)),
      high: Math.max(expected, due + Math.ceil(high)),
      source,
    };
  }

  // NOTE: restarting at the as-of day is a heuristic; no model of "still unpaid after N days" exists yet.
  const spread = Math.max(MIN_SPREAD_DAYS, Math.ceil(high - low));
  return { expected: asOf + Math.round(spread / 2), low: asOf, high: asOf + spread, source };
}

/** Chooses the delay source for one open invoice and returns its expected payment date. */
export function estimatePaymentDate(
  snapshot: DebtorSnapshot,
  open: OpenInvoice,
  prediction: PaymentDatePrediction | null,
  portfolio: Map<string, DelayEstimate>,
): PaymentDateEstimate {
  if (prediction && Number.isFinite(prediction.days)) {
    return placePaymentDate(open, snapshot.asOf, prediction, 'model');
  }

  const own = snapshot.noHistory ? null : delayFromHistory(snapshot.stats.recentDaysLate);
  if (own) return placePaymentDate(open, snapshot.asOf, own, 'customer-history');

  return placePaymentDate(open, snapshot.asOf, portfolio.get(snapshot.currency) ?? UNKNOWN_DELAY, 'portfolio');
}
