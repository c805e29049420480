// Real public exports from ../shared/data (see its README). Skipped when the folder is absent.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importLedger } from '../../src/ingest/index.js';
import { categoryCode } from '../../src/ingest/invoice-rows.js';
import { byId, codes, day, expectError } from './helpers.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const present = existsSync(`${DATA}ibm-accounts-receivable.csv`);

describe.skipIf(!present)('real exports', () => {
  it('reads the IBM accounts receivable file', async () => {
    const result = await importLedger([`${DATA}ibm-accounts-receivable.csv`]);
    const invoices = result.ledger.invoices;
    expect(invoices).toHaveLength(2466);
    expect(new Set(invoices.map((i) => i.customerId)).size).toBe(100);
    expect(invoices.every((i) => i.settledDate !== null)).toBe(true);
    expect(result.files[0].columns.find((c) => c.field === 'issueDate')?.format).toBe('DMY');
    const first = byId(invoices, '280670965');
    expect(first.customerId).toBe('3993-QUNVJ');
    expect(day(first.issueDate)).toBe('2012-01-03');
    expect(day(first.dueDate)).toBe('2012-02-02');
    expect(day(first.settledDate)).toBe('2012-01-23');
    expect(first.amount).toBe(50.39);
    expect(byId(invoices, '6050714721').disputed).toBe(true);
    expect(result.findings.filter((f) => f.severity === 'warning')).toEqual([]);
  });

  it('reads IBM extra columns as numbers and categories', async () => {
    const result = await importLedger([`${DATA}ibm-accounts-receivable.csv`], { extra: ['Disputed', 'PaperlessBill'] });
    const invoices = result.ledger.invoices;
    expect(byId(invoices, '6050714721').extra.Disputed).toBe(1);
    const paperless = new Set(invoices.map((invoice) => invoice.extra.PaperlessBill));
    expect(paperless).toEqual(new Set([categoryCode('Paper'), categoryCode('Electronic')]));
  });

  it('reads Invoice Ninja invoices and payments', async () => {
    const result = await importLedger([`${DATA}invoiceninja-invoices.csv`], { payments: [`${DATA}invoiceninja-payments.csv`] });
    const [invoiceFile, paymentFile] = result.files;
    expect(invoiceFile.headerLine).toBe(4);
    expect(paymentFile.headerLine).toBe(4);
    expect(paymentFile.columns.find((c) => c.field === 'paymentDate')?.format).toBe('MDY');
    const invoices = result.ledger.invoices;
    expect(invoices).toHaveLength(400);
    expect(new Set(invoices.map((i) => i.customerId)).size).toBe(20);
    const first = byId(invoices, '1');
    expect(first.amount).toBe(13.5);
    // Invoice 1 is dated 2019-11-25 but due and paid 2019-10-20: due on receipt, paid on the invoice date.
    expect(day(first.dueDate)).toBe('2019-11-25');
    expect(day(first.settledDate)).toBe('2019-11-25');
    expect(first.payments.map((p) => day(p.date))).toEqual(['2019-10-20']);
    // Invoice 2 is repeated as an identical line and its payment as an identical row: counted once.
    expect(byId(invoices, '2').amount).toBe(26.67);
    expect(byId(invoices, '2').payments).toHaveLength(1);
    // The two duplicate payment rows are summed up in one finding that lists both invoices.
    const duplicates = result.findings.filter((f) => f.code === 'INGEST_PAYMENT_DUPLICATE_MANY');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0].args.count).toBe(2);
    // The refund ($400.00) belongs to invoice 801, which the invoice export does not have.
    expect(result.findings.find((f) => f.code === 'INGEST_PAYMENT_UNMATCHED')?.args.invoiceId).toBe('801');
    const dueBefore = result.findings.filter((f) => f.code === 'INGEST_DUE_BEFORE_ISSUE_MANY');
    expect(dueBefore).toHaveLength(1);
    expect(dueBefore[0].args.count).toBe(215);
    expect(String(dueBefore[0].args.invoices).startsWith('1, ')).toBe(true);
    // Every payment lands on the file's due date, so no invoice is late under the corrected due dates.
    const settled = invoices.filter((i) => i.settledDate !== null);
    expect(settled.length).toBeGreaterThan(390);
    expect(settled.filter((i) => i.settledDate! > i.dueDate)).toEqual([]);
    expect(invoices.every((i) => i.dueDate >= i.issueDate)).toBe(true);
  });

  it('reads the Zoho line-item export', async () => {
    const result = await importLedger([`${DATA}zoho-invoices.csv`]);
    expect(result.files[0].columns).toHaveLength(83);
    // Every row has Invoice Status = Draft: drafts are not receivables, so none is imported.
    expect(result.files[0].rowsUsed).toBe(0);
    expect(result.files[0].rowsSkipped).toBe(13);
    expect(result.ledger.invoices).toEqual([]);
    // One finding reports that the whole file was left out and why, in place of the per-row summary.
    const drafts = result.findings.filter((f) => f.code === 'INGEST_ALL_ROWS_LEFT_OUT');
    expect(drafts).toHaveLength(1);
    expect(drafts[0].severity).toBe('warning');
    expect(drafts[0].args.count).toBe(13);
    expect(drafts[0].args.values).toBe('Draft');
    expect(drafts[0].args.invoices).toBe('INV-000001, INV-000002, INV-000003');
    expect(codes(result.findings)).not.toContain('INGEST_ROW_NOT_RECEIVABLE');
    expect(codes(result.findings)).not.toContain('INGEST_ROW_NOT_RECEIVABLE_MANY');
  });

  it('reads FreshBooks only with --terms', async () => {
    expect((await expectError(importLedger([`${DATA}freshbooks-invoices.csv`]))).code).toBe('INGEST_DUE_DATE_MISSING');
    const result = await importLedger([`${DATA}freshbooks-invoices.csv`], { terms: 30 });
    expect(result.ledger.invoices).toHaveLength(1);
    const invoice = result.ledger.invoices[0];
    expect(invoice.id).toBe('0000001');
    expect(invoice.amount).toBe(7890);
    expect(day(invoice.dueDate)).toBe('2021-02-27');
    const assumed = result.findings.find((f) => f.code === 'INGEST_TERMS_ASSUMED_ONE');
    expect(assumed?.args.count).toBe(1);
    expect(assumed?.args.days).toBe(30);
  });
});
