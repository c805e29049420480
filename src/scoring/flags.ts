// The catalog of early-warning flags. Each rule reads a debtor snapshot's stats (natural units, null =
// no history) and returns a flag with the numbers that triggered it, or null. Thresholds have defaults
// documented in docs/scoring.md and can be changed through `flags` in riskpay.config.json.

import { z } from 'zod';

import type { DebtorSnapshot, DebtorStats } from '../features/types.js';
import { roundMoney } from '../money.js';
import { paidTrend } from './paid-trend.js';
import type { Flag, FlagSeverity } from './types.js';

const share = z.number().min(0).max(1);
const positive = z.number().positive();
const count = z.number().int().min(0);
const days = z.number().min(0);

export const flagThresholdsSchema = z.strictObject({
  /**
   * Over paid invoices only: the mean days late of the last 5 minus the mean of the earlier ones, and
   * the recent mean itself, both in days. `minEarlierPaid` is the fewest earlier paid invoices compared.
   */
  paymentsSlowing: z
    .strictObject({ minTrendDays: positive.default(7), minRecentDaysLate: days.default(5), minEarlierPaid: z.number().int().min(1).default(3) })
    .prefault({}),
  /** A payment at least `minDaysLate` days late after at least `minCleanRun` on-time payments in a row. */
  firstLatePayment: z
    .strictObject({ minCleanRun: z.number().int().min(1).default(3), minDaysLate: positive.default(1) })
    .prefault({}),
  /** Invoices whose first payment left a balance, as a count and as a share of invoices with a payment. */
  partialPayments: z
    .strictObject({ minCount: z.number().int().min(1).default(2), minShare: share.default(0.2) })
    .prefault({}),
  /** Open balance over the usual balance; the growth must also be at least `minTypicalInvoices` typical invoices. */
  balanceGrowing: z
    .strictObject({ minRatio: z.number().gt(1).default(2), minTypicalInvoices: days.default(1) })
    .prefault({}),
  /** Rise of the balance more than 30 days past due, as a share of the overdue balance. */
  agingRollover: z.strictObject({ minShareRolled: share.default(0.25) }).prefault({}),
  /** Days past due of the oldest open invoice. */
  oldestOverdue: z
    .strictObject({ warningDays: days.default(30), criticalDays: days.default(90) })
    .superRefine((days, context) => {
      if (days.warningDays <= days.criticalDays) return;
      const params = { code: 'SCORING_OLDEST_OVERDUE_ORDER', warningDays: String(days.warningDays), criticalDays: String(days.criticalDays) };
      context.addIssue({ code: 'custom', message: 'warningDays must not exceed criticalDays', params });
    })
    .prefault({}),
  /**
   * A debtor with at most `maxSettled` settled invoices whose open balance is at least `minTimesTypical`
   * times the typical invoice of all debtors in the currency, or at least `minShareOfReceivables`.
   */
  largeNewExposure: z
    .strictObject({
      maxSettled: count.default(2),
      minTimesTypical: positive.default(3),
      minShareOfReceivables: share.default(0.1),
    })
    .prefault({}),
  /** One debtor's share of all open receivables in its currency; only with at least `minDebtors` open debtors. */
  concentration: z
    .strictObject({
      warningShare: share.default(0.2),
      criticalShare: share.default(0.4),
      minDebtors: z.number().int().min(2).default(3),
    })
    .prefault({}),
  /** Days since the last payment over the debtor's usual gap between payments, with money still owed. */
  noRecentPayment: z
    .strictObject({ minTimesUsual: z.number().gt(1).default(2), minExtraDays: days.default(14) })
    .prefault({}),
  /** Credit notes in the last 90 days versus the debtor's earlier rate per 90 days. */
  creditNotesRising: z
    .strictObject({ minRecent: z.number().int().min(1).default(2), minTimesEarlier: z.number().gt(1).default(2) })
    .prefault({}),
  /** Disputed invoices in the last 90 days versus the debtor's earlier rate per 90 days. */
  disputesRising: z
    .strictObject({ minRecent: z.number().int().min(1).default(2), minTimesEarlier: z.number().gt(1).default(2) })
    .prefault({}),
});

