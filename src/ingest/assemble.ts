// Builds invoices from drafts: document kind and sign, due date (from the due date column or from
// terms), payments from the invoice file or from payments files, and the settled date.

import { formatDay } from '../dates.js';
import type { Invoice, Payment } from './ledger.js';
import type { InvoiceDraft } from './invoice-rows.js';
import type { PaymentDraft } from './payment-rows.js';
import { dueDateFromTerms, parseTerms, type Terms } from './terms.js';
import type { Reporter } from './reporter.js';
import type { ImportOptions } from './options.js';
import { RiskpayError, type SourceRef } from '../findings.js';
import { halfMinorUnit, minorUnitDigits, roundImported, roundMoney } from '../money.js';
import { RoundedAmounts } from './rounded-amounts.js';

export function defaultTerms(options: ImportOptions): Terms | null {
  if (options.terms === undefined) return null;
  const terms = parseTerms(typeof options.terms === 'number' ? options.terms : options.terms.trim());
  if (terms === null) throw new RiskpayError('INGEST_TERMS_OPTION_INVALID', { value: String(options.terms) });
  return terms;
}

/** Converts drafts to invoices; rows that cannot become an invoice are reported and left out. */
export function assembleInvoices(
  drafts: Iterable<InvoiceDraft>,
  options: ImportOptions,
  reporter: Reporter,
  onSkip: (draft: InvoiceDraft, code: string) => void,
  rounding: RoundedAmounts = new RoundedAmounts(),
): Invoice[] {
  const fallbackTerms = defaultTerms(options);
  const assumed = new Map<string, number>();
  // Files already told that their paid columns give way to the payments files.
  const paidColumnsNoted = new Set<string>();
  const invoices: Invoice[] = [];

  for (const draft of drafts) {
    const path = { file: draft.file, line: draft.line };
    const issueDate = draft.issueDate as number;
    // Amounts are rounded to the minor unit of the invoice currency (3 decimals for KWD, none for JPY).
    // That also removes float noise such as 0.30000000000000004 from summed line totals.
    let amount = rounding.round(draft.lineTotals ? sumCells(draft.lineTotals) : (draft.amount as number), draft.currency, draft.file, draft.line);

    let kind: 'invoice' | 'credit' = 'invoice';
    if (draft.type === 'credit') {
      kind = 'credit';
      amount = -Math.abs(amount);
    } else if (amount < 0) {
      kind = 'credit';
      if (draft.type === 'invoice') {
        reporter.add('INGEST_NEGATIVE_INVOICE', 'warning', { file: draft.file, line: draft.line, invoiceId: draft.invoiceId, amount }, { ...path, column: draft.headers.amount ?? draft.headers.lineTotal });
      } else {
        reporter.add('INGEST_NEGATIVE_AMOUNT_CREDIT', 'info', { file: draft.file, line: draft.line, invoiceId: draft.invoiceId, amount }, path);
      }
    }

    // Terms from the row, else from the option. Unreadable terms are an error when they are the only
    // source of the due date, because skipping the row would drop a receivable from every total.
    let terms: Terms | null = draft.terms ?? null;
    if (draft.terms === undefined) {
      const termsArgs = { file: draft.file, line: draft.line, column: draft.headers.terms ?? 'terms', value: draft.termsText, invoiceId: draft.invoiceId };
      const termsPath = { ...path, column: draft.headers.terms };
      if (draft.dueDate !== null) {
        reporter.add('INGEST_TERMS_INVALID_DUE_DATE_USED', 'info', termsArgs, termsPath);
      } else if (fallbackTerms === null) {
        throw new RiskpayError('INGEST_TERMS_INVALID', termsArgs, termsPath);
      } else {
        reporter.add('INGEST_TERMS_INVALID_OPTION_USED', 'warning', termsArgs, termsPath);
      }
    }
    let termsFromOption = false;
    if (terms === null && fallbackTerms !== null && draft.dueDate === null) {
      terms = fallbackTerms;
      termsFromOption = true;
    }

    // Rule for a due date before the invoice date (demo data and some exports hold such rows): the
    // due date comes from the terms when they are known, else the invoice counts as due on receipt,
    // so its due date becomes the invoice date. The ledger holds only the corrected date, so the
    // features and the late/on-time labels both measure lateness against it.
    let dueDate: number;
    if (draft.dueDate !== null) {
      dueDate = draft.dueDate as number;
      if (dueDate < issueDate) {
        const known = terms ?? fallbackTerms;
        const corrected = known ? dueDateFromTerms(issueDate, known) : issueDate;
        reporter.add('INGEST_DUE_BEFORE_ISSUE', 'warning', {
          file: draft.file, line: draft.line, invoiceId: draft.invoiceId,
          dueDate: formatDay(dueDate), issueDate: formatDay(issueDate), used: formatDay(corrected),
        }, { ...path, column: draft.headers.dueDate });
        dueDate = corrected;
      }
    } else if (terms !== null) {
      dueDate = dueDateFromTerms(issueDate, terms);
      if (termsFromOption) assumed.set(draft.file, (assumed.get(draft.file) ?? 0) + 1);
    } else {
      reporter.add('INGEST_DUE_DATE_EMPTY', 'warning', { file: draft.file, line: draft.line, column: draft.headers.dueDate ?? 'dueDate', invoiceId: draft.invoiceId }, { ...path, column: draft.headers.dueDate });
      onSkip(draft, 'INGEST_DUE_DATE_EMPTY');
      continue;
    }
    const termsDays = draft.dueDate !== null ? Math.max(0, dueDate - issueDate) : terms ? dueDateFromTerms(issueDate, terms) - issueDate : null;

    const separateFile = options.payments !== undefined && options.payments.length > 0;
    if (separateFile && !paidColumnsNoted.has(draft.file)) {
      const paidColumns = (['paidDate', 'paidAmount', 'balance', 'lastPaymentDate'] as const)
        .map((field) => draft.headers[field])
        .filter((header): header is string => header !== undefined);
      if (paidColumns.length > 0) {
        reporter.add('INGEST_PAID_COLUMNS_IGNORED', 'info', { columns: paidColumns.join(', ') }, { file: draft.file });
      }
      paidColumnsNoted.add(draft.file);
    }
    const payments = paymentsFromRow(draft, amount, path, reporter, separateFile, rounding);

    const invoice: Invoice = {
      id: draft.invoiceId,
      customerId: draft.customerId,
      customerName: draft.customerName,
      issueDate,
      dueDate,
      amount,
      currency: draft.currency,
      kind,
      payments,
      settledDate: null,
      termsDays,
      extra: draft.extra,
      source: path,
    };
    if (draft.disputed !== undefined) invoice.disputed = draft.disputed;
    invoices.push(invoice);
  }

  for (const [file, count] of assumed) {
    const code = `INGEST_TERMS_ASSUMED${fallbackTerms!.endOfMonth ? '_EOM' : ''}${count === 1 ? '_ONE' : ''}`;
    reporter.add(code, 'info', { count, days: fallbackTerms!.days }, { file });
  }
  return invoices;
}

