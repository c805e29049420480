// Scores, reasons, plan and forecast must say what happened: no "paid" for unpaid invoices, overdue never
// above open, no collection for debtors owing nothing, no 0% or 100% risk, and weekly counts that add up.

import { describe, expect, it } from 'vitest';

import { buildSnapshots } from '../../src/features/index.js';
import { forecastCash } from '../../src/scoring/forecast.js';
import { planActions } from '../../src/scoring/plan.js';
import { scoreLedger } from '../../src/scoring/score.js';
import type { InvoiceScore, ScoreResult } from '../../src/scoring/types.js';
import { scoringMessages } from '../../src/i18n/messages/scoring.js';
import { FAKE_CHOICE, day, fakeModel, ledgerOf, monthlySeries, type InvoiceSpec } from './helpers.js';

const model = fakeModel({ has_history: -1.5, inv_days_overdue: 0.02, mean_days_late: 0.05, late_share: 1 }, { baseline: { has_history: 1 } });

function score(specs: InvoiceSpec[], asOf: string, by: 'debtor' | 'invoice' = 'debtor', scoreModel = model): ScoreResult {
  return scoreLedger(ledgerOf(specs), scoreModel, FAKE_CHOICE, { asOf: day(asOf), asOfDefaulted: false, by });
}

const NEWCOMER: InvoiceSpec[] = [
  { id: 'F-1501', customer: 'Alder Ltd', issued: '2024-01-02', due: '2024-02-01', amount: 400, paid: '2024-02-20' },
  { id: 'F-1502', customer: 'Alder Ltd', issued: '2024-02-02', due: '2024-03-03', amount: 400, paid: '2024-03-25' },
  { id: 'F-1503', customer: 'Newcomer Ltd', issued: '2024-03-01', due: '2024-03-31', amount: 4000 },
];

describe('debtor that never paid', () => {
  const result = score(NEWCOMER, '2024-06-30');
  const newcomer = result.debtors.find((d) => d.customerId === 'newcomer ltd')!;
  const codes = newcomer.reasons.map((r) => r.code);

  it('is marked as without history', () => {
    expect(newcomer.noHistory).toBe(true);
    expect(Number.isFinite(newcomer.risk)).toBe(true);
  });

  it('names the overdue invoice, not a payment', () => {
    const reason = newcomer.reasons.find((r) => r.code === 'REASON_NO_PAYMENTS_OVERDUE_ONE');
    expect(reason?.args).toEqual({ overdueCount: 1, oldestOverdueDays: 91 });
    for (const code of ['REASON_LAST_PAYMENT_LATE', 'REASON_LATE_SHARE', 'REASON_LATE_HISTORY', 'REASON_SHORT_HISTORY']) {
      expect(codes).not.toContain(code);
    }
  });

  it('keeps the large new exposure flag', () => {
    const flag = newcomer.flags.find((f) => f.code === 'FLAG_LARGE_NEW_EXPOSURE');
    expect(flag?.evidence.settledCount).toBe(0);
    expect(flag?.evidence.currency).toBe('SEK');
  });

  it('has singular texts in both languages', () => {
    for (const lang of ['en', 'sv'] as const) {
      const text = (scoringMessages[lang] as Record<string, string>).REASON_NO_PAYMENTS_OVERDUE_ONE;
      expect(text).toContain('1 ');
      expect(text).toContain('{oldestOverdueDays}');
    }
  });
});

