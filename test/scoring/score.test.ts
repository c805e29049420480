import { describe, expect, it } from 'vitest';

import { featureNames } from '../../src/features/catalog.js';
import { scoreLedger } from '../../src/scoring/score.js';
import { scoringMessages } from '../../src/i18n/messages/scoring.js';
import { FAKE_CHOICE, day, fakeModel, ledgerOf, monthlySeries, type InvoiceSpec } from './helpers.js';

const AS_OF = day('2024-06-30');

const model = fakeModel({ mean_days_late: 0.08, oldest_overdue_days: 0.03, inv_days_overdue: 0.02, has_history: -0.5 });

function portfolio(): InvoiceSpec[] {
  return [
    // Slow payer with two overdue invoices.
    ...monthlySeries('Slow AB', '2023-06-01', [20, 25, 30, 28, 35, 40, 30, 25]),
    { id: 'S-open-1', customer: 'Slow AB', issued: '2024-04-01', due: '2024-05-01', amount: 5000 },
    { id: 'S-open-2', customer: 'Slow AB', issued: '2024-05-15', due: '2024-06-14', amount: 2000 },
    // Punctual payer with one invoice not yet due.
    ...monthlySeries('Punctual AB', '2023-06-01', [0, 0, -2, 0, 0, 0, 0, 0]),
    { id: 'P-open-1', customer: 'Punctual AB', issued: '2024-06-20', due: '2024-07-20', amount: 3000 },
    // A customer invoiced in euros, never summed with kronor.
    ...monthlySeries('Euro GmbH', '2023-09-01', [5, 5, 5], 800).map((s) => ({ ...s, currency: 'EUR' })),
    { id: 'E-open-1', customer: 'Euro GmbH', issued: '2024-05-01', due: '2024-05-31', amount: 800, currency: 'EUR' },
    // New customer: no history, one large open invoice.
    { id: 'N-open-1', customer: 'Newcomer Ltd', issued: '2024-06-25', due: '2024-07-25', amount: 9000 },
  ];
}

function expectedGrade(risk: number): string {
  if (risk >= 0.6) return 'D';
  if (risk >= 0.35) return 'C';
  if (risk >= 0.15) return 'B';
  return 'A';
}

function score(by: 'debtor' | 'invoice' = 'debtor') {
  return scoreLedger(ledgerOf(portfolio()), model, FAKE_CHOICE, { asOf: AS_OF, asOfDefaulted: false, by });
}

