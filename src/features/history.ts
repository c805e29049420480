// A debtor's payment history replayed in date order with running aggregates. The builders feed it one
// customer's events sorted by day and ask for the debtor's state at chosen days, so every snapshot and
// training row costs time proportional to the debtor's open invoices, not to its whole history.

import { lastDayOfMonth } from '../dates.js';
import type { Invoice } from '../ingest/ledger.js';
import { halfMinorUnit } from '../money.js';
import { extraEffect, type DelayAdjustment, type ResidualTotals } from './delay-adjustment.js';
import type { DebtorStats, OpenInvoice, PaidLateness } from './types.js';
import { insertSorted, lowerBound, medianOfSorted, medianOfUnion, upperBound } from './sorted.js';

/** Number of most recent observations behind the "recent" lateness figures. */
export const RECENT_WINDOW = 5;

/** Number of settled invoices kept for sparklines. */
const SPARKLINE_LENGTH = 12;


/** Month ends averaged for the usual open balance. */
const USUAL_BALANCE_MONTHS = 6;

/** One document as the history tracks it. */
export interface Tracked {
  invoice: Invoice;
  /** Sum of payments applied so far. */
  paid: number;
  settled: boolean;
  /** The day it was settled while replaying, or -1. */
  settledDay: number;
  partial: boolean;
}

/** Start-of-day or end-of-day view: `issue` sees invoices issued that day but no payments dated that day. */
export type Moment = 'issue' | 'end';

export interface DebtorState {
  stats: DebtorStats;
  noHistory: boolean;
  openInvoices: OpenInvoice[];
  /** Standard deviation of days late over all observations, or null without history. */
  stdDaysLate: number | null;
  /** Mean days late weighted by invoice amount, or null without history. */
  weightedDaysLate: number | null;
  /** Mean days late over observations other than disputed settled invoices, or null without any. */
  undisputedMeanDaysLate: number | null;
  /** Share of settled invoices that were disputed, or null before the first settlement. */
  disputedShare: number | null;
  /** Days late of the last observations (settled, then open overdue), oldest first, up to RECENT_WINDOW. */
  recentObservations: number[];
  /** Settled invoices plus open invoices past due. */
  observationCount: number;
  issuedLast90: number;
  issuedBefore90Within365: number;
  /** Invoices with at least one payment so far. */
  paidInvoiceCount: number;
  extraSums: Float64Array;
  extraCount: number;
  /** Per extra column: value -> [sum of days late, count] over settled invoices with that value. */
  extraLateness: Map<number, [number, number]>[];
  /** Settled days late minus the extra columns' effect (DelayAdjustment); plain days late without one. */
  residuals: ResidualTotals;
}

/** Paid invoices whose days late a snapshot lists, newest last (PaidLateness.recentDaysLate). */
export const PAID_RECENT_KEPT = 12;

export class DebtorHistory {
  readonly customerId: string;
  name = '';
  currency = '';

