// Turns the data rows of an invoice file into drafts: one per invoice, with typed cells. Rows of a
// line-item export that repeat an invoice's invoice-level fields become lines of one draft.

import { RiskpayError } from '../findings.js';
import { Pending, RowIssue, NumberColumn, DateColumn, FileDateOrder, type Cell } from './columns.js';
import { normalizeHeader, looksLikeLineItems, missingColumnsError, type ColumnMapping } from './headers.js';
import { LEDGER_FIELDS, type ImportOptions, type LedgerField } from './options.js';
import type { DateFormat } from './date-values.js';
import { parseTerms, type Terms } from './terms.js';
import type { RowReader } from './read-file.js';
import type { Reporter } from './reporter.js';
import type { CellField, DraftStore, NewDraft } from './draft-store.js';
import { shellQuote } from '../shell-quote.js';

export interface InvoiceDraft {
  file: string;
  line: number;
  invoiceId: string;
  customerId: string;
  customerName: string;
  issueDate: Cell;
  dueDate: Cell;
  paidDate: Cell;
  lastPaymentDate: Cell;
  amount: Cell;
  /** Line totals of a line-item export without an invoice total column. */
  lineTotals: Cell[] | null;
  paidAmount: Cell;
  balance: Cell;
  currency: string;
  termsText: string;
  /** Parsed terms; undefined when the terms cell could not be read. */
  terms: Terms | null | undefined;
  type: 'invoice' | 'credit' | null;
  status: string;
  disputed: boolean | undefined;
  extra: Record<string, number>;
  lines: number;
  /** Column headers of the file, for messages about a draft after the file is read. */
  headers: Partial<Record<LedgerField, string>>;
}


const SCIENTIFIC_ID = /^\d(\.\d+)?e\+\d+$/i;
const MULTIPLE_SPACES = /\s\s|[\t\n\r]/;
/** Shared by every invoice without extra columns; never written to. */
const NO_EXTRA: Record<string, number> = Object.freeze({}) as Record<string, number>;

/**
 * Statuses of documents that are not receivables: drafts never sent, and void, cancelled or deleted
 * invoices (English, Swedish and Spanish, after normalizeHeader).
 */
const NOT_RECEIVABLE_STATUSES = new Set(['draft', 'drafts', 'utkast', 'borrador', 'void', 'voided', 'cancelled',
  'canceled', 'deleted', 'makulerad', 'makulerat', 'annullerad', 'annullerat', 'raderad', 'anulada', 'anulado',
  'cancelada', 'cancelado', 'eliminada', 'eliminado']);
const TRUE_WORDS = new Set(['yes', 'y', 'ja', 'j', 'si', 's', 'true', 't', '1', 'x']);
const FALSE_WORDS = new Set(['no', 'n', 'nej', 'false', 'f', '0']);

/** Reads a Yes/No cell (English, Swedish, Spanish); returns undefined for other text. */
export function readBoolean(raw: string): boolean | undefined {
  const key = normalizeHeader(raw);
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return undefined;
}

/** Reads a Type cell: credit note, or invoice. */
function readDocumentType(raw: string): 'invoice' | 'credit' | null | undefined {
  const key = normalizeHeader(raw);
  if (key === '') return null;
  if (/credit|kredit|abono|rectific|refund|cn$|^cr$|return/.test(key)) return 'credit';
  if (/invoice|faktura|factura|debit|bill|^inv$|^dr$|^fac$/.test(key)) return 'invoice';
  return undefined;
}

/** An interned customer number, with the name cell last read beside it and that cell's interned name. */
interface InternedId {
  id: string;
  nameCell: string | null;
  name: string;
}

export interface InvoiceReaderOptions {
  options: ImportOptions;
  dateFormat: DateFormat | undefined;
  /** Drafts of all invoice files of one import, in the order they were first read. */
  store: DraftStore;
  reporter: Reporter;
  setLineItems: (value: boolean) => void;
}

