// writeRow reads the due date's day of month, weekday and month end by integer arithmetic on whole days
// in the Date range, and through Date otherwise. Both ways must give the values Date gives.

import { describe, expect, it } from 'vitest';
import { featureNames } from '../../src/features/catalog.js';
import { writeRow, weekdayOf } from '../../src/features/rows.js';
import type { Invoice } from '../../src/ingest/ledger.js';

const names = featureNames([]);
const columns = ['inv_due_day_of_month', 'inv_due_month_end', 'inv_issue_month_end', 'inv_due_weekday'].map((name) => names.indexOf(name));
const debtorValues = new Float64Array(names.indexOf('inv_amount_over_median'));

/** Returns the four calendar columns as the Date-based code computed them. */
function byDate(dueDate: number, issueDate: number): number[] {
  const monthEnd = (date: Date): number => {
    const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    return date.getUTCDate() > lastDay - 3 ? 1 : 0;
  };
  const due = new Date(dueDate * 86_400_000);
  const issued = new Date(issueDate * 86_400_000);
  return [due.getUTCDate(), monthEnd(due), monthEnd(issued), (due.getUTCDay() + 6) % 7].map((value) => (Number.isFinite(value) ? value : 0));
}

function byRow(dueDate: number, issueDate: number): number[] {
  const invoice = { amount: 100, issueDate, dueDate, extra: {} } as unknown as Invoice;
  const row = writeRow(debtorValues, 100, invoice, 100, issueDate, [], { sums: [], count: 0, lateness: [], meanDaysLate: null }, 30);
  return columns.map((c) => row[c]);
}

describe('calendar columns of a model row', () => {
  it('match Date on every day from 1800 to 2200', () => {
    let mismatches = 0;
    for (let day = -62_000; day <= 84_000; day += 1) {
      const expected = byDate(day, day - 17);
      const actual = byRow(day, day - 17);
      if (actual.some((value, i) => value !== expected[i])) mismatches += 1;
    }
    expect(mismatches).toBe(0);
  });

  it('match Date at the ends of its range and beyond', () => {
    for (const day of [-100_000_001, -100_000_000, -99_999_999, 99_999_999, 100_000_000, 100_000_001, 19_000.5, -0.25]) {
      expect(byRow(day, day)).toEqual(byDate(day, day));
    }
  });

  it('counts weekdays from a Thursday', () => {
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(-1)).toBe(3);
    expect(weekdayOf(3)).toBe(0);
  });
});
