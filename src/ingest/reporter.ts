// Collects the findings of an import and counts skipped rows per file and reason. In strict mode
// every warning is raised as an error instead.

import { RiskpayError, type Finding, type Severity, type SourceRef } from '../findings.js';

/** Line numbers kept per code and file for inspect output; the count is always complete. */
const LINES_KEPT = 20;

/** Invoice numbers and lines listed in one summary finding; the count is always complete. */
const INVOICES_LISTED = 10;

/**
 * Per-invoice codes that are summed up into one finding per file: a single occurrence keeps its own
 * finding, several become `<CODE>_MANY` with the count, the invoice numbers and their lines. A
 * reader of the grouped output then sees every invoice concerned, not only the first.
 */
const SUMMED_CODES = new Set(['INGEST_ROW_NOT_RECEIVABLE', 'INGEST_DUE_BEFORE_ISSUE', 'INGEST_PAYMENT_BEFORE_ISSUE']);

export interface CodeCount {
  count: number;
  lines: number[];
  /** Column and value of the first occurrence, when the code is about one cell. */
  column?: string;
  value?: string;
  /** Distinct values, at most VALUES_KEPT of them. */
  values?: string[];
}

/** Maximum distinct values kept per code and file, so a group of findings can report how many differ. */
export const VALUES_KEPT = 10;

/** Counts one skipped row under its code, keeping the first lines, the first cell and distinct values. */
export function countSkip(skipped: Record<string, CodeCount>, code: string, line: number | undefined, column?: string, value?: string): void {
  const entry = skipped[code] ?? { count: 0, lines: [] };
  entry.count++;
  if (line !== undefined && entry.lines.length < LINES_KEPT) entry.lines.push(line);
  if (entry.count === 1) {
    if (column !== undefined && column !== '') entry.column = column;
    if (value !== undefined) entry.value = value;
  }
  if (value !== undefined) {
    entry.values ??= [];
    if (entry.values.length < VALUES_KEPT && !entry.values.includes(value)) entry.values.push(value);
  }
  skipped[code] = entry;
}

interface InvoiceSummary {
  code: string;
  severity: Severity;
  first: Finding;
  count: number;
  invoices: string[];
  lines: number[];
  /** True once an invoice did not fit in the list. */
  truncated: boolean;
  /** Distinct `value` arguments, such as the statuses of rows left out. */
  values: string[];
}

export class Reporter {
  readonly findings: Finding[] = [];
  /** Findings of a code beyond this many per file are counted but not listed. */
  private readonly perCodeLimit = 1000;
  private readonly perCode = new Map<string, number>();
  readonly grouped = new Map<string, Map<string, CodeCount>>();
  private readonly summaries = new Map<string, InvoiceSummary>();

  constructor(private readonly strict: boolean) {}

  add(code: string, severity: Severity, args: Record<string, string | number>, path?: SourceRef): void {
    if (severity === 'warning' && this.strict) throw new RiskpayError(code, args, path);
    this.group(code, path);
    if (SUMMED_CODES.has(code)) {
      this.addToSummary(code, severity, args, path);
      return;
    }
    const key = `${path?.file ?? ''}\u0000${code}`;
    const seen = this.perCode.get(key) ?? 0;
    this.perCode.set(key, seen + 1);
    if (seen < this.perCodeLimit) this.findings.push({ code, severity, args, path });
    else if (seen === this.perCodeLimit) {
      this.findings.push({ code: 'INGEST_MORE_FINDINGS', severity: 'info', args: { code }, path: path ? { file: path.file } : undefined });
    }
  }

  /** Adds one finding per summed code and file; call once after the last row of the import. */
  flushSummaries(): void {
    for (const summary of this.summaries.values()) {
      if (summary.count === 1) {
        this.findings.push(summary.first);
        continue;
      }
      const more = summary.truncated ? ', …' : '';
      const args: Record<string, string | number> = {
        count: summary.count,
        invoices: summary.invoices.join(', ') + more,
        lines: summary.lines.join(', ') + more,
      };
      if (summary.values.length > 0) args.values = summary.values.join(', ');
      const firstPath = summary.first.path;
      this.findings.push({ code: `${summary.code}_MANY`, severity: summary.severity, args, path: firstPath ? { file: firstPath.file } : undefined });
    }
    this.summaries.clear();
  }

  private addToSummary(code: string, severity: Severity, args: Record<string, string | number>, path: SourceRef | undefined): void {
    const key = `${path?.file ?? ''}\u0000${code}`;
    let summary = this.summaries.get(key);
    if (!summary) {
      summary = { code, severity, first: { code, severity, args, path }, count: 0, invoices: [], lines: [], truncated: false, values: [] };
      this.summaries.set(key, summary);
    }
    summary.count++;
    const invoiceId = String(args.invoiceId ?? '');
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
