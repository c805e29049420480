// A payment the export shows without a day (Payment.dateUnknown) is dated on a stand-in day on or
// after the real one. It closes the balance, but no lateness, payment day or label may come from it.

import { describe, expect, it } from 'vitest';
import { buildLabelledRows, buildSnapshots, outcomeOf } from '../../src/features/index.js';
import { importLedger } from '../../src/ingest/index.js';
import type { Invoice, Ledger } from '../../src/ingest/ledger.js';
import { countInvoices } from '../../src/model/train.js';
import { writeTemp } from '../ingest/helpers.js';
import { day, invoiceOf } from './ledger-helpers.js';

/** Returns an invoice paid in full by a payment whose real day is unknown, dated `standIn`. */
function undatedPaid(id: string, issued: string, due: string, standIn: string): Invoice {
  const invoice = invoiceOf({ id, customer: 'Alder AB', issued, due, amount: 100, paid: standIn });
  return { ...invoice, payments: invoice.payments.map((payment) => ({ ...payment, dateUnknown: true })) };
}

describe('payments without a day', () => {
  it('give no outcome unless the stand-in day is on time', () => {
    const late = undatedPaid('F1', '2024-01-01', '2024-01-31', '2024-05-01');
    expect(outcomeOf(late, 7, day('2024-12-31'))).toBeNull();
    // Paid by the stand-in day, which is before the threshold: on time for certain.
    const early = undatedPaid('F2', '2024-04-01', '2024-04-30', '2024-05-01');
    expect(outcomeOf(early, 7, day('2024-12-31'))).toEqual({ late: false, knownOn: day('2024-05-01') });
  });

  it('close the balance but add no lateness and no payment day', () => {
    const dated = invoiceOf({ id: 'F0', customer: 'Alder AB', issued: '2023-12-01', due: '2023-12-31', amount: 50, paid: '2024-01-10' });
    const ledger: Ledger = { invoices: [dated, undatedPaid('F1', '2024-01-01', '2024-01-31', '2024-05-01')], extraColumns: [] };
    const [snapshot] = buildSnapshots(ledger, day('2024-06-01'));
    expect(snapshot.stats.openBalance).toBe(0);
    expect(snapshot.stats.settledCount).toBe(1);
    expect(snapshot.stats.meanDaysLate).toBe(10);
    // The last real payment was on 2024-01-10, not on the stand-in day.
    expect(snapshot.stats.daysSinceLastPayment).toBe(day('2024-06-01') - day('2024-01-10'));
  });

  it('leave such invoices out of training labels', () => {
    const ledger: Ledger = { invoices: [undatedPaid('F1', '2024-01-01', '2024-01-31', '2024-05-01')], extraColumns: [] };
    const rows = buildLabelledRows(ledger, { lateAfter: 7, knownBefore: day('2025-01-01') });
    expect(rows.X.rows).toBe(0);
  });

  // Both paid invoices get the stand-in day 2024-03-01, F-4's issue date and the file's latest date.
  // F-3 is due 2024-03-06, so it was paid on time for certain. F-1 was due 2024-02-04, so whether it
  // was paid late is unknown. F-4 is open and not yet late on 2024-03-20.
  const STAND_IN_FILE =
    'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidAmount\n' +
    'F-1,Alder Ltd,2024-01-05,2024-02-04,100.00,100.00\n' +
    'F-3,Birch Ltd,2024-02-05,2024-03-06,300.00,300.00\n' +
    'F-4,Birch Ltd,2024-03-01,2024-03-31,300.00,0\n';

  it('count one on-time invoice in a file', async () => {
    const { ledger } = await importLedger([writeTemp(STAND_IN_FILE)]);
    const horizon = day('2024-03-20');
    const outcomes = Object.fromEntries(ledger.invoices.map((invoice) => [invoice.id, outcomeOf(invoice, 7, horizon)]));
    expect(outcomes['F-1']).toBeNull();
    expect(outcomes['F-3']).toEqual({ late: false, knownOn: day('2024-03-01') });
    expect(outcomes['F-4']).toBeNull();

    const rows = buildLabelledRows(ledger, { lateAfter: 7, knownBefore: horizon + 1 });
    expect(countInvoices(rows)).toEqual({ late: 0, onTime: 1 });
    expect(rows.censored).toBe(2);
  });
});
