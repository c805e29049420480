// Turns a debtor's state into model inputs in catalog order: the debtor-level values, then one open
// invoice's values, then the opt-in extra columns. Every value is finite; a debtor without history gets
// the catalog's no-history values.

import { lastDayOfMonth } from '../dates.js';
import type { Invoice } from '../ingest/ledger.js';
import { DEBTOR_FEATURES, INVOICE_FEATURES, NO_DAYS, NO_HISTORY, NO_HISTORY_DAYS_LATE, adjustedFeatureCount } from './catalog.js';
import { adjustedDelay, extraEffect, lateProbability, type DelayAdjustment, type ResidualTotals } from './delay-adjustment.js';
import type { DebtorState } from './history.js';
import type { DebtorSnapshot, OpenInvoice } from './types.js';

const DEBTOR_COUNT = DEBTOR_FEATURES.length;
const INVOICE_COUNT = INVOICE_FEATURES.length;

/** Model columns per opt-in extra column (see extraFeatureSpecs). */
const EXTRA_WIDTH = 3;

/** Debtor history of the opt-in extra columns, as an invoice row reads it. */
export interface ExtraHistory {
  sums: ArrayLike<number>;
  count: number;
  /** Per extra column: value -> [sum of days late, count] over settled invoices. */
  lateness: Map<number, [number, number]>[];
  /** The debtor's overall mean days late, the fallback when no settled invoice has the value. */
  meanDaysLate: number | null;
  /** Settled days late minus the extra columns' effect, replayed with `adjustment`. */
  residuals?: ResidualTotals;
  /** The extra columns' effect on days late; without it the adjusted delay is the plain mean. */
  adjustment?: DelayAdjustment;
}

/** Returns the number of model columns for a ledger with this many extra columns. */
export function rowLength(extraCount: number): number {
  return DEBTOR_COUNT + INVOICE_COUNT + EXTRA_WIDTH * extraCount + adjustedFeatureCount(extraCount);
}

/** Returns the debtor-level values of a state in DEBTOR_FEATURES order, written into `values` when given. */
export function debtorValuesOf(state: DebtorState, values: Float64Array = new Float64Array(DEBTOR_COUNT)): Float64Array {
  const s = state.stats;
  const history = !state.noHistory;
  const recent = state.recentObservations;
  const nthLast = (n: number): number | null => (recent.length === 0 ? null : recent[Math.max(recent.length - n, 0)]);
  const openBalance = s.openBalance;
  const positiveOpen = Math.max(openBalance, 0);
  const overThirtyNow = s.aging[1] + s.aging[2] + s.aging[3];
  const overThirtyBefore = s.agingMonthAgo[1] + s.agingMonthAgo[2] + s.agingMonthAgo[3];
  const share = (part: number): number => (positiveOpen > 0 ? Math.min(Math.max(part / positiveOpen, 0), 1) : 0);
  const priorQuarterly = state.issuedBefore90Within365 / (275 / 90);
  const recentLate = recent.filter((days) => days > 0).length;

  let i = 0;
  const put = (value: number): void => {
    values[i] = Number.isFinite(value) ? value : 0;
    i += 1;
  };
  // History-dependent values fall back to the catalog's no-history value of the feature being written.
  const putOr = (value: number | null): void => put(history && value !== null ? value : DEBTOR_FEATURES[i].noHistory);

  // Volume
  put(history ? 1 : 0);
  put(s.settledCount);
  put(s.settledLast90);
  put(s.settledLast365);
  put(s.tenureDays);
  put(state.issuedLast90 + priorQuarterly > 0 ? (state.issuedLast90 + 0.5) / (priorQuarterly + 0.5) : 1);

  // Lateness
  putOr(s.lateShare);
  putOr(s.lateShareByAmount);
  putOr(s.meanDaysLate);
  putOr(s.medianDaysLate);
  putOr(state.stdDaysLate);
  putOr(s.maxDaysLate);
  putOr(state.weightedDaysLate);
  putOr(state.undisputedMeanDaysLate);
  putOr(nthLast(1));
  putOr(nthLast(2));
  putOr(nthLast(3));
  putOr(s.recentMeanDaysLate);
  put(s.trendDays ?? 0);
  put(s.overdueCount > 0 ? 0 : onTimeRun(s.recentDaysLate, s.settledCount, s.onTimeRunBeforeLast));
  putOr(recent.length > 0 ? recentLate / recent.length : null);

  // Exposure
  put(s.openCount);
  put(s.overdueCount);
  put(s.openCount > 0 ? s.overdueCount / s.openCount : 0);
  put(share(s.overdueBalance));
  put(s.oldestOverdueDays ?? 0);
  put(share(s.aging[0]));
  put(share(s.aging[1]));
  put(share(s.aging[2]));
  put(share(s.aging[3]));
  put(Math.log1p(Math.max(overThirtyNow, 0)) - Math.log1p(Math.max(overThirtyBefore, 0)));
  put(s.openOverTypical ?? 0);
  put(s.usualOpenBalance !== null ? Math.log1p(positiveOpen) - Math.log1p(Math.max(s.usualOpenBalance, 0)) : 0);
  put(s.shareOfReceivables);
  put(openBalance);
  put(s.overdueBalance);
  put(s.typicalInvoice ?? 0);

  // Behaviour
  putOr(s.partialShare);
  put(s.creditNotesLast90);
  put(s.creditNotesBefore);
  put(s.disputedLast90);
  put(s.disputedBefore);
  putOr(state.disputedShare);
  put(s.daysSinceLastPayment ?? NO_DAYS);
  put(s.daysSinceLastPayment !== null && s.usualPaymentGap !== null ? s.daysSinceLastPayment / Math.max(s.usualPaymentGap, 1) : NO_HISTORY);

  if (i !== DEBTOR_COUNT) throw new Error(`debtor row has ${i} values, catalog has ${DEBTOR_COUNT}`);
  return values;
}

