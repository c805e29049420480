// Collects the findings of an import and counts skipped rows per file and reason. In strict mode
// every warning is raised as an error instead.

import { RiskpayError, type Finding, type Severity, type SourceRef } from '../findings.js';

/** Line numbers kept per code and file for inspect output; the count is always complete. */
const LINES_KEPT = 20;

export interface CodeCount {
  count: number;
  lines: number[];
}

export class Reporter {
  readonly findings: Finding[] = [];
  /** Findings of a code beyond this many per file are counted but not listed. */
  private readonly perCodeLimit = 1000;
  private readonly perCode = new Map<string, number>();
  readonly grouped = new Map<string, Map<string, CodeCount>>();

  constructor(private readonly strict: boolean) {}

  add(code: string, severity: Severity, args: Record<string, string | number>, path?: SourceRef): void {
    if (severity === 'warning' && this.strict) throw new RiskpayError(code, args, path);
    this.group(code, path);
    const key = `${path?.file ?? ''}\u0000${code}`;
    const seen = this.perCode.get(key) ?? 0;
    this.perCode.set(key, seen + 1);
    if (seen < this.perCodeLimit) this.findings.push({ code, severity, args, path });
    else if (seen === this.perCodeLimit) {
      this.findings.push({ code: 'INGEST_MORE_FINDINGS', severity: 'info', args: { code, file: path?.file ?? '' }, path: path ? { file: path.file } : undefined });
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
