import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLabelledRows, buildSnapshots, featureNames, featureTable, invoiceFeatureRow, NO_HISTORY, NO_HISTORY_DAYS_LATE } from '../../src/features/index.js';
import type { Invoice, Ledger } from '../../src/ingest/ledger.js';
import { day, ledgerOf, readCaseLedger } from './ledger-helpers.js';

// The project's own copies of the field cases, so these tests run without ../shared.
const CASES = fileURLToPath(new URL('../cases', import.meta.url));

describe('point-in-time snapshots', () => {
  it('sees an open overdue invoice but not its later settlement', () => {
    const ledger = readCaseLedger(`${CASES}/28-point-in-time-features/input.csv`);
    const [snapshot] = buildSnapshots(ledger, day('2024-02-05'));

    expect(snapshot.noHistory).toBe(false);
    expect(snapshot.stats.settledCount).toBe(0);
    expect(snapshot.stats.overdueCount).toBe(1);
    expect(snapshot.stats.oldestOverdueDays).toBe(1);
    expect(snapshot.stats.meanDaysLate).toBe(1);
    expect(snapshot.stats.maxDaysLate).toBe(1);
    expect(snapshot.openInvoices.map((open) => [open.invoice.id, open.daysOverdue])).toEqual([
      ['F-1', 1],
      ['F-2', -30],
    ]);
  });

  it('row of F-2 ignores facts after its date', () => {
    const ledger = readCaseLedger(`${CASES}/28-point-in-time-features/input.csv`);
    const asOf = day('2024-02-05');
    const rowOf = (source: Ledger): Float64Array => {
      const [snapshot] = buildSnapshots(source, asOf);
      const open = snapshot.openInvoices.find((candidate) => candidate.invoice.id === 'F-2');
      return invoiceFeatureRow(snapshot, open!, asOf);
    };
    const withoutFuture: Ledger = {
      extraColumns: [],
      invoices: ledger.invoices
        .filter((invoice) => invoice.issueDate <= asOf)
        .map((invoice) => ({ ...invoice, payments: [], settledDate: null })),
    };

    expect(Array.from(rowOf(ledger))).toEqual(Array.from(rowOf(withoutFuture)));
  });

  it('open invoices as of a date', () => {
    const ledger = readCaseLedger(`${CASES}/22-open-invoices-as-of/input.csv`);
    const [snapshot] = buildSnapshots(ledger, day('2024-03-01'));
    const overdue = Object.fromEntries(snapshot.openInvoices.map((open) => [open.invoice.id, open.daysOverdue]));

    expect(overdue['F-1301']).toBe(21);
    expect(overdue['F-1302']).toBeLessThan(0);
    expect(snapshot.stats.settledCount).toBe(1);
    expect(snapshot.stats.recentDaysLate).toEqual([11]);
    // Settled 11 days late and open 21 days overdue.
    expect(snapshot.stats.meanDaysLate).toBe(16);
    expect(snapshot.stats.lateShare).toBe(1);
    expect(snapshot.stats.openBalance).toBe(1500);
    expect(snapshot.stats.overdueBalance).toBe(1000);
  });

  it('no-history debtor gets finite sentinels', () => {
    const ledger = readCaseLedger(`${CASES}/25-new-customer-no-history/input.csv`);
    const asOf = day('2024-03-05');
    const table = featureTable(ledger, asOf, true);
    const newcomer = buildSnapshots(ledger, asOf).find((snapshot) => snapshot.name === 'Newcomer Ltd')!;

    expect(newcomer.noHistory).toBe(true);
    expect(newcomer.stats.meanDaysLate).toBeNull();
    expect(newcomer.stats.lateShare).toBeNull();
    const row = table.rows.find((candidate) => candidate.invoiceId === 'F-1503')!;
    for (const name of featureNames()) expect(Number.isFinite(row.values[name]), name).toBe(true);
    expect(row.values.has_history).toBe(0);
    expect(row.values.mean_days_late).toBe(NO_HISTORY_DAYS_LATE);
    expect(row.values.late_share).toBe(NO_HISTORY);
    expect(row.values.inv_amount_over_median).toBe(1);
  });

  it('credit notes lower the open balance', () => {
    const ledger = ledgerOf([
      { id: 'F-1101', customer: 'Alder Ltd', issued: '2024-01-10', due: '2024-02-09', amount: 1000 },
      { id: 'K-0003', customer: 'Alder Ltd', issued: '2024-01-20', due: '2024-01-20', amount: -250 },
      { id: 'F-1102', customer: 'Alder Ltd', issued: '2024-02-01', due: '2024-03-02', amount: -300 },
    ]);
    const [snapshot] = buildSnapshots(ledger, day('2024-03-10'));

    expect(snapshot.stats.openBalance).toBe(450);
    expect(snapshot.stats.creditNotesLast90).toBe(2);
    expect(snapshot.openInvoices.map((open) => open.invoice.id)).toEqual(['F-1101']);
    expect(snapshot.stats.lateShare).toBe(1);
  });
});

