// Collects the findings of an import and counts skipped rows per file and reason. In strict mode
// every warning is raised as an error instead.

import { RiskpayError, type Finding, type Severity, type SourceRef } from '../findings.js';

/** Line numbers kept per code and file for inspect output; the count is always complete. */
export const LINES_KEPT = 20;

/** Invoice numbers and lines listed in one summary finding; the count is always complete. */
const INVOICES_LISTED = 10;

/**
 * Argument that names the subject of a finding about one customer rather than one invoice. Every
 * finding whose arguments carry an `invoiceId` is about one invoice.
 */
const SUBJECT_ARGS: Record<string, string> = { INGEST_CUSTOMER_NAME_AMBIGUOUS: 'name' };

/**
 * Returns the argument naming the invoice or customer a finding is about, or undefined for findings
 * about a value or a file. Such findings are summed up into one finding per file and code: a single
 * occurrence keeps its own finding, several become `<CODE>_MANY` with the count, the invoice numbers
 * (or names) and their lines. A text that names one invoice would otherwise be printed once for a
 * group of different invoices, as if the first invoice stood for all of them.
 */
export function subjectArg(code: string, args: Record<string, string | number>): string | undefined {
  const subject = SUBJECT_ARGS[code] ?? 'invoiceId';
  return args[subject] === undefined ? undefined : subject;
}

/**
 * Kind of finding named by the overflow note that replaces the findings of a code beyond the limit
 * per file; codes not listed use INGEST_MORE_FINDINGS_OTHER.
 */
const OVERFLOW_KINDS: Record<string, string> = {
  INGEST_DATE_INVALID: 'INGEST_MORE_FINDINGS_DATE',
  INGEST_DATE_IMPOSSIBLE: 'INGEST_MORE_FINDINGS_DATE',
  INGEST_DATE_OUT_OF_RANGE: 'INGEST_MORE_FINDINGS_DATE',
  INGEST_NUMBER_INVALID: 'INGEST_MORE_FINDINGS_NUMBER',
  INGEST_NUMBER_NOT_FINITE: 'INGEST_MORE_FINDINGS_NUMBER',
  INGEST_VALUE_EMPTY: 'INGEST_MORE_FINDINGS_EMPTY',
  INGEST_FIELD_COUNT: 'INGEST_MORE_FINDINGS_FIELD_COUNT',
  INGEST_ROW_EMPTY: 'INGEST_MORE_FINDINGS_ROW_EMPTY',
  INGEST_TOTAL_ROW: 'INGEST_MORE_FINDINGS_TOTAL_ROW',
};

export interface CodeCount {
  count: number;
  lines: number[];
  /** Column header and value of the first occurrence, when the code is about one cell. */
  header?: string;
  value?: string;
  /** Distinct values, at most VALUES_KEPT of them. */
  values?: string[];
}

/** Maximum distinct values kept per code and file, so a group of findings can report how many differ. */
export const VALUES_KEPT = 10;

/** Counts one skipped row under its code, keeping the first lines, the first cell and distinct values. */
export function countSkip(skipped: Record<string, CodeCount>, code: string, line: number | undefined, header?: string, value?: string): void {
  const entry = skipped[code] ?? { count: 0, lines: [] };
  entry.count++;
  if (line !== undefined && entry.lines.length < LINES_KEPT) entry.lines.push(line);
  if (entry.count === 1) {
    if (header !== undefined && header !== '') entry.header = header;
    if (value !== undefined) entry.value = value;
  }
  if (value !== undefined) {
    entry.values ??= [];
    if (entry.values.length < VALUES_KEPT && !entry.values.includes(value)) entry.values.push(value);
  }
  skipped[code] = entry;
}

/** One skipped row (or line-item invoice) as inspect lists it. */
export interface SkippedRow {
  file: string;
  /** Line of the row, or of the first row of a line-item invoice. */
  line: number;
  /** Rows of the file that the skip covers: more than 1 for an invoice of several line-item rows. */
  rows: number;
  /** Header of the column whose value caused the skip, or null for a reason about the whole row. */
  header: string | null;
  /** The cell's text as read (the first text of a summary row), or null when the reason names no value. */
  value: string | null;
  code: string;
  args: Record<string, string | number>;
}

interface InvoiceSummary {
  code: string;
  severity: Severity;
  first: Finding;
  count: number;
  /** Argument that names the subject: `invoiceId`, or `name` for a customer. */
  subject: string;
  /** Invoice numbers, or customer names, each listed once. */
  invoices: string[];
  lines: number[];
  /** True once an invoice did not fit in the list. */
  truncated: boolean;
  /** Distinct `value` arguments, such as the statuses of rows left out. */
  values: string[];
}

