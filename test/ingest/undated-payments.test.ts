// Paid amounts without a payment date count as paid on the latest date of their file, marked as
// date-unknown, with one counted warning per file.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importLedger } from '../../src/ingest/index.js';
import { balance, byId, day, writeTemp } from './helpers.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const ninja = `${DATA}invoiceninja-invoices.csv`;

const FILE =
  'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Paid,PaidDate\n' +
  'F-1,Alder,2024-01-10,2024-02-09,100,100,\n' +
  'F-2,Alder,2024-02-01,2024-03-02,80,30,\n' +
  'F-3,Birch,2024-03-05,2024-04-04,50,0,\n' +
  'F-4,Birch,2024-01-15,2024-02-14,40,40,2024-03-20\n';

describe('undated payments', () => {
  it('date them on the latest file date', async () => {
    const result = await importLedger([writeTemp(FILE)]);
    const invoices = result.ledger.invoices;

    // The latest date of the file is the paid date 2024-03-20 of F-4, after every invoice date.
    const full = byId(invoices, 'F-1');
    expect(full.payments).toHaveLength(1);
    expect(day(full.payments[0].date)).toBe('2024-03-20');
    expect(full.payments[0].amount).toBe(100);
    expect(full.payments[0].dateUnknown).toBe(true);
    expect(day(full.settledDate)).toBe('2024-03-20');

    const part = byId(invoices, 'F-2');
    expect(balance(part)).toBe(50);
    expect(part.payments[0].dateUnknown).toBe(true);
    expect(part.settledDate).toBeNull();

    expect(byId(invoices, 'F-3').payments).toEqual([]);
    const dated = byId(invoices, 'F-4').payments[0];
    expect(day(dated.date)).toBe('2024-03-20');
    expect(dated.dateUnknown).toBeUndefined();
  });

  it('report one counted warning', async () => {
    const path = writeTemp(FILE);
    const result = await importLedger([path]);
    const warnings = result.findings.filter((f) => f.code === 'INGEST_PAYMENT_UNDATED_ASSUMED');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].severity).toBe('warning');
    expect(warnings[0].args).toEqual({ count: 2, total: 130, date: '2024-03-20', line: 2 });
    expect(warnings[0].path).toEqual({ file: path });
  });

  it('use each file its own day', async () => {
    const header = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Paid,PaidDate\n';
    const early = writeTemp(`${header}A-1,Alder,2024-01-10,2024-02-09,100,100,\n`);
    const late = writeTemp(`${header}B-1,Birch,2024-06-10,2024-07-10,100,100,\n`);
    const result = await importLedger([early, late]);
    expect(day(byId(result.ledger.invoices, 'A-1').payments[0].date)).toBe('2024-01-10');
    expect(day(byId(result.ledger.invoices, 'B-1').payments[0].date)).toBe('2024-06-10');
  });

  it.skipIf(!existsSync(ninja))('balance the Invoice Ninja export', async () => {
    const result = await importLedger([ninja]);
    const invoices = result.ledger.invoices;
    const paid = invoices.reduce((sum, invoice) => sum + invoice.payments.reduce((s, p) => s + p.amount, 0), 0);
    const open = invoices.reduce((sum, invoice) => sum + balance(invoice), 0);
    // The Paid column sums to 5,693.15 over 401 rows; invoice 2 is one line repeated, so 6.94 counts once.
    expect(Math.round(paid * 100) / 100).toBe(5686.21);
    expect(Math.round(open * 100) / 100).toBe(6174.66);
    const warning = result.findings.find((f) => f.code === 'INGEST_PAYMENT_UNDATED_ASSUMED');
    expect(warning?.args.count).toBe(400);
    expect(warning?.args.date).toBe('2020-05-01');
  });
});
