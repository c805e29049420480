// The trend in days late over paid invoices only: the last RECENT_PAID paid invoices against the ones
// before them. FLAG_PAYMENTS_SLOWING and REASON_PAYMENTS_SLOWING both read it, so the flag and the Why
// column give the same numbers. The model's own trend_days also counts open overdue invoices, so even
// a debtor that never paid can have one. This trend needs paid invoices on both sides.

import type { DebtorStats } from '../features/types.js';

/** Paid invoices in the "recent" window, as in the feature builder. */
export const RECENT_PAID = 5;

export interface PaidTrend {
  /** Mean days late of the last `recentCount` paid invoices. */
  recentMeanDaysLate: number;
  recentCount: number;
  /** Mean days late of the `earlierCount` paid invoices before those. */
  earlierMeanDaysLate: number;
  earlierCount: number;
  /** recentMeanDaysLate minus earlierMeanDaysLate. */
  trendDays: number;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Returns the paid-only trend, or null without at least one paid invoice before the last RECENT_PAID.
 * The earlier side covers every paid invoice before the recent ones: the paid totals minus the recent
 * ones. Snapshots without the paid-only list (built by hand in tests) use `recentDaysLate`, the last 12
 * settled invoices, which lists paid invoices only when none was prepaid.
 */
export function paidTrend(stats: DebtorStats): PaidTrend | null {
  const paid = stats.paid;
  const paidRecent = paid?.recentDaysLate ?? (paid?.prepaidCount === 0 ? stats.recentDaysLate : undefined);
  if (paid && paidRecent !== undefined && paid.meanDaysLate !== null && paid.count > RECENT_PAID && paidRecent.length >= RECENT_PAID) {
    const recent = paidRecent.slice(-RECENT_PAID);
    const recentMeanDaysLate = sum(recent) / recent.length;
    const earlierCount = paid.count - RECENT_PAID;
    const earlierMeanDaysLate = (paid.meanDaysLate * paid.count - sum(recent)) / earlierCount;
    return { recentMeanDaysLate, recentCount: RECENT_PAID, earlierMeanDaysLate, earlierCount, trendDays: recentMeanDaysLate - earlierMeanDaysLate };
  }
  // Replay gave the paid-only list, so too few paid invoices means no trend.
  if (paid?.recentDaysLate !== undefined) return null;

  const settled = stats.recentDaysLate;
  if (settled.length <= RECENT_PAID) return null;
  const recent = settled.slice(-RECENT_PAID);
  const earlier = settled.slice(0, settled.length - RECENT_PAID);
  const recentMeanDaysLate = sum(recent) / recent.length;
  const earlierMeanDaysLate = sum(earlier) / earlier.length;
  return {
    recentMeanDaysLate,
    recentCount: RECENT_PAID,
    earlierMeanDaysLate,
    earlierCount: earlier.length,
    trendDays: recentMeanDaysLate - earlierMeanDaysLate,
  };
}
