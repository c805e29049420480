// Open invoices unpaid more than lateAfterDays after their due date are late by the label's own
// definition, so they take the highest shown risk whatever the model predicts.

import { describe, expect, it } from 'vitest';

import { scoreLedger } from '../../src/scoring/score.js';
import { planActions } from '../../src/scoring/plan.js';
import { FAKE_CHOICE, day, fakeModel, ledgerOf, type InvoiceSpec } from './helpers.js';

const MAX_RISK = 0.99;

/** Builds a model that gives an overdue invoice less risk than a fresh one, as the bundled model can. */
function modelWithLateAfter(lateAfterDays: number) {
  return fakeModel({ inv_days_overdue: -0.02 }, { intercept: 1.5, lateAfterDays });
}

const ALDER: InvoiceSpec[] = [
  { id: 'F-1301', customer: 'Alder Ltd', issued: '2024-01-10', due: '2024-02-09', amount: 1000 },
  { id: 'F-1302', customer: 'Alder Ltd', issued: '2024-02-09', due: '2024-03-10', amount: 500 },
  { id: 'F-1303', customer: 'Alder Ltd', issued: '2023-12-10', due: '2024-01-09', amount: 800, paid: '2024-01-20' },
];

function score(specs: InvoiceSpec[], lateAfterDays: number, by: 'debtor' | 'invoice', asOf = '2024-03-01') {
  return scoreLedger(ledgerOf(specs), modelWithLateAfter(lateAfterDays), FAKE_CHOICE, { asOf: day(asOf), asOfDefaulted: false, by });
}

