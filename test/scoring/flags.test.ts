import { describe, expect, it } from 'vitest';

import type { DebtorStats, PaidLateness } from '../../src/features/types.js';
import {
  DEFAULT_FLAG_THRESHOLDS,
  FLAG_CODES,
  buildFlagContext,
  evaluateFlags,
  flagThresholdsSchema,
  type FlagContext,
} from '../../src/scoring/flags.js';
import { scoringMessages } from '../../src/i18n/messages/scoring.js';
import { scoreLedger } from '../../src/scoring/score.js';
import { FAKE_CHOICE, day, fakeModel, ledgerOf, monthlySeries, snapshotOf } from './helpers.js';

const CONTEXT: FlagContext = {
  typicalInvoiceByCurrency: new Map([['SEK', 1000]]),
  openDebtorsByCurrency: new Map([['SEK', 10]]),
};

/** Builds paid-only lateness of `count` invoices, all late, with no prepayment. */
function paidOf(count: number, meanDaysLate: number, prepaidCount = 0): PaidLateness {
  return { count, lateCount: count, prepaidCount, meanDaysLate, medianDaysLate: meanDaysLate, maxDaysLate: 30, lastDaysLate: 12 };
}

function flagsFor(stats: Partial<DebtorStats>, context: FlagContext = CONTEXT) {
  return evaluateFlags(snapshotOf(stats), DEFAULT_FLAG_THRESHOLDS, context);
}

function find(stats: Partial<DebtorStats>, code: string, context?: FlagContext) {
  return flagsFor(stats, context).find((flag) => flag.code === code);
}

interface FlagCase {
  code: string;
  triggers: Partial<DebtorStats>;
  nearly: Partial<DebtorStats>;
  evidence: Record<string, number | string>;
  context?: FlagContext;
}

const CASES: FlagCase[] = [
  {
    code: 'FLAG_PAYMENTS_SLOWING',
    // 20 paid invoices: the last 5 are 12 days late, the 15 before them 2 days late on average.
    triggers: { recentDaysLate: [2, 2, 2, 2, 12, 12, 12, 12, 12], paid: paidOf(20, 4.5) },
    nearly: { recentDaysLate: [2, 2, 2, 2, 8.9, 8.9, 8.9, 8.9, 8.9], paid: paidOf(20, 3.725) },
    evidence: { recentDaysLate: 12, recentCount: 5, earlierDaysLate: 2, earlierCount: 15, trendDays: 10 },
  },
  {
    code: 'FLAG_FIRST_LATE_PAYMENT',
    triggers: { lastDaysLate: 6, onTimeRunBeforeLast: 3 },
    nearly: { lastDaysLate: 6, onTimeRunBeforeLast: 2 },
    evidence: { lastDaysLate: 6, cleanRun: 3 },
  },
  {
    code: 'FLAG_PARTIAL_PAYMENTS',
    triggers: { partialCount: 3, partialShare: 0.25 },
    nearly: { partialCount: 3, partialShare: 0.19 },
    evidence: { partialCount: 3, partialPercent: 25, paidInvoices: 12 },
  },
  {
    code: 'FLAG_BALANCE_GROWING',
    triggers: { openBalance: 3000, usualOpenBalance: 1000 },
    nearly: { openBalance: 1990, usualOpenBalance: 1000 },
    evidence: { openBalance: 3000, usualBalance: 1000, ratio: 3, currency: 'SEK' },
  },
  {
    code: 'FLAG_AGING_ROLLOVER',
    triggers: { overdueBalance: 2000, aging: [1000, 1000, 0, 0], agingMonthAgo: [2000, 0, 0, 0] },
    nearly: { overdueBalance: 2000, aging: [1600, 400, 0, 0], agingMonthAgo: [2000, 0, 0, 0] },
    evidence: { over30Now: 1000, over30MonthAgo: 0, over90Now: 0, over90MonthAgo: 0, currency: 'SEK' },
  },
  {
    code: 'FLAG_OLDEST_OVERDUE',
    triggers: { oldestOverdueDays: 31, overdueBalance: 500 },
    nearly: { oldestOverdueDays: 30, overdueBalance: 500 },
    evidence: { oldestOverdueDays: 31, limitDays: 30, overdueBalance: 500, currency: 'SEK' },
  },
  {
    code: 'FLAG_LARGE_NEW_EXPOSURE',
    triggers: { settledCount: 0, openBalance: 3000, shareOfReceivables: 0.02 },
    nearly: { settledCount: 3, openBalance: 3000, shareOfReceivables: 0.02 },
    evidence: { openBalance: 3000, settledCount: 0, timesTypical: 3, sharePercent: 2, currency: 'SEK' },
  },
  {
    code: 'FLAG_CONCENTRATION',
    triggers: { shareOfReceivables: 0.25, openBalance: 25000 },
    nearly: { shareOfReceivables: 0.19, openBalance: 19000 },
    evidence: { sharePercent: 25, openBalance: 25000, currency: 'SEK' },
  },
  {
    code: 'FLAG_NO_RECENT_PAYMENT',
    triggers: { daysSinceLastPayment: 60, usualPaymentGap: 30, overdueBalance: 1000 },
    nearly: { daysSinceLastPayment: 59, usualPaymentGap: 30, overdueBalance: 1000 },
    evidence: { daysSinceLastPayment: 60, usualGapDays: 30, overdueBalance: 1000, currency: 'SEK' },
  },
  {
    code: 'FLAG_CREDIT_NOTES_RISING',
    triggers: { creditNotesLast90: 2, creditNotesBefore: 1, tenureDays: 400 },
    nearly: { creditNotesLast90: 1, creditNotesBefore: 0, tenureDays: 400 },
    evidence: { last90Days: 2, earlierPer90Days: 0.3 },
  },
  {
    code: 'FLAG_DISPUTES_RISING',
    triggers: { disputedLast90: 3, disputedBefore: 2, tenureDays: 450 },
    nearly: { disputedLast90: 3, disputedBefore: 8, tenureDays: 450 },
    evidence: { last90Days: 3, earlierPer90Days: 0.5 },
  },
];

