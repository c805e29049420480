// End-to-end: a payments file whose rows were all skipped stops the run, because every invoice would
// otherwise count as unpaid.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, tempDir } from './helpers.js';

const INVOICES = ['InvoiceNo,Customer,InvoiceDate,DueDate,Amount', 'F-1201,Alder AB,2024-01-10,2024-02-09,1000.00', 'F-1202,Birch AB,2024-01-12,2024-02-11,500.00'].join('\n');

let invoices = '';
let badPayments = '';
let goodPayments = '';

beforeAll(() => {
  requireBuild();
  const folder = tempDir();
  invoices = join(folder, 'invoices.csv');
  badPayments = join(folder, 'bad-payments.csv');
  goodPayments = join(folder, 'payments.csv');
  writeFileSync(invoices, `${INVOICES}\n`);
  writeFileSync(badPayments, 'PaymentId,InvoiceNo,PaymentDate,Amount\nP-1,F-1201,2024-02-35,700.00\nP-2,F-1201,2024-13-20,300.00\nP-3,F-1202,soon,100\n');
  writeFileSync(goodPayments, 'PaymentId,InvoiceNo,PaymentDate,Amount\nP-1,F-1201,2024-02-05,1000.00\n');
});

describe('payments file with every row skipped', () => {
  it('stops score with exit 2', () => {
    const run = runCli(['score', invoices, '--payments', badPayments, '--as-of', '2024-12-31', '-q']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('All 3 rows of this payments file were skipped, so no payment was read');
    expect(run.stderr).toContain('the value "2024-02-35" on line 2 in column PaymentDate');
  });

  it('reads in Swedish', () => {
    const run = runCli(['score', invoices, '--payments', badPayments, '--as-of', '2024-12-31', '--lang', 'sv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Alla 3 rader i den här betalningsfilen hoppades över');
  });

  it('keeps a readable payments file', () => {
    const run = runCli(['score', invoices, '--payments', goodPayments, '--as-of', '2024-12-31', '-q', '--format', 'json']);
    expect(run.code).toBe(0);
    const debtors = (JSON.parse(run.stdout) as { debtors: { name: string; openBalance: number }[] }).debtors;
    expect(debtors.find((debtor) => debtor.name === 'Alder AB')?.openBalance).toBe(0);
  });
});
