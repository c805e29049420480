// Small ledgers that broke tools like this one, with the results they must give.

import { describe, expect, it } from 'vitest';

import { scoreLedger } from '../../src/scoring/score.js';
import { FAKE_CHOICE, day, fakeModel, ledgerOf } from './helpers.js';

// No history raises the risk in this model, as it does in trained ones: the baseline is a debtor with history.
const model = fakeModel({ has_history: -1.5, inv_days_overdue: 0.02 }, { baseline: { has_history: 1 } });

describe('new customer without history', () => {
  const ledger = ledgerOf([
    { id: 'F-1501', customer: 'Alder Ltd', issued: '2024-01-02', due: '2024-02-01', amount: 400, paid: '2024-02-20' },
    { id: 'F-1502', customer: 'Alder Ltd', issued: '2024-02-02', due: '2024-03-03', amount: 400, paid: '2024-03-25' },
    { id: 'F-1503', customer: 'Newcomer Ltd', issued: '2024-03-01', due: '2024-03-31', amount: 4000 },
  ]);
  const result = scoreLedger(ledger, model, FAKE_CHOICE, { asOf: day('2024-03-26'), asOfDefaulted: false, by: 'debtor' });
  const newcomer = result.debtors.find((d) => d.customerId === 'newcomer ltd')!;

  it('scores the newcomer with a finite risk', () => {
    expect(Number.isFinite(newcomer.risk)).toBe(true);
    expect(newcomer.noHistory).toBe(true);
    expect(newcomer.trendDays).toBeNull();
    expect(newcomer.recentDaysLate).toEqual([]);
  });

  it('says the newcomer has no history', () => {
    expect(newcomer.reasons.map((r) => r.code)).toContain('REASON_NO_HISTORY');
    expect(newcomer.reasons.map((r) => r.code)).not.toContain('REASON_LATE_HISTORY');
  });

  it('flags the large first exposure', () => {
    const flag = newcomer.flags.find((f) => f.code === 'FLAG_LARGE_NEW_EXPOSURE');
    expect(flag).toBeDefined();
    expect(flag!.evidence.openBalance).toBe(4000);
    expect(flag!.evidence.timesTypical).toBe(10);
    expect(flag!.evidence.settledCount).toBe(0);
  });

  it('dates the newcomer payment from all customers', () => {
    const invoice = result.invoices.find((i) => i.invoiceId === 'F-1503')!;
    expect(invoice.paymentDateSource).toBe('portfolio');
    expect(day(invoice.expectedPaymentDate!)).toBeGreaterThanOrEqual(day('2024-03-26'));
  });
});

describe('open invoices on the as-of day', () => {
  const ledger = ledgerOf([
    { id: 'F-1301', customer: 'Alder Ltd', issued: '2024-01-10', due: '2024-02-09', amount: 1000 },
    { id: 'F-1302', customer: 'Alder Ltd', issued: '2024-02-09', due: '2024-03-10', amount: 500 },
    { id: 'F-1303', customer: 'Alder Ltd', issued: '2023-12-10', due: '2024-01-09', amount: 800, paid: '2024-01-20' },
  ]);
  const run = () => scoreLedger(ledger, model, FAKE_CHOICE, { asOf: day('2024-03-01'), asOfDefaulted: false, by: 'invoice' });

  it('counts days overdue from the as-of day', () => {
    const result = run();
    const byId = new Map(result.invoices.map((i) => [i.invoiceId, i]));
    expect(byId.get('F-1301')!.daysOverdue).toBe(21);
    expect(byId.get('F-1302')!.daysOverdue).toBe(-9);
    expect(byId.has('F-1303')).toBe(false);
    expect(result.asOf).toBe('2024-03-01');
    expect(result.asOfDefaulted).toBe(false);
  });

  it('gives identical output twice', () => {
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });

  it('ignores facts after the as-of day', () => {
    const later = ledgerOf([
      { id: 'F-1301', customer: 'Alder Ltd', issued: '2024-01-10', due: '2024-02-09', amount: 1000, paid: '2024-04-30' },
      { id: 'F-1302', customer: 'Alder Ltd', issued: '2024-02-09', due: '2024-03-10', amount: 500, paid: '2024-03-11' },
      { id: 'F-1303', customer: 'Alder Ltd', issued: '2023-12-10', due: '2024-01-09', amount: 800, paid: '2024-01-20' },
      { id: 'F-1304', customer: 'Alder Ltd', issued: '2024-03-05', due: '2024-04-04', amount: 900 },
    ]);
    const withFuture = scoreLedger(later, model, FAKE_CHOICE, { asOf: day('2024-03-01'), asOfDefaulted: false, by: 'invoice' });
    expect(JSON.stringify(withFuture)).toBe(JSON.stringify(run()));
  });
});