describe('paid lateness without open invoices and prepayments', () => {
  const specs: InvoiceSpec[] = [
    { id: '5201', customer: 'Ekdal Bygg AB', issued: '2024-03-10', due: '2024-03-01', amount: 100, paid: '2024-03-05' },
    { id: '5202', customer: 'Ekdal Bygg AB', issued: '2024-01-31', due: '2024-03-01', amount: 200, paid: '2024-03-05' },
    { id: '5203', customer: 'Ekdal Bygg AB', issued: '2024-01-15', due: '2024-02-14', amount: 300 },
    { id: '5204', customer: 'Ekdal Bygg AB', issued: '2024-02-01', due: '2024-03-02', amount: 400, paid: '2024-01-25' },
  ];

  it('counts payments before the issue day as prepayments', () => {
    const [snapshot] = buildSnapshots(ledgerOf(specs), day('2024-06-30'));
    expect(snapshot.stats.paid).toEqual({
      count: 1,
      lateCount: 1,
      prepaidCount: 2,
      meanDaysLate: 4,
      medianDaysLate: 4,
      maxDaysLate: 4,
      lastDaysLate: 4,
      recentDaysLate: [4],
    });
  });

  it('never puts days overdue in paid words', () => {
    const [debtor] = score(specs, '2024-06-30').debtors;
    for (const reason of debtor.reasons) {
      if (reason.code.startsWith('REASON_LAST_PAYMENT_LATE')) expect(reason.args.daysLate).toBe(4);
      if (reason.code.startsWith('REASON_LATE_HISTORY')) expect(reason.args.maxDaysLate).toBeLessThan(137);
    }
    expect(debtor.oldestOverdueDays).toBe(137);
  });
});

describe('credit applied to overdue invoices', () => {
  it('keeps overdue within open with a credit note', () => {
    const result = score(
      [
        { id: 'F-5001', customer: 'Alder Ltd', issued: '2024-03-01', due: '2024-03-31', amount: 1234.56 },
        { id: 'C-0007', customer: 'Alder Ltd', issued: '2024-03-05', due: '2024-03-05', amount: -200 },
      ],
      '2024-06-30',
    );
    const [debtor] = result.debtors;
    expect(debtor.openBalance).toBe(1034.56);
    expect(debtor.overdueBalance).toBe(1034.56);
    expect(debtor.expectedAtRisk).toBeLessThanOrEqual(1034.56);
    expect(result.invoices.find((i) => i.invoiceId === 'F-5001')!.balance).toBe(1034.56);
  });

  it('applies credit to the oldest overdue invoice first', () => {
    const result = score(
      [
        { id: 'F-1101', customer: 'Alder Ltd', issued: '2024-01-10', due: '2024-02-09', amount: 1000 },
        { id: 'K-0003', customer: 'Alder Ltd', issued: '2024-01-20', due: '2024-01-20', amount: -250 },
        { id: 'F-1102', customer: 'Alder Ltd', issued: '2024-02-01', due: '2024-03-02', amount: -300 },
        { id: 'F-1103', customer: 'Alder Ltd', issued: '2024-06-20', due: '2024-07-20', amount: 500 },
      ],
      '2024-06-30',
    );
    const [debtor] = result.debtors;
    expect(debtor.openBalance).toBe(950);
    expect(debtor.overdueBalance).toBe(450);
    const oldest = debtor.flags.find((f) => f.code === 'FLAG_OLDEST_OVERDUE');
    expect(oldest?.evidence.overdueBalance).toBe(450);
  });

  it('caps shares of receivables at 100%', () => {
    const result = score(
      [
        { id: 'F-1101', customer: 'Alder Ltd', issued: '2024-01-10', due: '2024-02-09', amount: 1000 },
        { id: 'K-0003', customer: 'Alder Ltd', issued: '2024-01-20', due: '2024-01-20', amount: -550 },
      ],
      '2024-06-30',
    );
    const shares = result.debtors[0].flags.map((f) => f.evidence.sharePercent).filter((v) => typeof v === 'number');
    expect(shares.length).toBeGreaterThan(0);
    for (const share of shares) expect(share).toBeLessThanOrEqual(100);
    expect(result.debtors[0].overdueBalance).toBe(450);
  });
});

describe('debtor owing nothing', () => {
  const specs: InvoiceSpec[] = [
    ...monthlySeries('Late Payer', '2023-01-01', [20, 25, 30, 35, 40, 30]),
    { id: 'C-1', customer: 'Credit Only', issued: '2024-01-05', due: '2024-01-05', amount: -100 },
    { id: 'C-2', customer: 'Credit Only', issued: '2024-01-01', due: '2024-01-31', amount: 100, payments: [['2024-01-10', 100.001]] },
  ];
  const result = score(specs, '2024-06-30');
  const latePayer = result.debtors.find((d) => d.customerId === 'late payer')!;

  it('keeps a risk but is marked', () => {
    expect(latePayer.nothingOwed).toBe(true);
    expect(latePayer.riskSource).toBe('debtor-row');
    expect(latePayer.risk).toBeGreaterThan(0);
  });

  it('gets no plan steps', () => {
    const plan = planActions(result);
    expect(plan.rows.filter((row) => row.customerId === 'late payer')).toEqual([]);
  });

  it('never shows negative zero', () => {
    for (const debtor of result.debtors) {
      expect(Object.is(debtor.openBalance, -0)).toBe(false);
      expect(Object.is(debtor.overdueBalance, -0)).toBe(false);
      expect(Object.is(debtor.expectedAtRisk, -0)).toBe(false);
    }
  });
});

