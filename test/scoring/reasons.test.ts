import { describe, expect, it } from 'vitest';

import { featureNames } from '../../src/features/catalog.js';
import { reasonFor, reasonGroup } from '../../src/scoring/reason-codes.js';
import { combineWeighted, fallbackReason, groupContributions, topReasons, type ReasonTotal } from '../../src/scoring/reasons.js';
import { invoiceOf, snapshotOf } from './helpers.js';

const NAMES = featureNames([]);

function contributionsOf(values: Record<string, number>) {
  const array = new Float64Array(NAMES.length);
  for (const [name, value] of Object.entries(values)) array[NAMES.indexOf(name)] = value;
  const total = array.reduce((a, b) => a + b, 0);
  return { bias: 0.2, values: array, prediction: 0.2 + total };
}

const ROW = new Float64Array(NAMES.length);

describe('groupContributions', () => {
  it('sums features that share a code', () => {
    const totals = groupContributions(
      contributionsOf({ mean_days_late: 0.1, median_days_late: 0.05, max_days_late: -0.02 }),
      NAMES,
      ROW,
      snapshotOf({ meanDaysLate: 18, maxDaysLate: 40 }),
      null,
    );
    const late = totals.get('REASON_LATE_HISTORY')!;
    expect(late.contribution).toBeCloseTo(0.13, 10);
    expect(late.feature).toBe('mean_days_late');
    expect(late.args).toEqual({ daysLate: 18, maxDaysLate: 40, count: 12 });
  });
});

describe('topReasons', () => {
  it('keeps the three largest raising codes', () => {
    const totals = groupContributions(
      contributionsOf({
        mean_days_late: 0.2,
        late_share: 0.1,
        trend_days: 0.05,
        open_over_usual: 0.01,
        oldest_overdue_days: -0.3,
      }),
      NAMES,
      ROW,
      snapshotOf({
        meanDaysLate: 6,
        maxDaysLate: 12,
        lateShare: 0.5,
        recentDaysLate: [2, 3, 3, 4, 3, 0, 0, 9, 10, 9, 8, 9],
      }),
      null,
    );
    const reasons = topReasons(totals);
    expect(reasons.map((r) => r.code)).toEqual(['REASON_LATE_HISTORY', 'REASON_LATE_SHARE', 'REASON_PAYMENTS_SLOWING']);
    expect(reasons.every((r) => r.contribution > 0)).toBe(true);
  });

  it('returns nothing when every code lowers risk', () => {
    const totals = groupContributions(contributionsOf({ mean_days_late: -0.1 }), NAMES, ROW, snapshotOf(), null);
    expect(topReasons(totals)).toEqual([]);
  });
});

describe('combineWeighted', () => {
  it('decomposes the weighted mean risk', () => {
    const snapshot = snapshotOf();
    const first = contributionsOf({ mean_days_late: 0.3, oldest_overdue_days: 0.1 });
    const second = contributionsOf({ mean_days_late: -0.1, open_over_usual: 0.2 });
    const combined = combineWeighted([
      { weight: 0.75, totals: groupContributions(first, NAMES, ROW, snapshot, null) },
      { weight: 0.25, totals: groupContributions(second, NAMES, ROW, snapshot, null) },
    ]);
    const sum = [...combined.values()].reduce((total, reason) => total + reason.contribution, 0);
    const weightedRisk = 0.75 * first.prediction + 0.25 * second.prediction;
    expect(0.2 + sum).toBeCloseTo(weightedRisk, 10);
    expect(combined.get('REASON_LATE_HISTORY')!.contribution).toBeCloseTo(0.75 * 0.3 - 0.25 * 0.1, 10);
  });
});

describe('fallbackReason', () => {
  it('names overdue invoices first', () => {
    expect(fallbackReason(snapshotOf({ overdueCount: 2, oldestOverdueDays: 12 }))?.code).toBe('REASON_OVERDUE_NOW');
  });

  it('summarises paid invoices otherwise', () => {
    const reason = fallbackReason(snapshotOf({ openBalance: 2500, lateShare: 0.25 }));
    expect(reason.code).toBe('REASON_PAID_HISTORY');
    expect(reason.args).toEqual({ count: 12, lateCount: 3 });
    expect(reason.contribution).toBe(0);
  });

  it('says no history without paid invoices', () => {
    const reason = fallbackReason(snapshotOf({ settledCount: 0, openBalance: 0 }));
    expect(reason.code).toBe('REASON_NO_HISTORY');
  });

  it('names overdue invoices of a debtor that never paid', () => {
    const reason = fallbackReason(snapshotOf({ settledCount: 0, overdueCount: 1, oldestOverdueDays: 91 }));
    expect(reason.code).toBe('REASON_NO_PAYMENTS_OVERDUE_ONE');
    expect(reason.args).toEqual({ overdueCount: 1, oldestOverdueDays: 91 });
  });
});