export type FlagThresholds = z.infer<typeof flagThresholdsSchema>;

export const DEFAULT_FLAG_THRESHOLDS: FlagThresholds = flagThresholdsSchema.parse({});

/** Facts about all debtors that a rule for one debtor needs. */
export interface FlagContext {
  /** Median typical invoice amount over debtors with at least one paid invoice, per currency. */
  typicalInvoiceByCurrency: Map<string, number>;
  /** Debtors with an open balance, per currency. */
  openDebtorsByCurrency: Map<string, number>;
}

export interface FlagRule {
  code: string;
  evaluate(snapshot: DebtorSnapshot, thresholds: FlagThresholds, context: FlagContext): Flag | null;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function flag(code: string, severity: FlagSeverity, evidence: Record<string, number | string>): Flag {
  return { code, severity, evidence };
}

/** Sum of the aging buckets more than 30 days past due. */
function olderThan30(aging: DebtorStats['aging']): number {
  return aging[1] + aging[2] + aging[3];
}

/** Earlier events per 90 days, over the tenure before the last 90 days (0 when there is no earlier period). */
function earlierRatePer90(before: number, tenureDays: number): number {
  const earlierDays = tenureDays - 90;
  if (earlierDays <= 0) return 0;
  return before / Math.max(1, earlierDays / 90);
}

const paymentsSlowing: FlagRule = {
  code: 'FLAG_PAYMENTS_SLOWING',
  evaluate({ stats }, { paymentsSlowing: t }) {
    // Paid invoices only, as REASON_PAYMENTS_SLOWING: open overdue invoices are no payment.
    const trend = paidTrend(stats);
    if (trend === null || trend.earlierCount < t.minEarlierPaid) return null;
    if (trend.trendDays < t.minTrendDays || trend.recentMeanDaysLate < t.minRecentDaysLate) return null;
    return flag(this.code, 'warning', {
      recentDaysLate: round(trend.recentMeanDaysLate, 1),
      recentCount: trend.recentCount,
      earlierDaysLate: round(trend.earlierMeanDaysLate, 1),
      earlierCount: trend.earlierCount,
      trendDays: round(trend.trendDays, 1),
    });
  },
};

const firstLatePayment: FlagRule = {
  code: 'FLAG_FIRST_LATE_PAYMENT',
  evaluate({ stats }, { firstLatePayment: t }) {
    if (stats.lastDaysLate === null || stats.lastDaysLate < t.minDaysLate) return null;
    if (stats.onTimeRunBeforeLast < t.minCleanRun) return null;
    return flag(this.code, 'info', {
      lastDaysLate: round(stats.lastDaysLate, 0),
      cleanRun: stats.onTimeRunBeforeLast,
    });
  },
};

const partialPayments: FlagRule = {
  code: 'FLAG_PARTIAL_PAYMENTS',
  evaluate({ stats }, { partialPayments: t }) {
    if (stats.partialShare === null) return null;
    if (stats.partialCount < t.minCount || stats.partialShare < t.minShare) return null;
    return flag(this.code, 'warning', {
      partialCount: stats.partialCount,
      partialPercent: round(stats.partialShare * 100, 0),
      // partialShare is partialCount over the invoices that received any payment.
      paidInvoices: Math.round(stats.partialCount / stats.partialShare),
    });
  },
};

const balanceGrowing: FlagRule = {
  code: 'FLAG_BALANCE_GROWING',
  evaluate({ stats, currency }, { balanceGrowing: t }) {
    const usual = stats.usualOpenBalance;
    if (usual === null || usual <= 0 || stats.openBalance <= 0) return null;
    const ratio = stats.openBalance / usual;
    if (ratio < t.minRatio) return null;

    // A debtor who usually owes one small invoice doubles with any second invoice; require real growth.
    const minGrowth = (stats.typicalInvoice ?? 0) * t.minTypicalInvoices;
    if (stats.openBalance - usual < minGrowth) return null;

    return flag(this.code, 'warning', {
      openBalance: roundMoney(stats.openBalance, currency),
      usualBalance: roundMoney(usual, currency),
      ratio: round(ratio, 1),
      currency,
    });
  },
};

const agingRollover: FlagRule = {
  code: 'FLAG_AGING_ROLLOVER',
  evaluate({ stats, currency }, { agingRollover: t }) {
    if (stats.overdueBalance <= 0) return null;
    const olderNow = olderThan30(stats.aging);
    const olderMonthAgo = olderThan30(stats.agingMonthAgo);
    const rolled = olderNow - olderMonthAgo;
    if (rolled <= 0 || rolled / stats.overdueBalance < t.minShareRolled) return null;

    // Money newly more than 90 days past due is the most likely to end in collection.
    const severity: FlagSeverity = stats.aging[3] > stats.agingMonthAgo[3] ? 'critical' : 'warning';
    return flag(this.code, severity, {
      over30Now: roundMoney(olderNow, currency),
      over30MonthAgo: roundMoney(olderMonthAgo, currency),
      over90Now: roundMoney(stats.aging[3], currency),
      over90MonthAgo: roundMoney(stats.agingMonthAgo[3], currency),
      currency,
    });
  },
};

const oldestOverdue: FlagRule = {
  code: 'FLAG_OLDEST_OVERDUE',
  evaluate({ stats, currency }, { oldestOverdue: t }) {
    const oldest = stats.oldestOverdueDays;
    if (oldest === null || oldest <= t.warningDays) return null;
    const critical = oldest > t.criticalDays;
    return flag(this.code, critical ? 'critical' : 'warning', {
      oldestOverdueDays: oldest,
      limitDays: critical ? t.criticalDays : t.warningDays,
      overdueBalance: roundMoney(stats.overdueBalance, currency),
      currency,
    });
  },
};

const largeNewExposure: FlagRule = {
  code: 'FLAG_LARGE_NEW_EXPOSURE',
  evaluate({ stats, currency }, { largeNewExposure: t }, context) {
    if (stats.settledCount > t.maxSettled || stats.openBalance <= 0) return null;
    const portfolioTypical = context.typicalInvoiceByCurrency.get(currency) ?? null;
    const timesTypical = portfolioTypical && portfolioTypical > 0 ? stats.openBalance / portfolioTypical : null;
    const bigByAmount = timesTypical !== null && timesTypical >= t.minTimesTypical;
    const bigByShare = stats.shareOfReceivables >= t.minShareOfReceivables;
    if (!bigByAmount && !bigByShare) return null;
    return flag(this.code, 'warning', {
      openBalance: roundMoney(stats.openBalance, currency),
      settledCount: stats.settledCount,
      // Left out when no debtor in the currency has a paid invoice to give a typical size.
      ...(timesTypical === null ? {} : { timesTypical: round(timesTypical, 1) }),
      sharePercent: round(stats.shareOfReceivables * 100, 1),
      currency,
    });
  },
};

const concentration: FlagRule = {
  code: 'FLAG_CONCENTRATION',
  evaluate({ stats, currency }, { concentration: t }, context) {
    // With two debtors, each holding half is normal, not a concentration.
    if ((context.openDebtorsByCurrency.get(currency) ?? 0) < t.minDebtors) return null;
    if (stats.shareOfReceivables < t.warningShare) return null;
    return flag(this.code, stats.shareOfReceivables >= t.criticalShare ? 'critical' : 'warning', {
      sharePercent: round(stats.shareOfReceivables * 100, 1),
      openBalance: roundMoney(stats.openBalance, currency),
      currency,
    });
  },
};

const noRecentPayment: FlagRule = {
  code: 'FLAG_NO_RECENT_PAYMENT',
  evaluate({ stats, currency }, { noRecentPayment: t }) {
    const since = stats.daysSinceLastPayment;
    const usual = stats.usualPaymentGap;
    if (since === null || usual === null || stats.overdueBalance <= 0) return null;
    if (since < usual * t.minTimesUsual || since - usual < t.minExtraDays) return null;
    return flag(this.code, 'warning', {
      daysSinceLastPayment: since,
      usualGapDays: round(usual, 0),
      overdueBalance: roundMoney(stats.overdueBalance, currency),
      currency,
    });
  },
};

function risingRule(
  code: string,
  pick: (stats: DebtorStats) => { recent: number; before: number },
  thresholds: (all: FlagThresholds) => { minRecent: number; minTimesEarlier: number },
): FlagRule {
  return {
    code,
    evaluate({ stats }, all) {
      const t = thresholds(all);
      const { recent, before } = pick(stats);
      if (recent < t.minRecent) return null;
      const earlierRate = earlierRatePer90(before, stats.tenureDays);
      if (recent < earlierRate * t.minTimesEarlier) return null;
      return flag(code, 'warning', { last90Days: recent, earlierPer90Days: round(earlierRate, 1) });
    },
  };
}

const creditNotesRising = risingRule(
  'FLAG_CREDIT_NOTES_RISING',
  (s) => ({ recent: s.creditNotesLast90, before: s.creditNotesBefore }),
  (all) => all.creditNotesRising,
);

const disputesRising = risingRule(
  'FLAG_DISPUTES_RISING',
  (s) => ({ recent: s.disputedLast90, before: s.disputedBefore }),
  (all) => all.disputesRising,
);

/** Every flag rule, in the order flags are listed for a debtor. */
export const FLAG_RULES: readonly FlagRule[] = [
  oldestOverdue,
  agingRollover,
  paymentsSlowing,
  firstLatePayment,
  partialPayments,
  balanceGrowing,
  noRecentPayment,
  largeNewExposure,
  concentration,
  creditNotesRising,
  disputesRising,
];

export const FLAG_CODES: readonly string[] = FLAG_RULES.map((rule) => rule.code);

const SEVERITY_ORDER: Record<FlagSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** Runs every rule on one debtor; flags come back most severe first, then in catalog order. */
export function evaluateFlags(
  snapshot: DebtorSnapshot,
  thresholds: FlagThresholds,
  context: FlagContext,
): Flag[] {
  const flags: Flag[] = [];
  for (const rule of FLAG_RULES) {
    const result = rule.evaluate(snapshot, thresholds, context);
    if (result) flags.push(result);
  }
  // Array.prototype.sort is stable, so equal severities keep catalog order.
  return flags.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Builds the portfolio facts that the concentration and new-exposure rules compare against. */
export function buildFlagContext(snapshots: readonly DebtorSnapshot[]): FlagContext {
  const typicals = new Map<string, number[]>();
  const openDebtorsByCurrency = new Map<string, number>();
  for (const snapshot of snapshots) {
    const { typicalInvoice, openBalance, settledCount } = snapshot.stats;
    // Only debtors with paid invoices set the yardstick, so a new debtor's own large invoice does not.
    if (settledCount > 0 && typicalInvoice !== null && typicalInvoice > 0) {
      const list = typicals.get(snapshot.currency) ?? [];
      list.push(typicalInvoice);
      typicals.set(snapshot.currency, list);
    }
    if (openBalance > 0) {
      openDebtorsByCurrency.set(snapshot.currency, (openDebtorsByCurrency.get(snapshot.currency) ?? 0) + 1);
    }
  }

  const typicalInvoiceByCurrency = new Map<string, number>();
  for (const [currency, list] of typicals) {
    const value = median(list);
    if (value !== null) typicalInvoiceByCurrency.set(currency, value);
  }
  return { typicalInvoiceByCurrency, openDebtorsByCurrency };
}
