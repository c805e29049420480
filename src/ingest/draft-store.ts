// The invoice drafts of one import, kept column by column until the invoices are built. A million
// draft objects of two dozen fields each would outlive the read and fill the old heap generation.
// Typed columns keep the same values in a fraction of the memory, and the garbage collector never
// walks them. A draft object is made only while one draft is compared or assembled.

import { Pending, type Cell } from './columns.js';
import type { InvoiceDraft } from './invoice-rows.js';
import type { LedgerField } from './options.js';
import type { Terms } from './terms.js';

/** The draft fields that hold a cell: a number, null, or a value waiting for its column's format. */
export const CELL_FIELDS = ['issueDate', 'dueDate', 'paidDate', 'lastPaymentDate', 'amount', 'paidAmount', 'balance'] as const;
export type CellField = (typeof CELL_FIELDS)[number];

/** Kinds of value in a cell column. */
const NUMBER = 0;
const EMPTY = 1;
const PENDING = 2;

/** Document type and disputed flag by their codes in `typeCode` and `disputedCode`. */
const TYPE_CODES = [null, 'invoice', 'credit'] as const;
const DISPUTED_CODES = [undefined, false, true] as const;

/** Returns the index of a document type in TYPE_CODES. */
function typeCode(type: InvoiceDraft['type']): number {
  if (type === null) return 0;
  if (type === 'invoice') return 1;
  return 2;
}

/** Returns the index of a disputed flag in DISPUTED_CODES. */
function disputedCode(disputed: boolean | undefined): number {
  if (disputed === undefined) return 0;
  if (disputed) return 2;
  return 1;
}

const FIRST_CAPACITY = 1024;

/**
 * Frees a typed array's memory at the next minor collection instead of the next full one. Its buffer
 * moves to a new ArrayBuffer that nothing keeps, and the array is left empty. The draft columns of a
 * million rows take about 80 MB, and dropped, they stayed in memory until a full collection came,
 * which at times was only the one the scoring's soft memory limit forces.
 */
function release(array: Float64Array | Uint32Array | Uint8Array): void {
  // The columns are never shared, so each buffer is an ArrayBuffer that can move.
  const buffer = array.buffer as ArrayBuffer;
  if (buffer.byteLength > 0) structuredClone(buffer, { transfer: [buffer] });
}

class CellColumn {
  values: Float64Array;
  kinds: Uint8Array;
  /** Cells whose column format was not decided when they were read, by row. */
  readonly pending = new Map<number, Pending>();

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
    this.kinds = new Uint8Array(capacity);
  }

  grow(capacity: number): void {
    const values = new Float64Array(capacity);
    values.set(this.values.subarray(0, capacity));
    release(this.values);
    this.values = values;
    const kinds = new Uint8Array(capacity);
    kinds.set(this.kinds.subarray(0, capacity));
    release(this.kinds);
    this.kinds = kinds;
  }

  set(row: number, cell: Cell): void {
    if (cell === null) {
      this.kinds[row] = EMPTY;
    } else if (cell instanceof Pending) {
      this.kinds[row] = PENDING;
      this.pending.set(row, cell);
    } else {
      this.kinds[row] = NUMBER;
      this.values[row] = cell;
    }
  }

  get(row: number): Cell {
    const kind = this.kinds[row];
    if (kind === NUMBER) {
      // A whole number goes back as a small integer: V8 stores a double read from a Float64Array in
      // an object as a separate 16-byte heap number, and every invoice keeps its dates.
      const value = this.values[row];
      return (value | 0) === value ? value | 0 : value;
    }
    if (kind === EMPTY) return null;
    return this.pending.get(row)!;
  }
}

/**
 * A column of values appended row by row that keeps a single value while every row has that same
 * value (===), and an array only once two differ. Most exports have no status or terms column and no
 * extra columns, so those columns stay empty strings or one shared object. Each array of a million rows
 * would take 8 MB of V8's large-object space, plus the copies it leaves as it grows, which only a full
 * collection frees.
 */
class UniformColumn<T> {
  private values: T[] | null = null;
  private first: T | undefined;
  private count = 0;

  push(value: T): void {
    if (this.values !== null) {
      this.values.push(value);
    } else if (this.count === 0 || value === this.first) {
      this.first = value;
    } else {
      this.values = new Array<T>(this.count).fill(this.first as T);
      this.values.push(value);
    }
    this.count += 1;
  }

  get(row: number): T {
    return this.values !== null ? this.values[row] : (this.first as T);
  }

  clear(): void {
    this.values = null;
    this.first = undefined;
    this.count = 0;
  }
}

/** Maximum number of distinct values that a CodedColumn keeps as one-byte codes. */
const MAX_CODES = 256;

/**
 * A column of values appended row by row with few distinct values, such as currency codes. Each row
 * takes a one-byte code into a table of the values. A column with more than MAX_CODES distinct values
 * keeps an array of values from then on, as a plain column does.
 */
