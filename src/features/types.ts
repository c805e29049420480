// What the feature builder returns for one debtor as of a day. The model reads `values`; flags,
// reasons and reports read `stats` in natural units. Everything is computed only from facts dated on
// or before `asOf`.

import type { Invoice } from '../ingest/ledger.js';
import type { DelayAdjustment, ResidualTotals } from './delay-adjustment.js';

export type FeatureGroup = 'volume' | 'lateness' | 'exposure' | 'behaviour' | 'invoice' | 'extra';

/** One entry of the feature catalog (src/features/catalog.ts), from which FEATURES.md is generated. */
export interface FeatureSpec {
  name: string;
  group: FeatureGroup;
  unit: string;
  meaning: string;
  /** The value used when the debtor has no settled history; always finite. */
  noHistory: number;
  /** True when the feature does not depend on the business's currency or size, so the bundled model may use it. */
  scaleFree: boolean;
}

/** An invoice open on the as-of day, with its balance then. */
export interface OpenInvoice {
  invoice: Invoice;
  balance: number;
  /** Days past the due date on the as-of day; negative while not yet due. */
  daysOverdue: number;
}

/** Debtor facts in natural units. `null` means "no history", never zero. */
export interface DebtorStats {
  settledCount: number;
  settledLast90: number;
  settledLast365: number;
  tenureDays: number;
  lateShare: number | null;
  lateShareByAmount: number | null;
  meanDaysLate: number | null;
  medianDaysLate: number | null;
  maxDaysLate: number | null;
  /** Mean days late over the most recent settled invoices (up to 5). */
  recentMeanDaysLate: number | null;
  /** Mean days late over the settled invoices before those. */
  earlierMeanDaysLate: number | null;
  /** recentMeanDaysLate minus earlierMeanDaysLate. */
  trendDays: number | null;
  /** Days late of the last settled invoices (up to 12), oldest first. */
  recentDaysLate: number[];
  /** On-time settled invoices in a row before the most recent one. */
  onTimeRunBeforeLast: number;
  lastDaysLate: number | null;
  openCount: number;
  openBalance: number;
  overdueBalance: number;
  overdueCount: number;
  oldestOverdueDays: number | null;
  /** Overdue balance per aging bucket: 1-30, 31-60, 61-90, over 90 days past due. */
  aging: [number, number, number, number];
  /** The same buckets 30 days before the as-of day, to see balances rolling into older buckets. */
  agingMonthAgo: [number, number, number, number];
  /** Median invoice amount over the debtor's invoices so far. */
  typicalInvoice: number | null;
  /** Open balance over the typical invoice amount. */
  openOverTypical: number | null;
  /** Mean open balance at month ends over the previous 6 months (the usual balance). */
  usualOpenBalance: number | null;
  partialCount: number;
  partialShare: number | null;
  creditNotesLast90: number;
  creditNotesBefore: number;
  disputedLast90: number;
  disputedBefore: number;
  daysSinceLastPayment: number | null;
  /** Median days between the debtor's payment dates. */
  usualPaymentGap: number | null;
  /** Debtor's open balance over all open receivables in the same currency. */
  shareOfReceivables: number;
  /** Lateness of settled invoices only, without open invoices and prepayments, for the words shown to people. */
  paid?: PaidLateness;
}

/**
 * Days late over settled invoices only. The model's lateness features also count open overdue invoices,
 * so these figures exist to say "paid N days late" truthfully. An invoice settled before its issue date
 * is a prepayment: it is counted in `prepaidCount` and left out of every other figure here.
 */
export interface PaidLateness {
  /** Settled invoices that were not prepaid. */
  count: number;
  /** Of those, settled after the due date. */
  lateCount: number;
  prepaidCount: number;
  /** Mean, median and maximum days late; null when `count` is 0. */
  meanDaysLate: number | null;
  medianDaysLate: number | null;
  maxDaysLate: number | null;
  /** Days late of the most recently settled one; null when `count` is 0. */
  lastDaysLate: number | null;
  /** Days late of the last 12 of them (PAID_RECENT_KEPT), oldest first; built by feature replay. */
  recentDaysLate?: number[];
}

export interface DebtorSnapshot {
  customerId: string;
  name: string;
  currency: string;
  asOf: number;
  noHistory: boolean;
  stats: DebtorStats;
  openInvoices: OpenInvoice[];
  /** Debtor-level model inputs in catalog order (DEBTOR_FEATURES in src/features/catalog.ts); set by buildSnapshots. */
  debtorValues?: Float64Array;
  /** Sums of each opt-in extra column over the debtor's invoices so far, and how many invoices they cover. */
  extraTotals?: { sums: Record<string, number>; count: number };
  /** Per extra column: [value, sum of days late, settled count] over the debtor's settled invoices with that value. */
  extraLateness?: Record<string, [number, number, number][]>;
  /** Settled days late minus the extra columns' effect, replayed with `adjustment`. */
  residuals?: ResidualTotals;
  /** The extra columns' effect on days late that the snapshot was replayed with. */
  adjustment?: DelayAdjustment;
}
