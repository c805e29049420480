// A streaming CSV splitter that tracks physical line numbers. Lines without quotes take a fast path
// (String.split); a record with quotes is parsed character by character, so a quoted field may hold
// delimiters and line breaks. Limits on field size, line length and column count stop hostile input
// before it fills memory.

import { RiskpayError } from '../findings.js';

export interface SplitterLimits {
  maxFieldBytes: number;
  maxLineBytes: number;
  maxColumns: number;
}

/**
 * Called for every record with its fields and the physical line it starts on (1-based).
 * `terminated` is false only for a last record that the input ends without a line break.
 */
export type RecordSink = (fields: string[], line: number, terminated: boolean) => void;

const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;

export class CsvSplitter {
  private rest = '';
  /** Physical line number of the first character of `rest`. */
  private line = 1;

  constructor(
    private readonly delimiter: string,
    private readonly limits: SplitterLimits,
    private readonly file: string,
  ) {}

  /** Splits the text that has arrived; keeps an incomplete last record for the next call. */
  push(chunk: string, final: boolean, sink: RecordSink): void {
    const text = this.rest === '' ? chunk : this.rest + chunk;
    const length = text.length;
    const delimiter = this.delimiter;
    let pos = 0;
    let quoteAt = text.indexOf('"');
    // Position of the next delimiter, kept from line to line. A line without a delimiter then does not
    // search the rest of the text again, which would take quadratic time in a one-column file.
    let delimiterAt = -1;

    while (pos < length) {
      let newline = text.indexOf('\n', pos);
      const terminated = newline !== -1;
      if (newline === -1) {
        if (!final) break;
        newline = length;
      }
      if (quoteAt !== -1 && quoteAt < pos) quoteAt = text.indexOf('"', pos);

      if (quoteAt === -1 || quoteAt > newline) {
        let end = newline;
        if (end > pos && text.charCodeAt(end - 1) === RETURN) end--;
        if (end - pos > this.limits.maxLineBytes) this.lineTooLong(this.line);
        let fields: string[];
        if (end === pos) {
          fields = [''];
        } else {
          // The same fields as text.slice(pos, end).split(delimiter), without the line's own string.
          fields = [];
          let start = pos;
          for (;;) {
            if (delimiterAt < start) {
              delimiterAt = text.indexOf(delimiter, start);
              if (delimiterAt === -1) delimiterAt = length;
            }
            if (delimiterAt >= end) break;
            fields.push(text.slice(start, delimiterAt));
            start = delimiterAt + delimiter.length;
          }
          fields.push(text.slice(start, end));
        }
        this.checkFields(fields, this.line);
        sink(fields, this.line, terminated);
        this.line++;
        pos = newline + 1;
        continue;
      }

      const parsed = this.parseQuotedRecord(text, pos, final);
      if (parsed === null) break;
      this.checkFields(parsed.fields, this.line);
      sink(parsed.fields, this.line, parsed.next < length || text.charCodeAt(length - 1) === NEWLINE);
      this.line += parsed.lineBreaks + 1;
      pos = parsed.next;
    }

    this.rest = pos >= length ? '' : text.slice(pos);
    if (this.rest.length > Math.max(this.limits.maxLineBytes, this.limits.maxFieldBytes)) {
      this.lineTooLong(this.line);
    }
  }

  private checkFields(fields: string[], line: number): void {
    if (fields.length > this.limits.maxColumns) {
      throw new RiskpayError('INGEST_TOO_MANY_COLUMNS', { file: this.file, line, count: fields.length, max: this.limits.maxColumns }, { file: this.file, line });
    }
    for (const field of fields) {
      if (field.length > this.limits.maxFieldBytes) {
        throw new RiskpayError('INGEST_FIELD_TOO_LARGE', { file: this.file, line, size: field.length, max: this.limits.maxFieldBytes }, { file: this.file, line });
      }
    }
  }

  private lineTooLong(line: number): never {
    throw new RiskpayError('INGEST_LINE_TOO_LONG', { file: this.file, line, max: this.limits.maxLineBytes }, { file: this.file, line });
  }

  /**
   * Parses one record that contains a quote, starting at `start`. Returns null when the record
   * continues past the end of the text and more input will come.
   */
  private parseQuotedRecord(text: string, start: number, final: boolean): { fields: string[]; next: number; lineBreaks: number } | null {
    const fields: string[] = [];
    const delimiterCode = this.delimiter.charCodeAt(0);
    const length = text.length;
    let pos = start;
    let lineBreaks = 0;

    for (;;) {
      // One field starts at pos.
      if (pos < length && text.charCodeAt(pos) === QUOTE) {
        const openLine = this.line + lineBreaks;
        let value = '';
        let from = pos + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            if (!final) {
              if (length - pos > this.limits.maxFieldBytes) this.fieldTooLarge(openLine, length - pos);
              return null;
            }
            throw new RiskpayError('INGEST_QUOTE_UNTERMINATED', { file: this.file, line: openLine }, { file: this.file, line: openLine });
          }
          value += text.slice(from, close);
          if (close + 1 < length && text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          if (close + 1 >= length && !final) return null;
          pos = close + 1;
          break;
        }
        lineBreaks += countLineBreaks(value);
        if (value.length > this.limits.maxFieldBytes) this.fieldTooLarge(openLine, value.length);
        // Text after the closing quote up to the delimiter is kept (lenient, like spreadsheet apps).
        const tailEnd = this.fieldEnd(text, pos, delimiterCode);
        if (tailEnd === -1 && !final) return null;
        const end = tailEnd === -1 ? length : tailEnd;
        let tail = text.slice(pos, end);
        if (tail.endsWith('\r') && (end === length || text.charCodeAt(end) === NEWLINE)) tail = tail.slice(0, -1);
        fields.push(tail === '' ? value : value + tail);
        pos = end;
      } else {
        const end = this.fieldEnd(text, pos, delimiterCode);
        if (end === -1 && !final) return null;
        const stop = end === -1 ? length : end;
        let field = text.slice(pos, stop);
        if (field.endsWith('\r') && (stop === length || text.charCodeAt(stop) === NEWLINE)) field = field.slice(0, -1);
        fields.push(field);
        pos = stop;
      }

      if (pos >= length) return { fields, next: length, lineBreaks };
      if (text.charCodeAt(pos) === NEWLINE) return { fields, next: pos + 1, lineBreaks };
      pos++; // past the delimiter
      if (fields.length > this.limits.maxColumns) this.checkFields(fields, this.line);
    }
  }

  /** Returns the index of the next delimiter or newline at or after pos, or -1 at the end of text. */
  private fieldEnd(text: string, pos: number, delimiterCode: number): number {
    for (let i = pos; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === delimiterCode || code === NEWLINE) return i;
    }
    return -1;
  }

  private fieldTooLarge(line: number, size: number): never {
    throw new RiskpayError('INGEST_FIELD_TOO_LARGE', { file: this.file, line, size, max: this.limits.maxFieldBytes }, { file: this.file, line });
  }
}

function countLineBreaks(value: string): number {
  let count = 0;
  for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) count++;
  return count;
}