/**
 * Payments that the invoice row itself records: paid date with paid amount, or balance and last payment
 * date. They share the invoice row's `path` object, which saves one object per paid invoice.
 */
function paymentsFromRow(draft: InvoiceDraft, amount: number, path: SourceRef, reporter: Reporter, separateFile: boolean, rounding: RoundedAmounts): Payment[] {
  if (separateFile) return [];
  const paidDate = draft.paidDate as number | null;
  const lastPayment = draft.lastPaymentDate as number | null;
  const paidAmount = draft.paidAmount as number | null;
  const balance = draft.balance as number | null;

  let paid: number | null = null;
  if (paidAmount !== null) paid = rounding.round(paidAmount, draft.currency, draft.file, draft.line);
  else if (balance !== null) paid = roundImported(amount - rounding.round(balance, draft.currency, draft.file, draft.line), draft.currency);
  else if (paidDate !== null) paid = amount;

  if (paid === null || paid === 0) {
    if (paidDate !== null && paid !== null) {
      reporter.add('INGEST_PAID_DATE_ZERO_AMOUNT', 'info', { file: draft.file, line: draft.line, invoiceId: draft.invoiceId }, path);
    }
    return [];
  }
  const date = paidDate ?? lastPayment;
  // The stand-in date of an undated payment is set by dateUndatedPayments once the whole file is read.
  if (date === null) return [{ date: UNDATED, amount: paid, source: path, dateUnknown: true }];
  return [{ date, amount: paid, source: path }];
}

/** Date of an undated payment until dateUndatedPayments sets its stand-in day. */
const UNDATED = Number.NEGATIVE_INFINITY;

