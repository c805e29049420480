// Per-column readers for numbers and dates. A column's decimal separator and day/month order are
// decided once from the evidence in its values. Values that cannot be read before the decision
// wait as Pending and are resolved when the file ends.

import { RiskpayError } from '../findings.js';
import type { DecimalSeparator, DateOrder } from './options.js';
import { readNumber, readNumberAs } from './numbers.js';
import { readDate, readDateAs, resolveAmbiguous, numericDateSeparator, type DateFormat } from './date-values.js';

/** A problem with one row: the row is skipped and reported (or the import stops in strict mode). */
export class RowIssue extends Error {
  constructor(
    readonly code: string,
    readonly args: Record<string, string | number>,
    readonly column?: string,
    /** 'info' for rows that are meant to be left out, such as void invoices. */
    readonly severity: 'info' | 'warning' = 'warning',
  ) {
    super(code);
  }
}

/** A cell whose value depends on a decision the column has not made yet. */
export class Pending {
  constructor(
    readonly raw: string,
    readonly line: number,
  ) {}
}

export type Cell = number | Pending | null;

interface Evidence {
  line: number;
  value: string;
}

const CACHE_LIMIT = 50_000;

export class NumberColumn {
  decimal: DecimalSeparator | null;
  private decidedBy: Evidence | null = null;
  /** True once the column held a number, so a column of skipped rows is not described as integer. */
  private sawNumber = false;

  constructor(
    readonly header: string,
    readonly file: string,
    private readonly fixed: DecimalSeparator | undefined,
  ) {
    this.decimal = fixed ?? null;
  }

  /** Reads a cell; returns null for an empty cell. Raises RowIssue for a value that is not a number. */
  read(raw: string, line: number): { value: Cell; currency: string } {
    if (this.fixed) {
      const reading = readNumberAs(raw, this.fixed);
      if (reading.kind === 'empty') return { value: null, currency: '' };
      if (reading.kind !== 'number') throw this.invalid(raw, reading.kind === 'invalid' ? reading.reason : 'not-a-number');
      return { value: reading.value, currency: reading.currency };
    }
    const reading = readNumber(raw);
    switch (reading.kind) {
      case 'empty':
        return { value: null, currency: '' };
      case 'invalid':
        throw this.invalid(raw, reading.reason);
      case 'number':
        this.sawNumber = true;
        if (reading.evidence !== null) this.noteEvidence(reading.evidence, raw, line);
        return { value: reading.value, currency: reading.currency };
      case 'ambiguous':
        this.sawNumber = true;
        if (this.decimal !== null) return { value: this.resolve(raw, line), currency: reading.currency };
        return { value: new Pending(raw, line), currency: reading.currency };
    }
  }

  private noteEvidence(decimal: DecimalSeparator, raw: string, line: number): void {
    if (this.decimal === null) {
      this.decimal = decimal;
      this.decidedBy = { line, value: raw };
      return;
    }
    if (this.decimal !== decimal) {
      throw new RiskpayError(
        'INGEST_DECIMAL_CONFLICT',
        { column: this.header, line, value: raw.trim(), otherLine: this.decidedBy!.line, otherValue: this.decidedBy!.value.trim() },
        { file: this.file, line, column: this.header },
      );
    }
  }

  /** Reads a pending value under the decided separator. */
  resolve(raw: string, line: number): number {
    if (this.decimal === null) {
      throw new RiskpayError('INGEST_DECIMAL_AMBIGUOUS', { column: this.header, line, value: raw.trim() }, { file: this.file, line, column: this.header });
    }
    const reading = readNumberAs(raw, this.decimal);
    if (reading.kind !== 'number') throw this.invalid(raw, reading.kind === 'invalid' ? reading.reason : 'not-a-number');
    return reading.value;
  }

  private invalid(raw: string, reason: string): RowIssue {
    return new RowIssue(reason === 'not-finite' ? 'INGEST_NUMBER_NOT_FINITE' : 'INGEST_NUMBER_INVALID', { value: raw.trim() }, this.header);
  }

  describe(): string {
    if (this.decimal === null) return this.sawNumber ? 'integer' : '';
    return `decimal ${this.decimal}${this.fixed ? ' (option)' : ''}`;
  }
}

