// Test helpers that build Ledgers by hand, so feature and model tests do not depend on the importer.

import { readFileSync } from 'node:fs';
import { parseIsoDay } from '../../src/dates.js';
import type { Invoice, Ledger } from '../../src/ingest/ledger.js';

export function day(text: string): number {
  const value = parseIsoDay(text);
  if (value === null) throw new Error(`bad test date ${text}`);
  return value;
}

export interface SimpleInvoice {
  id: string;
  customer: string;
  issued: string;
  due: string;
  amount: number;
  paid?: string;
  kind?: 'invoice' | 'credit';
  extra?: Record<string, number>;
  disputed?: boolean;
}

/** Builds an invoice paid in full on `paid`, or open when `paid` is absent. */
export function invoiceOf(spec: SimpleInvoice): Invoice {
  const issueDate = day(spec.issued);
  const dueDate = day(spec.due);
  const settled = spec.paid ? day(spec.paid) : null;
  return {
    id: spec.id,
    customerId: spec.customer.trim().toLowerCase(),
    customerName: spec.customer,
    issueDate,
    dueDate,
    amount: spec.amount,
    currency: 'SEK',
    kind: spec.kind ?? (spec.amount < 0 ? 'credit' : 'invoice'),
    payments: settled === null ? [] : [{ date: settled, amount: spec.amount }],
    settledDate: settled,
    termsDays: dueDate - issueDate,
    disputed: spec.disputed,
    extra: spec.extra ?? {},
    source: { file: 'test.csv' },
  };
}

export function ledgerOf(specs: SimpleInvoice[], extraColumns: string[] = []): Ledger {
  return { invoices: specs.map(invoiceOf), extraColumns };
}

/** Reads the six-column case files (InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate). */
export function readCaseLedger(path: string): Ledger {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const at = (name: string): number => header.indexOf(name);
  return ledgerOf(
    lines.slice(1).map((line) => {
      const cells = line.split(',');
      return {
        id: cells[at('InvoiceNo')],
        customer: cells[at('Customer')],
        issued: cells[at('InvoiceDate')],
        due: cells[at('DueDate')],
        amount: Number(cells[at('Amount')]),
        paid: cells[at('PaidDate')] || undefined,
      };
    }),
  );
}

export { IBM_FILE, hasIbm, readIbmLedger } from '../../scripts/ibm-reader.js';