describe('risk clipping', () => {
  it('keeps risks within 1% and 99%', () => {
    // The label threshold lies past every invoice's days overdue, so the clip alone sets the risk.
    const certain = fakeModel({}, { intercept: 50, lateAfterDays: 365 });
    const never = fakeModel({}, { intercept: -50, lateAfterDays: 365 });
    for (const [scoreModel, expected] of [[certain, 0.99], [never, 0.01]] as const) {
      const result = score(NEWCOMER, '2024-06-30', 'invoice', scoreModel);
      for (const invoice of result.invoices) expect(invoice.risk).toBe(expected);
      for (const debtor of result.debtors) expect(debtor.risk).toBe(expected);
    }
  });
});

describe('weak reasons', () => {
  it('never shows zero disputes or zero share', () => {
    const disputing = fakeModel({ disputed_last_90: -1, disputed_before: -1, share_of_receivables: -5 }, { baseline: { share_of_receivables: 1 } });
    const result = score(monthlySeries('Prompt AB', '2023-01-01', [0, 0, 0, 0, 0, 0]).concat(NEWCOMER), '2024-06-30', 'debtor', disputing);
    for (const debtor of result.debtors) {
      const codes = debtor.reasons.map((r) => r.code);
      expect(codes).not.toContain('REASON_DISPUTES');
      expect(codes).not.toContain('REASON_SHARE_OF_RECEIVABLES');
      expect(debtor.reasons.length).toBeGreaterThan(0);
    }
  });
});

function forecastInvoice(id: string, low: string, expected: string, high: string): InvoiceScore {
  return {
    invoiceId: id,
    customerId: `c-${id}`,
    name: id,
    currency: 'SEK',
    issueDate: '2024-06-01',
    dueDate: '2024-07-01',
    balance: 1000,
    daysOverdue: 0,
    risk: 0.3,
    grade: 'B',
    expectedPaymentDate: expected,
    paymentDateLow: low,
    paymentDateHigh: high,
    paymentDateSource: 'model',
  };
}

describe('forecast counts', () => {
  const result: ScoreResult = {
    asOf: '2024-07-01',
    asOfDefaulted: false,
    model: FAKE_CHOICE,
    debtors: [],
    totals: [],
    findings: [],
    invoices: [
      forecastInvoice('a', '2024-07-01', '2024-07-10', '2024-07-30'),
      forecastInvoice('b', '2024-07-20', '2024-08-20', '2024-09-30'),
    ],
  };
  const forecast = forecastCash(result, { weeks: 4 });

  // An invoice counts in every week its payment interval puts at least a cent into, so a week's count
  // and amount are both zero or both not.
  it('counts invoices where money is expected', () => {
    expect(forecast.weeks.map((week) => week.invoices)).toEqual([1, 1, 2, 2]);
    for (const week of forecast.weeks) expect(week.invoices > 0, `week ${week.week}`).toBe(week.expected > 0);
  });

  it('reports the balance expected after the horizon', () => {
    const [total] = forecast.totals;
    expect(total.expectedAfterHorizon).toBeGreaterThan(0);
    expect(total.expectedAfterHorizon).toBeCloseTo(total.beyondHorizon - (total.doubtful ?? 0), 2);
    expect(total.expectedInHorizon + total.beyondHorizon).toBeCloseTo(2000, 1);
  });
});

