// Import of invoice and payment exports into a Ledger. See options.ts for the options and
// ledger.ts for the result.

import { RiskpayError, type Finding } from '../findings.js';
import type { ImportResult, Invoice } from './ledger.js';
import { applyPreset } from './presets.js';
import { LEDGER_FIELDS, PAYMENT_FIELDS, type ImportOptions } from './options.js';
import { parseDateFormat, type DateFormat } from './date-values.js';
import { readCsvFile, newFileDetails, type FileDetails } from './read-file.js';
import { parseDelimiterOption } from './sniff.js';
import { checkEncodingName } from './encoding-names.js';
import { makeInvoiceReader } from './invoice-rows.js';
import { DraftStore } from './draft-store.js';
import { makePaymentReader, type PaymentDraft } from './payment-rows.js';
import { assembleInvoices, applyPayments, dateUndatedPayments, settleInvoices, defaultTerms } from './assemble.js';
import { RoundedAmounts } from './rounded-amounts.js';
import { resolveCustomers, findNearDuplicateNames, type NearDuplicate } from './customers.js';
import { loadRates, convertCurrencies } from './rates.js';
import { Reporter, countSkip, type CodeCount, type SkippedRow } from './reporter.js';
import { checkInvoicesKept, checkMostRowsKept, checkPaymentsKept, noteFilesLeftOut } from './empty-import.js';

export { LEDGER_FIELDS, PAYMENT_FIELDS, MAP_FIELDS, DATE_ORDERS, PRESET_NAMES } from './options.js';
export type { ImportOptions, LedgerField, PaymentField, DecimalSeparator, DateOrder } from './options.js';
export type { FileDetails } from './read-file.js';
export type { NearDuplicate } from './customers.js';
export type { CodeCount, SkippedRow } from './reporter.js';
export { parseTerms, dueDateFromTerms } from './terms.js';

/** Options checked before any file is opened, so a usage error never depends on file contents. */
function checkOptions(options: ImportOptions): DateFormat | undefined {
  if (options.decimal !== undefined && options.decimal !== ',' && options.decimal !== '.') {
    throw new RiskpayError('INGEST_DECIMAL_OPTION_INVALID', { value: String(options.decimal) });
  }
  for (const field of Object.keys(options.map ?? {})) {
    if (!(LEDGER_FIELDS as readonly string[]).includes(field) && !(PAYMENT_FIELDS as readonly string[]).includes(field)) {
      throw new RiskpayError('INGEST_MAP_FIELD_UNKNOWN', { field, fields: [...LEDGER_FIELDS, 'paymentDate', 'paymentId'].join(', ') });
    }
  }
  defaultTerms(options);
  if (options.encoding !== undefined && options.encoding !== '') checkEncodingName(options.encoding, options.encodingOption);
  if (options.delimiter !== undefined) parseDelimiterOption(options.delimiter);
  if (options.dateFormat === undefined || options.dateFormat === '') return undefined;
  const format = parseDateFormat(options.dateFormat);
  if (format === null) throw new RiskpayError('INGEST_DATE_FORMAT_OPTION_INVALID', { value: options.dateFormat });
  return format;
}

interface ImportState {
  files: FileDetails[];
  reporter: Reporter;
  invoices: Invoice[];
}

async function runImport(inputs: string[], options: ImportOptions, state: ImportState): Promise<void> {
  if (inputs.length === 0) throw new RiskpayError('INGEST_NO_INPUT', {});
  const { invoices: invoiceOptions, payments: paymentOptions } = applyPreset(options);
  const invoiceFormat = checkOptions(invoiceOptions);
  const paymentFormat = checkOptions(paymentOptions);
  const reporter = state.reporter;
  const store = new DraftStore();
  const details = new Map<string, FileDetails>();

  for (const input of inputs) {
    const fileDetails = newFileDetails(input, 'invoices');
    state.files.push(fileDetails);
    details.set(fileDetails.file, fileDetails);
    await readCsvFile(input, 'invoices', invoiceOptions, LEDGER_FIELDS, reporter, fileDetails, (headers, mapping, file, headerLine) =>
      makeInvoiceReader(headers, mapping, file, headerLine, {
        options: invoiceOptions,
        dateFormat: invoiceFormat,
        store,
        reporter,
        setLineItems: (value) => {
          fileDetails.lineItems = value;
        },
      }),
    );
  }

  // All invoice rows are read, so the lookup by invoice number (one entry per invoice) can go before
  // the invoices are built.
  store.forgetIds();

  const payments: PaymentDraft[] = [];
  for (const input of options.payments ?? []) {
    const fileDetails = newFileDetails(input, 'payments');
    state.files.push(fileDetails);
    await readCsvFile(input, 'payments', paymentOptions, PAYMENT_FIELDS, reporter, fileDetails, (headers, mapping, file, headerLine) =>
      makePaymentReader(headers, mapping, file, headerLine, paymentOptions, paymentFormat, payments),
    );
  }

  const rounding = new RoundedAmounts();
  const invoices = assembleInvoices(store.drain(), invoiceOptions, reporter, (draft, code) => {
    const fileDetails = details.get(draft.file);
    if (!fileDetails) return;
    fileDetails.rowsUsed -= draft.lines;
    fileDetails.rowsSkipped += draft.lines;
    countSkip(fileDetails.skipped, code, draft.line, draft.headers.dueDate, '');
    // A line-item invoice skips all of its rows at once.
    fileDetails.skipped[code].count += draft.lines - 1;
    const args = { file: draft.file, line: draft.line, invoiceId: draft.invoiceId };
    reporter.skipRow({ file: draft.file, line: draft.line, rows: draft.lines, header: draft.headers.dueDate ?? null, value: '', code, args });
  }, rounding);
  checkInvoicesKept(state.files, invoices.length);
  checkPaymentsKept(state.files);
  checkMostRowsKept(state.files);
  dateUndatedPayments(invoices, reporter);
  applyPayments(invoices, payments, reporter, rounding);
  rounding.report(reporter);
  settleInvoices(invoices, reporter);
  resolveCustomers(invoices, reporter);
  if (options.rates) convertCurrencies(invoices, await loadRates(options.rates), options.rates, reporter);
  state.invoices = invoices;
}