class CodedColumn<T> {
  private codes = new Uint8Array(FIRST_CAPACITY);
  private readonly table: T[] = [];
  private readonly codeOf = new Map<T, number>();
  private values: T[] | null = null;
  private count = 0;

  push(value: T): void {
    if (this.values !== null) {
      this.values.push(value);
      this.count += 1;
      return;
    }
    let code = this.codeOf.get(value);
    if (code === undefined) {
      if (this.table.length === MAX_CODES) {
        this.values = Array.from({ length: this.count }, (_, row) => this.get(row));
        release(this.codes);
        this.push(value);
        return;
      }
      code = this.table.length;
      this.table.push(value);
      this.codeOf.set(value, code);
    }
    if (this.count === this.codes.length) {
      const codes = new Uint8Array(this.codes.length * 2);
      codes.set(this.codes);
      release(this.codes);
      this.codes = codes;
    }
    this.codes[this.count] = code;
    this.count += 1;
  }

  get(row: number): T {
    return this.values !== null ? this.values[row] : this.table[this.codes[row]];
  }
}

/** A draft as the invoice reader hands it over; `lines` starts at 1. */
export type NewDraft = Omit<InvoiceDraft, 'lines'>;

export class DraftStore {
  private capacity = FIRST_CAPACITY;
  private count = 0;

  private readonly files: string[] = [];
  private readonly fileHeaders: Partial<Record<LedgerField, string>>[] = [];
  private fileIndex = new Uint32Array(FIRST_CAPACITY);
  private lineNumber = new Uint32Array(FIRST_CAPACITY);
  private lineCount = new Uint32Array(FIRST_CAPACITY);
  private typeCode = new Uint8Array(FIRST_CAPACITY);
  private disputedCode = new Uint8Array(FIRST_CAPACITY);

  private readonly invoiceId: string[] = [];
  private readonly customerId: string[] = [];
  private readonly customerName: string[] = [];
  private currency = new CodedColumn<string>();
  private readonly termsText = new UniformColumn<string>();
  private readonly status = new UniformColumn<string>();
  private readonly extra = new UniformColumn<Record<string, number>>();
  /** Parsed terms by row, only for rows with a terms cell: null for none, undefined for unreadable. */
  private readonly terms = new Map<number, Terms | null | undefined>();
  /** Line totals by row, only for line-item exports without an invoice total column. */
  private readonly lineTotals = new Map<number, Cell[]>();

  private readonly cells: Record<CellField, CellColumn>;
  /**
   * Row of each invoice number, to find repeated invoices while the files are read. Null while every
   * invoice number so far came in ascending order: no number can have repeated then, and many exports
   * are sorted by number, so a million-entry map is built only when the order first breaks.
   */
  private byId: Map<string, number> | null = null;
  private lastId = '';

  constructor() {
    this.cells = Object.fromEntries(CELL_FIELDS.map((field) => [field, new CellColumn(FIRST_CAPACITY)])) as Record<CellField, CellColumn>;
  }

  get length(): number {
    return this.count;
  }

  /** Row of the draft with this invoice number, or undefined. */
  find(invoiceId: string): number | undefined {
    if (this.byId === null) {
      if (this.count === 0 || invoiceId > this.lastId) return undefined;
      this.byId = new Map();
      for (let row = 0; row < this.count; row++) this.byId.set(this.invoiceId[row], row);
    }
    return this.byId.get(invoiceId);
  }

  /** Forgets the invoice numbers once every invoice file is read; the drafts stay. */
  forgetIds(): void {
    this.byId = null;
    this.lastId = '';
  }

  add(draft: NewDraft): number {
    if (this.count === this.capacity) this.grow(this.capacity * 2);
    const row = this.count++;

    let file = this.files.length - 1;
    if (file < 0 || this.files[file] !== draft.file || this.fileHeaders[file] !== draft.headers) {
      this.files.push(draft.file);
      this.fileHeaders.push(draft.headers);
      file = this.files.length - 1;
    }
    this.fileIndex[row] = file;
    this.lineNumber[row] = draft.line;
    this.lineCount[row] = 1;
    this.typeCode[row] = typeCode(draft.type);
    this.disputedCode[row] = disputedCode(draft.disputed);

    this.invoiceId.push(draft.invoiceId);
    this.customerId.push(draft.customerId);
    this.customerName.push(draft.customerName);
    this.currency.push(draft.currency);
    this.termsText.push(draft.termsText);
    this.status.push(draft.status);
    this.extra.push(draft.extra);
    if (draft.terms !== null) this.terms.set(row, draft.terms);
    if (draft.lineTotals !== null) this.lineTotals.set(row, draft.lineTotals);
    // Field by field rather than a loop over CELL_FIELDS: a property name that changes on every
    // access makes each read a slow generic lookup, and this runs once per invoice row.
    const cells = this.cells;
    cells.issueDate.set(row, draft.issueDate);
    cells.dueDate.set(row, draft.dueDate);
    cells.paidDate.set(row, draft.paidDate);
    cells.lastPaymentDate.set(row, draft.lastPaymentDate);
    cells.amount.set(row, draft.amount);
    cells.paidAmount.set(row, draft.paidAmount);
    cells.balance.set(row, draft.balance);

    if (this.byId !== null) this.byId.set(draft.invoiceId, row);
    this.lastId = draft.invoiceId;
    return row;
  }

