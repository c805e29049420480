// A payment the export shows without a day (Payment.dateUnknown) is dated on a stand-in day on or
// after the real one. It closes the balance, but no lateness, payment day or label may come from it.

import { describe, expect, it } from 'vitest';
import { buildLabelledRows, buildSnapshots, outcomeOf } from '../../src/features/index.js';
import type { Invoice, Ledger } from '../../src/ingest/ledger.js';
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
});