/** On-time settled invoices in a row at the end of the settled history. */
function onTimeRun(recentDaysLate: number[], settledCount: number, runBeforeLast: number): number {
  if (settledCount === 0) return 0;
  const last = recentDaysLate[recentDaysLate.length - 1];
  return last > 0 ? 0 : runBeforeLast + 1;
}

/** Extra-column values of an invoice and the debtor means without that invoice. */
function putExtras(
  values: Float64Array,
  offset: number,
  extraColumns: readonly string[],
  invoice: Invoice | null,
  totals: ExtraHistory,
  daysOverdue: number | null,
): void {
  extraColumns.forEach((column, c) => {
    // A debtor row (no invoice) takes the debtor's mean value, as for a typical new invoice.
    const mean = totals.count > 0 ? totals.sums[c] / totals.count : 0;
    const own = invoice ? (invoice.extra[column] ?? 0) : mean;
    // Means leave the scored invoice out when it is already counted in the totals.
    const count = invoice ? totals.count - 1 : totals.count;
    const sum = invoice ? totals.sums[c] - own : totals.sums[c];
    const same = totals.lateness[c]?.get(own);
    const sameMean = same && same[1] > 0 ? same[0] / same[1] : (totals.meanDaysLate ?? NO_HISTORY_DAYS_LATE);
    values[offset + EXTRA_WIDTH * c] = Number.isFinite(own) ? own : 0;
    values[offset + EXTRA_WIDTH * c + 1] = count > 0 && Number.isFinite(sum / count) ? sum / count : 0;
    values[offset + EXTRA_WIDTH * c + 2] = Number.isFinite(sameMean) ? sameMean : NO_HISTORY_DAYS_LATE;
  });
  if (extraColumns.length > 0) putAdjustedDelay(values, offset + EXTRA_WIDTH * extraColumns.length, extraColumns, invoice, totals, daysOverdue);
}

/**
 * Writes the expected days late from the debtor's residual level plus this invoice's extra values
 * (see delay-adjustment.ts), and the spread around it. A debtor row takes the debtor's mean values.
 */
function putAdjustedDelay(
  values: Float64Array,
  offset: number,
  extraColumns: readonly string[],
  invoice: Invoice | null,
  totals: ExtraHistory,
  daysOverdue: number | null,
): void {
  const adjustment = totals.adjustment;
  let effect = 0;
  if (invoice) effect = extraEffect(adjustment, invoice);
  else if (adjustment && totals.count > 0) {
    adjustment.columns.forEach((column, c) => {
      const index = extraColumns.indexOf(column);
      if (index >= 0) effect += adjustment.coefficients[c] * (totals.sums[index] / totals.count);
    });
  }

  const delay = totals.residuals ? adjustedDelay(totals.residuals, effect) : null;
  const probability = delay && adjustment ? lateProbability(delay, adjustment.lateAfterDays, daysOverdue) : NaN;
  values[offset] = delay && Number.isFinite(delay.days) ? delay.days : NO_HISTORY_DAYS_LATE;
  values[offset + 1] = delay && Number.isFinite(delay.std) ? delay.std : NO_HISTORY;
  values[offset + 2] = Number.isFinite(probability) ? probability : NO_HISTORY;
}

/**
 * Writes a full model row: debtor values, the invoice's values as of `day`, then the extra columns,
 * into `target` when given (a subarray of exactly one row) or a new array.
 * With `invoice` null the row describes a typical new invoice for the debtor: its median amount, the
 * debtor's usual terms, issued on `day`.
 */
