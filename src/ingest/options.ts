// Options of an import, as the CLI passes them from its flags. Every option is optional: import
// detects encoding, delimiter, header line, number and date formats from the file itself.

import type { Readable } from 'node:stream';

/** Fields of an invoice file that a column can be mapped to with `--map field=Header`. */
export const LEDGER_FIELDS = [
  'invoiceId',
  'customerId',
  'customerName',
  'issueDate',
  'dueDate',
  'amount',
  'currency',
  'paidDate',
  'paidAmount',
  'balance',
  'terms',
  'type',
  'status',
  'disputed',
  'lastPaymentDate',
  // The amount of one line of a line-item export; summed per invoice when there is no invoice total.
  'lineTotal',
] as const;

/** Fields of a separate payments file. */
export const PAYMENT_FIELDS = ['invoiceId', 'paymentDate', 'amount', 'paymentId', 'customerName'] as const;

export type LedgerField = (typeof LEDGER_FIELDS)[number];
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

/** Every field name `--map` accepts, for invoice and payments files together. */
export const MAP_FIELDS: readonly string[] = [...new Set<string>([...LEDGER_FIELDS, ...PAYMENT_FIELDS])];

/** Date orders `dateFormat` accepts besides a pattern such as `DD/MM/YYYY`. */
export const DATE_ORDERS = ['DMY', 'MDY', 'YMD'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export type DecimalSeparator = ',' | '.';

/** Names of the built-in presets (see presets.ts). */
export const PRESET_NAMES = ['ibm', 'invoiceninja', 'zoho', 'freshbooks', 'fortnox', 'visma'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface ImportOptions {
  /** Field name to header text, or to `#N` for the N-th column (1-based) when header names repeat. */
  map?: Record<string, string>;
  /** An encoding name iconv-lite knows (utf-8, utf-16le, windows-1252, latin1, ...). */
  encoding?: string;
  /** Source of `encoding` that an error about an unknown name shows, such as `RISKPAY_ENCODING` (default `--encoding`). */
  encodingOption?: string;
  /** One character; `\t` and `tab` mean a tab. */
  delimiter?: string;
  decimal?: DecimalSeparator;
  /** 'DMY', 'MDY', 'YMD' or a pattern such as 'DD/MM/YYYY' or 'M/D/YY'. */
  dateFormat?: string;
  /** Separate payments files. */
  payments?: string[];
  /** Default payment terms when a row has no due date and no terms: days (`30`) or text (`Net 30`). */
  terms?: string | number;
  /** Headers of opt-in extra columns to keep as numeric features. */
  extra?: string[];
  /** Turns every warning into an error. */
  strict?: boolean;
  /** A CSV file with columns `currency,rate`: the value of one unit in the base currency (rate 1). */
  rates?: string;
  preset?: string;
  /** Largest accepted field, in characters (UTF-16 code units). Default 1 MiB. */
  maxFieldBytes?: number;
  /** Largest accepted number of columns. Default 10,000. */
  maxColumns?: number;
  /** Longest accepted line (or multi-line record), in characters. Default 16 MiB. */
  maxLineBytes?: number;
  /** Standard input to read for the input '-'; defaults to process.stdin. */
  stdin?: Readable;
}

export const DEFAULT_MAX_FIELD_BYTES = 1 << 20;
export const DEFAULT_MAX_COLUMNS = 10_000;
export const DEFAULT_MAX_LINE_BYTES = 16 << 20;
