// A customer billed in two currencies is two debtors: their balances are never added together and
// each invoice keeps its own currency.

import { describe, expect, it } from 'vitest';
import { buildSnapshots } from '../../src/features/index.js';
import type { Ledger } from '../../src/ingest/ledger.js';
import { day, invoiceOf } from './ledger-helpers.js';

function twoCurrencyLedger(): Ledger {
  const sek = invoiceOf({ id: 'F1', customer: 'Alder AB', issued: '2024-01-01', due: '2024-01-31', amount: 100 });
  const eur = { ...invoiceOf({ id: 'F2', customer: 'Alder AB', issued: '2024-01-02', due: '2024-02-01', amount: 200 }), currency: 'EUR' };
  const other = { ...invoiceOf({ id: 'F3', customer: 'Birch AB', issued: '2024-01-02', due: '2024-02-01', amount: 300 }), currency: 'EUR' };
  return { invoices: [sek, eur, other], extraColumns: [] };
}

describe('debtors per currency', () => {
  it('splits a customer with two currencies into two snapshots', () => {
    const snapshots = buildSnapshots(twoCurrencyLedger(), day('2024-03-01'));
    const summary = snapshots.map((s) => ({ customer: s.customerId, currency: s.currency, open: s.stats.openBalance, invoices: s.openInvoices.map((o) => o.invoice.id) }));
    expect(summary).toEqual([
      { customer: 'alder ab', currency: 'EUR', open: 200, invoices: ['F2'] },
      { customer: 'alder ab', currency: 'SEK', open: 100, invoices: ['F1'] },
      { customer: 'birch ab', currency: 'EUR', open: 300, invoices: ['F3'] },
    ]);
  });
});