  private firstIssue: number | null = null;
  private readonly issueDays: number[] = [];
  private readonly creditDays: number[] = [];
  private readonly settleDays: number[] = [];
  /** Days late of settled invoices in settlement order, and their amounts. */
  private readonly settledLate: number[] = [];
  private readonly settledTracked: Tracked[] = [];
  private readonly sortedLate: number[] = [];
  /** Settled invoices without prepayments, for PaidLateness: sorted days late, sum, late count, last. */
  private readonly paidSortedLate: number[] = [];
  private paidSumLate = 0;
  private paidLateCount = 0;
  private paidLastDaysLate: number | null = null;
  /** Days late of the last PAID_RECENT_KEPT paid invoices (prepaid ones left out), oldest first. */
  private readonly paidRecentLate: number[] = [];
  private prepaidCount = 0;
  /** The currency of `halfUnit` (see halfMinorUnitOf), or null before the first settlement. */
  private halfUnitCurrency: string | null = null;
  private halfUnit = 0;
  private sumLate = 0;
  private sumSqLate = 0;
  private maxLate = -Infinity;
  private lateCount = 0;
  private amountSum = 0;
  private lateAmountSum = 0;
  private weightedLateSum = 0;
  private undisputedLateSum = 0;
  private undisputedCount = 0;
  private onTimeRun = 0;
  private onTimeRunBeforeLast = 0;
  private readonly sortedAmounts: number[] = [];
  /** Every document issued so far, in issue order. */
  private readonly issued: Tracked[] = [];
  /** Documents by id, filled from `issued` when `tracked` is read. */
  private readonly byId = new Map<string, Tracked>();
  private indexedCount = 0;
  /**
   * Invoices (not credit notes) that are open or were settled since the last compaction, in issue order.
   * Readers skip the settled ones, and compaction drops them, because this costs less than a map per debtor.
   */
  private openList: Tracked[] = [];
  private settledInOpenList = 0;
  private openBalance = 0;
  private partialCount = 0;
  private paidInvoiceCount = 0;
  private readonly disputedSettleDays: number[] = [];
  private readonly paymentDays: number[] = [];
  private readonly sortedGaps: number[] = [];
  private readonly monthEndDays: number[] = [];
  private readonly monthEndBalances: number[] = [];
  /** First day whose month end has not been recorded yet. */
  private nextMonthEnd: number | null = null;
  private readonly extraSums: Float64Array;
  private extraCount = 0;
  private readonly extraLateness: Map<number, [number, number]>[];
  private readonly residuals: ResidualTotals = { count: 0, sum: 0, sumOfSquares: 0 };

  constructor(
    customerId: string,
    private readonly extraColumns: readonly string[],
    private readonly adjustment?: DelayAdjustment,
  ) {
    this.customerId = customerId;
    this.extraSums = new Float64Array(extraColumns.length);
    this.extraLateness = extraColumns.map(() => new Map());
  }

  /**
   * Documents issued so far by id. Replay addresses documents by the Tracked that `issue` returns, so
   * the map is only built, incrementally, for callers that look documents up by id.
   */
  get tracked(): ReadonlyMap<string, Tracked> {
    for (; this.indexedCount < this.issued.length; this.indexedCount += 1) {
      const tracked = this.issued[this.indexedCount];
      this.byId.set(tracked.invoice.id, tracked);
    }
    return this.byId;
  }

  /** Records an invoice or credit note on its issue day, and returns how the history tracks it. */
  issue(invoice: Invoice): Tracked {
    this.advanceTo(invoice.issueDate);
    const tracked: Tracked = { invoice, paid: 0, settled: false, settledDay: -1, partial: false };
    this.issued.push(tracked);
    this.name = invoice.customerName;
    this.currency = invoice.currency;
    if (this.firstIssue === null) this.firstIssue = invoice.issueDate;
    this.openBalance += invoice.amount;

    if (invoice.kind === 'credit') {
      this.creditDays.push(invoice.issueDate);
      return tracked;
    }

    this.issueDays.push(invoice.issueDate);
    insertSorted(this.sortedAmounts, invoice.amount);
    this.openList.push(tracked);
    for (let c = 0; c < this.extraColumns.length; c += 1) {
      this.extraSums[c] += invoice.extra[this.extraColumns[c]] ?? 0;
    }
    this.extraCount += 1;
    return tracked;
  }

  /**
   * Applies one payment on its day. A payment whose real day the export did not give (`dated` false)
   * counts for balances but not as a payment day, so the gaps between payments stay real.
   */
  pay(invoiceId: string, day: number, amount: number, dated = true): void {
    this.advanceTo(day);
    const tracked = this.tracked.get(invoiceId);
    if (tracked) this.applyPayment(tracked, day, amount, dated);
  }

  /** Applies one payment to a document that `issue` returned; see `pay`. */
  payDocument(tracked: Tracked, day: number, amount: number, dated: boolean): void {
    this.advanceTo(day);
    this.applyPayment(tracked, day, amount, dated);
  }

