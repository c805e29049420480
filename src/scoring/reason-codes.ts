// Maps model features to reason codes, the words a person reads in place of feature names. Several
// features share one code (all the "days late" statistics become one lateness reason), so a reason's
// contribution is the sum over its features. Names are those of src/features/catalog.ts.

import type { DebtorSnapshot, OpenInvoice } from '../features/types.js';
import { formatDay } from '../dates.js';
import { EXTRA_MEAN_PREFIX, EXTRA_PREFIX, EXTRA_SAME_PREFIX } from '../features/catalog.js';

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
const DUE_TIMING = ['inv_due_day_of_month', 'inv_due_month_end', 'inv_issue_month_end', 'inv_due_weekday'];
const PAYMENT_GAP = ['days_since_last_payment', 'payment_gap_ratio'];

/** A reason code with its arguments; the code decides which message is shown. */
export interface ReasonWords {
  code: string;
  args: ReasonArgs;
}

function noHistory({ snapshot }: ReasonInput): ReasonWords {
  return snapshot.stats.settledCount === 0 && snapshot.stats.overdueCount === 0
    ? { code: 'REASON_NO_HISTORY', args: {} }
    : { code: 'REASON_SHORT_HISTORY', args: { settledCount: snapshot.stats.settledCount } };
}

function volumeReason(input: ReasonInput): ReasonWords {
  const { stats } = input.snapshot;
  if (input.snapshot.noHistory || stats.settledCount < 5) return noHistory(input);
  return {
    code: 'REASON_FEW_RECENT_PAYMENTS',
    args: { settledLast365: stats.settledLast365, tenureDays: stats.tenureDays },
  };
}

/** Describes the last payment of a debtor with one observation, where "on average over 1 invoices" reads badly. */
function lastPaymentReason(input: ReasonInput): ReasonWords {
  const { stats } = input.snapshot;
  const daysLate = stats.lastDaysLate ?? stats.meanDaysLate;
  if (daysLate === null) return noHistory(input);
  return { code: 'REASON_LAST_PAYMENT_LATE', args: { daysLate: round(daysLate) } };
}

function recentLatenessReason(input: ReasonInput): ReasonWords {
  const { stats } = input.snapshot;
  if (input.snapshot.noHistory || stats.recentMeanDaysLate === null) return noHistory(input);
  const count = Math.min(5, stats.recentDaysLate.length);
  if (count <= 1) return lastPaymentReason(input);
  return { code: 'REASON_RECENT_LATENESS', args: { daysLate: round(stats.recentMeanDaysLate), count } };
}

function lateHistoryReason(input: ReasonInput): ReasonWords {
  const { stats } = input.snapshot;
  if (input.snapshot.noHistory || stats.meanDaysLate === null) return noHistory(input);
  if (stats.settledCount <= 1) return lastPaymentReason(input);
  return {
    code: 'REASON_LATE_HISTORY',
    args: {
      daysLate: round(stats.meanDaysLate),
      maxDaysLate: round(stats.maxDaysLate ?? stats.meanDaysLate),
      count: stats.settledCount,
    },
  };
}

function lateShareReason(input: ReasonInput): ReasonWords {
  const { stats } = input.snapshot;
  if (input.snapshot.noHistory || stats.lateShare === null) return noHistory(input);
  return { code: 'REASON_LATE_SHARE', args: { latePercent: round(stats.lateShare * 100) } };
}

function trendReason(input: ReasonInput): ReasonWords {
  const { stats } = input.snapshot;
  if (stats.trendDays === null || stats.trendDays <= 0) return recentLatenessReason(input);
  return {
    code: 'REASON_PAYMENTS_SLOWING',
    args: {
      trendDays: round(stats.trendDays),
      recentDaysLate: round(stats.recentMeanDaysLate ?? 0),
      earlierDaysLate: round(stats.earlierMeanDaysLate ?? 0),
    },
  };
}

function overdueReason({ snapshot }: ReasonInput): ReasonWords {
  const { stats } = snapshot;
  if (stats.overdueCount === 0 || stats.oldestOverdueDays === null) {
    return { code: 'REASON_OPEN_INVOICES', args: { openCount: stats.openCount } };
  }
  return {
    code: 'REASON_OVERDUE_NOW',
    args: { overdueCount: stats.overdueCount, oldestOverdueDays: stats.oldestOverdueDays },
  };
}

function agingReason(input: ReasonInput): ReasonWords {
  const { stats } = input.snapshot;
  const over30 = stats.aging[1] + stats.aging[2] + stats.aging[3];
  if (stats.openBalance <= 0 || over30 <= 0) return overdueReason(input);
  return {
    code: 'REASON_AGING',
    args: { over30Percent: round((100 * over30) / stats.openBalance), over30Balance: round(over30, 2) },
  };
}

function balanceReason({ snapshot }: ReasonInput): ReasonWords {
  const { stats } = snapshot;
  if (stats.usualOpenBalance !== null && stats.usualOpenBalance > 0 && stats.openBalance > 0) {
    return {
      code: 'REASON_BALANCE_OVER_USUAL',
      args: { ratio: round(stats.openBalance / stats.usualOpenBalance, 1), openBalance: round(stats.openBalance, 2) },
    };
  }
  if (stats.openOverTypical !== null && stats.openBalance > 0) {
    return {
      code: 'REASON_BALANCE_OVER_TYPICAL',
      args: { ratio: round(stats.openOverTypical, 1), openBalance: round(stats.openBalance, 2) },
    };
  }
  return { code: 'REASON_OPEN_INVOICES', args: { openCount: stats.openCount } };
}

