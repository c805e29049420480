// The replay keeps its open invoices in a list that it compacts, reuses its event arrays between
// debtors, and groups documents in two passes. These tests pin what each of those must not change.

import { describe, expect, it } from 'vitest';
import { DebtorHistory } from '../../src/features/history.js';
import { groupByCustomer, replayCustomer } from '../../src/features/replay.js';
import { insertSorted } from '../../src/features/sorted.js';
import { day, invoiceOf, ledgerOf, type SimpleInvoice } from './ledger-helpers.js';

describe('insertSorted', () => {
  it('places a value after equal ones, as splice at upperBound did', () => {
    const values = [1, 2, 2, 5];
    insertSorted(values, 2);
    insertSorted(values, 0);
    insertSorted(values, 9);
    insertSorted(values, 3);
    expect(values).toEqual([0, 1, 2, 2, 2, 3, 5, 9]);
  });

  it('inserts into an empty array', () => {
    const values: number[] = [];
    insertSorted(values, 4);
    expect(values).toEqual([4]);
  });
});

/** Invoices of one customer, a day apart, due 30 days after issue. */
function invoicesOf(count: number, paidAfterDays: (i: number) => number | null): SimpleInvoice[] {
  return Array.from({ length: count }, (_, i) => {
    const issued = day('2024-01-01') + i;
    const paid = paidAfterDays(i);
    const iso = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);
    return { id: `F${i}`, customer: 'Acme', issued: iso(issued), due: iso(issued + 30), amount: 100 + i, paid: paid === null ? undefined : iso(issued + paid) };
  });
}

describe('open invoices after many settlements', () => {
  it('lists the invoices still open, in due order, however many were settled', () => {
    // Every third invoice stays open; the others are settled within 10 days, so the list compacts.
    const ledger = ledgerOf(invoicesOf(100, (i) => (i % 3 === 0 ? null : 10)));
    const asOf = day('2024-06-01');
    let open: string[] = [];
    let overdue = 0;
    replayCustomer('acme', ledger.invoices, [], [{ day: asOf, moment: 'end', tag: 0 }], asOf, (history) => {
      const state = history.stateAt(asOf, 0);
      open = state.openInvoices.map((item) => item.invoice.id);
      overdue = state.stats.overdueCount;
    });
    const expected = ledger.invoices.filter((_, i) => i % 3 === 0).map((invoice) => invoice.id);
    expect(open).toEqual(expected);
    expect(overdue).toBe(expected.length);
  });
});

describe('DebtorHistory by id', () => {
  it('finds documents by id for pay and settle, also after replay-style calls', () => {
    const history = new DebtorHistory('acme', []);
    const first = invoiceOf({ id: 'A', customer: 'Acme', issued: '2024-01-01', due: '2024-01-31', amount: 100 });
    const second = invoiceOf({ id: 'B', customer: 'Acme', issued: '2024-01-02', due: '2024-02-01', amount: 50 });
    const tracked = history.issue(first);
    history.payDocument(tracked, day('2024-01-10'), 40, true);
    expect(history.tracked.get('A')?.paid).toBe(40);
    history.issue(second);
    history.pay('B', day('2024-01-11'), 50);
    history.settle('B', day('2024-01-11'));
    expect(history.tracked.get('B')?.settled).toBe(true);
    const state = history.stateAt(day('2024-01-12'), 0);
    expect(state.openInvoices.map((item) => [item.invoice.id, item.balance])).toEqual([['A', 60]]);
  });
});

describe('groupByCustomer', () => {
  it('keeps ledger order per debtor and splits a customer billed in two currencies', () => {
    const ledger = ledgerOf([
      { id: '1', customer: 'B', issued: '2024-01-01', due: '2024-01-31', amount: 1 },
      { id: '2', customer: 'A', issued: '2024-01-01', due: '2024-01-31', amount: 1 },
      { id: '3', customer: 'B', issued: '2024-01-02', due: '2024-02-01', amount: 1 },
      { id: '4', customer: 'B', issued: '2024-01-03', due: '2024-02-02', amount: 1 },
    ]);
    ledger.invoices[2].currency = 'EUR';
    const groups = groupByCustomer(ledger);
    expect([...groups].map(([key, list]) => [key, list.map((invoice) => invoice.id)])).toEqual([
      ['b\u0000SEK', ['1', '4']],
      ['b\u0000EUR', ['3']],
      ['a\u0000SEK', ['2']],
    ]);
  });
});