describe('already-late invoices', () => {
  it('gives an already-late invoice the highest risk', () => {
    const result = score(ALDER, 7, 'invoice');
    const late = result.invoices.find((i) => i.invoiceId === 'F-1301')!;
    const notDue = result.invoices.find((i) => i.invoiceId === 'F-1302')!;

    expect(late.daysOverdue).toBe(21);
    expect(late.risk).toBe(MAX_RISK);
    expect(late.grade).toBe('D');
    expect(late.expectedAtRisk).toBe(990);
    expect(notDue.risk).toBeLessThan(MAX_RISK);
    expect(result.invoices[0].invoiceId).toBe('F-1301');
  });

  it('names the rule as the first reason', () => {
    const result = score(ALDER, 7, 'invoice');
    const late = result.invoices.find((i) => i.invoiceId === 'F-1301')!;
    const first = late.reasons![0];

    expect(first.code).toBe('REASON_ALREADY_LATE');
    expect(first.args).toEqual({ invoiceId: 'F-1301', daysOverdue: 21, lateAfterDays: 7 });
    expect(first.feature).toBe('');
    expect(first.contribution).toBeGreaterThan(0);
  });

  it('keeps model reasons without repeating days overdue', () => {
    const result = score(ALDER, 7, 'invoice');
    const late = result.invoices.find((i) => i.invoiceId === 'F-1301')!;
    const codes = late.reasons!.map((r) => r.code);

    expect(codes.filter((code) => code.startsWith('REASON_ALREADY_LATE'))).toHaveLength(1);
    expect(codes.some((code) => code.startsWith('REASON_INVOICE_OVERDUE'))).toBe(false);
  });

  it('puts the rise over model risk in the contribution', () => {
    const model = modelWithLateAfter(7);
    const result = scoreLedger(ledgerOf(ALDER), model, FAKE_CHOICE, { asOf: day('2024-03-01'), asOfDefaulted: false, by: 'invoice' });
    const unruled = scoreLedger(ledgerOf(ALDER), modelWithLateAfter(30), FAKE_CHOICE, { asOf: day('2024-03-01'), asOfDefaulted: false, by: 'invoice' });
    const modelRisk = unruled.invoices.find((i) => i.invoiceId === 'F-1301')!.risk;
    const first = result.invoices.find((i) => i.invoiceId === 'F-1301')!.reasons![0];

    expect(modelRisk).toBeLessThan(MAX_RISK);
    expect(first.contribution).toBeCloseTo(MAX_RISK - modelRisk, 4);
  });

  it('leaves an invoice at the limit to the model', () => {
    // Due 2024-02-23: 7 days overdue on 2024-03-01, so paying today is still not late.
    const specs: InvoiceSpec[] = [{ id: 'L-1', customer: 'Limit AB', issued: '2024-01-24', due: '2024-02-23', amount: 1000 }];
    const atLimit = score(specs, 7, 'invoice').invoices[0];
    const pastLimit = score(specs, 6, 'invoice').invoices[0];

    expect(atLimit.daysOverdue).toBe(7);
    expect(atLimit.risk).toBeLessThan(MAX_RISK);
    expect(atLimit.reasons!.map((r) => r.code)).not.toContain('REASON_ALREADY_LATE');
    expect(pastLimit.risk).toBe(MAX_RISK);
    expect(pastLimit.reasons![0].code).toBe('REASON_ALREADY_LATE');
  });

  it('weights the debtor risk by balance', () => {
    const debtorView = score(ALDER, 7, 'debtor');
    const invoiceView = score(ALDER, 7, 'invoice');
    const alder = debtorView.debtors[0];
    const notDueRisk = invoiceView.invoices.find((i) => i.invoiceId === 'F-1302')!.risk;

    expect(alder.risk).toBeCloseTo((1000 * MAX_RISK + 500 * notDueRisk) / 1500, 10);
    expect(alder.expectedAtRisk).toBeCloseTo(1000 * MAX_RISK + 500 * notDueRisk, 2);
    expect(alder.reasons[0].code).toBe('REASON_ALREADY_LATE');
    expect(alder.reasons[0].args.invoiceId).toBe('F-1301');
  });

  it('counts several already-late invoices of a debtor', () => {
    const specs: InvoiceSpec[] = [
      ...ALDER,
      { id: 'F-1300', customer: 'Alder Ltd', issued: '2023-12-20', due: '2024-01-19', amount: 250.5 },
    ];
    const alder = score(specs, 7, 'debtor').debtors[0];
    const first = alder.reasons[0];

    expect(first.code).toBe('REASON_ALREADY_LATE_INVOICES');
    expect(first.args).toEqual({ count: 2, lateAfterDays: 7, balance: 1250.5, currency: 'SEK' });
    expect(first.contribution).toBeGreaterThan(0);
  });

  it('explains an already-late invoice before others', () => {
    // Eleven invoices not yet due and one already late, all of the same amount: the model gives the late
    // one the least risk, but its shown risk ranks it among the 10 explained in the debtor view.
    const specs: InvoiceSpec[] = Array.from({ length: 11 }, (_, i) => ({
      id: `N-${String(i + 1).padStart(2, '0')}`,
      customer: 'Many AB',
      issued: '2024-02-20',
      due: '2024-03-21',
      amount: 100,
    }));
    specs.push({ id: 'LATE', customer: 'Many AB', issued: '2024-01-10', due: '2024-02-09', amount: 100 });
    const result = score(specs, 7, 'debtor');
    const explained = result.invoices.filter((i) => i.reasons !== undefined).map((i) => i.invoiceId);

    expect(explained).toHaveLength(10);
    expect(explained).toContain('LATE');
    expect(result.invoices.find((i) => i.invoiceId === 'LATE')!.reasons![0].code).toBe('REASON_ALREADY_LATE');
  });

  it('plans steps from the raised grade', () => {
    const result = score(ALDER, 7, 'debtor');
    const plan = planActions(result);
    const invoiceSteps = plan.rows.filter((row) => row.invoiceId === 'F-1301');

    expect(invoiceSteps.length).toBeGreaterThan(0);
    for (const step of invoiceSteps) expect(step.grade).toBe('D');
  });
});