  private applyPayment(tracked: Tracked, day: number, amount: number, dated: boolean): void {
    if (tracked.paid === 0 && amount !== 0) this.paidInvoiceCount += tracked.invoice.kind === 'invoice' ? 1 : 0;
    tracked.paid += amount;
    if (!tracked.settled) {
      this.openBalance -= amount;
      // A payment that leaves a balance is a partial payment, whether or not a later one settles it.
      if (tracked.invoice.kind === 'invoice' && !tracked.partial && tracked.paid < tracked.invoice.amount) {
        tracked.partial = true;
        this.partialCount += 1;
      }
    }

    if (!dated) return;
    const last = this.paymentDays.length > 0 ? this.paymentDays[this.paymentDays.length - 1] : null;
    if (last === null || day > last) {
      if (last !== null) insertSorted(this.sortedGaps, day - last);
      this.paymentDays.push(day);
    }
  }

  /** Closes a document on its settlement day and records its lateness. */
  settle(invoiceId: string, day: number): void {
    this.advanceTo(day);
    const tracked = this.tracked.get(invoiceId);
    if (tracked) this.close(tracked, day);
  }

  /** Closes a document that `issue` returned; see `settle`. */
  settleDocument(tracked: Tracked, day: number): void {
    this.advanceTo(day);
    this.close(tracked, day);
  }

  private close(tracked: Tracked, day: number): void {
    if (tracked.settled) return;

    tracked.settled = true;
    tracked.settledDay = day;
    this.openBalance -= tracked.invoice.amount - tracked.paid;
    const invoice = tracked.invoice;
    if (invoice.kind === 'credit') return;
    this.dropSettledFromOpenList();
    // Settled by a payment of unknown day: the balance is closed, but its lateness is not known.
    if (hasUndatedPayment(invoice)) return;

    const daysLate = day - invoice.dueDate;
    const amount = Math.max(invoice.amount, 0);
    this.settleDays.push(day);
    this.settledLate.push(daysLate);
    this.settledTracked.push(tracked);
    insertSorted(this.sortedLate, daysLate);
    this.sumLate += daysLate;
    this.sumSqLate += daysLate * daysLate;
    this.maxLate = Math.max(this.maxLate, daysLate);
    this.amountSum += amount;
    this.weightedLateSum += amount * daysLate;
    if (daysLate > 0) {
      this.lateCount += 1;
      this.lateAmountSum += amount;
      this.onTimeRunBeforeLast = this.onTimeRun;
      this.onTimeRun = 0;
    } else {
      this.onTimeRunBeforeLast = this.onTimeRun;
      this.onTimeRun += 1;
    }
    for (let c = 0; c < this.extraColumns.length; c += 1) {
      const value = invoice.extra[this.extraColumns[c]] ?? 0;
      const totals = this.extraLateness[c].get(value);
      if (totals) {
        totals[0] += daysLate;
        totals[1] += 1;
      } else this.extraLateness[c].set(value, [daysLate, 1]);
    }
    const residual = daysLate - extraEffect(this.adjustment, invoice);
    this.residuals.count += 1;
    this.residuals.sum += residual;
    this.residuals.sumOfSquares += residual * residual;
    this.recordPaidLateness(invoice, daysLate);
    if (invoice.disputed) this.disputedSettleDays.push(day);
    else {
      this.undisputedLateSum += daysLate;
      this.undisputedCount += 1;
    }
  }

  /**
   * Adds a settled invoice to the settled-only figures, or counts it as a prepayment when payments dated
   * before its issue day cover the amount (import and replay then date the settlement on the issue day).
   */
  private recordPaidLateness(invoice: Invoice, daysLate: number): void {
    let paidBeforeIssue = 0;
    for (const payment of invoice.payments) if (payment.date < invoice.issueDate) paidBeforeIssue += payment.amount;
    // Less than half a minor unit left unpaid is float noise in the sum, so the invoice counts as prepaid.
    if (invoice.amount > 0 && paidBeforeIssue >= invoice.amount - this.halfMinorUnitOf(invoice.currency)) {
      this.prepaidCount += 1;
      return;
    }
    insertSorted(this.paidSortedLate, daysLate);
    this.paidSumLate += daysLate;
    if (daysLate > 0) this.paidLateCount += 1;
    this.paidLastDaysLate = daysLate;
    this.paidRecentLate.push(daysLate);
    if (this.paidRecentLate.length > PAID_RECENT_KEPT) this.paidRecentLate.shift();
  }