/** Day/month order evidence shared by the date columns of one file. */
export class FileDateOrder {
  order: 'DMY' | 'MDY' | null = null;
  conflict = false;
  note(order: 'DMY' | 'MDY'): void {
    if (this.order === null) this.order = order;
    else if (this.order !== order) this.conflict = true;
  }
}

export class DateColumn {
  order: 'DMY' | 'MDY' | null = null;
  private decidedBy: Evidence | null = null;
  private readonly cache = new Map<string, { day: number; serial: boolean }>();
  /**
   * The cell last found in or added to the cache, with its entry. Rows sorted by date repeat one
   * invoice date many times in a row, and comparing two short strings costs less than a map lookup.
   */
  private lastRaw: string | null = null;
  private lastEntry: { day: number; serial: boolean } | null = null;
  firstSerialLine = 0;
  firstTextLine = 0;
  /** First value that the --date-format order could not read, with its line. */
  private firstMisread: Evidence | null = null;
  /** Day/month order the column's values show without --date-format, and whether detection reads them all. */
  private detected: { order: 'DMY' | 'MDY' | null; readsAll: boolean } = { order: null, readsAll: true };

  constructor(
    readonly header: string,
    readonly file: string,
    private readonly fixed: DateFormat | undefined,
    private readonly fileOrder: FileDateOrder,
  ) {}

  /** Reads a cell; returns null for an empty cell. Raises RowIssue for a value that is not a valid date. */
  read(raw: string, line: number): Cell {
    if (raw === this.lastRaw) {
      const entry = this.lastEntry!;
      this.noteKind(entry.serial, line);
      return entry.day;
    }
    const cached = this.cache.get(raw);
    if (cached !== undefined) {
      this.lastRaw = raw;
      this.lastEntry = cached;
      this.noteKind(cached.serial, line);
      return cached.day;
    }
    if (this.fixed?.separator) this.checkSeparator(raw, this.fixed, line);
    const reading = this.fixed ? readDateAs(raw, this.fixed.order) : readDate(raw);
    if (this.fixed) this.noteDetected(raw);
    switch (reading.kind) {
      case 'empty':
        return null;
      case 'invalid':
        if (this.fixed && this.firstMisread === null) this.firstMisread = { line, value: raw };
        throw this.invalid(raw, reading.reason);
      case 'day':
        this.noteKind(reading.serial, line);
        this.remember(raw, reading.day, reading.serial);
        return reading.day;
      case 'ordered':
        if (this.firstTextLine === 0) this.firstTextLine = line;
        this.noteOrder(reading.evidence, raw, line);
        this.remember(raw, reading.day);
        return reading.day;
      case 'ambiguous': {
        if (this.firstTextLine === 0) this.firstTextLine = line;
        if (this.order === null) return new Pending(raw, line);
        const day = this.resolveReading(reading, raw, this.order);
        this.remember(raw, day);
        return day;
      }
    }
  }

  /** Tracks whether detection without --date-format would read every value of the column, and in which order. */
  private noteDetected(raw: string): void {
    if (!this.detected.readsAll) return;
    const reading = readDate(raw);
    if (reading.kind === 'invalid') {
      this.detected.readsAll = false;
    } else if (reading.kind === 'ordered') {
      if (this.detected.order === null) this.detected.order = reading.evidence;
      else if (this.detected.order !== reading.evidence) this.detected.readsAll = false;
    }
  }

  /**
   * Raises INGEST_DATE_FORMAT_MISMATCH when --date-format could not read some values of the column
   * that detection reads, together with all the others, in the other day/month order. The rows the
   * option did read then have day and month swapped, so no score from them can be trusted.
   */
  checkFormatFits(): void {
    const fixed = this.fixed;
    const misread = this.firstMisread;
    const detected = this.detected;
    if (!fixed || !misread || !detected.readsAll || detected.order === null || detected.order === fixed.order) return;
    throw new RiskpayError(
      'INGEST_DATE_FORMAT_MISMATCH',
      { column: this.header, line: misread.line, value: misread.value.trim(), format: fixed.text, fits: swapDayMonth(fixed.text) },
      { file: this.file, line: misread.line, column: this.header },
    );
  }

