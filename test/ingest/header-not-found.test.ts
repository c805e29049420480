// A file without a header line: the error names the known column names it found, how many a header
// needs, and example names of the right file kind.

import { describe, expect, it } from 'vitest';
import { importLedger } from '../../src/ingest/index.js';
import { formatFinding } from '../../src/i18n/catalog.js';
import { expectError, writeTemp } from './helpers.js';

const INVOICES = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nA1,Acme,2024-01-01,2024-01-31,10\n';

describe('header not found', () => {
  it('names the one known column', async () => {
    const error = await expectError(importLedger([writeTemp('Foo,Amount\nx,10\n')]));
    expect(error.code).toBe('INGEST_HEADER_NOT_FOUND');
    expect(error.args).toMatchObject({ count: 1, columns: 'Amount', line: 1, needed: 2, lastLine: 2 });
    expect(error.args.examples).toBe('INGEST_HEADER_EXAMPLES_INVOICES');
  });

  it('says no line has a known name', async () => {
    const error = await expectError(importLedger([writeTemp('a,b,c\n1,2,3\n')]));
    expect(error.args).toMatchObject({ count: 0, columns: '', needed: 2 });
  });

  it('counts lines after a sep= line', async () => {
    const error = await expectError(importLedger([writeTemp('sep=,\nTitle\nFoo,Amount\nx,10\n')]));
    expect(error.args).toMatchObject({ count: 1, columns: 'Amount', line: 3, lastLine: 4 });
  });

  it('uses payments names for a payments file', async () => {
    const payments = writeTemp('InvoiceNo,Foo\nA1,x\n', 'payments.csv');
    const error = await expectError(importLedger([writeTemp(INVOICES)], { payments: [payments] }));
    expect(error.code).toBe('INGEST_HEADER_NOT_FOUND');
    expect(error.args).toMatchObject({ file: payments, count: 1, columns: 'InvoiceNo', examples: 'INGEST_HEADER_EXAMPLES_PAYMENTS' });
  });

  it('English text names found and needed', async () => {
    const error = await expectError(importLedger([writeTemp('Foo,Amount\nx,10\n')]));
    const text = formatFinding(error, 'en');
    expect(text).toContain('needs at least 2 known column names, but line 1 has only 1 (Amount)');
    expect(text).toContain('Known names in an invoice file include InvoiceNo');
    expect(text).not.toContain('no column has a known name');
  });

  it('Swedish text names found and needed', async () => {
    const error = await expectError(importLedger([writeTemp('Foo,Amount\nx,10\n')]));
    const text = formatFinding(error, 'sv');
    expect(text).toContain('behöver minst 2 kända kolumnnamn, men rad 1 har bara 1 (Amount)');
    expect(text).toContain('Kända namn i en fakturafil');
  });

  it('payments text lists payments names', async () => {
    const payments = writeTemp('InvoiceNo,Foo\nA1,x\n', 'payments.csv');
    const error = await expectError(importLedger([writeTemp(INVOICES)], { payments: [payments] }));
    expect(formatFinding(error, 'en')).toContain('Known names in a payments file include InvoiceNo, PaymentDate and Amount.');
    expect(formatFinding(error, 'sv')).toContain('Kända namn i en betalningsfil är till exempel Fakturanr, Betaldatum och Belopp.');
  });

  it('none text says no line has any', async () => {
    const error = await expectError(importLedger([writeTemp('a,b,c\n1,2,3\n')]));
    expect(formatFinding(error, 'en')).toContain('but no line has any.');
    expect(formatFinding(error, 'sv')).toContain('men ingen rad har något.');
  });
});
