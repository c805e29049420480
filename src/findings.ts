// Findings are how the core reports problems: a stable code, the values that go into the message,
// and where in the input it happened. The core never prints; src/i18n turns codes into text.

export type Severity = 'error' | 'warning' | 'info';

/** Where a finding points: a file, a physical line (1-based) and a column header when known. */
export interface SourceRef {
  file: string;
  line?: number;
  column?: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  args: Record<string, string | number>;
  path?: SourceRef;
}

/**
 * Error thrown for bad input or usage. The CLI prints its finding through the message catalog and
 * exits with code 2.
 */
export class RiskpayError extends Error {
  readonly finding: Finding;

  constructor(code: string, args: Record<string, string | number> = {}, path?: SourceRef) {
    super(`${code} ${JSON.stringify(args)}${path ? ` at ${path.file}:${path.line ?? ''}` : ''}`);
    this.name = 'RiskpayError';
    this.finding = { code, severity: 'error', args, path };
  }
}

export function finding(
  code: string,
  severity: Severity,
  args: Record<string, string | number> = {},
  path?: SourceRef,
): Finding {
  return { code, severity, args, path };
}