export function writeRow(
  debtorValues: Float64Array,
  typicalInvoice: number | null,
  invoice: Invoice | null,
  balance: number,
  day: number,
  extraColumns: readonly string[],
  extraTotals: ExtraHistory,
  usualTerms: number,
  target?: Float64Array,
): Float64Array {
  // Training writes straight into its row of one large matrix, so millions of rows need no small arrays.
  const width = rowLength(extraColumns.length);
  // A target of another width is left alone: the caller compares the returned row's width with its own.
  const row = target !== undefined && target.length === width ? target : new Float64Array(width);
  row.set(debtorValues, 0);

  let i = DEBTOR_COUNT;
  const put = (value: number): void => {
    row[i] = Number.isFinite(value) ? value : 0;
    i += 1;
  };

  const amount = invoice ? invoice.amount : (typicalInvoice ?? 0);
  const issueDate = invoice ? invoice.issueDate : day;
  const dueDate = invoice ? invoice.dueDate : day + usualTerms;
  put(typicalInvoice !== null && typicalInvoice > 0 ? amount / typicalInvoice : 1);
  put(amount);
  put(dueDate - issueDate);
  put(day - dueDate);
  put(day - issueDate);
  put(invoice && invoice.amount > 0 ? Math.min(Math.max(1 - balance / invoice.amount, 0), 1) : 0);
  if (isCalendarDay(dueDate) && isCalendarDay(issueDate)) {
    const dueMonthEnd = lastDayOfMonth(dueDate);
    // The day 31 days before a month end is in the month before, because every month has 28 to 31 days.
    put(dueDate - lastDayOfMonth(dueMonthEnd - 31));
    // 1 in the last three days of the month, as isMonthEnd.
    put(dueMonthEnd - dueDate < 3 ? 1 : 0);
    put(lastDayOfMonth(issueDate) - issueDate < 3 ? 1 : 0);
    put((weekdayOf(dueDate) + 6) % 7);
  } else {
    const due = new Date(dueDate * MS_PER_DAY);
    const issued = new Date(issueDate * MS_PER_DAY);
    put(due.getUTCDate());
    put(isMonthEnd(due) ? 1 : 0);
    put(isMonthEnd(issued) ? 1 : 0);
    put((due.getUTCDay() + 6) % 7);
  }

  putExtras(row, i, extraColumns, invoice, extraTotals, invoice ? day - dueDate : null);
  return row;
}

const MS_PER_DAY = 86_400_000;

/**
 * Days from 1970-01-01 that a Date can represent (plus or minus 100,000,000). On whole days in that range
 * writeRow reads the calendar by integer arithmetic, because four Date objects per row showed in
 * profiles. Any other day takes the Date path, which gives the same values there.
 */
const MAX_DATE_DAYS = 100_000_000;

function isCalendarDay(day: number): boolean {
  return Number.isInteger(day) && Math.abs(day) <= MAX_DATE_DAYS;
}

/** Returns the weekday of a day number as Date.getUTCDay does: 0 for Sunday. 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return ((day % 7) + 7 + 4) % 7;
}

function isMonthEnd(date: Date): boolean {
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  return date.getUTCDate() > lastDay - 3;
}

/** Extra-column history of a snapshot in the requested extra-column order. */
function snapshotExtraTotals(snapshot: DebtorSnapshot, extraColumns: readonly string[]): ExtraHistory {
  const totals = snapshot.extraTotals ?? { sums: {}, count: 0 };
  const lateness = snapshot.extraLateness ?? {};
  return {
    sums: extraColumns.map((column) => totals.sums[column] ?? 0),
    count: totals.count,
    lateness: extraColumns.map((column) => new Map((lateness[column] ?? []).map(([value, sum, count]) => [value, [sum, count] as [number, number]]))),
    meanDaysLate: snapshot.noHistory ? null : snapshot.stats.meanDaysLate,
    residuals: snapshot.residuals,
    adjustment: snapshot.adjustment,
  };
}

function requireValues(snapshot: DebtorSnapshot): Float64Array {
  if (!snapshot.debtorValues) {
    throw new Error(`snapshot of ${snapshot.customerId} has no debtorValues; build it with buildSnapshots`);
  }
  return snapshot.debtorValues;
}

/** Returns the model row of one open invoice of a snapshot, in `featureNames(extraColumns)` order. */
export function invoiceFeatureRow(
  snapshot: DebtorSnapshot,
  openInvoice: OpenInvoice,
  asOf: number,
  extraColumns: readonly string[] = [],
  target?: Float64Array,
): Float64Array {
  return writeRow(
    requireValues(snapshot),
    snapshot.stats.typicalInvoice,
    openInvoice.invoice,
    openInvoice.balance,
    asOf,
    extraColumns,
    snapshotExtraTotals(snapshot, extraColumns),
    usualTermsOf(snapshot),
    target,
  );
}

/**
 * Returns the model row of a debtor: for a typical new invoice issued on the snapshot day, in
 * `featureNames(extraColumns)` order. Scoring uses it for debtors without open invoices.
 */
export function debtorFeatureRow(snapshot: DebtorSnapshot, extraColumns: readonly string[] = [], target?: Float64Array): Float64Array {
  return writeRow(
    requireValues(snapshot),
    snapshot.stats.typicalInvoice,
    null,
    0,
    snapshot.asOf,
    extraColumns,
    snapshotExtraTotals(snapshot, extraColumns),
    usualTermsOf(snapshot),
    target,
  );
}

/** Terms of the debtor's most recent open invoice, else 30 days. */
function usualTermsOf(snapshot: DebtorSnapshot): number {
  const last = snapshot.openInvoices[snapshot.openInvoices.length - 1];
  return last ? last.invoice.dueDate - last.invoice.issueDate : 30;
}