describe('scoreLedger', () => {
  it('ranks by expected amount at risk', () => {
    const result = score();
    const ids = result.debtors.map((d) => d.customerId);
    expect(ids[0]).toBe('slow ab');
    for (let i = 1; i < result.debtors.length; i += 1) {
      expect(result.debtors[i - 1].expectedAtRisk).toBeGreaterThanOrEqual(result.debtors[i].expectedAtRisk);
    }
  });

  it('weights debtor risk by open balance', () => {
    const result = score();
    const slow = result.debtors.find((d) => d.customerId === 'slow ab')!;
    const invoices = result.invoices.filter((i) => i.customerId === 'slow ab');
    expect(invoices).toHaveLength(2);
    const weighted = invoices.reduce((sum, i) => sum + i.risk * i.balance, 0) / 7000;
    expect(slow.risk).toBeCloseTo(weighted, 10);
    expect(slow.expectedAtRisk).toBeCloseTo(invoices.reduce((sum, i) => sum + i.risk * i.balance, 0), 1);
    expect(slow.riskSource).toBe('open-invoices');
  });

  it('keeps totals per currency', () => {
    const result = score();
    expect(result.totals.map((t) => t.currency)).toEqual(['EUR', 'SEK']);
    const eur = result.totals.find((t) => t.currency === 'EUR')!;
    const sek = result.totals.find((t) => t.currency === 'SEK')!;
    expect(eur.openBalance).toBe(800);
    expect(sek.openBalance).toBe(5000 + 2000 + 3000 + 9000);
    expect(sek.overdueBalance).toBe(7000);
  });

  it('gives grades from the default cuts', () => {
    const result = score();
    for (const debtor of result.debtors) expect(debtor.grade).toBe(expectedGrade(debtor.risk));
    expect(result.gradeCuts).toEqual({ B: 0.15, C: 0.35, D: 0.6 });
  });

  it('applies configured grade cuts', () => {
    const result = scoreLedger(ledgerOf(portfolio()), model, FAKE_CHOICE, {
      asOf: AS_OF,
      asOfDefaulted: false,
      by: 'debtor',
      config: { grades: { B: 0.01, C: 0.02, D: 0.03 } },
    });
    expect(result.debtors.every((d) => d.risk < 0.03 || d.grade === 'D')).toBe(true);
    expect(result.debtors.find((d) => d.customerId === 'slow ab')!.grade).toBe('D');
  });

  it('writes reasons with message codes, never feature names', () => {
    const result = score();
    const names = new Set(featureNames([]));
    const slow = result.debtors.find((d) => d.customerId === 'slow ab')!;
    expect(slow.reasons.length).toBeGreaterThan(0);
    expect(slow.reasons.length).toBeLessThanOrEqual(3);
    for (const debtor of result.debtors) {
      for (const reason of debtor.reasons) {
        expect(names.has(reason.code)).toBe(false);
        expect(scoringMessages.en).toHaveProperty(reason.code);
        expect(reason.contribution).toBeGreaterThanOrEqual(0);
      }
    }
    expect(slow.reasons.map((r) => r.code)).toContain('REASON_LATE_HISTORY');
  });

  it('says a new customer has no history', () => {
    const result = score();
    const newcomer = result.debtors.find((d) => d.customerId === 'newcomer ltd')!;
    expect(newcomer.noHistory).toBe(true);
    expect(Number.isFinite(newcomer.risk)).toBe(true);
    expect(newcomer.recentDaysLate).toEqual([]);
  });

  it('never expects payment before the as-of day', () => {
    const result = score('invoice');
    expect(result.view).toBe('invoice');
    for (const invoice of result.invoices) {
      expect(day(invoice.expectedPaymentDate!)).toBeGreaterThanOrEqual(AS_OF);
      expect(day(invoice.paymentDateLow!)).toBeGreaterThanOrEqual(AS_OF);
      expect(day(invoice.paymentDateHigh!)).toBeGreaterThanOrEqual(day(invoice.expectedPaymentDate!));
      expect(invoice.paymentDateSource).not.toBe('model');
    }
    expect(result.findings.map((f) => f.code)).toContain('SCORE_PAYMENT_DATES_FROM_HISTORY');
  });

  it('uses the payment-date model when present', () => {
    const withDates = fakeModel({ mean_days_late: 0.08 }, { daysLate: () => ({ days: 10, low: 2, high: 20 }) });
    const result = scoreLedger(ledgerOf(portfolio()), withDates, FAKE_CHOICE, { asOf: AS_OF, asOfDefaulted: false, by: 'invoice' });
    const punctual = result.invoices.find((i) => i.invoiceId === 'P-open-1')!;
    expect(punctual.paymentDateSource).toBe('model');
    expect(punctual.expectedPaymentDate).toBe('2024-07-30');
    expect(punctual.paymentDateLow).toBe('2024-07-22');
    expect(punctual.paymentDateHigh).toBe('2024-08-09');
  });

  it('gives identical results on repeat runs', () => {
    expect(JSON.stringify(score())).toBe(JSON.stringify(score()));
  });

  it('breaks ties by customer id', () => {
    const twins = ledgerOf([
      { id: 'b1', customer: 'Beta', issued: '2024-06-01', due: '2024-07-01', amount: 100 },
      { id: 'a1', customer: 'Alpha', issued: '2024-06-01', due: '2024-07-01', amount: 100 },
    ]);
    const result = scoreLedger(twins, model, FAKE_CHOICE, { asOf: AS_OF, asOfDefaulted: false, by: 'debtor' });
    expect(result.debtors.map((d) => d.customerId)).toEqual(['alpha', 'beta']);
  });

  it('warns that mixed currencies rank unconverted', () => {
    const mixed = score().findings.find((f) => f.code === 'SCORE_MIXED_CURRENCIES');
    expect(mixed?.severity).toBe('warning');
    expect(mixed?.args).toEqual({ count: 2, currencies: 'EUR, SEK' });
  });

  it('does not warn about one open currency', () => {
    // Euro GmbH's history is in euros, but only kronor are open.
    const closedEuro = portfolio().filter((spec) => spec.id !== 'E-open-1');
    const result = scoreLedger(ledgerOf(closedEuro), model, FAKE_CHOICE, { asOf: AS_OF, asOfDefaulted: false, by: 'debtor' });
    expect(result.findings.map((f) => f.code)).not.toContain('SCORE_MIXED_CURRENCIES');
  });

  it('scores a debtor with nothing open on its debtor row', () => {
    const settled = ledgerOf(monthlySeries('Done AB', '2024-01-01', [3, 4, 5]));
    const result = scoreLedger(settled, model, FAKE_CHOICE, { asOf: AS_OF, asOfDefaulted: false, by: 'debtor' });
    expect(result.debtors).toHaveLength(1);
    expect(result.debtors[0].riskSource).toBe('debtor-row');
    expect(result.debtors[0].expectedAtRisk).toBe(0);
    expect(result.invoices).toHaveLength(0);
    expect(result.findings.map((f) => f.code)).toContain('SCORE_NO_OPEN_INVOICES');
  });

  it('rejects a model with missing extra columns', () => {
    const extraModel = fakeModel({});
    extraModel.meta = { ...extraModel.meta, extraColumns: ['region'] };
    expect(() =>
      scoreLedger(ledgerOf(portfolio()), extraModel, FAKE_CHOICE, { asOf: AS_OF, asOfDefaulted: false, by: 'debtor' }),
    ).toThrow(expect.objectContaining({ finding: expect.objectContaining({ code: 'SCORE_MISSING_EXTRA_COLUMN', args: { columns: 'region', missing: 'region', fix: '--extra region' } }) }));
  });

  it('warns about a model trained after the as-of date', () => {
    const later = fakeModel({});
    later.meta = { ...later.meta, origin: 'user', trainingWindow: { from: '2023-01-01', to: '2024-12-31' } };
    const result = scoreLedger(ledgerOf(portfolio()), later, FAKE_CHOICE, { asOf: AS_OF, asOfDefaulted: false, by: 'debtor' });
    const warning = result.findings.find((f) => f.code === 'SCORE_MODEL_AFTER_AS_OF');

    expect(warning?.severity).toBe('warning');
    expect(warning?.args.trainedUntil).toBe('2024-12-31');
  });

  it('finds extra columns whatever their case', () => {
    const extraModel = fakeModel({});
    extraModel.meta = { ...extraModel.meta, extraColumns: ['Region'] };
    const base = ledgerOf(portfolio());
    const lowerCase = { invoices: base.invoices.map((invoice) => ({ ...invoice, extra: { region: 2 } })), extraColumns: ['region'] };
    const result = scoreLedger(lowerCase, extraModel, FAKE_CHOICE, { asOf: AS_OF, asOfDefaulted: false, by: 'debtor' });

    expect(result.debtors.length).toBeGreaterThan(0);
    expect(result.findings.map((f) => f.code)).not.toContain('SCORE_EXTRA_COLUMNS_UNUSED');
  });

  it('notes extra columns the model ignores', () => {
    const withExtra = { ...ledgerOf(portfolio()), extraColumns: ['region'] };
    const result = scoreLedger(withExtra, model, FAKE_CHOICE, { asOf: AS_OF, asOfDefaulted: false, by: 'debtor' });
    const note = result.findings.find((f) => f.code === 'SCORE_EXTRA_COLUMNS_UNUSED');

    expect(note?.severity).toBe('info');
    expect(note?.args).toEqual({ columns: 'region', fix: '--extra region' });
  });

  it('quotes extra columns in the fix', () => {
    const withExtra = { ...ledgerOf(portfolio()), extraColumns: ['Sales Rep', 'region'] };
    const result = scoreLedger(withExtra, model, FAKE_CHOICE, { asOf: AS_OF, asOfDefaulted: false, by: 'debtor' });
    const note = result.findings.find((f) => f.code === 'SCORE_EXTRA_COLUMNS_UNUSED');

    expect(note?.args.fix).toBe("--extra 'Sales Rep,region'");
  });

  it('explains at most 10 invoices per debtor', () => {
    const many = ledgerOf(
      Array.from({ length: 12 }, (_, i) => ({
        id: `M-${String(i + 1).padStart(2, '0')}`,
        customer: 'Many AB',
        issued: '2024-05-01',
        due: '2024-05-31',
        amount: 100 * (i + 1),
      })),
    );
    // With the label threshold past their 30 days overdue, the model's risk ranks the invoices to explain.
    const model = fakeModel({ mean_days_late: 0.08, oldest_overdue_days: 0.03, inv_days_overdue: 0.02, has_history: -0.5 }, { lateAfterDays: 60 });
    const debtorView = scoreLedger(many, model, FAKE_CHOICE, { asOf: AS_OF, asOfDefaulted: false, by: 'debtor' });
    const explained = debtorView.invoices.filter((i) => i.reasons !== undefined);
    expect(explained).toHaveLength(10);
    expect(explained.map((i) => i.invoiceId)).not.toContain('M-01');
    expect(explained.map((i) => i.invoiceId)).not.toContain('M-02');
    expect(debtorView.debtors[0].reasons.length).toBeGreaterThan(0);

    const invoiceView = scoreLedger(many, model, FAKE_CHOICE, { asOf: AS_OF, asOfDefaulted: false, by: 'invoice' });
    expect(invoiceView.invoices.every((i) => i.reasons !== undefined)).toBe(true);
    expect(invoiceView.debtors[0].risk).toBe(debtorView.debtors[0].risk);
  });

  it('gives the same result when it may release the ledger, and empties it', () => {
    const kept = ledgerOf(portfolio());
    const released = ledgerOf(portfolio());
    const options = { asOf: AS_OF, asOfDefaulted: false, by: 'debtor' as const };
    const expected = scoreLedger(kept, model, FAKE_CHOICE, options);
    const actual = scoreLedger(released, model, FAKE_CHOICE, { ...options, releaseLedger: true });
    expect(actual).toEqual(expected);
    expect(kept.invoices.length).toBeGreaterThan(0);
    expect(released.invoices).toHaveLength(0);
  });

  it('leaves out only the invoice reasons when asked', () => {
    for (const by of ['debtor', 'invoice'] as const) {
      const options = { asOf: AS_OF, asOfDefaulted: false, by };
      const full = scoreLedger(ledgerOf(portfolio()), model, FAKE_CHOICE, options);
      const lean = scoreLedger(ledgerOf(portfolio()), model, FAKE_CHOICE, { ...options, invoiceReasons: false });
      expect(full.invoices.some((invoice) => invoice.reasons !== undefined)).toBe(true);
      expect(lean.invoices.every((invoice) => invoice.reasons === undefined)).toBe(true);
      expect(lean).toEqual({ ...full, invoices: full.invoices.map((invoice) => ({ ...invoice, reasons: undefined })) });
    }
  });
});