/**
 * Dates each payment that its invoice row shows as paid without a payment date on the latest invoice
 * or payment date of the same file. The file was exported on or after that day, so the amount was
 * paid by then, and balances from that day on match the export. Each file with such payments gets
 * one warning with the count, the total and the day used.
 *
 * An invoice settled by such a payment gets the stand-in day as its settledDate. Feature replay and
 * training labels check `dateUnknown` (hasUndatedPayment in src/features/history.ts), so they take no
 * lateness from that day.
 */
export function dateUndatedPayments(invoices: Invoice[], reporter: Reporter): void {
  const latest = new Map<string, number>();
  // Currency of the total: the one with the most decimals when a file mixes currencies.
  const undated = new Map<string, { count: number; total: number; line: number; currency: string }>();
  for (const invoice of invoices) {
    const file = invoice.source.file;
    let day = Math.max(latest.get(file) ?? invoice.issueDate, invoice.issueDate);
    for (const payment of invoice.payments) {
      if (payment.date !== UNDATED) {
        day = Math.max(day, payment.date);
        continue;
      }
      const entry = undated.get(file) ?? { count: 0, total: 0, line: invoice.source.line ?? 0, currency: invoice.currency };
      entry.count++;
      entry.total += payment.amount;
      if (minorUnitDigits(invoice.currency) > minorUnitDigits(entry.currency)) entry.currency = invoice.currency;
      undated.set(file, entry);
    }
    latest.set(file, day);
  }
  if (undated.size === 0) return;

  for (const invoice of invoices) {
    for (const payment of invoice.payments) if (payment.date === UNDATED) payment.date = latest.get(invoice.source.file)!;
  }
  for (const [file, entry] of undated) {
    const args = { count: entry.count, total: roundMoney(entry.total, entry.currency), date: formatDay(latest.get(file)!), line: entry.line };
    reporter.add('INGEST_PAYMENT_UNDATED_ASSUMED', 'warning', args, { file });
  }
}

/** Applies payments-file rows to invoices; rows that match no invoice are reported. */
export function applyPayments(invoices: Invoice[], payments: PaymentDraft[], reporter: Reporter, rounding: RoundedAmounts = new RoundedAmounts()): void {
  if (payments.length === 0) return;
  const byId = new Map<string, Invoice>();
  for (const invoice of invoices) byId.set(invoice.id, invoice);
  for (const row of payments) {
    const path = { file: row.file, line: row.line };
    const invoice = byId.get(row.invoiceId);
    if (!invoice) {
      reporter.add('INGEST_PAYMENT_UNMATCHED', 'warning', { file: row.file, line: row.line, invoiceId: row.invoiceId, amount: row.amount as number }, path);
      continue;
    }
    const amount = rounding.round(row.amount as number, invoice.currency, row.file, row.line);
    if (amount === 0) continue;
    const payment: Payment = { date: row.date as number, amount, source: path };
    if (row.paymentId) payment.id = row.paymentId;
    invoice.payments.push(payment);
  }
}

/** Sorts payments, warns about prepayments and sets the day the payments first reach the amount. */
export function settleInvoices(invoices: Invoice[], reporter: Reporter): void {
  for (const invoice of invoices) {
    invoice.payments.sort((a, b) => a.date - b.date);
    for (const payment of invoice.payments) {
      if (payment.date < invoice.issueDate) {
        const where = payment.source ?? invoice.source;
        reporter.add('INGEST_PAYMENT_BEFORE_ISSUE', 'warning', {
          file: where.file, line: where.line ?? 0, invoiceId: invoice.id,
          paymentDate: formatDay(payment.date), issueDate: formatDay(invoice.issueDate),
        }, where);
      }
    }
    invoice.settledDate = settledDay(invoice);
  }
}

/**
 * Returns the day the payments first reach the amount. A prepaid invoice counts as settled on its
 * invoice date, not before: the debt did not exist earlier, and the feature replay also moves
 * payments before the invoice date to that day.
 */
function settledDay(invoice: Invoice): number | null {
  if (invoice.amount === 0) return invoice.issueDate;
  // Amounts in a known currency are whole minor units, so only float noise in the sum is smaller than
  // half a unit. Without a currency, amounts keep their digits and half a cent is the tolerance.
  const tolerance = halfMinorUnit(invoice.currency);
  let paid = 0;
  for (const payment of invoice.payments) {
    paid += payment.amount;
    const reached = invoice.amount > 0 ? paid >= invoice.amount - tolerance : paid <= invoice.amount + tolerance;
    if (reached) return Math.max(payment.date, invoice.issueDate);
  }
  return null;
}

function sumCells(cells: unknown[]): number {
  let total = 0;
  for (const value of cells) total += value as number;
  return total;
}