  /** Counts one more settled invoice in the open list and compacts the list when half of it is settled. */
  private dropSettledFromOpenList(): void {
    this.settledInOpenList += 1;
    if (this.settledInOpenList < 16 || this.settledInOpenList * 2 < this.openList.length) return;
    this.openList = this.openList.filter((tracked) => !tracked.settled);
    this.settledInOpenList = 0;
  }

  /** Returns halfMinorUnit of a currency, cached for the last currency because replay calls it per settled invoice. */
  private halfMinorUnitOf(currency: string): number {
    if (currency !== this.halfUnitCurrency) {
      this.halfUnitCurrency = currency;
      this.halfUnit = halfMinorUnit(currency);
    }
    return this.halfUnit;
  }

  private paidLateness(): PaidLateness {
    const count = this.paidSortedLate.length;
    return {
      count,
      lateCount: this.paidLateCount,
      prepaidCount: this.prepaidCount,
      meanDaysLate: count > 0 ? this.paidSumLate / count : null,
      medianDaysLate: medianOfSorted(this.paidSortedLate),
      maxDaysLate: count > 0 ? this.paidSortedLate[count - 1] : null,
      lastDaysLate: this.paidLastDaysLate,
      recentDaysLate: [...this.paidRecentLate],
    };
  }

  /** Records the open balance at every month end before `day` that has passed since the last event. */
  private advanceTo(day: number): void {
    if (this.nextMonthEnd === null) {
      this.nextMonthEnd = monthEndOf(day);
      return;
    }
    while (this.nextMonthEnd < day) {
      this.monthEndDays.push(this.nextMonthEnd);
      this.monthEndBalances.push(this.openBalance);
      this.nextMonthEnd = monthEndOf(this.nextMonthEnd + 1);
    }
  }

