// The feature catalog: every value the model reads, in model column order. FEATURES.md is generated
// from this list (scripts/generate-features-md.ts), and the row builders fill values in this order.

import type { FeatureSpec } from './types.js';

/** Sentinel for shares and ratios of a debtor without history; real values are never negative. */
export const NO_HISTORY = -1;

/** Sentinel for days-late figures of a debtor without history; far below any real early payment. */
export const NO_HISTORY_DAYS_LATE = -999;

/** Sentinel for "days" features that have no value (no payment yet, no overdue invoice). */
export const NO_DAYS = -1;

const debtorFeatures: FeatureSpec[] = [
  // Volume
  { name: 'has_history', group: 'volume', unit: '0/1', meaning: '1 when the debtor has at least one settled invoice or one open invoice past its due date; 0 marks the no-history encoding of the features below', noHistory: 0, scaleFree: true },
  { name: 'settled_count', group: 'volume', unit: 'invoices', meaning: 'Invoices settled so far', noHistory: 0, scaleFree: true },
  { name: 'settled_last_90', group: 'volume', unit: 'invoices', meaning: 'Invoices settled in the last 90 days', noHistory: 0, scaleFree: true },
  { name: 'settled_last_365', group: 'volume', unit: 'invoices', meaning: 'Invoices settled in the last 365 days', noHistory: 0, scaleFree: true },
  { name: 'tenure_days', group: 'volume', unit: 'days', meaning: 'Days since the debtor\'s first invoice', noHistory: 0, scaleFree: true },
  { name: 'volume_change', group: 'volume', unit: 'ratio', meaning: 'Invoices issued in the last 90 days over the 90-day average of the 275 days before; 1 means steady', noHistory: 1, scaleFree: true },

  // Lateness. Observations are settled invoices (days from due date to settlement) plus open invoices
  // already past due (days overdue so far), so a debtor who stops paying never looks punctual.
  { name: 'late_share', group: 'lateness', unit: 'share', meaning: 'Share of observations paid or still open after the due date', noHistory: NO_HISTORY, scaleFree: true },
  { name: 'late_share_by_amount', group: 'lateness', unit: 'share', meaning: 'The same share weighted by invoice amount', noHistory: NO_HISTORY, scaleFree: true },
  { name: 'mean_days_late', group: 'lateness', unit: 'days', meaning: 'Mean days after the due date (negative when paid early)', noHistory: NO_HISTORY_DAYS_LATE, scaleFree: true },
  { name: 'median_days_late', group: 'lateness', unit: 'days', meaning: 'Median days after the due date', noHistory: NO_HISTORY_DAYS_LATE, scaleFree: true },
  { name: 'std_days_late', group: 'lateness', unit: 'days', meaning: 'Standard deviation of days after the due date', noHistory: NO_HISTORY, scaleFree: true },
  { name: 'max_days_late', group: 'lateness', unit: 'days', meaning: 'Maximum days after the due date', noHistory: NO_HISTORY_DAYS_LATE, scaleFree: true },
  { name: 'weighted_days_late', group: 'lateness', unit: 'days', meaning: 'Mean days after the due date weighted by invoice amount', noHistory: NO_HISTORY_DAYS_LATE, scaleFree: true },
  { name: 'undisputed_mean_days_late', group: 'lateness', unit: 'days', meaning: 'Mean days after the due date leaving out disputed settled invoices (the same as the mean when the file has no dispute column)', noHistory: NO_HISTORY_DAYS_LATE, scaleFree: true },
  { name: 'last_days_late', group: 'lateness', unit: 'days', meaning: 'Days late of the most recent observation', noHistory: NO_HISTORY_DAYS_LATE, scaleFree: true },
  { name: 'second_last_days_late', group: 'lateness', unit: 'days', meaning: 'Days late of the observation before that; the last one when there is only one', noHistory: NO_HISTORY_DAYS_LATE, scaleFree: true },
  { name: 'third_last_days_late', group: 'lateness', unit: 'days', meaning: 'Days late of the third most recent observation; the earliest one when there are fewer', noHistory: NO_HISTORY_DAYS_LATE, scaleFree: true },
  { name: 'recent_mean_days_late', group: 'lateness', unit: 'days', meaning: 'Mean days late of the last 5 observations', noHistory: NO_HISTORY_DAYS_LATE, scaleFree: true },
  { name: 'trend_days', group: 'lateness', unit: 'days', meaning: 'Recent mean days late minus the mean of the earlier observations; 0 with 5 observations or fewer', noHistory: 0, scaleFree: true },
  { name: 'on_time_run', group: 'lateness', unit: 'invoices', meaning: 'Settled invoices paid on time in a row, counting back from the most recent', noHistory: 0, scaleFree: true },
  { name: 'recent_late_share', group: 'lateness', unit: 'share', meaning: 'Share late among the last 5 observations', noHistory: NO_HISTORY, scaleFree: true },

  // Exposure on the as-of day
  { name: 'open_count', group: 'exposure', unit: 'invoices', meaning: 'Open invoices', noHistory: 0, scaleFree: true },
  { name: 'overdue_count', group: 'exposure', unit: 'invoices', meaning: 'Open invoices past their due date', noHistory: 0, scaleFree: true },
  { name: 'overdue_count_share', group: 'exposure', unit: 'share', meaning: 'Share of open invoices already past their due date; 0 without open invoices', noHistory: 0, scaleFree: true },
  { name: 'overdue_balance_share', group: 'exposure', unit: 'share', meaning: 'Overdue balance over open balance; 0 without open balance', noHistory: 0, scaleFree: true },
  { name: 'oldest_overdue_days', group: 'exposure', unit: 'days', meaning: 'Days overdue of the oldest overdue open invoice; 0 when nothing is overdue', noHistory: 0, scaleFree: true },
  { name: 'aging_1_30_share', group: 'exposure', unit: 'share', meaning: 'Share of the open balance 1-30 days past due', noHistory: 0, scaleFree: true },
  { name: 'aging_31_60_share', group: 'exposure', unit: 'share', meaning: 'Share of the open balance 31-60 days past due', noHistory: 0, scaleFree: true },
  { name: 'aging_61_90_share', group: 'exposure', unit: 'share', meaning: 'Share of the open balance 61-90 days past due', noHistory: 0, scaleFree: true },
  { name: 'aging_over_90_share', group: 'exposure', unit: 'share', meaning: 'Share of the open balance more than 90 days past due', noHistory: 0, scaleFree: true },
  { name: 'aging_over_30_change', group: 'exposure', unit: 'ratio', meaning: 'Balance more than 30 days past due now over the same 30 days ago (log scale, 0 = unchanged)', noHistory: 0, scaleFree: true },
  { name: 'open_over_typical', group: 'exposure', unit: 'ratio', meaning: 'Open balance over the debtor\'s median invoice amount', noHistory: 0, scaleFree: true },
  { name: 'open_over_usual', group: 'exposure', unit: 'ratio', meaning: 'Open balance over the mean open balance at the last 6 month ends (log scale, 0 = as usual)', noHistory: 0, scaleFree: true },
  { name: 'share_of_receivables', group: 'exposure', unit: 'share', meaning: 'Debtor\'s open balance over all open receivables in the same currency', noHistory: 0, scaleFree: true },
  { name: 'open_balance', group: 'exposure', unit: 'currency', meaning: 'Open balance in the invoice currency (credit notes not yet used subtract)', noHistory: 0, scaleFree: false },
  { name: 'overdue_balance', group: 'exposure', unit: 'currency', meaning: 'Balance of open invoices past their due date', noHistory: 0, scaleFree: false },
  { name: 'typical_invoice', group: 'exposure', unit: 'currency', meaning: 'Median invoice amount so far', noHistory: 0, scaleFree: false },

  // Behaviour
  { name: 'partial_share', group: 'behaviour', unit: 'share', meaning: 'Share of invoices with a payment that paid only part of the balance', noHistory: NO_HISTORY, scaleFree: true },
  { name: 'credit_notes_last_90', group: 'behaviour', unit: 'documents', meaning: 'Credit notes issued in the last 90 days', noHistory: 0, scaleFree: true },
  { name: 'credit_notes_before', group: 'behaviour', unit: 'documents', meaning: 'Credit notes issued before the last 90 days', noHistory: 0, scaleFree: true },
  { name: 'disputed_last_90', group: 'behaviour', unit: 'invoices', meaning: 'Disputed invoices settled in the last 90 days (only when the file has a dispute column; a dispute counts once the invoice is settled, because the file does not date it)', noHistory: 0, scaleFree: true },
  { name: 'disputed_before', group: 'behaviour', unit: 'invoices', meaning: 'Disputed invoices settled before the last 90 days', noHistory: 0, scaleFree: true },
  { name: 'disputed_share', group: 'behaviour', unit: 'share', meaning: 'Share of settled invoices that were disputed', noHistory: NO_HISTORY, scaleFree: true },
  { name: 'days_since_last_payment', group: 'behaviour', unit: 'days', meaning: 'Days since the debtor\'s last payment', noHistory: NO_DAYS, scaleFree: true },
  { name: 'payment_gap_ratio', group: 'behaviour', unit: 'ratio', meaning: 'Days since the last payment over the median days between payments', noHistory: NO_HISTORY, scaleFree: true },
];