function shareReason({ snapshot }: ReasonInput): ReasonWords {
  return {
    code: 'REASON_SHARE_OF_RECEIVABLES',
    args: { sharePercent: round(snapshot.stats.shareOfReceivables * 100, 1) },
  };
}

function invoiceSizeReason(input: ReasonInput): ReasonWords {
  const ratio = input.value('inv_amount_over_median');
  if (input.invoice === null || ratio === null) return balanceReason(input);

  // "1 times the usual amount" carries no information, so near the usual amount the reason names the amount.
  if (Math.abs(ratio - 1) < 0.2) {
    return {
      code: 'REASON_INVOICE_AMOUNT',
      args: { invoiceId: input.invoice.invoice.id, amount: round(input.invoice.invoice.amount, 2) },
    };
  }
  return {
    code: 'REASON_INVOICE_SIZE',
    args: { invoiceId: input.invoice.invoice.id, ratio: round(ratio, 1) },
  };
}

function invoiceOverdueReason(input: ReasonInput): ReasonWords {
  if (input.invoice === null) return overdueReason(input);
  if (input.invoice.daysOverdue <= 0) {
    return {
      code: 'REASON_INVOICE_AGE',
      args: {
        invoiceId: input.invoice.invoice.id,
        ageDays: input.snapshot.asOf - input.invoice.invoice.issueDate,
      },
    };
  }
  return {
    code: 'REASON_INVOICE_OVERDUE',
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

function dueTimingReason(input: ReasonInput): ReasonWords {
  if (input.invoice === null) return invoiceOverdueReason(input);
  return {
    code: 'REASON_DUE_DATE_TIMING',
    args: { invoiceId: input.invoice.invoice.id, dueDate: formatDay(input.invoice.invoice.dueDate) },
  };
}

function partialReason(input: ReasonInput): ReasonWords {
  const { stats } = input.snapshot;
  if (stats.partialShare === null) return noHistory(input);
  return {
    code: 'REASON_PARTIAL_PAYMENTS',
    args: { partialPercent: round(stats.partialShare * 100), partialCount: stats.partialCount },
  };
}

function creditNotesReason({ snapshot }: ReasonInput): ReasonWords {
  return {
    code: 'REASON_CREDIT_NOTES',
    args: { last90Days: snapshot.stats.creditNotesLast90, before: snapshot.stats.creditNotesBefore },
  };
}

function disputesReason({ snapshot }: ReasonInput): ReasonWords {
  return {
    code: 'REASON_DISPUTES',
    args: { last90Days: snapshot.stats.disputedLast90, before: snapshot.stats.disputedBefore },
  };
}

function paymentGapReason({ snapshot }: ReasonInput): ReasonWords {
  const { stats } = snapshot;
  if (stats.daysSinceLastPayment === null) return { code: 'REASON_NO_PAYMENT_YET', args: {} };
  if (stats.usualPaymentGap === null) {
    return { code: 'REASON_DAYS_SINCE_PAYMENT', args: { days: stats.daysSinceLastPayment } };
  }
  return {
    code: 'REASON_PAYMENT_GAP',
    args: { days: stats.daysSinceLastPayment, usualGapDays: round(stats.usualPaymentGap) },
  };
}

function volumeChangeReason(input: ReasonInput): ReasonWords {
  const ratio = input.value('volume_change');
  if (ratio === null || input.snapshot.noHistory) return volumeReason(input);
  return { code: 'REASON_VOLUME_CHANGE', args: { ratio: round(ratio, 1) } };
}

/** Reasons for the opt-in extra columns, whose feature names carry the column name after a prefix. */
function extraReason(feature: string, input: ReasonInput): ReasonWords | null {
  const value = input.value(feature);
  const shown = value === null ? '' : round(value, 2);
  if (feature.startsWith(EXTRA_SAME_PREFIX)) {
    const column = feature.slice(EXTRA_SAME_PREFIX.length);
    if (input.snapshot.noHistory) return noHistory(input);
    return { code: 'REASON_EXTRA_SAME_VALUE', args: { column, daysLate: value === null ? '' : round(value) } };
  }
  if (feature.startsWith(EXTRA_MEAN_PREFIX)) {
    return { code: 'REASON_EXTRA_COLUMN_MEAN', args: { column: feature.slice(EXTRA_MEAN_PREFIX.length), value: shown } };
  }
  if (feature.startsWith(EXTRA_PREFIX)) {
    return { code: 'REASON_EXTRA_COLUMN', args: { column: feature.slice(EXTRA_PREFIX.length), value: shown } };
  }
  return null;
}

type ReasonBuilder = (input: ReasonInput) => ReasonWords;

const BUILDERS = new Map<string, ReasonBuilder>();

function register(names: readonly string[], builder: ReasonBuilder): void {
  for (const name of names) BUILDERS.set(name, builder);
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
register(DUE_TIMING, dueTimingReason);
register(['partial_share'], partialReason);
register(['credit_notes_last_90', 'credit_notes_before'], creditNotesReason);
register(['disputed_last_90', 'disputed_before', 'disputed_share'], disputesReason);
register(PAYMENT_GAP, paymentGapReason);

/**
 * Returns the reason code and arguments for one feature. A debtor without history gets
 * REASON_NO_HISTORY for every lateness feature, because its sentinel values carry no other information.
 */
export function reasonFor(feature: string, input: ReasonInput): ReasonWords {
  if (input.snapshot.noHistory && (LATENESS.includes(feature) || VOLUME.includes(feature))) {
    return noHistory(input);
  }

  const builder = BUILDERS.get(feature);
  if (builder) return builder(input);

  const extra = extraReason(feature, input);
  if (extra) return extra;

  // A feature missing from this table gets a generic reason, so no raw name is shown.
  return { code: 'REASON_OTHER_PATTERN', args: {} };
}
