// End to end: inspect on a file that lacks required columns still shows how its columns were
// understood, with the error on stderr and exit code 2. JSON output stays one valid document that
// contains the columns and the error.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, tempDir } from './helpers.js';

let file = '';

beforeAll(() => {
  requireBuild();
  file = join(tempDir(), 'miss.csv');
  writeFileSync(file, 'InvoiceNo,Customer,Amount,Foo\nA1,Acme,10,x\n');
});

describe('inspect with missing columns', () => {
  it('table lists the recognised columns', () => {
    const run = runCli(['inspect', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/│ 1 │ InvoiceNo │ invoiceId/);
    expect(run.stdout).toMatch(/│ 2 │ Customer +│ customerName/);
    expect(run.stdout).toMatch(/│ 3 │ Amount +│ amount/);
    expect(run.stdout).toMatch(/│ 4 │ Foo +│ \(not used\)/);
    expect(run.stderr).toContain('No columns for 2 fields: issueDate, dueDate');
    expect(run.stdout).not.toContain('No columns for');
  });

  it('JSON holds columns and error', () => {
    const run = runCli(['inspect', file, '--format', 'json']);
    expect(run.code).toBe(2);
    const document = JSON.parse(run.stdout) as { files: { columns: { header: string; column: number; field: string | null }[] }[]; error: { code: string } };
    expect(document.files[0].columns).toEqual([
      { header: 'InvoiceNo', column: 1, field: 'invoiceId' },
      { header: 'Customer', column: 2, field: 'customerName' },
      { header: 'Amount', column: 3, field: 'amount' },
      { header: 'Foo', column: 4, field: null },
    ]);
    expect(document.error.code).toBe('INGEST_COLUMNS_MISSING_DUE_DATE');
    expect(run.stderr).toContain('No columns for 2 fields');
  });

  it('lists payments file columns', () => {
    const folder = tempDir();
    const invoices = join(folder, 'invoices.csv');
    const payments = join(folder, 'payments.csv');
    writeFileSync(invoices, 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nA1,Acme,2024-01-01,2024-01-31,10\n');
    writeFileSync(payments, 'InvoiceNo,Amount,Note\nA1,10,x\n');
    const run = runCli(['inspect', invoices, '--payments', payments, '--format', 'json']);
    expect(run.code).toBe(2);
    const document = JSON.parse(run.stdout) as { files: { file: string; columns: { header: string; field: string | null }[] }[]; error: { code: string } };
    const paymentsFile = document.files.find((entry) => entry.file === payments);
    expect(paymentsFile?.columns.map((column) => [column.header, column.field])).toEqual([['InvoiceNo', 'invoiceId'], ['Amount', 'amount'], ['Note', null]]);
    expect(document.error.code).toBe('INGEST_COLUMN_MISSING');
  });
});