const invoiceFeatures: FeatureSpec[] = [
  { name: 'inv_amount_over_median', group: 'invoice', unit: 'ratio', meaning: 'Invoice amount over the debtor\'s median invoice amount so far (1 for a first invoice)', noHistory: 1, scaleFree: true },
  { name: 'inv_amount', group: 'invoice', unit: 'currency', meaning: 'Invoice amount', noHistory: 0, scaleFree: false },
  { name: 'inv_terms_days', group: 'invoice', unit: 'days', meaning: 'Payment terms: due date minus issue date', noHistory: 0, scaleFree: true },
  { name: 'inv_days_overdue', group: 'invoice', unit: 'days', meaning: 'Days past the due date on the scoring day; negative while not yet due', noHistory: 0, scaleFree: true },
  { name: 'inv_age_days', group: 'invoice', unit: 'days', meaning: 'Days since the invoice date', noHistory: 0, scaleFree: true },
  { name: 'inv_paid_share', group: 'invoice', unit: 'share', meaning: 'Share of the invoice amount already paid', noHistory: 0, scaleFree: true },
  { name: 'inv_due_day_of_month', group: 'invoice', unit: 'day', meaning: 'Day of the month of the due date (month-end due dates meet payment runs)', noHistory: 0, scaleFree: true },
  { name: 'inv_due_month_end', group: 'invoice', unit: '0/1', meaning: '1 when the due date falls in the last 3 days of its month', noHistory: 0, scaleFree: true },
  { name: 'inv_issue_month_end', group: 'invoice', unit: '0/1', meaning: '1 when the invoice date falls in the last 3 days of its month', noHistory: 0, scaleFree: true },
  { name: 'inv_due_weekday', group: 'invoice', unit: 'day', meaning: 'Weekday of the due date, 0 = Monday to 6 = Sunday', noHistory: 0, scaleFree: true },
];

