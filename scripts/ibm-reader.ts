// A small reader for the IBM accounts-receivable sample, used by the quality test and script. The
// importer rejects its PaperlessBill column as an extra (values Paper/Electronic are not numbers or
// Yes/No), so this reader encodes Electronic as 1 and Paper as 0, and Yes/No as 1/0.

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dayFromParts } from '../src/dates.js';
import type { Invoice, Ledger } from '../src/ingest/ledger.js';

/** The shared data folder sits next to the repository; tests and scripts run from the repository root. */
export const IBM_FILE = resolve('../shared/data/ibm-accounts-receivable.csv');
export const hasIbm = existsSync(IBM_FILE);

/**
 * Reads the IBM accounts-receivable sample: DD/MM/YYYY dates, every invoice settled. DaysToSettle and
 * DaysLate are derived from the settlement date and are never read.
 */
export function readIbmLedger(extraColumns: string[] = [], file = IBM_FILE): Ledger {
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const at = (name: string): number => header.indexOf(name);
  const dmy = (text: string): number => {
    const [d, m, y] = text.split('/').map(Number);
    const value = dayFromParts(y, m, d);
    if (value === null) throw new Error(`bad IBM date ${text}`);
    return value;
  };
  const invoices: Invoice[] = lines.slice(1).map((line, index) => {
    const cells = line.split(',');
    const issueDate = dmy(cells[at('InvoiceDate')]);
    const dueDate = dmy(cells[at('DueDate')]);
    const settledDate = dmy(cells[at('SettledDate')]);
    const amount = Number(cells[at('InvoiceAmount')]);
    const extra: Record<string, number> = {};
    for (const column of extraColumns) {
      const value = cells[at(column)];
      extra[column] = value === 'Yes' || value === 'Electronic' ? 1 : value === 'No' || value === 'Paper' ? 0 : Number(value);
    }
    return {
      id: cells[at('invoiceNumber')],
      customerId: cells[at('customerID')],
      customerName: cells[at('customerID')],
      issueDate,
      dueDate,
      amount,
      currency: 'USD',
      kind: 'invoice',
      payments: [{ date: settledDate, amount }],
      settledDate,
      termsDays: dueDate - issueDate,
      // The importer maps a Disputed column to the dispute field whether or not it is also an extra.
      disputed: cells[at('Disputed')] === 'Yes',
      extra,
      source: { file, line: index + 2 },
    };
  });
  return { invoices, extraColumns };
}