  /** Returns a draft object of one row; changing it changes nothing in the store. */
  get(row: number): InvoiceDraft {
    const file = this.fileIndex[row];
    return {
      file: this.files[file],
      line: this.lineNumber[row],
      invoiceId: this.invoiceId[row],
      customerId: this.customerId[row],
      customerName: this.customerName[row],
      issueDate: this.cells.issueDate.get(row),
      dueDate: this.cells.dueDate.get(row),
      paidDate: this.cells.paidDate.get(row),
      lastPaymentDate: this.cells.lastPaymentDate.get(row),
      amount: this.cells.amount.get(row),
      lineTotals: this.lineTotals.get(row) ?? null,
      paidAmount: this.cells.paidAmount.get(row),
      balance: this.cells.balance.get(row),
      currency: this.currency.get(row),
      termsText: this.termsText.get(row),
      terms: this.terms.has(row) ? this.terms.get(row) : null,
      type: TYPE_CODES[this.typeCode[row]],
      status: this.status.get(row),
      disputed: DISPUTED_CODES[this.disputedCode[row]],
      extra: this.extra.get(row),
      lines: this.lineCount[row],
      headers: this.fileHeaders[file],
    };
  }

  /** Counts one more line-item row of a draft, with its line total when the export has them. */
  addLine(row: number, lineTotals: Cell[] | null): void {
    this.lineCount[row] += 1;
    const totals = this.lineTotals.get(row);
    if (totals && lineTotals) totals.push(...lineTotals);
  }

  /**
   * Replaces each waiting cell of the rows from `from` on by its value, now that its column's format
   * is known. It goes row by row, in CELL_FIELDS order and then the line totals. So the first cell that
   * cannot be read is the one a reader of the file meets first.
   */
  resolvePending(from: number, resolveCell: (field: CellField, cell: Pending) => Cell, resolveTotal: (cell: Cell) => Cell): void {
    const rows = new Set<number>();
    for (const field of CELL_FIELDS) for (const row of this.cells[field].pending.keys()) if (row >= from) rows.add(row);
    for (const row of this.lineTotals.keys()) if (row >= from) rows.add(row);

    for (const row of [...rows].sort((a, b) => a - b)) {
      for (const field of CELL_FIELDS) {
        const column = this.cells[field];
        const cell = column.pending.get(row);
        if (cell === undefined) continue;
        column.pending.delete(row);
        column.set(row, resolveCell(field, cell));
      }
      const totals = this.lineTotals.get(row);
      if (totals) this.lineTotals.set(row, totals.map(resolveTotal));
    }
  }

  /**
   * Yields every draft in the order it was first read. The columns are dropped at the end, so the
   * caller holds only the invoices it built.
   */
  *drain(): Generator<InvoiceDraft> {
    for (let row = 0; row < this.count; row++) yield this.get(row);
    this.count = 0;
    this.capacity = 0;
    this.grow(0);
    for (const list of [this.invoiceId, this.customerId, this.customerName]) list.length = 0;
    this.currency = new CodedColumn();
    for (const column of [this.termsText, this.status, this.extra]) column.clear();
    this.terms.clear();
    this.lineTotals.clear();
    this.forgetIds();
  }

  private grow(capacity: number): void {
    const copy = <T extends Float64Array | Uint32Array | Uint8Array>(from: T, make: (n: number) => T): T => {
      const to = make(capacity);
      to.set(from.subarray(0, Math.min(from.length, capacity)));
      release(from);
      return to;
    };
    this.fileIndex = copy(this.fileIndex, (n) => new Uint32Array(n));
    this.lineNumber = copy(this.lineNumber, (n) => new Uint32Array(n));
    this.lineCount = copy(this.lineCount, (n) => new Uint32Array(n));
    this.typeCode = copy(this.typeCode, (n) => new Uint8Array(n));
    this.disputedCode = copy(this.disputedCode, (n) => new Uint8Array(n));
    for (const field of CELL_FIELDS) {
      if (capacity > 0) {
        this.cells[field].grow(capacity);
        continue;
      }
      this.cells[field].grow(0);
      this.cells[field] = new CellColumn(0);
    }
    this.capacity = capacity;
  }
}
