// A --date-format with day and month swapped stops the import, instead of skipping the rows it cannot
// read and reading the others wrong. A file where most rows cannot be read at all stops it too.

import { describe, expect, it } from 'vitest';
import { importLedger } from '../../src/ingest/index.js';
import { byId, day, expectError, writeTemp } from './helpers.js';

// Day-first dates where only line 3 proves the order (15/04 can only be day/month).
const DAY_FIRST = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate\nF-7001,Alder Ltd,03/04/2024,03/05/2024,100.00,02/05/2024\nF-7002,Alder Ltd,15/04/2024,15/05/2024,200.00,20/05/2024\n';

describe('--date-format against the file', () => {
  it('stops when the pattern swaps day and month', async () => {
    const error = await expectError(importLedger([writeTemp(DAY_FIRST)], { dateFormat: 'MM/DD/YYYY' }));
    expect(error.code).toBe('INGEST_DATE_FORMAT_MISMATCH');
    expect(error.args).toMatchObject({ column: 'InvoiceDate', line: 3, value: '15/04/2024', format: 'MM/DD/YYYY', fits: 'DD/MM/YYYY' });
    expect(error.path).toMatchObject({ line: 3, column: 'InvoiceDate' });
  });

  it('names the bare order that fits', async () => {
    const error = await expectError(importLedger([writeTemp(DAY_FIRST)], { dateFormat: 'MDY' }));
    expect(error.code).toBe('INGEST_DATE_FORMAT_MISMATCH');
    expect(error.args.fits).toBe('DMY');
  });

  it('keeps a short pattern in the one that fits', async () => {
    const text = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF-1,Alder Ltd,3/4/24,3/5/24,100.00\nF-2,Alder Ltd,15/4/24,15/5/24,200.00\n';
    const error = await expectError(importLedger([writeTemp(text)], { dateFormat: 'M/D/YY' }));
    expect(error.args.fits).toBe('D/M/YY');
  });

  it('reads the file with the right pattern', async () => {
    const result = await importLedger([writeTemp(DAY_FIRST)], { dateFormat: 'DD/MM/YYYY', strict: true });
    expect(day(byId(result.ledger.invoices, 'F-7001').issueDate)).toBe('2024-04-03');
    expect(day(byId(result.ledger.invoices, 'F-7002').dueDate)).toBe('2024-05-15');
  });

  it('skips a bad date that no order reads', async () => {
    // 31/02 is no date in either order, so the option is not what is wrong.
    const text = `${DAY_FIRST}F-7003,Alder Ltd,31/02/2024,31/03/2024,300.00,\n`;
    const result = await importLedger([writeTemp(text)], { dateFormat: 'DD/MM/YYYY' });
    expect(result.ledger.invoices.map((invoice) => invoice.id)).toEqual(['F-7001', 'F-7002']);
    expect(result.findings.find((finding) => finding.code === 'INGEST_DATE_IMPOSSIBLE')?.path?.line).toBe(4);
  });

  it('skips a row when detection would fail too', async () => {
    // 13/14/2024 reads in neither order, so detection does not read every value either.
    const text = `${DAY_FIRST}F-7003,Alder Ltd,13/14/2024,13/05/2024,300.00,\n`;
    const result = await importLedger([writeTemp(text)], { dateFormat: 'MM/DD/YYYY' });
    expect(result.findings.some((finding) => finding.code === 'INGEST_DATE_FORMAT_MISMATCH')).toBe(false);
    expect(result.files[0].rowsSkipped).toBeGreaterThan(0);
  });

  it('stops on a payments file too', async () => {
    const invoices = writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF-1,Alder Ltd,2024-01-02,2024-02-01,100.00\n');
    const payments = writeTemp('Invoice,Date,Amount\nF-1,03/02/2024,50.00\nF-1,20/02/2024,50.00\n');
    // A bare order, because a pattern's separator would not fit the ISO dates of the invoice file.
    const error = await expectError(importLedger([invoices], { payments: [payments], dateFormat: 'MDY' }));
    expect(error.code).toBe('INGEST_DATE_FORMAT_MISMATCH');
    expect(error.args).toMatchObject({ line: 3, value: '20/02/2024', fits: 'DMY' });
  });
});

describe('most rows skipped', () => {
  const HEADER = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Status\n';
  const rows = (count: number, amount: string, status = 'Sent', from = 1) =>
    Array.from({ length: count }, (_, i) => `F-${from + i},Alder Ltd,2024-01-02,2024-02-01,${amount},${status}\n`).join('');

  it('stops when more than half cannot be read', async () => {
    const text = HEADER + rows(8, '100.00') + rows(12, 'n/a', 'Sent', 9);
    const error = await expectError(importLedger([writeTemp(text)]));
    expect(error.code).toBe('INGEST_MOST_ROWS_SKIPPED_NUMBER');
    expect(error.args).toMatchObject({ count: 12, rows: 20, reasonCount: 12, line: 10, column: 'Amount', value: 'n/a' });
  });

  it('goes on when half are read', async () => {
    const text = HEADER + rows(12, '100.00') + rows(12, 'n/a', 'Sent', 13);
    const result = await importLedger([writeTemp(text)]);
    expect(result.ledger.invoices).toHaveLength(12);
  });

  it('goes on below ten skipped rows', async () => {
    const text = HEADER + rows(1, '100.00') + rows(9, 'n/a', 'Sent', 2);
    const result = await importLedger([writeTemp(text)]);
    expect(result.ledger.invoices).toHaveLength(1);
    expect(result.files[0].rowsSkipped).toBe(9);
  });

  it('does not count rows left out on purpose', async () => {
    const text = HEADER + rows(5, '100.00') + rows(15, '100.00', 'Void', 6);
    const result = await importLedger([writeTemp(text)]);
    expect(result.ledger.invoices).toHaveLength(5);
    expect(result.files[0].rowsSkipped).toBe(15);
  });

  it('does not count blank rows as data rows', async () => {
    const text = HEADER + rows(10, '100.00') + rows(10, 'n/a', 'Sent', 11) + '\n'.repeat(30);
    const result = await importLedger([writeTemp(text)]);
    expect(result.ledger.invoices).toHaveLength(10);
  });
});