/** Random small ledgers over 2024 for the property test. */
const invoiceArbitrary = fc.record({
  customer: fc.constantFrom('A', 'B', 'C'),
  issued: fc.integer({ min: 0, max: 300 }),
  terms: fc.constantFrom(0, 10, 30),
  amount: fc.integer({ min: 1, max: 5000 }),
  payAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
  partial: fc.boolean(),
});

function ledgerFrom(specs: fc.infer<typeof invoiceArbitrary>[]): Ledger {
  const start = day('2024-01-01');
  const invoices: Invoice[] = specs.map((spec, index) => {
    const issueDate = start + spec.issued;
    const settledDate = spec.payAfter === null ? null : issueDate + spec.payAfter;
    const payments =
      settledDate === null
        ? []
        : spec.partial && spec.payAfter! > 2
          ? [
              { date: issueDate + 1, amount: spec.amount / 2 },
              { date: settledDate, amount: spec.amount / 2 },
            ]
          : [{ date: settledDate, amount: spec.amount }];
    return {
      id: `I${index}`,
      customerId: spec.customer,
      customerName: spec.customer,
      issueDate,
      dueDate: issueDate + spec.terms,
      amount: spec.amount,
      currency: 'SEK',
      kind: 'invoice',
      payments,
      settledDate,
      termsDays: spec.terms,
      extra: {},
      source: { file: 'property.csv' },
    };
  });
  return { invoices, extraColumns: [] };
}

/** Removes or rewrites every fact dated after `asOf`: later invoices vanish, later payments change. */
function rewriteFuture(ledger: Ledger, asOf: number, mode: 'delete' | 'change'): Ledger {
  const invoices = ledger.invoices
    .filter((invoice) => invoice.issueDate <= asOf)
    .map((invoice) => {
      const keep = invoice.payments.filter((payment) => payment.date <= asOf);
      const settledKnown = invoice.settledDate !== null && invoice.settledDate <= asOf;
      if (settledKnown) return invoice;
      const payments = mode === 'delete' ? keep : [...keep, { date: asOf + 400, amount: invoice.amount * 3 }];
      return { ...invoice, payments, settledDate: mode === 'delete' ? null : asOf + 400 };
    });
  return { invoices, extraColumns: [] };
}

describe('point-in-time property', () => {
  it('future facts never change a snapshot row', () => {
    fc.assert(
      fc.property(fc.array(invoiceArbitrary, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 330 }), fc.constantFrom<'delete' | 'change'>('delete', 'change'), (specs, offset, mode) => {
        const ledger = ledgerFrom(specs);
        const asOf = day('2024-01-01') + offset;
        const before = featureTable(ledger, asOf, true);
        const after = featureTable(rewriteFuture(ledger, asOf, mode), asOf, true);
        expect(after.rows).toEqual(before.rows);
      }),
      { numRuns: 150 },
    );
  });

  it('future facts never change a training row', () => {
    fc.assert(
      fc.property(fc.array(invoiceArbitrary, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 330 }), (specs, offset) => {
        const ledger = ledgerFrom(specs);
        const cut = day('2024-01-01') + offset;
        const full = buildLabelledRows(ledger, { lateAfter: 0, knownBefore: day('2026-01-01') });
        const trimmed = buildLabelledRows(rewriteFuture(ledger, cut, 'change'), { lateAfter: 0, knownBefore: day('2026-01-01') });
        const width = full.X.cols;
        const key = (rows: typeof full, r: number): string => `${rows.invoiceIds[r]}@${rows.rowDays[r]}`;
        const trimmedByKey = new Map<string, number[]>();
        for (let r = 0; r < trimmed.X.rows; r += 1) {
          trimmedByKey.set(key(trimmed, r), Array.from(trimmed.X.data.subarray(r * width, (r + 1) * width)));
        }
        for (let r = 0; r < full.X.rows; r += 1) {
          // Rows dated on or before the cut see only facts the rewrite kept; end-of-day rows on the cut day too.
          if (full.rowDays[r] > cut) continue;
          const other = trimmedByKey.get(key(full, r));
          if (!other) continue;
          expect(other).toEqual(Array.from(full.X.data.subarray(r * width, (r + 1) * width)));
        }
      }),
      { numRuns: 100 },
    );
  });
});