export class Reporter {
  readonly findings: Finding[] = [];
  private readonly perCode = new Map<string, number>();
  readonly grouped = new Map<string, Map<string, CodeCount>>();
  private readonly summaries = new Map<string, InvoiceSummary>();
  /** Overflow notes by file and code, completed with their counts by flushSummaries. */
  private readonly overflows = new Map<string, Finding>();
  /**
   * Every skipped row in reading order, or null unless the reporter was made to keep them. Only
   * inspect keeps them, so other commands do not hold one entry per bad row of a large file.
   */
  readonly skippedRows: SkippedRow[] | null;

  constructor(
    private readonly strict: boolean,
    /** Findings of a code beyond this many per file are counted but not listed. */
    private readonly perCodeLimit = 1000,
    keepSkippedRows = false,
  ) {
    this.skippedRows = keepSkippedRows ? [] : null;
  }

  /** Records a skipped row for inspect; does nothing unless the reporter keeps skipped rows. */
  skipRow(row: SkippedRow): void {
    this.skippedRows?.push(row);
  }

  add(code: string, severity: Severity, args: Record<string, string | number>, path?: SourceRef): void {
    if (severity === 'warning' && this.strict) throw new RiskpayError(code, args, path);
    this.group(code, path);
    const subject = subjectArg(code, args);
    if (subject !== undefined) {
      this.addToSummary(code, severity, args, path, subject);
      return;
    }
    const key = `${path?.file ?? ''}\u0000${code}`;
    const seen = this.perCode.get(key) ?? 0;
    this.perCode.set(key, seen + 1);
    if (seen < this.perCodeLimit) this.findings.push({ code, severity, args, path });
    else if (seen === this.perCodeLimit) {
      const note: Finding = { code: OVERFLOW_KINDS[code] ?? 'INGEST_MORE_FINDINGS_OTHER', severity: 'info', args: { code }, path: path ? { file: path.file } : undefined };
      // Placed now, so the note follows the listed findings of its code; the counts come at the end.
      this.findings.push(note);
      this.overflows.set(key, note);
    }
  }

  /**
   * Adds one finding per summed code and file and completes the overflow notes with their counts;
   * call once after the last row of the import.
   */
  flushSummaries(): void {
    for (const [key, note] of this.overflows) {
      const total = this.perCode.get(key) ?? 0;
      note.args = { code: String(note.args.code), listed: this.perCodeLimit, more: total - this.perCodeLimit, total };
    }
    this.overflows.clear();
    for (const summary of this.summaries.values()) {
      if (summary.count === 1) {
        this.findings.push(summary.first);
        continue;
      }
      const more = summary.truncated ? ', …' : '';
      const args: Record<string, string | number> = {
        count: summary.count,
        [summary.subject === 'invoiceId' ? 'invoices' : 'names']: summary.invoices.join(', ') + more,
        lines: summary.lines.join(', ') + more,
      };
      if (summary.values.length > 0) args.values = summary.values.join(', ');
      const firstPath = summary.first.path;
      this.findings.push({ code: `${summary.code}_MANY`, severity: summary.severity, args, path: firstPath ? { file: firstPath.file } : undefined });
    }
    this.summaries.clear();
  }

  private addToSummary(code: string, severity: Severity, args: Record<string, string | number>, path: SourceRef | undefined, subject: string): void {
    const key = `${path?.file ?? ''}\u0000${code}`;
    let summary = this.summaries.get(key);
    if (!summary) {
      summary = { code, severity, first: { code, severity, args, path }, count: 0, subject, invoices: [], lines: [], truncated: false, values: [] };
      this.summaries.set(key, summary);
    }
    summary.count++;
    const invoiceId = String(args[subject] ?? '');
    // Rows of a line-item export repeat their invoice; each invoice is listed once.
    if (!summary.invoices.includes(invoiceId)) {
      if (summary.invoices.length < INVOICES_LISTED) {
        summary.invoices.push(invoiceId);
        summary.lines.push(path?.line ?? 0);
      } else {
        summary.truncated = true;
      }
    }
    const value = args.value;
    if (value !== undefined && summary.values.length < INVOICES_LISTED && !summary.values.includes(String(value))) {
      summary.values.push(String(value));
    }
  }

  private group(code: string, path: SourceRef | undefined): void {
    const file = path?.file ?? '';
    let byCode = this.grouped.get(file);
    if (!byCode) {
      byCode = new Map();
      this.grouped.set(file, byCode);
    }
    const entry = byCode.get(code) ?? { count: 0, lines: [] };
    entry.count++;
    if (path?.line !== undefined && entry.lines.length < LINES_KEPT) entry.lines.push(path.line);
    byCode.set(code, entry);
  }
}