/**
 * Imports invoice files (and payments files from `options.payments`) into one ledger. Raises
 * RiskpayError for input that cannot be read safely; rows that cannot be used are skipped and reported
 * in `findings` (or raised, with `strict`).
 */
export async function importLedger(inputs: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const state: ImportState = { files: [], reporter: new Reporter(options.strict === true), invoices: [] };
  await runImport(inputs, options, state);
  state.reporter.flushSummaries();
  noteFilesLeftOut(state.files, state.reporter.findings);
  noteRowsSkipped(state.files, state.reporter.findings);
  const extraColumns = (options.extra ?? []).map((name) => name.trim());
  return { ledger: { invoices: state.invoices, extraColumns }, files: state.files, findings: state.reporter.findings };
}

/**
 * Adds one INGEST_ROWS_SKIPPED_TOTAL finding per file that skipped rows, so a command that shows only
 * findings, such as score, shows how many rows its result leaves out. Inspect shows the counts in its
 * table instead.
 */
function noteRowsSkipped(files: readonly FileDetails[], findings: Finding[]): void {
  for (const details of files) {
    if (details.rowsSkipped === 0) continue;
    const args = { file: details.file, skipped: details.rowsSkipped, rows: details.rowsRead, used: details.rowsUsed };
    const code = details.rowsRead === 1 ? 'INGEST_ROWS_SKIPPED_TOTAL_ONE' : 'INGEST_ROWS_SKIPPED_TOTAL';
    findings.push({ code, severity: 'info', args, path: { file: details.file } });
  }
}

export interface InspectResult {
  files: FileDetails[];
  /** Every skipped row of every file, in reading order. */
  skippedRows: SkippedRow[];
  /** Findings per file and code with their first line numbers. */
  groups: { file: string; code: string; severity: string; count: number; lines: number[] }[];
  findings: Finding[];
  invoices: number;
  customers: number;
  currencies: string[];
  nearDuplicates: NearDuplicate[];
  /**
   * The error that stopped the import, if one did. The files' details show how far it got, without
   * the file it stopped in when not even that file's header was read.
   */
  error?: Finding;
}

/**
 * Removes the file that the import stopped in when not even its header was read, such as a file that
 * cannot be opened or is empty. Its row would show only zeros, and the error already names it.
 * The import reads files in order, so the file it stopped in is the last one added.
 */
function dropUnreadFile(files: FileDetails[]): void {
  const last = files.at(-1);
  if (last !== undefined && last.headerLine === 0) files.pop();
}

/** Reads the inputs like importLedger and returns what was understood about each file, for `riskpay inspect`. */
export async function inspectFiles(inputs: string[], options: ImportOptions = {}): Promise<InspectResult> {
  const state: ImportState = { files: [], reporter: new Reporter(false, undefined, true), invoices: [] };
  let error: Finding | undefined;
  try {
    await runImport(inputs, { ...options, strict: false }, state);
  } catch (caught) {
    if (!(caught instanceof RiskpayError)) throw caught;
    error = caught.finding;
    dropUnreadFile(state.files);
  }
  state.reporter.flushSummaries();
  noteFilesLeftOut(state.files, state.reporter.findings);
  const severities = new Map<string, string>();
  for (const finding of state.reporter.findings) severities.set(finding.code, finding.severity);
  const groups: InspectResult['groups'] = [];
  for (const [file, byCode] of state.reporter.grouped) {
    for (const [code, entry] of byCode as Map<string, CodeCount>) {
      groups.push({ file, code, severity: severities.get(code) ?? 'info', count: entry.count, lines: entry.lines });
    }
  }
  const result: InspectResult = {
    files: state.files,
    skippedRows: state.reporter.skippedRows ?? [],
    groups,
    findings: state.reporter.findings,
    invoices: state.invoices.length,
    customers: new Set(state.invoices.map((invoice) => invoice.customerId)).size,
    currencies: [...new Set(state.invoices.map((invoice) => invoice.currency))].sort(),
    nearDuplicates: findNearDuplicateNames(state.invoices),
  };
  if (error) result.error = error;
  return result;
}
