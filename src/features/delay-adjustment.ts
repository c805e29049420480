// The days-late effect of the opt-in extra columns, pooled over all debtors. Each settled invoice's
// days late is modelled as the debtor's own level plus a shared coefficient times each extra value.
// A debtor's level can then be read from history whatever mix of disputed or paperless invoices it had.
// A new invoice's expected delay is that level plus its own extra values times the coefficients, a sum
// that a forest does not build on its own.

import type { Invoice, Ledger } from '../ingest/ledger.js';
import { hasUndatedPayment } from './history.js';
import { groupByCustomer } from './replay.js';

/** Days late per unit of each extra column, named so that any column order reads them right. */
export interface DelayAdjustment {
  columns: string[];
  coefficients: number[];
  /** The model's lateness threshold in days past due, for the late probability feature. */
  lateAfterDays: number;
}

/** Running sums of a debtor's residual days late (days late minus the extra columns' effect). */
export interface ResidualTotals {
  count: number;
  sum: number;
  sumOfSquares: number;
}

/** Relative ridge term that keeps the solve finite when a column never varies within a debtor. */
const RIDGE = 1e-6;

/** Lower bound of the residual spread in days, because a handful of equal delays is not certainty. */
export const MIN_RESIDUAL_STD = 3;

/** Residual spread in days assumed for a debtor with fewer than three settled invoices. */
export const DEFAULT_RESIDUAL_STD = 7;

/** Returns the days late of a settled invoice as history records it, or null when it does not count. */
export function settledDaysLate(invoice: Invoice): number | null {
  if (invoice.kind !== 'invoice' || invoice.settledDate === null || hasUndatedPayment(invoice)) return null;
  return Math.max(invoice.settledDate, invoice.issueDate) - invoice.dueDate;
}

/** Returns the extra columns' effect on one invoice's days late; 0 without an adjustment. */
export function extraEffect(adjustment: DelayAdjustment | undefined, invoice: Invoice): number {
  if (!adjustment) return 0;
  let effect = 0;
  for (let c = 0; c < adjustment.columns.length; c += 1) {
    effect += adjustment.coefficients[c] * finiteOrZero(invoice.extra[adjustment.columns[c]]);
  }
  return effect;
}

/**
 * Fits the coefficients by least squares within debtors (each debtor's own mean removed from days late
 * and from every extra column) on invoices settled before `knownBefore`. Returns zeros for columns that
 * never vary within a debtor.
 */
// NOTE: a text column becomes one category code per value (src/ingest/invoice-rows.ts), so its effect
// is one straight line through arbitrary codes. That is exact for two values (Paper/Electronic) but only
// a rough summary for three or more.
export function fitDelayAdjustment(ledger: Ledger, knownBefore: number, lateAfterDays: number): DelayAdjustment {
  const columns = ledger.extraColumns;
  const k = columns.length;
  const xx = new Float64Array(k * k);
  const xy = new Float64Array(k);

  for (const invoices of groupByCustomer(ledger).values()) {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (const invoice of invoices) {
      const daysLate = settledDaysLate(invoice);
      if (daysLate === null || (invoice.settledDate as number) >= knownBefore) continue;
      ys.push(daysLate);
      xs.push(columns.map((column) => finiteOrZero(invoice.extra[column])));
    }
    if (ys.length < 2) continue;
    addCentredMoments(xs, ys, xx, xy);
  }

  return { columns: [...columns], coefficients: solveRidge(xx, xy, k), lateAfterDays };
}

/** Adds one debtor's centred cross-products to the pooled sums. */
function addCentredMoments(xs: number[][], ys: number[], xx: Float64Array, xy: Float64Array): void {
  const k = xy.length;
  const n = ys.length;
  const meanY = ys.reduce((sum, value) => sum + value, 0) / n;
  const meanX = new Float64Array(k);
  for (const x of xs) for (let j = 0; j < k; j += 1) meanX[j] += x[j] / n;

  for (let i = 0; i < n; i += 1) {
    const dy = ys[i] - meanY;
    for (let j = 0; j < k; j += 1) {
      const dj = xs[i][j] - meanX[j];
      xy[j] += dj * dy;
      for (let l = 0; l < k; l += 1) xx[j * k + l] += dj * (xs[i][l] - meanX[l]);
    }
  }
}

/** Solves (xx + ridge) b = xy by Gaussian elimination with partial pivoting, cheap because k is small. */
function solveRidge(xx: Float64Array, xy: Float64Array, k: number): number[] {
  let trace = 0;
  for (let j = 0; j < k; j += 1) trace += xx[j * k + j];
  const ridge = RIDGE * (trace > 0 ? trace / k : 1);
  const a = Array.from({ length: k }, (_, j) => [...Array.from({ length: k }, (_, l) => xx[j * k + l] + (j === l ? ridge : 0)), xy[j]]);

  for (let col = 0; col < k; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < k; row += 1) if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) pivot = row;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    if (a[col][col] === 0) continue;
    for (let row = col + 1; row < k; row += 1) {
      const factor = a[row][col] / a[col][col];
      for (let l = col; l <= k; l += 1) a[row][l] -= factor * a[col][l];
    }
  }

  const b = new Array<number>(k).fill(0);
  for (let row = k - 1; row >= 0; row -= 1) {
    if (a[row][row] === 0) continue;
    let rest = a[row][k];
    for (let l = row + 1; l < k; l += 1) rest -= a[row][l] * b[l];
    b[row] = rest / a[row][row];
  }
  // A column constant within every debtor leaves only the ridge, so its coefficient is 0 or tiny.
  return b.map((value) => (Number.isFinite(value) ? value : 0));
}

/**
 * Returns the expected days late of an invoice with these extra values and the spread around it: the
 * debtor's mean residual plus the values' effect, and the residual standard deviation widened for the
 * uncertainty of the mean. Null without a settled invoice.
 */
export function adjustedDelay(totals: ResidualTotals, effect: number): { days: number; std: number } | null {
  if (totals.count === 0) return null;
  const mean = totals.sum / totals.count;
  const variance = Math.max(totals.sumOfSquares / totals.count - mean * mean, 0);
  const spread = totals.count >= 3 ? Math.max(Math.sqrt(variance), MIN_RESIDUAL_STD) : DEFAULT_RESIDUAL_STD;
  return { days: mean + effect, std: spread * Math.sqrt(1 + 1 / totals.count) };
}

/**
 * Returns the probability that an invoice ends more than `lateAfterDays` past due when its days late
 * are normal around `delay`, given that it is still unpaid `daysOverdue` days past due (null for a
 * typical new invoice). 1 once it is already past the threshold.
 */
export function lateProbability(delay: { days: number; std: number }, lateAfterDays: number, daysOverdue: number | null): number {
  if (daysOverdue !== null && daysOverdue > lateAfterDays) return 1;
  // Days are whole numbers, so the half-day steps put the cut between two days.
  const late = normalSurvival((lateAfterDays + 0.5 - delay.days) / delay.std);
  if (daysOverdue === null) return late;
  const stillOpen = normalSurvival((daysOverdue - 0.5 - delay.days) / delay.std);
  return stillOpen > 1e-12 ? Math.min(late / stillOpen, 1) : 1;
}

/** Returns P(Z > z) for a standard normal Z. */
export function normalSurvival(z: number): number {
  return 0.5 * complementaryErf(z / Math.SQRT2);
}

/**
 * Returns erfc(x) by a fitted exponential-polynomial approximation. The tests check the normal tail it
 * gives against tabulated values to six decimals.
 */
function complementaryErf(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z - 1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}

function finiteOrZero(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? value : 0;
}
