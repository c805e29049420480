// Maps model features to reason codes, the words a person reads in place of feature names. Several
// features share one code (all the "days late" statistics become one lateness reason), so a reason's
// contribution is the sum over its features. Names are those of src/features/catalog.ts.

import type { DebtorSnapshot, DebtorStats, OpenInvoice, PaidLateness } from '../features/types.js';
import { formatDay } from '../dates.js';
import { ADJUSTED_DAYS_FEATURE, ADJUSTED_PROBABILITY_FEATURE, ADJUSTED_STD_FEATURE, EXTRA_MEAN_PREFIX, EXTRA_PREFIX, EXTRA_SAME_PREFIX } from '../features/catalog.js';
import { roundMoney } from '../money.js';
import { RECENT_PAID, paidTrend } from './paid-trend.js';

/** The values a reason's message needs, computed from the debtor's stats and the model row. */
export type ReasonArgs = Record<string, number | string>;

/** Context for one feature's reason: the debtor, the invoice if any, and the row's values. */
export interface ReasonInput {
  snapshot: DebtorSnapshot;
  /** The open invoice the row is for, or null for a debtor row. */
  invoice: OpenInvoice | null;
  /** Row value by feature name. */
  value(name: string): number | null;
}

function round(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

const VOLUME = ['has_history', 'settled_count', 'settled_last_90', 'settled_last_365', 'tenure_days'];
const RECENT_LATENESS = [
  'recent_mean_days_late',
  'last_days_late',
  'second_last_days_late',
  'third_last_days_late',
  'recent_late_share',
  'on_time_run',
];
const LATE_HISTORY = [
  'mean_days_late',
  'median_days_late',
  'std_days_late',
  'max_days_late',
  'weighted_days_late',
  'undisputed_mean_days_late',
];
const LATE_SHARE = ['late_share', 'late_share_by_amount'];
const LATENESS = [...RECENT_LATENESS, ...LATE_HISTORY, ...LATE_SHARE, 'trend_days'];
const OVERDUE = ['overdue_count', 'overdue_count_share', 'overdue_balance_share', 'oldest_overdue_days', 'overdue_balance'];
const AGING = ['aging_1_30_share', 'aging_31_60_share', 'aging_61_90_share', 'aging_over_90_share', 'aging_over_30_change'];
const BALANCE = ['open_count', 'open_over_typical', 'open_over_usual', 'open_balance'];
const PAYMENT_GAP = ['days_since_last_payment', 'payment_gap_ratio'];

/** A reason code with its arguments; the code decides which message is shown. */
export interface ReasonWords {
  code: string;
  args: ReasonArgs;
  /**
   * True when the facts in the words do not support a higher risk (nothing late, a share near zero), so
   * the reason is not shown even when the model's contribution is positive.
   */
  weak?: boolean;
}

/** Maximum number of payments in the last 365 days that still reads as "few recent payments". */
const FEW_RECENT_PAYMENTS_MAX = 3;


function weak(words: ReasonWords): ReasonWords {
  // Field by field: a spread of words of several shapes was a hot spot when scoring 1,000,000 invoices.
  return { code: words.code, args: words.args, weak: true };
}

/** Appends `_ONE` to a code when `count` is 1, so the message can use the singular. */
function countCode(code: string, count: number): string {
  return count === 1 ? `${code}_ONE` : code;
}

/**
 * Appends `_ONE_DAY` to a code when `days` is 1, so the message can say "1 day". It is not `_ONE`,
 * which the message catalog picks by the `count` argument.
 */
function dayCode(code: string, days: number): string {
  return days === 1 ? `${code}_ONE_DAY` : code;
}

/** Returns the settled-only lateness. Snapshots built without it (in tests) derive it from the settled count. */
function paidOf(stats: DebtorStats): PaidLateness {
  if (stats.paid) return stats.paid;
  const lateCount = stats.lateShare === null ? 0 : Math.round(stats.lateShare * stats.settledCount);
  return {
    count: stats.settledCount,
    lateCount,
    prepaidCount: 0,
    meanDaysLate: stats.settledCount > 0 ? stats.meanDaysLate : null,
    medianDaysLate: stats.settledCount > 0 ? stats.medianDaysLate : null,
    maxDaysLate: stats.settledCount > 0 ? stats.maxDaysLate : null,
    lastDaysLate: stats.recentDaysLate.length > 0 ? stats.recentDaysLate[stats.recentDaysLate.length - 1] : null,
  };
}

/** Words for a debtor that has not paid any invoice yet: its open overdue invoices, or no history at all. */
function noPaymentsReason({ snapshot }: ReasonInput): ReasonWords {
  const { stats } = snapshot;
  if (stats.overdueCount > 0 && stats.oldestOverdueDays !== null) {
    return {
      code: countCode('REASON_NO_PAYMENTS_OVERDUE', stats.overdueCount),
      args: { overdueCount: stats.overdueCount, oldestOverdueDays: stats.oldestOverdueDays },
    };
  }
  return { code: 'REASON_NO_HISTORY', args: {} };
}

function noHistory(input: ReasonInput): ReasonWords {
  const paid = paidOf(input.snapshot.stats);
  if (paid.count === 0) return noPaymentsReason(input);
  return { code: countCode('REASON_SHORT_HISTORY', paid.count), args: { settledCount: paid.count } };
}

function volumeReason(input: ReasonInput): ReasonWords {
  const { stats } = input.snapshot;
  if (paidOf(stats).count < 5) return noHistory(input);
  const words = {
    code: 'REASON_FEW_RECENT_PAYMENTS',
    args: { settledLast365: stats.settledLast365, tenureDays: stats.tenureDays },
  };
  return stats.settledLast365 > FEW_RECENT_PAYMENTS_MAX ? weak(words) : words;
}

/** Describes the last paid invoice of a debtor with one, where "on average over 1 invoice" reads badly. */
function lastPaymentReason(input: ReasonInput): ReasonWords {
  const daysLate = paidOf(input.snapshot.stats).lastDaysLate;
  if (daysLate === null) return noPaymentsReason(input);
  const words = { code: dayCode('REASON_LAST_PAYMENT_LATE', round(daysLate)), args: { daysLate: round(daysLate) } };
  return daysLate > 0 ? words : weak(words);
}

/** Days late of the most recent paid invoices, up to RECENT_PAID, oldest first. */
function recentPaid(stats: DebtorStats): number[] {
  return stats.recentDaysLate.slice(-RECENT_PAID);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function recentLatenessReason(input: ReasonInput): ReasonWords {
  const recent = recentPaid(input.snapshot.stats);
  if (recent.length <= 1) return lastPaymentReason(input);
  // One decimal, as REASON_PAYMENTS_SLOWING and FLAG_PAYMENTS_SLOWING show the same mean.
  const daysLate = round(mean(recent), 1);
  const words = {
    code: dayCode('REASON_RECENT_LATENESS', daysLate),
    args: { daysLate, count: recent.length },
  };
  return daysLate >= 1 ? words : weak(words);
}

function lateHistoryReason(input: ReasonInput): ReasonWords {
  const paid = paidOf(input.snapshot.stats);
  if (paid.count <= 1 || paid.meanDaysLate === null || paid.maxDaysLate === null) return lastPaymentReason(input);
  // One decimal for the mean, as the recent-lateness and slowing reasons beside it show theirs.
  const args = { daysLate: round(paid.meanDaysLate, 1), maxDaysLate: round(paid.maxDaysLate), count: paid.count };
  if (paid.maxDaysLate <= 0) return weak({ code: 'REASON_LATE_HISTORY', args });
  // On time on average but late at worst: the worst case is the evidence.
  if (args.daysLate < 1) return { code: dayCode('REASON_LATE_AT_WORST', args.maxDaysLate), args };
  return { code: dayCode('REASON_LATE_HISTORY', args.daysLate), args };
}

function lateShareReason(input: ReasonInput): ReasonWords {
  const paid = paidOf(input.snapshot.stats);
  if (paid.count === 0) return noPaymentsReason(input);
  const words = {
    code: countCode('REASON_LATE_SHARE', paid.count),
    args: { lateCount: paid.lateCount, count: paid.count, latePercent: round((100 * paid.lateCount) / paid.count) },
  };
  return paid.lateCount > 0 ? words : weak(words);
}

/** Compares the recent paid invoices with the ones before them, with the numbers FLAG_PAYMENTS_SLOWING shows. */
/** Minimum number of earlier paid invoices a trend is compared with, as FLAG_PAYMENTS_SLOWING's default minEarlierPaid. */
const MIN_EARLIER_PAID = 3;

function trendReason(input: ReasonInput): ReasonWords {
  const trend = paidTrend(input.snapshot.stats);
  // Against one or two earlier invoices a trend is noise, and "over the 1 before" reads badly too.
  if (trend === null || trend.earlierCount < MIN_EARLIER_PAID) return recentLatenessReason(input);

  const words = {
    code: 'REASON_PAYMENTS_SLOWING',
    args: {
      trendDays: round(trend.trendDays, 1),
      recentDaysLate: round(trend.recentMeanDaysLate, 1),
      recentCount: trend.recentCount,
      earlierDaysLate: round(trend.earlierMeanDaysLate, 1),
      earlierCount: trend.earlierCount,
    },
  };
  return trend.recentMeanDaysLate >= 1 && trend.trendDays >= 1 ? words : weak(words);
}

function overdueReason(input: ReasonInput): ReasonWords {
  const { stats } = input.snapshot;
  // Without a paid invoice the lateness reasons already name the overdue ones, so both share one code.
  if (paidOf(stats).count === 0 && stats.overdueCount > 0) return noPaymentsReason(input);
  if (stats.overdueCount === 0 || stats.oldestOverdueDays === null) return openInvoicesReason(stats);
  return {
    code: countCode('REASON_OVERDUE_NOW', stats.overdueCount),
    args: { overdueCount: stats.overdueCount, oldestOverdueDays: stats.oldestOverdueDays },
  };
}

function openInvoicesReason(stats: DebtorStats): ReasonWords {
  const words = { code: countCode('REASON_OPEN_INVOICES', stats.openCount), args: { openCount: stats.openCount } };
  return stats.openCount > 0 && stats.openBalance > 0 ? words : weak(words);
}

function agingReason(input: ReasonInput): ReasonWords {
  const { stats } = input.snapshot;
  const over30 = stats.aging[1] + stats.aging[2] + stats.aging[3];
  if (stats.openBalance <= 0 || over30 <= 0) return overdueReason(input);
  return {
    code: 'REASON_AGING',
    args: {
      over30Percent: round((100 * over30) / stats.openBalance),
      over30Balance: roundMoney(over30, input.snapshot.currency),
      currency: input.snapshot.currency,
    },
  };
}

/** Open balance over the usual or typical amount below which "N times the usual" is no evidence of risk. */
const MIN_BALANCE_RATIO = 1.2;

/** Share of all open receivables below which holding it is no evidence of risk. */
const MIN_SHARE_OF_RECEIVABLES = 0.05;

function balanceReason({ snapshot }: ReasonInput): ReasonWords {
  const { stats, currency } = snapshot;
  const openBalance = roundMoney(stats.openBalance, currency);
  if (stats.usualOpenBalance !== null && stats.usualOpenBalance > 0 && stats.openBalance > 0) {
    const ratio = stats.openBalance / stats.usualOpenBalance;
    const words = { code: 'REASON_BALANCE_OVER_USUAL', args: { ratio: round(ratio, 1), openBalance, currency } };
    return ratio >= MIN_BALANCE_RATIO ? words : weak(words);
  }
  if (stats.openOverTypical !== null && stats.openBalance > 0) {
    const words = { code: 'REASON_BALANCE_OVER_TYPICAL', args: { ratio: round(stats.openOverTypical, 1), openBalance, currency } };
    return stats.openOverTypical >= MIN_BALANCE_RATIO ? words : weak(words);
  }
  return openInvoicesReason(stats);
}

function shareReason({ snapshot }: ReasonInput): ReasonWords {
  const share = Math.min(1, snapshot.stats.shareOfReceivables);
  const words = { code: 'REASON_SHARE_OF_RECEIVABLES', args: { sharePercent: round(share * 100, 1) } };
  return share >= MIN_SHARE_OF_RECEIVABLES ? words : weak(words);
}

function invoiceSizeReason(input: ReasonInput): ReasonWords {
  const ratio = input.value('inv_amount_over_median');
  if (input.invoice === null || ratio === null) return balanceReason(input);

  // "1 times the usual amount" carries no information, so near the usual amount the reason names both
  // amounts, or states that a first invoice has nothing to compare with.
  if (Math.abs(ratio - 1) < 0.2) {
    const { stats, currency } = input.snapshot;
    const invoiceId = input.invoice.invoice.id;
    const amount = roundMoney(input.invoice.invoice.amount, currency);
    // Credit notes are neither settled nor open invoices, so these two count the invoices issued so far.
    const firstInvoice = stats.settledCount + stats.openCount <= 1;
    if (firstInvoice || stats.typicalInvoice === null) return { code: 'REASON_INVOICE_AMOUNT_FIRST', args: { invoiceId, amount, currency } };
    // Written out rather than spread from the args above: this runs for most open invoices of a large ledger.
    return { code: 'REASON_INVOICE_AMOUNT', args: { invoiceId, amount, currency, usualAmount: roundMoney(stats.typicalInvoice, currency) } };
  }
  return {
    code: 'REASON_INVOICE_SIZE',
    args: { invoiceId: input.invoice.invoice.id, ratio: round(ratio, 1) },
  };
}

function invoiceOverdueReason(input: ReasonInput): ReasonWords {
  if (input.invoice === null) return overdueReason(input);
  if (input.invoice.daysOverdue <= 0) {
    const ageDays = input.snapshot.asOf - input.invoice.invoice.issueDate;
    return {
      code: dayCode('REASON_INVOICE_AGE', ageDays),
      args: { invoiceId: input.invoice.invoice.id, ageDays, dueDate: formatDay(input.invoice.invoice.dueDate) },
    };
  }
  return {
    code: dayCode('REASON_INVOICE_OVERDUE', input.invoice.daysOverdue),
    args: { invoiceId: input.invoice.invoice.id, daysOverdue: input.invoice.daysOverdue },
  };
}

function invoicePaidShareReason(input: ReasonInput): ReasonWords {
  const share = input.value('inv_paid_share');
  if (input.invoice === null || share === null || share <= 0) return invoiceOverdueReason(input);
  return {
    code: 'REASON_INVOICE_PART_PAID',
    args: { invoiceId: input.invoice.invoice.id, paidPercent: round(share * 100) },
  };
}

function termsReason(input: ReasonInput): ReasonWords {
  const terms = input.value('inv_terms_days');
  if (input.invoice === null || terms === null) return invoiceOverdueReason(input);
  return { code: 'REASON_PAYMENT_TERMS', args: { invoiceId: input.invoice.invoice.id, termsDays: round(terms) } };
}

/** Codes by weekday of the due date, 0 = Monday as in the inv_due_weekday feature. */
const DUE_WEEKDAY_CODES = [
  'REASON_DUE_ON_MONDAY',
  'REASON_DUE_ON_TUESDAY',
  'REASON_DUE_ON_WEDNESDAY',
  'REASON_DUE_ON_THURSDAY',
  'REASON_DUE_ON_FRIDAY',
  'REASON_DUE_ON_SATURDAY',
  'REASON_DUE_ON_SUNDAY',
];

/** Names the weekday of the due date; UTC day 0 (1970-01-01) was a Thursday. */
function dueWeekdayReason(input: ReasonInput): ReasonWords {
  if (input.invoice === null) return invoiceOverdueReason(input);
  const due = input.invoice.invoice.dueDate;
  const weekday = (((due + 3) % 7) + 7) % 7;
  return { code: DUE_WEEKDAY_CODES[weekday], args: { invoiceId: input.invoice.invoice.id, dueDate: formatDay(due) } };
}

/** Names the due date's place in its month: the month end (its last 3 days) or the day of the month. */
function dueDayOfMonthReason(input: ReasonInput): ReasonWords {
  if (input.invoice === null) return invoiceOverdueReason(input);
  const dueDate = formatDay(input.invoice.invoice.dueDate);
  const invoiceId = input.invoice.invoice.id;
  if (input.value('inv_due_month_end') === 1) return { code: 'REASON_DUE_AT_MONTH_END', args: { invoiceId, dueDate } };
  return { code: 'REASON_DUE_DAY_OF_MONTH', args: { invoiceId, dueDate, dayOfMonth: Number(dueDate.slice(8, 10)) } };
}

/** Names a month-end invoice date. An invoice issued on another day gets weak words, which are not shown. */
function issueMonthEndReason(input: ReasonInput): ReasonWords {
  if (input.invoice === null) return invoiceOverdueReason(input);
  const words = {
    code: 'REASON_ISSUED_AT_MONTH_END',
    args: { invoiceId: input.invoice.invoice.id, issueDate: formatDay(input.invoice.invoice.issueDate) },
  };
  return input.value('inv_issue_month_end') === 1 ? words : weak(words);
}

function partialReason(input: ReasonInput): ReasonWords {
  const { stats } = input.snapshot;
  if (stats.partialShare === null) return noHistory(input);
  const words = {
    code: 'REASON_PARTIAL_PAYMENTS',
    args: { partialPercent: round(stats.partialShare * 100), partialCount: stats.partialCount },
  };
  return stats.partialCount > 0 ? words : weak(words);
}

// Credit notes and disputes raise risk only when some fall in the last 90 days. A file without a
// dispute column has no disputes at all.
function creditNotesReason({ snapshot }: ReasonInput): ReasonWords {
  const words = {
    code: 'REASON_CREDIT_NOTES',
    args: { last90Days: snapshot.stats.creditNotesLast90, before: snapshot.stats.creditNotesBefore },
  };
  return snapshot.stats.creditNotesLast90 > 0 ? words : weak(words);
}

function disputesReason({ snapshot }: ReasonInput): ReasonWords {
  const words = {
    code: 'REASON_DISPUTES',
    args: { last90Days: snapshot.stats.disputedLast90, before: snapshot.stats.disputedBefore },
  };
  return snapshot.stats.disputedLast90 > 0 ? words : weak(words);
}

/** Days without a payment that read as a long gap when the debtor has no usual gap yet. */
const LONG_GAP_DAYS = 30;

function paymentGapReason({ snapshot }: ReasonInput): ReasonWords {
  const { stats } = snapshot;
  if (stats.daysSinceLastPayment === null) {
    const words = { code: 'REASON_NO_PAYMENT_YET', args: {} };
    return stats.openBalance > 0 ? words : weak(words);
  }
  if (stats.usualPaymentGap === null) {
    const words = { code: 'REASON_DAYS_SINCE_PAYMENT', args: { days: stats.daysSinceLastPayment } };
    return stats.daysSinceLastPayment >= LONG_GAP_DAYS ? words : weak(words);
  }
  const words = {
    code: 'REASON_PAYMENT_GAP',
    args: { days: stats.daysSinceLastPayment, usualGapDays: round(stats.usualPaymentGap) },
  };
  return stats.daysSinceLastPayment > stats.usualPaymentGap * 1.5 ? words : weak(words);
}

function volumeChangeReason(input: ReasonInput): ReasonWords {
  const ratio = input.value('volume_change');
  if (ratio === null || input.snapshot.noHistory) return volumeReason(input);
  const words = { code: 'REASON_VOLUME_CHANGE', args: { ratio: round(ratio, 1) } };
  // Less invoicing than usual, or a change measured on very few invoices, is no evidence of more risk.
  return ratio >= MIN_BALANCE_RATIO && paidOf(input.snapshot.stats).count >= 3 ? words : weak(words);
}

/** Reasons for the opt-in extra columns, whose feature names carry the column name after a prefix. */
function extraReason(feature: string, input: ReasonInput): ReasonWords | null {
  const value = input.value(feature);
  const shown = value === null ? '' : round(value, 2);
  const adjusted = adjustedReason(feature, value, input);
  if (adjusted) return adjusted;
  // An invoice row names its invoice; a debtor row describes a typical new invoice, hence _NEW.
  const invoiceArgs: Record<string, string> = input.invoice ? { invoiceId: input.invoice.invoice.id } : {};
  if (feature.startsWith(EXTRA_SAME_PREFIX)) {
    const column = feature.slice(EXTRA_SAME_PREFIX.length);
    if (input.snapshot.noHistory) return noHistory(input);
    const code = input.invoice ? 'REASON_EXTRA_SAME_VALUE' : 'REASON_EXTRA_SAME_VALUE_NEW';
    return { code, args: { ...invoiceArgs, column, daysLate: value === null ? '' : round(value) } };
  }
  if (feature.startsWith(EXTRA_MEAN_PREFIX)) {
    return { code: 'REASON_EXTRA_COLUMN_MEAN', args: { column: feature.slice(EXTRA_MEAN_PREFIX.length), value: shown } };
  }
  if (feature.startsWith(EXTRA_PREFIX)) {
    // A debtor row carries the debtor's mean value, as for a typical new invoice, not one invoice's value.
    const code = input.invoice ? 'REASON_EXTRA_COLUMN' : 'REASON_EXTRA_COLUMN_MEAN';
    return { code, args: { ...invoiceArgs, column: feature.slice(EXTRA_PREFIX.length), value: shown } };
  }
  return null;
}

/** Reasons for the combined extra-column features (src/features/delay-adjustment.ts). */
function adjustedReason(feature: string, value: number | null, input: ReasonInput): ReasonWords | null {
  if (feature !== ADJUSTED_DAYS_FEATURE && feature !== ADJUSTED_STD_FEATURE && feature !== ADJUSTED_PROBABILITY_FEATURE) return null;
  if (input.snapshot.noHistory || value === null || (input.snapshot.residuals?.count ?? 0) === 0) return noHistory(input);
  const columns = (input.snapshot.adjustment?.columns ?? []).join(', ');
  if (feature === ADJUSTED_STD_FEATURE) return { code: 'REASON_EXTRA_ADJUSTED_SPREAD', args: { days: round(value) } };

  // An invoice row names its invoice. A debtor row describes a typical new invoice, hence _NEW.
  const suffix = input.invoice ? '' : '_NEW';
  const invoiceArgs: Record<string, string> = input.invoice ? { invoiceId: input.invoice.invoice.id } : {};
  if (feature === ADJUSTED_PROBABILITY_FEATURE) {
    // Shown within the same 1-99% as risks, because the normal curve is never certain either.
    const percent = Math.min(Math.max(Math.round(value * 100), 1), 99);
    return { code: `REASON_EXTRA_ADJUSTED_PROBABILITY${suffix}`, args: { ...invoiceArgs, columns, percent } };
  }
  const direction = value < 0 ? 'EARLY' : 'LATE';
  return { code: `REASON_EXTRA_ADJUSTED_${direction}${suffix}`, args: { ...invoiceArgs, columns, days: Math.abs(round(value)) } };
}

type ReasonBuilder = (input: ReasonInput) => ReasonWords;

const BUILDERS = new Map<string, ReasonBuilder>();

/** The first feature registered with each feature's builder; see reasonGroup. */
const GROUPS = new Map<string, string>();

function register(names: readonly string[], builder: ReasonBuilder): void {
  for (const name of names) {
    BUILDERS.set(name, builder);
    GROUPS.set(name, names[0]);
  }
}

register(VOLUME, volumeReason);
register(['volume_change'], volumeChangeReason);
register(RECENT_LATENESS, recentLatenessReason);
register(LATE_HISTORY, lateHistoryReason);
register(LATE_SHARE, lateShareReason);
register(['trend_days'], trendReason);
register(OVERDUE, overdueReason);
register(AGING, agingReason);
register(BALANCE, balanceReason);
register(['share_of_receivables'], shareReason);
register(['typical_invoice', 'inv_amount_over_median', 'inv_amount'], invoiceSizeReason);
register(['inv_days_overdue', 'inv_age_days'], invoiceOverdueReason);
register(['inv_paid_share'], invoicePaidShareReason);
register(['inv_terms_days'], termsReason);
register(['inv_due_weekday'], dueWeekdayReason);
register(['inv_due_day_of_month', 'inv_due_month_end'], dueDayOfMonthReason);
register(['inv_issue_month_end'], issueMonthEndReason);
register(['partial_share'], partialReason);
register(['credit_notes_last_90', 'credit_notes_before'], creditNotesReason);
register(['disputed_last_90', 'disputed_before', 'disputed_share'], disputesReason);
register(PAYMENT_GAP, paymentGapReason);

/** Features whose words are those of noPaymentsReason for a debtor that has paid no invoice yet. */
const NEED_PAYMENTS = new Set([...LATENESS, ...VOLUME]);

/**
 * Returns a name shared by the features that get the same words from the same input. A caller that
 * words many features of one row can then build each group's words once. The name is the first feature
 * registered with the same builder, or the feature itself for the extra columns, whose words name it.
 */
export function reasonGroup(feature: string): string {
  return GROUPS.get(feature) ?? feature;
}

/**
 * Returns the reason code and arguments for one feature. A debtor that has paid no invoice yet gets
 * REASON_NO_HISTORY, or the words for its overdue invoices, for every lateness and volume feature: the
 * model counts open overdue invoices as lateness, but no invoice was "paid" late.
 */
export function reasonFor(feature: string, input: ReasonInput): ReasonWords {
  // A builder's features are all lateness or volume features, or none are, so one group always takes the same branch here.
  if (NEED_PAYMENTS.has(feature) && paidOf(input.snapshot.stats).count === 0) {
    return noPaymentsReason(input);
  }

  const builder = BUILDERS.get(feature);
  if (builder) return builder(input);

  const extra = extraReason(feature, input);
  if (extra) return extra;

  // A feature missing from this table gets a generic reason, so no raw name is shown.
  return { code: 'REASON_OTHER_PATTERN', args: {} };
}