  /** Raises an error when a numeric date does not use the separator of the --date-format pattern. */
  private checkSeparator(raw: string, format: DateFormat, line: number): void {
    const separator = numericDateSeparator(raw);
    if (separator === null || separator === format.separator) return;
    throw new RiskpayError(
      'INGEST_DATE_SEPARATOR_MISMATCH',
      { column: this.header, value: raw.trim(), separator: format.separator!, format: format.text, example: examplePattern(raw.trim(), format, separator) },
      { file: this.file, line, column: this.header },
    );
  }

  private noteKind(serial: boolean, line: number): void {
    if (serial) {
      if (this.firstSerialLine === 0) this.firstSerialLine = line;
    } else if (this.firstTextLine === 0) {
      this.firstTextLine = line;
    }
  }

  private remember(raw: string, day: number, serial = false): void {
    if (this.cache.size >= CACHE_LIMIT) return;
    const entry = { day, serial };
    this.cache.set(raw, entry);
    this.lastRaw = raw;
    this.lastEntry = entry;
  }

  private noteOrder(order: 'DMY' | 'MDY', raw: string, line: number): void {
    this.fileOrder.note(order);
    if (this.order === null) {
      this.order = order;
      this.decidedBy = { line, value: raw };
      return;
    }
    if (this.order !== order) {
      throw new RiskpayError(
        'INGEST_DATE_ORDER_CONFLICT',
        { column: this.header, line, value: raw.trim(), otherLine: this.decidedBy!.line, otherValue: this.decidedBy!.value.trim() },
        { file: this.file, line, column: this.header },
      );
    }
  }

  private resolveReading(reading: { first: number; second: number; year: number }, raw: string, order: DateOrder): number {
    const resolved = resolveAmbiguous(reading, order);
    if (resolved.kind !== 'day') throw this.invalid(raw, resolved.kind === 'invalid' ? resolved.reason : 'not-a-date');
    return resolved.day;
  }

  /** The order this column's pending values are read with at the end of the file. */
  finalOrder(): 'DMY' | 'MDY' | null {
    if (this.order !== null) return this.order;
    if (this.fileOrder.conflict) return null;
    return this.fileOrder.order;
  }

  /** Reads a pending value once the file has ended. */
  resolve(raw: string, line: number): number {
    const order = this.finalOrder();
    if (order === null) {
      throw new RiskpayError('INGEST_DATE_ORDER_AMBIGUOUS', { column: this.header, line, value: raw.trim() }, { file: this.file, line, column: this.header });
    }
    const reading = readDate(raw);
    if (reading.kind !== 'ambiguous') throw this.invalid(raw, 'not-a-date');
    return this.resolveReading(reading, raw, order);
  }

  private invalid(raw: string, reason: string): RowIssue {
    const code = reason === 'impossible' ? 'INGEST_DATE_IMPOSSIBLE' : reason === 'out-of-range' ? 'INGEST_DATE_OUT_OF_RANGE' : 'INGEST_DATE_INVALID';
    return new RowIssue(code, { value: raw.trim() }, this.header);
  }

  /** True when the column has both serial numbers and text dates. */
  mixesSerials(): boolean {
    return this.firstSerialLine !== 0 && this.firstTextLine !== 0;
  }

  describe(): string {
    if (this.fixed) return `${this.fixed.text} (option)`;
    const parts: string[] = [];
    const order = this.finalOrder();
    if (order) parts.push(order);
    else if (this.firstTextLine) parts.push('ISO or month name');
    if (this.firstSerialLine) parts.push('serial numbers');
    return parts.join(' + ');
  }
}

/** Swaps day and month in a --date-format value, so `MM/DD/YYYY` becomes `DD/MM/YYYY` and `MDY` becomes `DMY`. */
function swapDayMonth(format: string): string {
  const swapped: Record<string, string> = { D: 'M', d: 'm', M: 'D', m: 'd' };
  return format.replace(/[DdMm]/g, (letter) => swapped[letter]);
}

/**
 * Returns a --date-format pattern in the shape of `value`: year first for 2024-01-31, and otherwise
 * day and month in the order of the given format, each joined by the file's separator.
 */
function examplePattern(value: string, format: DateFormat, separator: string): string {
  if (/^\d{4}\D/.test(value)) return ['YYYY', 'MM', 'DD'].join(separator);
  const parts = format.order === 'MDY' ? ['MM', 'DD', 'YYYY'] : ['DD', 'MM', 'YYYY'];
  return parts.join(separator);
}