describe('topReasons limits', () => {
  const total = (code: string, contribution: number) => [code, { code, contribution, feature: code.toLowerCase(), topFeatureContribution: contribution, args: {} }] as const;

  // Half a percentage point of risk is the smallest reason shown: smaller ones are averaging noise.
  it('leaves out contributions under 0.005', () => {
    const reasons = topReasons(new Map([total('REASON_A', 0.004), total('REASON_B', 0.006)]));
    expect(reasons.map((reason) => reason.code)).toEqual(['REASON_B']);
  });

  it('folds recent lateness into slowing', () => {
    const reasons = topReasons(new Map([total('REASON_PAYMENTS_SLOWING', 0.05), total('REASON_RECENT_LATENESS', 0.04), total('REASON_LATE_SHARE', 0.06)]));
    expect(reasons.map((reason) => [reason.code, reason.contribution])).toEqual([
      ['REASON_PAYMENTS_SLOWING', 0.09],
      ['REASON_LATE_SHARE', 0.06],
    ]);
  });

  it('folds recent lateness over all paid invoices into history', () => {
    const withCount = (code: string, contribution: number, count: number) => [code, { ...total(code, contribution)[1], args: { count } }] as const;
    const same = topReasons(new Map([withCount('REASON_LATE_HISTORY', 0.05, 2), withCount('REASON_RECENT_LATENESS', 0.04, 2)]));
    const fewer = topReasons(new Map([withCount('REASON_LATE_HISTORY', 0.05, 9), withCount('REASON_RECENT_LATENESS', 0.04, 5)]));

    expect(same.map((reason) => [reason.code, reason.contribution])).toEqual([['REASON_LATE_HISTORY', 0.09]]);
    expect(fewer.map((reason) => reason.code)).toEqual(['REASON_LATE_HISTORY', 'REASON_RECENT_LATENESS']);
  });
});

describe('reasonGroup', () => {
  // groupContributions builds the words of a group once per debtor or row, so every feature of a group
  // must get the same words from the same input. The inputs vary what the builders read.
  const snapshots = [
    snapshotOf(),
    snapshotOf({ settledCount: 0, paid: { count: 0, lateCount: 0, prepaidCount: 0, meanDaysLate: null, medianDaysLate: null, maxDaysLate: null, lastDaysLate: null } }),
    snapshotOf({ meanDaysLate: 18, maxDaysLate: 40, recentDaysLate: [1, 9, 12, 3, 30, 2, 0, 8], overdueCount: 2, oldestOverdueDays: 45 }),
    snapshotOf({ settledCount: 1, recentDaysLate: [4], openBalance: 0, openCount: 0 }),
  ];
  const open = { invoice: invoiceOf({ id: 'F-1', customer: 'C1', issued: '2024-05-31', due: '2024-06-30', amount: 1200 }), balance: 1200, daysOverdue: 0 };
  const rowValues = [{}, { inv_amount_over_median: 1.05, inv_paid_share: 0.4, inv_due_month_end: 1, inv_issue_month_end: 1, volume_change: 2.5 }];

  it('shares words within a group', () => {
    const groups = new Map<string, string[]>();
    for (const name of NAMES) groups.set(reasonGroup(name), [...(groups.get(reasonGroup(name)) ?? []), name]);
    expect([...groups.values()].some((features) => features.length > 1)).toBe(true);
    for (const snapshot of snapshots) {
      for (const invoice of [null, open]) {
        for (const values of rowValues) {
          const input = { snapshot, invoice, value: (name: string) => (values as Record<string, number>)[name] ?? 0 };
          for (const features of groups.values()) {
            const words = features.map((feature) => reasonFor(feature, input));
            for (const other of words.slice(1)) expect(other).toEqual(words[0]);
          }
        }
      }
    }
  });

  it('keeps extra columns apart', () => {
    expect(reasonGroup('extra_region')).toBe('extra_region');
    expect(reasonGroup('extra_mean_region')).toBe('extra_mean_region');
  });
});

describe('topReasons against a full sort', () => {
  const CODES = ['REASON_A', 'REASON_B', 'REASON_C', 'REASON_D', 'REASON_E', 'REASON_RECENT_LATENESS', 'REASON_PAYMENTS_SLOWING', 'REASON_LATE_HISTORY'];

  function compareCodes(a: string, b: string): number {
    if (a < b) return -1;
    return a > b ? 1 : 0;
  }

  /** Computes what topReasons returns by folding, filtering, sorting and cutting. */
  function reference(totals: Map<string, ReasonTotal>, limit: number) {
    const folded = new Map(totals);
    const recent = totals.get('REASON_RECENT_LATENESS');
    const history = totals.get('REASON_LATE_HISTORY');
    const into = totals.get('REASON_PAYMENTS_SLOWING') ?? (history !== undefined && recent !== undefined && history.args.count === recent.args.count ? history : undefined);
    if (recent && into) {
      folded.delete(recent.code);
      folded.set(into.code, { ...into, contribution: into.contribution + recent.contribution });
    }
    return [...folded.values()]
      .filter((total) => total.contribution > 0.005 && total.weak !== true)
      .sort((a, b) => b.contribution - a.contribution || compareCodes(a.code, b.code))
      .slice(0, limit)
      .map((total) => ({ code: total.code, feature: total.feature, contribution: Math.round(total.contribution * 10_000) / 10_000, args: total.args }));
  }

  it('matches a full sort with ties', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 2000; round++) {
      const totals = new Map<string, ReasonTotal>();
      for (const code of CODES) {
        if (random() < 0.3) continue;
        // Few distinct values, so equal contributions are common and the code breaks the tie.
        const contribution = Math.round(random() * 8 - 2) / 40;
        const total: ReasonTotal = { code, contribution, feature: code.toLowerCase(), topFeatureContribution: contribution, args: { count: Math.floor(random() * 2) }, weak: random() < 0.1 };
        totals.set(code, total);
      }
      for (const limit of [0, 1, 3, 10]) expect(topReasons(totals, limit)).toEqual(reference(totals, limit));
    }
  });
});
