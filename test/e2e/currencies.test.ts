// End to end: a customer billed in SEK and EUR gets one debtor row per currency, each invoice keeps
// its own currency, and the totals never add the two together.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, tempDir } from './helpers.js';

const EXPORT = [
  'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Currency',
  'F1,Alder AB,2024-01-01,2024-01-31,100,SEK',
  'F2,Alder AB,2024-01-02,2024-02-01,200,EUR',
  'F3,Birch AB,2024-01-02,2024-02-01,300,EUR',
].join('\n');

let file = '';

beforeAll(() => {
  requireBuild();
  file = join(tempDir(), 'two-currencies.csv');
  writeFileSync(file, `${EXPORT}\n`);
});

describe('a customer with two currencies', () => {
  it('keeps each invoice in its own currency', () => {
    const run = runCli(['score', file, '--as-of', '2024-03-01', '--by', 'invoice', '--format', 'json']);
    expect(run.code).toBe(0);
    const invoices = JSON.parse(run.stdout).invoices as { invoiceId: string; currency: string; balance: number }[];
    const byId = Object.fromEntries(invoices.map((invoice) => [invoice.invoiceId, [invoice.currency, invoice.balance]]));
    expect(byId).toEqual({ F1: ['SEK', 100], F2: ['EUR', 200], F3: ['EUR', 300] });
  });

  it('scores one debtor per currency and totals per currency', () => {
    const run = runCli(['score', file, '--as-of', '2024-03-01', '--format', 'json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { debtors: { customerId: string; currency: string; openBalance: number }[]; totals: { currency: string; openBalance: number }[] };
    const alder = document.debtors.filter((debtor) => debtor.customerId === 'alder ab').map((debtor) => [debtor.currency, debtor.openBalance]);
    expect(alder.sort()).toEqual([['EUR', 200], ['SEK', 100]]);
    expect(document.totals.map((total) => [total.currency, total.openBalance])).toEqual([['EUR', 500], ['SEK', 100]]);
  });

  it('warns that the ranking compares unconverted amounts', () => {
    const run = runCli(['score', file, '--as-of', '2024-03-01', '--format', 'json']);
    expect(run.stderr).toContain('warning: Open balances are in 2 currencies (EUR, SEK)');
    expect(run.stderr).toContain('--rates FILE');
    const codes = (JSON.parse(run.stdout) as { findings: { code: string }[] }).findings.map((item) => item.code);
    expect(codes).toContain('SCORE_MIXED_CURRENCIES');
  });

  it('ranks in the base currency without a warning given --rates', () => {
    const rates = join(tempDir(), 'rates.csv');
    writeFileSync(rates, 'currency,rate\nSEK,1\nEUR,11.5\n');
    const run = runCli(['score', file, '--as-of', '2024-03-01', '--rates', rates, '--format', 'json', '--lang', 'sv']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('valutor');
    const document = JSON.parse(run.stdout) as { debtors: { customerId: string; currency: string; openBalance: number }[] };
    expect(document.debtors.map((debtor) => [debtor.customerId, debtor.currency, debtor.openBalance])).toEqual([
      ['birch ab', 'SEK', 3450],
      ['alder ab', 'SEK', 2400],
    ]);
  });

  it('keeps one state entry per currency', () => {
    const state = join(tempDir(), 'state.json');
    const first = runCli(['score', file, '--as-of', '2024-03-01', '--state', state, '--format', 'json']);
    expect(first.code).toBe(0);
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { debtors: Record<string, { grade: string }> };
    expect(Object.keys(saved.debtors).sort()).toEqual(['alder ab EUR', 'alder ab SEK', 'birch ab']);

    // A second run finds every debtor again: nothing is new.
    const second = runCli(['score', file, '--as-of', '2024-03-01', '--state', state, '--format', 'json']);
    const changes = (JSON.parse(second.stdout) as { debtors: { change?: string }[] }).debtors.map((debtor) => debtor.change);
    expect(changes).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('keeps a debtor that gained a currency', () => {
    const dir = tempDir();
    const state = join(dir, 'state.json');
    const before = join(dir, 'before.csv');
    writeFileSync(before, `${EXPORT}\n`);
    expect(runCli(['score', before, '--as-of', '2024-03-01', '--state', state, '--format', 'json']).code).toBe(0);

    // Birch AB gets a first SEK invoice: its EUR debtor is the same as before, only SEK is new.
    const after = join(dir, 'after.csv');
    writeFileSync(after, `${EXPORT}\nF4,Birch AB,2024-01-03,2024-02-02,50,SEK\n`);
    const run = runCli(['score', after, '--as-of', '2024-03-01', '--state', state, '--format', 'json']);
    const birch = (JSON.parse(run.stdout) as { debtors: { customerId: string; currency: string; change?: string }[] }).debtors
      .filter((debtor) => debtor.customerId === 'birch ab')
      .map((debtor) => [debtor.currency, debtor.change]);
    expect(birch.sort()).toEqual([['EUR', 'unchanged'], ['SEK', 'new']]);
  });
});