export function makeInvoiceReader(
  headers: string[],
  mapping: ColumnMapping<LedgerField>,
  file: string,
  headerLine: number,
  context: InvoiceReaderOptions,
): RowReader {
  const { options, store, dateFormat } = context;
  const c = mapping.columns;
  const header = (field: LedgerField): string => (c[field] !== undefined ? headers[c[field]!] || `#${c[field]! + 1}` : field);

  const missing: string[] = [];
  if (c.invoiceId === undefined) missing.push('invoiceId');
  if (c.customerId === undefined && c.customerName === undefined) missing.push('customerName');
  if (c.issueDate === undefined) missing.push('issueDate');
  if (c.amount === undefined && c.lineTotal === undefined) missing.push('amount');
  const dueDateMissing = c.dueDate === undefined && c.terms === undefined && options.terms === undefined;
  if (missing.length > 0 || dueDateMissing) throw missingColumnsError(missing, dueDateMissing, file, headers, headerLine);

  // Without any payment column every invoice reads as unpaid. That is right for an open-items list,
  // but an export of all invoices would then look like a ledger of bad payers.
  const paymentsElsewhere = options.payments !== undefined && options.payments.length > 0;
  const paymentColumns = [c.paidDate, c.paidAmount, c.balance, c.lastPaymentDate].filter((index) => index !== undefined);
  if (!paymentsElsewhere && paymentColumns.length === 0) context.reporter.add('INGEST_NO_PAYMENT_COLUMNS', 'info', { file }, { file, line: headerLine });

  const lineItems = c.lineTotal !== undefined || looksLikeLineItems(headers);
  context.setLineItems(lineItems);
  const sumLines = c.amount === undefined;

  const fileOrder = new FileDateOrder();
  const numberColumn = (field: LedgerField) => (c[field] !== undefined ? new NumberColumn(header(field), file, options.decimal) : null);
  const dateColumn = (field: LedgerField) => (c[field] !== undefined ? new DateColumn(header(field), file, dateFormat, fileOrder) : null);
  const numbers = { amount: numberColumn('amount'), lineTotal: numberColumn('lineTotal'), paidAmount: numberColumn('paidAmount'), balance: numberColumn('balance') };
  const dates = { issueDate: dateColumn('issueDate'), dueDate: dateColumn('dueDate'), paidDate: dateColumn('paidDate'), lastPaymentDate: dateColumn('lastPaymentDate') };

  const extraColumns = (options.extra ?? []).map((name) => {
    const exact = headers.findIndex((h) => h === name.trim());
    const index = exact >= 0 ? exact : headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(name));
    if (index < 0) throw new RiskpayError('INGEST_EXTRA_NOT_FOUND', { file, column: name, headers: headers.join(', ') }, { file, line: headerLine });
    return { name: name.trim(), index, column: new NumberColumn(headers[index], file, options.decimal ?? '.') };
  });

  const headerNames: Partial<Record<LedgerField, string>> = {};
  for (const field of Object.keys(c) as LedgerField[]) headerNames[field] = header(field);
  // Files are read one after another, so this file's new drafts are the tail of the store.
  const firstDraft = store.length;
  // Currency code found in the amount cell of the row being read, such as EUR in `EUR 12.50`.
  let rowCurrency = '';
  const typeCache = new Map<string, 'invoice' | 'credit' | null | undefined>();

  // One string per distinct name: names repeat on every invoice of a customer, and a name kept as a
  // slice of the text it was read from would keep that whole chunk of the file in memory.
  const names = new Map<string, string>();
  const internName = (raw: string): string => {
    let name = names.get(raw);
    if (name === undefined) {
      // Buffer round trip: a fresh string that does not point into the file's text.
      const key = Buffer.from(raw, 'utf8').toString('utf8');
      name = key.trim();
      if (MULTIPLE_SPACES.test(name)) name = name.replace(/\s+/g, ' ');
      if (names.size < 1_000_000) names.set(key, name);
    }
    return name;
  };

  // A spreadsheet that opened the export may have turned long numbers into `4.68769E+17`. The lost
  // digits cannot be recovered, so such identifiers are kept as written and reported.
  const warnIfScientific = (value: string, field: LedgerField, line: number): void => {
    if (value.length > 4 && (value.includes('E+') || value.includes('e+')) && SCIENTIFIC_ID.test(value)) {
      context.reporter.add('INGEST_ID_SCIENTIFIC', 'warning', { file, line, column: header(field), value }, { file, line, column: header(field) });
    }
  };

  // Customer numbers are interned as well, so later lookups by customer reuse one string's hash. Each
  // number also keeps the name cell last read with it: a customer's rows nearly always repeat one name,
  // and comparing two strings costs less than hashing the name for a second map lookup.
  const ids = new Map<string, InternedId>();
  const internId = (raw: string): InternedId => {
    let id = ids.get(raw);
    if (id === undefined) {
      const key = Buffer.from(raw, 'utf8').toString('utf8');
      id = { id: key.trim(), nameCell: null, name: '' };
      if (ids.size < 1_000_000) ids.set(key, id);
    }
    return id;
  };
  const internNameOf = (id: InternedId, raw: string): string => {
    if (id.nameCell === raw) return id.name;
    const name = internName(raw);
    // The interned name's key is a copy, so the cell kept here never holds on to the file's text.
    id.nameCell = raw.length === 0 ? '' : Buffer.from(raw, 'utf8').toString('utf8');
    id.name = name;
    return name;
  };

  // Currency cells repeat on almost every row, so each distinct cell is read once and all its invoices
  // share one string. Only short cells are cached, so no key is a slice that keeps file text alive.
  const currencies = new Map<string, string>();
  const readCurrency = (raw: string): string => {
    let code = currencies.get(raw);
    if (code === undefined) {
      const text = raw.trim().toUpperCase();
      code = text.length === 3 && /^[A-Z]{3}$/.test(text) ? text : '';
      if (raw.length <= 8 && currencies.size < 1_000) currencies.set(raw, code);
    }
    return code;
  };

  // Column of each field, or -1 when the file has none. Each cell is read as `index.amount` rather than
  // `c[field]`, because a property name that changes from call to call makes a slow generic lookup.
  const index = {} as Record<LedgerField, number>;
  for (const field of LEDGER_FIELDS) index[field] = c[field] ?? -1;
  const cell = (fields: string[], column: number): string => (column < 0 ? '' : fields[column]);

  const readNumberCell = (column: NumberColumn | null, raw: string, line: number): Cell => {
    if (column === null) return null;
    const { value, currency } = column.read(raw, line);
    if (currency && rowCurrency === '') rowCurrency = currency;
    return value;
  };

  const read = (fields: string[], line: number): void => {
    const invoiceId = ownCopy(cell(fields, index.invoiceId).trim());
    if (invoiceId === '') throw new RowIssue('INGEST_VALUE_EMPTY', { value: '' }, header('invoiceId'));
    const interned = c.customerId !== undefined ? internId(fields[c.customerId]) : null;
    const customerId = interned !== null ? interned.id : '';
    warnIfScientific(invoiceId, 'invoiceId', line);
    warnIfScientific(customerId, 'customerId', line);
    const nameCell = cell(fields, index.customerName);
    const customerName = interned !== null ? internNameOf(interned, nameCell) : internName(nameCell);
    if (customerId === '' && customerName === '') {
      throw new RowIssue('INGEST_VALUE_EMPTY', { value: '' }, header(c.customerName !== undefined ? 'customerName' : 'customerId'));
    }
    if (customerName.includes('\uFFFD')) throw new RowIssue('INGEST_REPLACEMENT_CHARACTER', { value: customerName }, header('customerName'));

    const status = cell(fields, index.status).trim();
    if (status !== '' && NOT_RECEIVABLE_STATUSES.has(normalizeHeader(status))) {
      throw new RowIssue('INGEST_ROW_NOT_RECEIVABLE', { value: status, invoiceId }, header('status'));
    }

    const issueRaw = cell(fields, index.issueDate);
    const issueDate = dates.issueDate!.read(issueRaw, line);
    if (issueDate === null) throw new RowIssue('INGEST_VALUE_EMPTY', { value: '' }, header('issueDate'));
    const dueDate = dates.dueDate ? dates.dueDate.read(cell(fields, index.dueDate), line) : null;
    const paidDate = dates.paidDate ? dates.paidDate.read(cell(fields, index.paidDate), line) : null;
    const lastPaymentDate = dates.lastPaymentDate ? dates.lastPaymentDate.read(cell(fields, index.lastPaymentDate), line) : null;

    rowCurrency = '';
    const amount = readNumberCell(numbers.amount, cell(fields, index.amount), line);
    const lineTotal = readNumberCell(numbers.lineTotal, cell(fields, index.lineTotal), line);
    if (sumLines ? lineTotal === null : amount === null) {
      throw new RowIssue('INGEST_VALUE_EMPTY', { value: '' }, header(sumLines ? 'lineTotal' : 'amount'));
    }
    const amountCurrency = rowCurrency;
    const paidAmount = readNumberCell(numbers.paidAmount, cell(fields, index.paidAmount), line);
    const balance = readNumberCell(numbers.balance, cell(fields, index.balance), line);

    const termsText = cell(fields, index.terms).trim();
    let terms: Terms | null | undefined = null;
    if (termsText !== '') terms = parseTerms(termsText) ?? undefined;

    const typeText = cell(fields, index.type);
    let type = typeCache.get(typeText);
    if (type === undefined && !typeCache.has(typeText)) {
      type = readDocumentType(typeText);
      typeCache.set(typeText, type);
    }
    if (type === undefined) throw new RowIssue('INGEST_TYPE_UNKNOWN', { value: typeText.trim() }, header('type'));

    const disputedText = cell(fields, index.disputed);
    let disputed: boolean | undefined;
    if (c.disputed !== undefined && disputedText.trim() !== '') {
      disputed = readBoolean(disputedText);
      if (disputed === undefined) context.reporter.add('INGEST_BOOLEAN_INVALID', 'warning', { file, line, column: header('disputed'), value: disputedText.trim() }, { file, line, column: header('disputed') });
    }

    let extra = NO_EXTRA;
    if (extraColumns.length > 0) {
      extra = {};
      for (const column of extraColumns) extra[column.name] = readExtra(column.column, fields[column.index], line);
    }

    const currencyCode = c.currency !== undefined ? readCurrency(fields[c.currency]) : '';
    const currency = currencyCode !== '' ? currencyCode : amountCurrency;

    const draft: NewDraft = {
      file, line, invoiceId, customerId, customerName, issueDate, dueDate, paidDate, lastPaymentDate,
      amount: sumLines ? null : amount,
      lineTotals: sumLines ? [lineTotal] : null,
      paidAmount, balance, currency, termsText, terms, type, status, disputed, extra, headers: headerNames,
    };

    const existingRow = store.find(invoiceId);
    if (existingRow !== undefined) {
      const existing = store.get(existingRow);
      const differs = firstDifference(existing, draft);
      if (differs !== null) {
        // A line-item export whose line amount was read as the invoice amount repeats each invoice
        // number with a different amount. Reading that column as line totals is then the fix.
        if (differs === 'amount' && c.lineTotal === undefined && existing.file === file) {
          const amountHeader = header('amount');
          throw new RiskpayError(
            'INGEST_INVOICE_CONFLICT_LINE_ITEMS',
            { invoiceId, line, otherFile: existing.file, otherLine: existing.line, column: amountHeader, example: `--map lineTotal=${shellQuote(amountHeader)}` },
            { file, line, column: amountHeader },
          );
        }
        throw new RiskpayError(
          'INGEST_INVOICE_CONFLICT',
          { invoiceId, line, otherFile: existing.file, otherLine: existing.line, column: draft.headers[differs] ?? differs },
          { file, line, column: draft.headers[differs] ?? differs },
        );
      }
      if (!lineItems || existing.file !== file) {
        throw new RowIssue('INGEST_DUPLICATE_ROW', { invoiceId, otherLine: existing.line, otherFile: existing.file }, header('invoiceId'));
      }
      store.addLine(existingRow, draft.lineTotals);
      return;
    }
    store.add(draft);
  };

  // Numbers stay numbers, yes/no words become 1/0, and any other text becomes a category code, so a
  // column such as PaperlessBill (Paper/Electronic) can be opted in as a feature.
  const readExtra = (column: NumberColumn, raw: string, line: number): number => {
    const flag = readBoolean(raw);
    if (flag !== undefined) return flag ? 1 : 0;
    if (raw.trim() === '') throw new RowIssue('INGEST_VALUE_EMPTY', { value: '' }, column.header);
    try {
      const { value } = column.read(raw, line);
      if (typeof value === 'number') return value;
    } catch (error) {
      if (!(error instanceof RowIssue) || error.code === 'INGEST_NUMBER_NOT_FINITE') throw error;
    }
    return categoryCode(raw);
  };

  const finish = (): void => {
    for (const column of Object.values(dates)) column?.checkFormatFits();

    // Pending cells are resolved now that every value of the file has been seen.
    store.resolvePending(
      firstDraft,
      (field, cell) => (isDateField(field) ? resolveDate(dates[field], cell) : resolveNumber(numbers[field], cell)),
      (value) => resolveNumber(numbers.lineTotal, value),
    );
    for (const column of Object.values(dates)) {
      if (column?.mixesSerials()) {
        context.reporter.add('INGEST_DATE_SERIAL_MIXED', 'warning', { file, column: column.header, serialLine: column.firstSerialLine, textLine: column.firstTextLine }, { file, line: column.firstSerialLine, column: column.header });
      }
    }
  };

  const describe = (field: string): string | undefined => {
    if (field in numbers) return numbers[field as keyof typeof numbers]?.describe();
    if (field in dates) return dates[field as keyof typeof dates]?.describe();
    return undefined;
  };

  return { read, finish, describe };
}