/** The debtor-level features, in model order. */
export const DEBTOR_FEATURES: readonly FeatureSpec[] = debtorFeatures;

/** The per-invoice features, in model order after the debtor features. */
export const INVOICE_FEATURES: readonly FeatureSpec[] = invoiceFeatures;

/** Prefix of the per-invoice value of an opt-in extra column. */
export const EXTRA_PREFIX = 'extra_';

/** Prefix of the debtor's mean of an opt-in extra column over its earlier invoices. */
export const EXTRA_MEAN_PREFIX = 'extra_mean_';

/** Prefix of the debtor's mean days late on earlier invoices with the same value of an extra column. */
export const EXTRA_SAME_PREFIX = 'extra_same_days_late_';

/** Returns the three catalog entries that an opt-in extra column adds. */
export function extraFeatureSpecs(column: string): FeatureSpec[] {
  return [
    { name: `${EXTRA_PREFIX}${column}`, group: 'extra', unit: 'as in the file', meaning: `Value of the extra column "${column}" on the invoice (Yes/No as 1/0)`, noHistory: 0, scaleFree: false },
    { name: `${EXTRA_MEAN_PREFIX}${column}`, group: 'extra', unit: 'as in the file', meaning: `Mean of "${column}" over the debtor's earlier invoices; 0 without earlier invoices`, noHistory: 0, scaleFree: false },
    { name: `${EXTRA_SAME_PREFIX}${column}`, group: 'extra', unit: 'days', meaning: `Mean days late of the debtor's settled invoices with the same "${column}" value as this invoice; the overall mean days late when there is none`, noHistory: NO_HISTORY_DAYS_LATE, scaleFree: false },
  ];
}

