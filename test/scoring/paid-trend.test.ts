import { describe, expect, it } from 'vitest';

import type { PaidLateness } from '../../src/features/types.js';
import { paidTrend } from '../../src/scoring/paid-trend.js';
import { snapshotOf } from './helpers.js';

/** Builds paid-only lateness from the days late of every paid invoice, oldest first. */
function paidOf(daysLate: number[]): PaidLateness {
  const mean = daysLate.reduce((total, value) => total + value, 0) / daysLate.length;
  return {
    count: daysLate.length,
    lateCount: daysLate.filter((value) => value > 0).length,
    prepaidCount: 0,
    meanDaysLate: mean,
    medianDaysLate: mean,
    maxDaysLate: Math.max(...daysLate),
    lastDaysLate: daysLate[daysLate.length - 1],
    recentDaysLate: daysLate.slice(-12),
  };
}

function trendOf(daysLate: number[]) {
  return paidTrend(snapshotOf({ recentDaysLate: daysLate.slice(-12), paid: paidOf(daysLate) }).stats);
}

describe('paid trend', () => {
  it('compares halves of a short history', () => {
    // One early outlier, then steadily later payments: five recent against one would read improving.
    const trend = trendOf([41, 3, 9, 18, 21, 32])!;
    expect(trend.recentCount).toBe(3);
    expect(trend.earlierCount).toBe(3);
    expect(trend.trendDays).toBeCloseTo(6, 10);
  });

  it('uses the last five from ten paid', () => {
    const trend = trendOf([0, 0, 0, 0, 0, 10, 10, 10, 10, 10, 10, 10])!;
    expect(trend.recentCount).toBe(5);
    expect(trend.earlierCount).toBe(7);
    expect(trend.earlierMeanDaysLate).toBeCloseTo(20 / 7, 10);
    expect(trend.trendDays).toBeCloseTo(10 - 20 / 7, 10);
  });

  it('needs four paid invoices', () => {
    expect(trendOf([0, 5, 9])).toBeNull();
    expect(trendOf([0, 5, 9, 12])!.recentCount).toBe(2);
  });
});
