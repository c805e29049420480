// Reads the rows of a separate payments file: which invoice, when, how much. A negative amount is a
// refund. Exact duplicate rows are dropped with a warning, because an export that repeats a payment
// would otherwise settle invoices twice.

import { Pending, RowIssue, NumberColumn, DateColumn, FileDateOrder, type Cell } from './columns.js';
import { missingColumnsError, type ColumnMapping } from './headers.js';
import type { ImportOptions, PaymentField } from './options.js';
import type { DateFormat } from './date-values.js';
import type { RowReader } from './read-file.js';

export interface PaymentDraft {
  file: string;
  line: number;
  invoiceId: string;
  date: Cell;
  amount: Cell;
  paymentId: string;
  customerName: string;
}

export function makePaymentReader(
  headers: string[],
  mapping: ColumnMapping<PaymentField>,
  file: string,
  headerLine: number,
  options: ImportOptions,
  dateFormat: DateFormat | undefined,
  out: PaymentDraft[],
): RowReader {
  const c = mapping.columns;
  const header = (field: PaymentField): string => (c[field] !== undefined ? headers[c[field]!] || `#${c[field]! + 1}` : field);
  const missing = (['invoiceId', 'paymentDate', 'amount'] as const).filter((field) => c[field] === undefined);
  if (missing.length > 0) throw missingColumnsError(missing, false, file, headers, headerLine);
  const dates = new DateColumn(header('paymentDate'), file, dateFormat, new FileDateOrder());
  const amounts = new NumberColumn(header('amount'), file, options.decimal);
  const fileRows: PaymentDraft[] = [];
  const seen = new Map<string, number>();

  const read = (fields: string[], line: number): void => {
    const invoiceId = fields[c.invoiceId!].trim();
    if (invoiceId === '') throw new RowIssue('INGEST_VALUE_EMPTY', { value: '' }, header('invoiceId'));
    const date = dates.read(fields[c.paymentDate!], line);
    if (date === null) throw new RowIssue('INGEST_VALUE_EMPTY', { value: '' }, header('paymentDate'));
    const amount = amounts.read(fields[c.amount!], line).value;
    if (amount === null) throw new RowIssue('INGEST_VALUE_EMPTY', { value: '' }, header('amount'));
    const paymentId = c.paymentId !== undefined ? fields[c.paymentId].trim() : '';
    const customerName = c.customerName !== undefined ? fields[c.customerName].trim() : '';

    const key = fields.map((field) => field.trim()).join('\u0000');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new RowIssue('INGEST_PAYMENT_DUPLICATE', { invoiceId, otherLine: earlier }, header('invoiceId'));
    }
    seen.set(key, line);
    fileRows.push({ file, line, invoiceId, date, amount, paymentId, customerName });
  };

  const finish = (): void => {
    dates.checkFormatFits();
    for (const row of fileRows) {
      if (row.date instanceof Pending) row.date = dates.resolve(row.date.raw, row.date.line);
      if (row.amount instanceof Pending) row.amount = amounts.resolve(row.amount.raw, row.amount.line);
      out.push(row);
    }
  };

  const describe = (field: string): string | undefined => {
    if (field === 'paymentDate') return dates.describe();
    if (field === 'amount') return amounts.describe();
    return undefined;
  };

  return { read, finish, describe };
}
