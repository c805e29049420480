// lastDayOfMonth replaced a Date-based month end in feature replay; both must agree on every day
// riskpay can read, and leap years must come out right.

import { describe, expect, it } from 'vitest';
import { dayFromParts, lastDayOfMonth } from '../../src/dates.js';

/** Returns the month end as the Date-based code computed it (right for years 100 and later). */
function monthEndByDate(day: number): number {
  const date = new Date(day * 86_400_000);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / 86_400_000);
}

describe('lastDayOfMonth', () => {
  it('agrees with Date on every day from 1800 to 2300', () => {
    const from = dayFromParts(1800, 1, 1)!;
    const to = dayFromParts(2300, 12, 31)!;
    let mismatches = 0;
    for (let day = from; day <= to; day++) if (lastDayOfMonth(day) !== monthEndByDate(day)) mismatches++;
    expect(mismatches).toBe(0);
  });

  it('knows leap years', () => {
    expect(lastDayOfMonth(dayFromParts(2024, 2, 10)!)).toBe(dayFromParts(2024, 2, 29));
    expect(lastDayOfMonth(dayFromParts(2023, 2, 28)!)).toBe(dayFromParts(2023, 2, 28));
    expect(lastDayOfMonth(dayFromParts(2100, 2, 1)!)).toBe(dayFromParts(2100, 2, 28));
    expect(lastDayOfMonth(dayFromParts(2000, 2, 1)!)).toBe(dayFromParts(2000, 2, 29));
    expect(lastDayOfMonth(dayFromParts(1969, 12, 31)!)).toBe(dayFromParts(1969, 12, 31));
  });
});