describe('plan order', () => {
  it('puts the worse grade first within a date', () => {
    const specs: InvoiceSpec[] = [
      ...monthlySeries('Birchdal', '2023-01-01', [0, 0, 0, 0, 0, 0]),
      { id: 'B-OPEN', customer: 'Birchdal', issued: '2024-05-01', due: '2024-05-31', amount: 10_000 },
      ...monthlySeries('Granitgran', '2023-01-01', [40, 40, 40, 40, 40, 40]),
      { id: 'G-OPEN', customer: 'Granitgran', issued: '2024-05-04', due: '2024-06-03', amount: 110_000 },
    ];
    // Both open invoices are within the label threshold, so their grades come from the model.
    const withinThreshold = fakeModel(
      { has_history: -1.5, inv_days_overdue: 0.02, mean_days_late: 0.05, late_share: 1 },
      { baseline: { has_history: 1 }, lateAfterDays: 60 },
    );
    const plan = planActions(score(specs, '2024-06-30', 'debtor', withinThreshold));
    const today = plan.rows.filter((row) => row.date === '2024-06-30');
    const grades = today.map((row) => 'DCBA'.indexOf(row.grade));
    expect(grades).toEqual([...grades].sort((a, b) => a - b));
    expect(new Set(today.map((row) => row.grade)).size).toBeGreaterThan(1);
    expect(today[0].customerId).toBe('granitgran');
  });
});

/** Sums amounts in cents, so a test compares whole numbers and no floating-point sum hides a cent. */
function cents(amounts: number[]): number {
  return amounts.reduce((sum, amount) => sum + Math.round(amount * 100), 0);
}

describe('printed totals', () => {
  // Open invoices with odd cents at different ages, so each has its own risk and rounding remainder.
  const openInvoices: InvoiceSpec[] = [101.01, 233.37, 77.77, 450.45, 19.99, 333.33, 88.88, 12.34].map((amount, i) => ({
    id: `O-${i + 1}`,
    customer: i % 2 === 0 ? 'Late Payer' : 'Slow AB',
    issued: `2024-0${1 + (i % 5)}-0${1 + i}`,
    due: `2024-0${2 + (i % 5)}-0${1 + i}`,
    amount,
  }));
  const history = [...monthlySeries('Late Payer', '2023-01-01', [20, 25, 30, 35]), ...monthlySeries('Slow AB', '2023-01-01', [5, 9, 3, 12])];
  const result = score([...history, ...openInvoices], '2024-06-30', 'invoice');

  it('debtor at risk sums its invoices', () => {
    for (const debtor of result.debtors) {
      const invoices = result.invoices.filter((invoice) => invoice.customerId === debtor.customerId);
      expect(cents([debtor.expectedAtRisk])).toBe(cents(invoices.map((invoice) => invoice.expectedAtRisk ?? 0)));
      expect(cents([debtor.openBalance])).toBe(cents(invoices.map((invoice) => invoice.balance)));
    }
  });

  it('currency totals sum the debtors', () => {
    const [total] = result.totals;
    expect(cents([total.expectedAtRisk])).toBe(cents(result.debtors.map((debtor) => debtor.expectedAtRisk)));
    expect(cents([total.openBalance])).toBe(cents(result.debtors.map((debtor) => debtor.openBalance)));
    expect(cents([total.overdueBalance])).toBe(cents(result.debtors.map((debtor) => debtor.overdueBalance)));
  });

  it('forecast weeks sum to the total', () => {
    const forecast = forecastCash(result, { weeks: 6 });
    const [total] = forecast.totals;
    expect(cents([total.expectedInHorizon])).toBe(cents(forecast.weeks.map((week) => week.expected)));
    expect(cents([total.openBalance])).toBe(cents([total.expectedInHorizon, total.expectedAfterHorizon ?? 0, total.doubtful ?? 0]));
    expect(cents([total.beyondHorizon])).toBe(cents([total.expectedAfterHorizon ?? 0, total.doubtful ?? 0]));
  });

  it('forecast rounds yen to whole yen', () => {
    const yen = forecastCash({ ...result, invoices: result.invoices.map((invoice) => ({ ...invoice, currency: 'JPY', balance: invoice.balance * 100 })) }, { weeks: 6 });
    for (const week of yen.weeks) expect(Number.isInteger(week.expected)).toBe(true);
    expect(yen.totals[0].expectedInHorizon).toBe(yen.weeks.reduce((sum, week) => sum + week.expected, 0));
  });
});
