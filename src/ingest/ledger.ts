// The normalized ledger that every import produces and every later step reads.
// Dates are UTC day numbers (see src/dates.ts); amounts are in the invoice's own currency.

import type { Finding, SourceRef } from '../findings.js';

export type DocumentKind = 'invoice' | 'credit';

/** One payment applied to an invoice, dated. A refund is a negative amount. */
export interface Payment {
  date: number;
  amount: number;
  id?: string;
  source?: SourceRef;
  /**
   * True when the export showed the amount as paid but gave no payment date. `date` is then a stand-in:
   * the latest invoice or payment date of the file, the earliest day the file can have been exported.
   * The real payment day is unknown, so it tells nothing about paying on time or late.
   */
  dateUnknown?: boolean;
}

export interface Invoice {
  id: string;
  /** Stable customer key: the customer number when the file has one, else the trimmed, case-folded name. */
  customerId: string;
  customerName: string;
  issueDate: number;
  dueDate: number;
  /** Gross amount; positive for invoices, negative for credit notes. */
  amount: number;
  /** ISO 4217 code, or '' when the file does not say. */
  currency: string;
  kind: DocumentKind;
  /**
   * Payments with their dates, oldest first. A file with only a paid date and no paid amount yields one
   * payment of the full amount on that date. Balance as of a day = amount minus payments dated on or before it.
   */
  payments: Payment[];
  /** The day the payments first reached the amount, or null while open. */
  settledDate: number | null;
  /** Payment terms in days when known (from a terms column, or due minus issue date). */
  termsDays: number | null;
  disputed?: boolean;
  /** Opt-in extra columns (`--extra`) as finite numbers: yes/no become 1/0, other text a category code in [2, 3). */
  extra: Record<string, number>;
  source: SourceRef;
}

export interface Ledger {
  invoices: Invoice[];
  /** Names of the opt-in extra columns present on every invoice, in a fixed order. */
  extraColumns: string[];
}

/** What import understood about one column. */
export interface ColumnReport {
  header: string;
  /** 1-based position in the header line, the number `--map FIELD=#N` takes. */
  column: number;
  field: string | null;
  /** For numbers: decimal and grouping separators; for dates: the order or format; otherwise empty. */
  format?: string;
}

/** What import understood about one file. */
export interface FileReport {
  file: string;
  encoding: string;
  delimiter: string;
  headerLine: number;
  columns: ColumnReport[];
  rowsRead: number;
  rowsUsed: number;
  rowsSkipped: number;
}

export interface ImportResult {
  ledger: Ledger;
  files: FileReport[];
  findings: Finding[];
}
