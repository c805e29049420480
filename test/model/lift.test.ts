// Lift in the top 10% of debtors, as evaluate prints it.

import { describe, expect, it } from 'vitest';
import { liftTopGroups } from '../../src/model/metrics.js';

/** Ten debtors with two invoices each; debtors d0 and d1 paid both late, the others on time. */
const GROUPS = Array.from({ length: 20 }, (_, i) => `d${Math.floor(i / 2)}`);
const LABELS = GROUPS.map((group) => (group === 'd0' || group === 'd1' ? 1 : 0));

describe('liftTopGroups', () => {
  it('gives 1 to a constant scorer', () => {
    expect(liftTopGroups(LABELS, GROUPS.map(() => 0.3), GROUPS, 0.1)).toBeCloseTo(1, 12);
    // Reversed names would change the order of a tie broken by name.
    const renamed = GROUPS.map((group) => `z${9 - Number(group.slice(1))}`);
    expect(liftTopGroups(LABELS, GROUPS.map(() => 0.3), renamed, 0.1)).toBeCloseTo(1, 12);
  });

  it('rewards ranking the late debtor first', () => {
    const scores = GROUPS.map((group) => (group === 'd0' ? 0.9 : 0.2));
    // The top 10% is debtor d0 alone: all late, against a late share of 0.2.
    expect(liftTopGroups(LABELS, scores, GROUPS, 0.1)).toBeCloseTo(5, 12);
  });

  it('shares the last place among ties', () => {
    // Top 20% is two debtors: d0 above, then one place shared by d1 (late) and d2 (on time).
    const tiedScores: Record<string, number> = { d0: 0.9, d1: 0.5, d2: 0.5 };
    const scores = GROUPS.map((group) => tiedScores[group] ?? 0.1);
    expect(liftTopGroups(LABELS, scores, GROUPS, 0.2)).toBeCloseTo((3 / 4) / 0.2, 12);
  });
});
