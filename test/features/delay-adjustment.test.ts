// The extra columns' pooled effect on days late and the features built from it.

import { describe, expect, it } from 'vitest';
import { featureNames } from '../../src/features/catalog.js';
import { adjustedDelay, fitDelayAdjustment, lateProbability, normalSurvival } from '../../src/features/delay-adjustment.js';
import { buildLabelledRows } from '../../src/features/training-rows.js';
import { day, ledgerOf, type SimpleInvoice } from './ledger-helpers.js';

/** Formats a day number as YYYY-MM-DD. */
function iso(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Builds invoices of three debtors whose days late are exactly their own level plus 14 days when
 * disputed and minus 6 days when paperless, on 30-day terms.
 */
function exactLedger(): SimpleInvoice[] {
  const levels: Record<string, number> = { Early: -8, Steady: 2, Slow: 15 };
  const specs: SimpleInvoice[] = [];
  let n = 0;
  for (const [customer, level] of Object.entries(levels)) {
    for (let i = 0; i < 12; i += 1) {
      const issued = day('2023-01-02') + i * 20;
      const disputed = i % 4 === 1 ? 1 : 0;
      const paperless = i >= 6 ? 1 : 0;
      const due = issued + 30;
      const paid = due + level + 14 * disputed - 6 * paperless;
      n += 1;
      specs.push({ id: `F${n}`, customer, issued: iso(issued), due: iso(due), paid: iso(paid), amount: 100, extra: { Disputed: disputed, Paperless: paperless } });
    }
  }
  return specs;
}

describe('fitDelayAdjustment', () => {
  it('recovers exact per-column effects', () => {
    const ledger = ledgerOf(exactLedger(), ['Disputed', 'Paperless']);
    const adjustment = fitDelayAdjustment(ledger, day('2030-01-01'), 0);

    expect(adjustment.columns).toEqual(['Disputed', 'Paperless']);
    expect(adjustment.coefficients[0]).toBeCloseTo(14, 4);
    expect(adjustment.coefficients[1]).toBeCloseTo(-6, 4);
    expect(adjustment.lateAfterDays).toBe(0);
  });

  it('gives 0 for a column that never varies within a debtor', () => {
    const specs = exactLedger().map((spec) => ({ ...spec, extra: { ...spec.extra, Region: spec.customer === 'Slow' ? 5 : 1 } }));
    const adjustment = fitDelayAdjustment(ledgerOf(specs, ['Disputed', 'Paperless', 'Region']), day('2030-01-01'), 7);

    expect(adjustment.coefficients[0]).toBeCloseTo(14, 4);
    expect(adjustment.coefficients[1]).toBeCloseTo(-6, 4);
    expect(Math.abs(adjustment.coefficients[2])).toBeLessThan(1e-6);
  });

  it('ignores invoices settled on or after knownBefore', () => {
    const specs = exactLedger();
    // A later invoice that would pull the disputed effect far up if it counted.
    specs.push({ id: 'LATE', customer: 'Steady', issued: '2024-06-01', due: '2024-07-01', paid: '2024-12-01', amount: 100, extra: { Disputed: 1, Paperless: 1 } });
    const adjustment = fitDelayAdjustment(ledgerOf(specs, ['Disputed', 'Paperless']), day('2024-06-01'), 0);

    expect(adjustment.coefficients[0]).toBeCloseTo(14, 4);
  });

  it('returns no coefficient without extra columns', () => {
    expect(fitDelayAdjustment(ledgerOf(exactLedger()), day('2030-01-01'), 0).coefficients).toEqual([]);
  });
});

/**
 * Fits the adjustment on what was settled before 2024-03-01 and builds the issue-date rows of the
 * invoices issued from then on, with a reader of the first row's values by feature name.
 */
function rowsFrom2024(specs: SimpleInvoice[]) {
  const ledger = ledgerOf(specs, ['Disputed', 'Paperless']);
  const adjustment = fitDelayAdjustment(ledger, day('2024-03-01'), 0);
  const rows = buildLabelledRows(ledger, { lateAfter: 0, knownBefore: day('2030-01-01'), issuedFrom: day('2024-03-01'), checkpoints: false, adjustment });
  const names = featureNames(['Disputed', 'Paperless']);
  const value = (name: string): number => rows.X.data[names.indexOf(name)];
  return { rows, names, value };
}

describe('adjusted delay features', () => {
  it('put the debtor level plus the invoice effect into rows', () => {
    const specs = exactLedger();
    // A disputed, paperless invoice of the slow debtor, issued after all the others settled.
    specs.push({ id: 'SETTLED', customer: 'Slow', issued: '2024-03-01', due: '2024-03-31', paid: '2024-05-01', amount: 100, extra: { Disputed: 1, Paperless: 1 } });
    const { rows, names, value } = rowsFrom2024(specs);

    expect(rows.X.rows).toBe(1);
    expect(rows.X.cols).toBe(names.length);
    // Level 15, plus 14 disputed, minus 6 paperless.
    expect(value('extra_adjusted_days_late')).toBeCloseTo(23, 3);
    // Every residual is exactly 15, so the spread is the floor of 3 days widened for 12 invoices.
    expect(value('extra_adjusted_std_days')).toBeCloseTo(3 * Math.sqrt(1 + 1 / 12), 6);
    expect(value('extra_adjusted_late_prob')).toBeGreaterThan(0.99);
  });

  it('read as no history for a new debtor', () => {
    const specs = exactLedger();
    specs.push({ id: 'NEW', customer: 'Newcomer', issued: '2024-03-01', due: '2024-03-31', paid: '2024-04-02', amount: 100, extra: { Disputed: 0, Paperless: 1 } });
    const { value } = rowsFrom2024(specs);

    expect(value('extra_adjusted_days_late')).toBe(-999);
    expect(value('extra_adjusted_std_days')).toBe(-1);
    expect(value('extra_adjusted_late_prob')).toBe(-1);
  });
});

describe('delay probability helpers', () => {
  it('normalSurvival matches the standard normal', () => {
    expect(normalSurvival(0)).toBeCloseTo(0.5, 7);
    expect(normalSurvival(1.959964)).toBeCloseTo(0.025, 6);
    expect(normalSurvival(-1)).toBeCloseTo(0.841345, 6);
    expect(normalSurvival(40)).toBeGreaterThanOrEqual(0);
  });

  it('adjustedDelay widens the spread for short histories', () => {
    expect(adjustedDelay({ count: 0, sum: 0, sumOfSquares: 0 }, 5)).toBeNull();
    expect(adjustedDelay({ count: 2, sum: 10, sumOfSquares: 50 }, 4)).toEqual({ days: 9, std: 7 * Math.sqrt(1.5) });
    const long = adjustedDelay({ count: 4, sum: 0, sumOfSquares: 400 }, 0);
    expect(long?.std).toBeCloseTo(10 * Math.sqrt(1.25), 9);
  });

  it('lateProbability conditions on days already overdue', () => {
    const delay = { days: 0, std: 5 };
    const fresh = lateProbability(delay, 10, null);
    const overdue = lateProbability(delay, 10, 8);

    expect(fresh).toBeCloseTo(normalSurvival(10.5 / 5), 9);
    expect(overdue).toBeGreaterThan(fresh);
    expect(overdue).toBeCloseTo(normalSurvival(10.5 / 5) / normalSurvival(7.5 / 5), 9);
    expect(lateProbability(delay, 10, 11)).toBe(1);
  });
});