  /**
   * Returns the debtor's state on `day`. The caller must have replayed every event up to that day (and,
   * for moment `issue`, no payment or settlement dated that day).
   */
  stateAt(day: number, receivablesTotal: number): DebtorState {
    const openInvoices: OpenInvoice[] = [];
    const overdueDays: number[] = [];
    let overdueBalance = 0;
    let overdueAmount = 0;
    let overdueWeighted = 0;
    let overdueSum = 0;
    let overdueSumSq = 0;
    let oldestOverdue: number | null = null;
    const aging: [number, number, number, number] = [0, 0, 0, 0];

    for (const tracked of this.openList) {
      if (tracked.settled) continue;
      const invoice = tracked.invoice;
      const balance = invoice.amount - tracked.paid;
      const daysOverdue = day - invoice.dueDate;
      openInvoices.push({ invoice, balance, daysOverdue });
      if (daysOverdue <= 0) continue;

      overdueDays.push(daysOverdue);
      overdueBalance += balance;
      overdueAmount += Math.max(invoice.amount, 0);
      overdueWeighted += Math.max(invoice.amount, 0) * daysOverdue;
      overdueSum += daysOverdue;
      overdueSumSq += daysOverdue * daysOverdue;
      oldestOverdue = oldestOverdue === null ? daysOverdue : Math.max(oldestOverdue, daysOverdue);
      aging[agingBucket(daysOverdue)] += balance;
    }
    openInvoices.sort((a, b) => a.invoice.dueDate - b.invoice.dueDate || compareIds(a.invoice.id, b.invoice.id));
    overdueDays.sort((a, b) => a - b);

    const settledCount = this.settledLate.length;
    const observationCount = settledCount + overdueDays.length;
    const noHistory = observationCount === 0;
    const lateObservations = this.lateCount + overdueDays.length;
    const meanDaysLate = noHistory ? null : (this.sumLate + overdueSum) / observationCount;
    const variance = noHistory
      ? null
      : Math.max((this.sumSqLate + overdueSumSq) / observationCount - (meanDaysLate as number) ** 2, 0);
    const amountTotal = this.amountSum + overdueAmount;

    // Recent observations: settled invoices in settlement order, then open overdue invoices, which are
    // the newest evidence (their lateness is still growing). Open overdue ones are ordered oldest due first.
    const recentObservations: number[] = [];
    const fromOpen = Math.min(overdueDays.length, RECENT_WINDOW);
    const fromSettled = Math.min(settledCount, RECENT_WINDOW - fromOpen);
    for (let i = settledCount - fromSettled; i < settledCount; i += 1) recentObservations.push(this.settledLate[i]);
    // The most overdue ones, oldest due date (largest days overdue) first.
    for (let i = overdueDays.length - 1; i >= overdueDays.length - fromOpen; i -= 1) recentObservations.push(overdueDays[i]);
    const recentSum = recentObservations.reduce((sum, value) => sum + value, 0);
    const recentMean = recentObservations.length > 0 ? recentSum / recentObservations.length : null;
    const earlierCount = observationCount - recentObservations.length;
    const earlierMean = earlierCount > 0 ? (this.sumLate + overdueSum - recentSum) / earlierCount : null;

    const typicalInvoice = medianOfSorted(this.sortedAmounts);
    const usualOpenBalance = this.usualOpenBalance(day);
    const lastPayment = this.paymentDays.length > 0 ? this.paymentDays[this.paymentDays.length - 1] : null;
    const openBalance = this.openBalance;

    const stats: DebtorStats = {
      settledCount,
      settledLast90: settledCount - upperBound(this.settleDays, day - 90),
      settledLast365: settledCount - upperBound(this.settleDays, day - 365),
      tenureDays: this.firstIssue === null ? 0 : day - this.firstIssue,
      lateShare: noHistory ? null : lateObservations / observationCount,
      lateShareByAmount: noHistory ? null : amountTotal > 0 ? (this.lateAmountSum + overdueAmount) / amountTotal : lateObservations / observationCount,
      meanDaysLate,
      medianDaysLate: medianOfUnion(this.sortedLate, overdueDays),
      maxDaysLate: noHistory ? null : Math.max(this.maxLate, overdueDays.length > 0 ? overdueDays[overdueDays.length - 1] : -Infinity),
      recentMeanDaysLate: recentMean,
      earlierMeanDaysLate: earlierMean,
      trendDays: recentMean !== null && earlierMean !== null ? recentMean - earlierMean : null,
      recentDaysLate: this.settledLate.slice(Math.max(0, settledCount - SPARKLINE_LENGTH)),
      onTimeRunBeforeLast: this.onTimeRunBeforeLast,
      lastDaysLate: recentObservations.length > 0 ? recentObservations[recentObservations.length - 1] : null,
      openCount: openInvoices.length,
      openBalance,
      overdueBalance,
      overdueCount: overdueDays.length,
      oldestOverdueDays: oldestOverdue,
      aging,
      agingMonthAgo: this.agingAt(day - 30),
      typicalInvoice,
      openOverTypical: typicalInvoice !== null && typicalInvoice > 0 ? openBalance / typicalInvoice : null,
      usualOpenBalance,
      partialCount: this.partialCount,
      partialShare: this.paidInvoiceCount > 0 ? this.partialCount / this.paidInvoiceCount : null,
      creditNotesLast90: this.creditDays.length - upperBound(this.creditDays, day - 90),
      creditNotesBefore: upperBound(this.creditDays, day - 90),
      disputedLast90: this.disputedSettleDays.length - upperBound(this.disputedSettleDays, day - 90),
      disputedBefore: upperBound(this.disputedSettleDays, day - 90),
      daysSinceLastPayment: lastPayment === null ? null : day - lastPayment,
      usualPaymentGap: medianOfSorted(this.sortedGaps),
      shareOfReceivables: receivablesTotal > 0 ? Math.max(openBalance, 0) / receivablesTotal : 0,
      paid: this.paidLateness(),
    };

    return {
      stats,
      noHistory,
      openInvoices,
      stdDaysLate: variance === null ? null : Math.sqrt(variance),
      undisputedMeanDaysLate:
        this.undisputedCount + overdueDays.length > 0 ? (this.undisputedLateSum + overdueSum) / (this.undisputedCount + overdueDays.length) : null,
      disputedShare: settledCount > 0 ? this.disputedSettleDays.length / settledCount : null,
      weightedDaysLate: noHistory ? null : amountTotal > 0 ? (this.weightedLateSum + overdueWeighted) / amountTotal : meanDaysLate,
      recentObservations,
      observationCount,
      issuedLast90: this.issueDays.length - upperBound(this.issueDays, day - 90),
      issuedBefore90Within365: upperBound(this.issueDays, day - 90) - upperBound(this.issueDays, day - 365),
      paidInvoiceCount: this.paidInvoiceCount,
      extraSums: this.extraSums.slice(),
      extraCount: this.extraCount,
      extraLateness: this.extraLateness.map((byValue) => new Map([...byValue].map(([value, totals]) => [value, [totals[0], totals[1]] as [number, number]]))),
      residuals: { ...this.residuals },
    };
  }