/**
 * Copies a cell of 13 or more characters into a fresh string. V8 (Node 20) makes such substrings as
 * slices that point into the parent text, so one kept invoice number would keep its whole chunk of
 * the file alive. Shorter substrings are copies already.
 */
function ownCopy(value: string): string {
  return value.length < 13 ? value : Buffer.from(value, 'utf8').toString('utf8');
}

const DATE_FIELDS = new Set<CellField>(['issueDate', 'dueDate', 'paidDate', 'lastPaymentDate']);

function isDateField(field: CellField): field is 'issueDate' | 'dueDate' | 'paidDate' | 'lastPaymentDate' {
  return DATE_FIELDS.has(field);
}

function resolveDate(column: DateColumn | null, value: Cell): Cell {
  return value instanceof Pending ? column!.resolve(value.raw, value.line) : value;
}

function resolveNumber(column: NumberColumn | null, value: Cell): Cell {
  return value instanceof Pending ? column!.resolve(value.raw, value.line) : value;
}

const COMPARED: LedgerField[] = ['customerId', 'customerName', 'issueDate', 'dueDate', 'amount', 'currency', 'paidDate',
  'paidAmount', 'balance', 'terms', 'type', 'status', 'disputed', 'lastPaymentDate'];

/** Returns the first invoice-level field where two rows of one invoice differ, or null. */
function firstDifference(a: InvoiceDraft, b: NewDraft): LedgerField | null {
  for (const field of COMPARED) {
    const left = field === 'terms' ? a.termsText : (a as unknown as Record<string, unknown>)[field];
    const right = field === 'terms' ? b.termsText : (b as unknown as Record<string, unknown>)[field];
    if (!sameValue(left, right)) return field;
  }
  for (const key of Object.keys(a.extra)) if (a.extra[key] !== b.extra[key]) return key as LedgerField;
  return null;
}

function sameValue(left: unknown, right: unknown): boolean {
  if (left instanceof Pending && right instanceof Pending) return left.raw.trim() === right.raw.trim();
  // NOTE: a pending cell and a number read after the column was decided cannot be compared here.
  // They are taken as equal rather than raising a conflict that may not exist.
  if (left instanceof Pending || right instanceof Pending) return true;
  if (typeof left === 'string' && typeof right === 'string') return left.toLowerCase() === right.toLowerCase();
  return left === right;
}

/**
 * Encodes a text category as a number in [2, 3): a 32-bit FNV-1a hash of the trimmed, case-folded text.
 * The same text gets the same code in every file, so a model trained on one export can score another.
 * The order of the codes means nothing; a tree separates categories by splitting between codes.
 */
export function categoryCode(raw: string): number {
  const text = raw.trim().toLowerCase();
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return 2 + hash / 2 ** 32;
}
