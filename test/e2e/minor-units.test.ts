// End to end: amounts in a currency with three decimals (KWD) keep them through import, scoring and
// every report, so a 10.005 invoice shows as 10.005 and a 0.001 invoice stays open.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, tempDir } from './helpers.js';

const EXPORT = [
  'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Currency',
  'K1,Acme,2024-10-01,2024-10-31,10.005,KWD',
  'K2,Acme,2024-11-01,2024-12-01,0.001,KWD',
].join('\n');

let file = '';

beforeAll(() => {
  requireBuild();
  file = join(tempDir(), 'kwd.csv');
  writeFileSync(file, `${EXPORT}\n`);
});

describe('KWD amounts', () => {
  it('score table shows three decimals', () => {
    const run = runCli(['score', file, '--as-of', '2024-12-31', '--by', 'invoice']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('KWD\u00a010.005');
    expect(run.stdout).toContain('KWD\u00a00.001');
    expect(run.stdout).toContain('K2');
  });

  it('score JSON keeps three decimals', () => {
    const run = runCli(['score', file, '--as-of', '2024-12-31', '--by', 'invoice', '--format', 'json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { invoices: { invoiceId: string; balance: number }[]; totals: { openBalance: number }[] };
    const balances = Object.fromEntries(document.invoices.map((invoice) => [invoice.invoiceId, invoice.balance]));
    expect(balances).toEqual({ K1: 10.005, K2: 0.001 });
    expect(document.totals[0].openBalance).toBe(10.006);
  });

  it('score CSV keeps three decimals', () => {
    const run = runCli(['score', file, '--as-of', '2024-12-31', '--by', 'invoice', '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/,K1,.*,10\.005,/);
    expect(run.stdout).toMatch(/,K2,.*,0\.001,/);
  });

  it('forecast totals both invoices', () => {
    const run = runCli(['forecast', file, '--as-of', '2024-12-31', '--lang', 'sv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('10,006\u00a0KWD');
  });

  it('forecast JSON keeps three decimals', () => {
    const run = runCli(['forecast', file, '--as-of', '2024-12-31', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('10.006');
  });
});