  /** Mean open balance at the last USUAL_BALANCE_MONTHS month ends before `day`, or null before the first. */
  private usualOpenBalance(day: number): number | null {
    // Month ends between the last event and `day` carry the current balance, because nothing changed.
    const recorded = lowerBound(this.monthEndDays, day);
    let sum = 0;
    let count = 0;
    let monthEnd = this.nextMonthEnd;
    while (monthEnd !== null && monthEnd < day && count < USUAL_BALANCE_MONTHS) {
      sum += this.openBalance;
      count += 1;
      monthEnd = monthEndOf(monthEnd + 1);
    }
    for (let i = recorded - 1; i >= 0 && count < USUAL_BALANCE_MONTHS; i -= 1) {
      sum += this.monthEndBalances[i];
      count += 1;
    }
    return count > 0 ? sum / count : null;
  }

  /** Overdue balance per aging bucket on an earlier day, from the invoices open now or settled since. */
  private agingAt(day: number): [number, number, number, number] {
    const buckets: [number, number, number, number] = [0, 0, 0, 0];
    const add = (tracked: Tracked): void => {
      const invoice = tracked.invoice;
      if (invoice.issueDate > day || invoice.dueDate >= day) return;
      let paid = 0;
      for (const payment of invoice.payments) if (payment.date <= day) paid += payment.amount;
      const balance = invoice.amount - paid;
      if (balance > 0) buckets[agingBucket(day - invoice.dueDate)] += balance;
    };
    for (const tracked of this.openList) if (!tracked.settled) add(tracked);
    // Invoices settled after `day` were still open then.
    for (let i = upperBound(this.settleDays, day); i < this.settledTracked.length; i += 1) add(this.settledTracked[i]);
    return buckets;
  }
}

/** Aging bucket index for a positive number of days past due: 1-30, 31-60, 61-90, over 90. */
export function agingBucket(daysOverdue: number): 0 | 1 | 2 | 3 {
  if (daysOverdue <= 30) return 0;
  if (daysOverdue <= 60) return 1;
  if (daysOverdue <= 90) return 2;
  return 3;
}

/** True when a payment of the invoice has a stand-in day because the export gave none (see Payment). */
export function hasUndatedPayment(invoice: Invoice): boolean {
  for (const payment of invoice.payments) if (payment.dateUnknown === true) return true;
  return false;
}

/**
 * Month ends by day. Replay looks up the next month end about once per debtor and month (1.8 million
 * calls at 1,000,000 invoices) for a few thousand distinct days.
 */
const monthEnds = new Map<number, number>();
const MAX_MONTH_ENDS = 100_000;

/** Returns the day number of the last day of the month containing `day`. */
export function monthEndOf(day: number): number {
  let end = monthEnds.get(day);
  if (end === undefined) {
    end = lastDayOfMonth(day);
    if (monthEnds.size < MAX_MONTH_ENDS) monthEnds.set(day, end);
  }
  return end;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
