// The trend in days late over paid invoices only: the last RECENT_PAID paid invoices against the ones
// before them, or the later half against the earlier half while fewer than twice RECENT_PAID are paid.
// FLAG_PAYMENTS_SLOWING and REASON_PAYMENTS_SLOWING both read it, so the flag and the Why column give
// the same numbers. The model's own trend_days also counts open overdue invoices, so even a debtor that
// never paid can have one. This trend needs paid invoices on both sides.

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

/** Minimum number of paid invoices a trend is computed from: two on each side. */
const MIN_PAID = 4;

/**
 * Returns how many of `paidCount` paid invoices count as recent: RECENT_PAID, or half of them when
 * there are fewer than twice that. Against a single old invoice, five recent ones would read a debtor
 * whose delays rise every time as improving.
 */
function recentCountOf(paidCount: number): number {
  return Math.min(RECENT_PAID, Math.floor(paidCount / 2));
}

function trendOf(recent: readonly number[], earlierCount: number, earlierMeanDaysLate: number): PaidTrend {
  const recentMeanDaysLate = sum(recent) / recent.length;
  return { recentMeanDaysLate, recentCount: recent.length, earlierMeanDaysLate, earlierCount, trendDays: recentMeanDaysLate - earlierMeanDaysLate };
}

/**
 * Returns the paid-only trend, or null with fewer than MIN_PAID paid invoices.
 * The earlier side covers every paid invoice before the recent ones: the paid totals minus the recent
 * ones. Snapshots without the paid-only list (built by hand in tests) use `recentDaysLate`, the last 12
 * settled invoices, which lists paid invoices only when none was prepaid.
 */
export function paidTrend(stats: DebtorStats): PaidTrend | null {
  const paid = stats.paid;
  const paidRecent = paid?.recentDaysLate ?? (paid?.prepaidCount === 0 ? stats.recentDaysLate : undefined);
  if (paid && paidRecent !== undefined && paid.meanDaysLate !== null && paid.count >= MIN_PAID) {
    const recentCount = recentCountOf(paid.count);
    if (paidRecent.length < recentCount) return null;
    const recent = paidRecent.slice(-recentCount);
    const earlierCount = paid.count - recentCount;
    return trendOf(recent, earlierCount, (paid.meanDaysLate * paid.count - sum(recent)) / earlierCount);
  }
  // Replay gave the paid-only list, so too few paid invoices means no trend.
  if (paid?.recentDaysLate !== undefined) return null;

  const settled = stats.recentDaysLate;
  if (settled.length < MIN_PAID) return null;
  const recentCount = recentCountOf(settled.length);
  const earlier = settled.slice(0, settled.length - recentCount);
  return trendOf(settled.slice(-recentCount), earlier.length, sum(earlier) / earlier.length);
}