describe('flag catalog', () => {
  it('covers every flag code with a case', () => {
    expect(CASES.map((c) => c.code).sort()).toEqual([...FLAG_CODES].sort());
  });

  it('raises no flag on a plain on-time debtor', () => {
    expect(flagsFor({})).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.code} triggers with evidence`, () => {
      const flag = find(c.triggers, c.code, c.context);
      expect(flag).toBeDefined();
      expect(flag!.evidence).toEqual(c.evidence);
    });

    it(`${c.code} stays off just below`, () => {
      expect(find(c.nearly, c.code, c.context)).toBeUndefined();
    });

    it(`${c.code} text uses only evidence keys`, () => {
      for (const lang of ['en', 'sv'] as const) {
        const text = (scoringMessages[lang] as Record<string, string>)[c.code];
        expect(text).toBeDefined();
        const placeholders = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(placeholders.length).toBeGreaterThan(0);
        for (const key of placeholders) expect(Object.keys(c.evidence)).toContain(key);
      }
    });
  }
});

describe('flag details', () => {
  it('marks oldest overdue past 90 days critical', () => {
    const flag = find({ oldestOverdueDays: 91, overdueBalance: 500 }, 'FLAG_OLDEST_OVERDUE')!;
    expect(flag.severity).toBe('critical');
    expect(flag.evidence.limitDays).toBe(90);
  });

  it('marks money newly over 90 days critical', () => {
    const flag = find(
      { overdueBalance: 2000, aging: [0, 0, 1000, 1000], agingMonthAgo: [1000, 1000, 0, 0] },
      'FLAG_AGING_ROLLOVER',
    )!;
    expect(flag.severity).toBe('critical');
  });

  it('skips concentration with few debtors', () => {
    const few: FlagContext = { ...CONTEXT, openDebtorsByCurrency: new Map([['SEK', 2]]) };
    expect(find({ shareOfReceivables: 0.5 }, 'FLAG_CONCENTRATION', few)).toBeUndefined();
    expect(find({ shareOfReceivables: 0.5 }, 'FLAG_CONCENTRATION')!.severity).toBe('critical');
  });

  it('needs real growth for a small usual balance', () => {
    expect(find({ openBalance: 300, usualOpenBalance: 100, typicalInvoice: 1000 }, 'FLAG_BALANCE_GROWING')).toBeUndefined();
  });

  it('flags a new customer by share of receivables', () => {
    const flag = find({ settledCount: 0, openBalance: 500, shareOfReceivables: 0.12 }, 'FLAG_LARGE_NEW_EXPOSURE');
    expect(flag).toBeDefined();
    expect(flag!.evidence.timesTypical).toBe(0.5);
  });

  it('leaves out timesTypical without a typical invoice', () => {
    const noTypical: FlagContext = { ...CONTEXT, typicalInvoiceByCurrency: new Map() };
    const flag = find({ settledCount: 0, openBalance: 500, shareOfReceivables: 0.12 }, 'FLAG_LARGE_NEW_EXPOSURE', noTypical);
    expect(flag).toBeDefined();
    expect(flag!.evidence).not.toHaveProperty('timesTypical');
    expect(flag!.evidence.sharePercent).toBe(12);
  });

  it('ignores payment gap without an overdue balance', () => {
    expect(find({ daysSinceLastPayment: 200, usualPaymentGap: 30, overdueBalance: 0 }, 'FLAG_NO_RECENT_PAYMENT')).toBeUndefined();
  });

  it('lists critical flags first', () => {
    const flags = flagsFor({ oldestOverdueDays: 120, overdueBalance: 500, lastDaysLate: 6, onTimeRunBeforeLast: 4 });
    expect(flags.map((f) => f.severity)).toEqual(['critical', 'info']);
  });
});

describe('payments slowing', () => {
  const SLOWING = 'FLAG_PAYMENTS_SLOWING';

  it('ignores a debtor that never paid', () => {
    // Open overdue invoices make the model's trend; no invoice was paid, so nothing slowed.
    const neverPaid: Partial<DebtorStats> = {
      settledCount: 0,
      recentDaysLate: [],
      recentMeanDaysLate: 354,
      earlierMeanDaysLate: 280.9,
      trendDays: 73.1,
      paid: { count: 0, lateCount: 0, prepaidCount: 0, meanDaysLate: null, medianDaysLate: null, maxDaysLate: null, lastDaysLate: null },
    };
    expect(find(neverPaid, SLOWING)).toBeUndefined();
  });

  it('ignores the open-invoice trend', () => {
    // Paid invoices steady at 2 days late while the model's trend (with open invoices) rises.
    const steady = { recentDaysLate: [2, 2, 2, 2, 2, 2, 2, 2, 2], paid: paidOf(20, 2), recentMeanDaysLate: 40, earlierMeanDaysLate: 2, trendDays: 38 };
    expect(find(steady, SLOWING)).toBeUndefined();
  });

  it('needs 5 recent paid invoices', () => {
    expect(find({ recentDaysLate: [2, 12, 12, 12, 12], paid: paidOf(5, 10) }, SLOWING)).toBeUndefined();
  });

  it('needs 3 earlier paid invoices', () => {
    // Under ten paid invoices the later half is compared with the earlier half.
    const twoEarlier = { recentDaysLate: [2, 2, 12, 12], paid: paidOf(4, 28 / 4) };
    const threeEarlier = { recentDaysLate: [2, 2, 2, 12, 12], paid: paidOf(5, 30 / 5) };
    expect(find(twoEarlier, SLOWING)).toBeUndefined();
    expect(find(threeEarlier, SLOWING)!.evidence.earlierCount).toBe(3);
    expect(find(threeEarlier, SLOWING)!.evidence.recentCount).toBe(2);
  });

  it('uses listed invoices with prepayments', () => {
    // With a prepayment the paid totals and the settled list differ, so only the listed ones compare.
    const flag = find({ recentDaysLate: [0, 2, 4, 6, 12, 12, 12, 12], paid: paidOf(30, 1, 1) }, SLOWING)!;
    expect(flag.evidence.earlierCount).toBe(4);
    expect(flag.evidence.earlierDaysLate).toBe(3);
    expect(flag.evidence.trendDays).toBe(9);
  });

  it('applies a changed earlier minimum', () => {
    const thresholds = flagThresholdsSchema.parse({ paymentsSlowing: { minEarlierPaid: 16 } });
    const snapshot = snapshotOf({ recentDaysLate: [2, 2, 2, 2, 12, 12, 12, 12, 12], paid: paidOf(20, 4.5) });
    expect(evaluateFlags(snapshot, thresholds, CONTEXT).map((f) => f.code)).not.toContain(SLOWING);
  });
});

describe('flag thresholds', () => {
  it('fills defaults from an empty object', () => {
    expect(flagThresholdsSchema.parse({})).toEqual(DEFAULT_FLAG_THRESHOLDS);
    expect(DEFAULT_FLAG_THRESHOLDS.oldestOverdue).toEqual({ warningDays: 30, criticalDays: 90 });
  });

  it('keeps defaults beside a partial override', () => {
    const parsed = flagThresholdsSchema.parse({ oldestOverdue: { warningDays: 45 } });
    expect(parsed.oldestOverdue).toEqual({ warningDays: 45, criticalDays: 90 });
    expect(parsed.concentration).toEqual(DEFAULT_FLAG_THRESHOLDS.concentration);
  });

  it('rejects invalid thresholds', () => {
    expect(flagThresholdsSchema.safeParse({ oldestOverdue: { warningDays: 100, criticalDays: 50 } }).success).toBe(false);
    expect(flagThresholdsSchema.safeParse({ partialPayments: { minShare: 1.5 } }).success).toBe(false);
    expect(flagThresholdsSchema.safeParse({ paymentsSlowing: { minTrendDays: 'seven' } }).success).toBe(false);
  });

  it('moves a flag with a changed threshold', () => {
    const thresholds = flagThresholdsSchema.parse({ oldestOverdue: { warningDays: 45 } });
    const snapshot = snapshotOf({ oldestOverdueDays: 40, overdueBalance: 100 });
    expect(evaluateFlags(snapshot, thresholds, CONTEXT)).toEqual([]);
    expect(evaluateFlags(snapshot, DEFAULT_FLAG_THRESHOLDS, CONTEXT).map((f) => f.code)).toEqual(['FLAG_OLDEST_OVERDUE']);
  });
});

describe('flag context', () => {
  it('takes median typical of paying debtors', () => {
    const context = buildFlagContext([
      snapshotOf({ typicalInvoice: 5000, settledCount: 0 }),
      snapshotOf({ typicalInvoice: 100 }),
      snapshotOf({ typicalInvoice: 300 }),
      snapshotOf({ typicalInvoice: 200, openBalance: 0 }),
      snapshotOf({ typicalInvoice: 50 }, { currency: 'EUR' }),
    ]);
    expect(context.typicalInvoiceByCurrency.get('SEK')).toBe(200);
    expect(context.typicalInvoiceByCurrency.get('EUR')).toBe(50);
    expect(context.openDebtorsByCurrency.get('SEK')).toBe(3);
  });
});

describe('flags on real ledgers', () => {
  const model = fakeModel({ mean_days_late: 0.05 });
  const asOf = day('2024-06-30');

  it('flags slowing payments from the ledger', () => {
    const ledger = ledgerOf([
      ...monthlySeries('Drifting AB', '2023-03-01', [0, 0, 1, 0, 0, 0, 15, 20, 18, 25, 22]),
      { id: 'D-open', customer: 'Drifting AB', issued: '2024-06-01', due: '2024-07-01', amount: 1000 },
    ]);
    const result = scoreLedger(ledger, model, FAKE_CHOICE, { asOf, asOfDefaulted: false, by: 'debtor' });
    const codes = result.debtors[0].flags.map((f) => f.code);
    expect(codes).toContain('FLAG_PAYMENTS_SLOWING');
  });

  it('agrees with the slowing reason', () => {
    const ledger = ledgerOf([
      ...monthlySeries('Drifting AB', '2023-03-01', [0, 0, 1, 0, 0, 0, 15, 20, 18, 25, 22]),
      { id: 'D-open', customer: 'Drifting AB', issued: '2024-06-01', due: '2024-07-01', amount: 1000 },
    ]);
    const trendModel = fakeModel({ trend_days: 0.2 });
    const debtor = scoreLedger(ledger, trendModel, FAKE_CHOICE, { asOf, asOfDefaulted: false, by: 'debtor' }).debtors[0];
    const flag = debtor.flags.find((f) => f.code === 'FLAG_PAYMENTS_SLOWING')!;
    const reason = debtor.reasons.find((r) => r.code === 'REASON_PAYMENTS_SLOWING')!;

    // The last 5 of 11 paid invoices are 15, 20, 18, 25 and 22 days late (mean 20); the 6 before average 1/6.
    expect(flag.evidence).toEqual({ recentDaysLate: 20, recentCount: 5, earlierDaysLate: 0.2, earlierCount: 6, trendDays: 19.8 });
    expect(reason.args).toEqual(flag.evidence);
    expect(debtor.trendDays).toBeCloseTo(20 - 1 / 6, 10);
  });

  it('flags an old overdue invoice from the ledger', () => {
    const ledger = ledgerOf([
      ...monthlySeries('Old AB', '2023-06-01', [0, 0, 0, 0]),
      { id: 'O-open', customer: 'Old AB', issued: '2024-03-01', due: '2024-03-31', amount: 1000 },
    ]);
    const result = scoreLedger(ledger, model, FAKE_CHOICE, { asOf, asOfDefaulted: false, by: 'debtor' });
    const flag = result.debtors[0].flags.find((f) => f.code === 'FLAG_OLDEST_OVERDUE');
    expect(flag?.evidence.oldestOverdueDays).toBe(91);
    expect(flag?.severity).toBe('critical');
  });
});

describe('payments slowing with prepayments', () => {
  // Replay's paid-only list leaves prepaid invoices out of both sides, so a prepayment among the last
  // settled invoices cannot pull the recent mean down.
  it('reads the paid-only list', () => {
    const paid: PaidLateness = { ...paidOf(20, 4.5, 3), recentDaysLate: [2, 2, 12, 12, 12, 12, 12] };
    const withPrepaid: Partial<DebtorStats> = { recentDaysLate: [2, 2, 12, -30, 12, 12, -30, 12], paid };
    expect(find(withPrepaid, 'FLAG_PAYMENTS_SLOWING')?.evidence).toEqual({ recentDaysLate: 12, recentCount: 5, earlierDaysLate: 2, earlierCount: 15, trendDays: 10 });
  });
});
