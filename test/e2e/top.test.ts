// --top in the debtor view cuts the invoice list too: the JSON lists the open invoices of the debtors
// it shows, not of every debtor.

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, requireBuild, runCli } from './helpers.js';

const SAMPLE = join(ROOT, 'fixtures/sample-invoices.csv');

beforeAll(() => requireBuild());

describe('--top in the debtor view', () => {
  it('lists only the invoices of the shown debtors', () => {
    const all = JSON.parse(runCli(['score', SAMPLE, '--as-of', '2024-12-31', '--format', 'json']).stdout) as Document;
    const run = runCli(['score', SAMPLE, '--as-of', '2024-12-31', '--format', 'json', '--top', '3']);
    expect(run.code).toBe(0);
    const top = JSON.parse(run.stdout) as Document;

    expect(top.debtors).toHaveLength(3);
    const shownDebtors = new Set(top.debtors.map((debtor) => `${debtor.customerId} ${debtor.currency}`));
    const expected = all.invoices.filter((invoice) => shownDebtors.has(`${invoice.customerId} ${invoice.currency}`));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.invoices.length);
    expect(top.invoices).toEqual(expected);
  });
});

interface Document {
  debtors: { customerId: string; currency: string }[];
  invoices: { customerId: string; currency: string; invoiceId: string }[];
}