/** Names of the combined extra-column features, for code that explains them. */
export const ADJUSTED_DAYS_FEATURE = 'extra_adjusted_days_late';
export const ADJUSTED_STD_FEATURE = 'extra_adjusted_std_days';
export const ADJUSTED_PROBABILITY_FEATURE = 'extra_adjusted_late_prob';

/**
 * The features that combine every extra column: a debtor's delay level read through the extra columns'
 * pooled effect (src/features/delay-adjustment.ts). They follow the per-column features.
 */
const adjustedFeatures: FeatureSpec[] = [
  { name: ADJUSTED_DAYS_FEATURE, group: 'extra', unit: 'days', meaning: 'Expected days late of this invoice: the debtor\'s mean days late on settled invoices with the extra columns\' effect taken out, plus the effect of this invoice\'s own extra values; each column\'s effect is fitted over all debtors at training', noHistory: NO_HISTORY_DAYS_LATE, scaleFree: false },
  { name: ADJUSTED_STD_FEATURE, group: 'extra', unit: 'days', meaning: 'Standard deviation of the debtor\'s days late around that expectation, at least 3, widened for a short history (7 with fewer than 3 settled invoices)', noHistory: NO_HISTORY, scaleFree: false },
  { name: ADJUSTED_PROBABILITY_FEATURE, group: 'extra', unit: 'share', meaning: 'Probability that the invoice ends later than the model\'s lateness threshold if its days late were normal around that expectation with that spread, given the days it is already overdue; 1 once past the threshold', noHistory: NO_HISTORY, scaleFree: false },
];

/** No-history values that no measurement takes: -1 for a share or day count, and -999 days late, far below any real early payment. */
const NO_VALUE_SENTINELS: ReadonlySet<number> = new Set([NO_HISTORY, NO_HISTORY_DAYS_LATE, NO_DAYS]);

const NO_HISTORY_BY_NAME = new Map([...debtorFeatures, ...invoiceFeatures, ...adjustedFeatures].map((spec) => [spec.name, spec.noHistory]));

/**
 * Returns true when `value` is the feature's stand-in for "no history" or "no payment yet", which a
 * table shows as missing. A no-history value that is also a real value (0 paid invoices) never matches.
 * NOTE: only the fixed catalog is looked up, so the per-column extra features never match.
 */
export function isNoValueSentinel(name: string, value: number): boolean {
  const noHistory = NO_HISTORY_BY_NAME.get(name);
  return noHistory !== undefined && NO_VALUE_SENTINELS.has(noHistory) && value === noHistory;
}

/** Returns how many combined extra-column features a ledger with this many extra columns has. */
export function adjustedFeatureCount(extraCount: number): number {
  return extraCount > 0 ? adjustedFeatures.length : 0;
}

/** Returns the full catalog for a ledger's extra columns, in model column order. */
export function featureCatalog(extraColumns: readonly string[] = []): FeatureSpec[] {
  const combined = extraColumns.length > 0 ? adjustedFeatures : [];
  return [...debtorFeatures, ...invoiceFeatures, ...extraColumns.flatMap(extraFeatureSpecs), ...combined];
}

/** Returns the model column names for a ledger's extra columns. */
export function featureNames(extraColumns: readonly string[] = []): string[] {
  return featureCatalog(extraColumns).map((spec) => spec.name);
}

/** Returns the names of the scale-free features, which the bundled model may use. */
export function scaleFreeFeatureNames(): string[] {
  return [...debtorFeatures, ...invoiceFeatures].filter((spec) => spec.scaleFree).map((spec) => spec.name);
}
