// Diagnostics on stderr: findings grouped by code and counted, status lines, and progress that
// appears only on a terminal.

import type { Finding } from '../findings.js';
import type { Lang } from '../i18n/catalog-type.js';
import { formatFinding, formatLocation, message } from '../i18n/catalog.js';
import type { CliIo } from './io.js';

export interface Diagnostics {
  /** Prints a status line unless --quiet. */
  status(code: string, args?: Record<string, string | number>): void;
  /** Prints findings, grouped; --quiet keeps only errors. */
  findings(findings: readonly Finding[]): void;
  /** Prints an error line whatever --quiet says. */
  error(finding: Finding): void;
  /** Shows a transient progress line on a terminal; cleared by the next call or by done(). */
  progress(code: string, args?: Record<string, string | number>): void;
  done(): void;
}

const SEVERITY_KEY = { error: 'SEVERITY_ERROR', warning: 'SEVERITY_WARNING', info: 'SEVERITY_INFO' } as const;

/** Groups findings with the same code and severity, keeping the first one to print. */
export function groupFindings(findings: readonly Finding[]): { first: Finding; count: number }[] {
  const groups = new Map<string, { first: Finding; count: number }>();
  for (const item of findings) {
    const key = `${item.severity}|${item.code}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { first: item, count: 1 });
  }
  return [...groups.values()];
}

export function createDiagnostics(io: CliIo, lang: Lang, quiet: boolean, showProgress: boolean): Diagnostics {
  let progressShown = false;
  const write = (text: string) => {
    if (progressShown) {
      io.stderr.write('\r\x1b[K');
      progressShown = false;
    }
    io.stderr.write(text);
  };
  const line = (severity: Finding['severity'], text: string) => write(`riskpay: ${message(lang, SEVERITY_KEY[severity])}: ${text}\n`);

  return {
    status(code, args = {}) {
      if (!quiet) write(`riskpay: ${message(lang, code, args)}\n`);
    },
    findings(findings) {
      for (const { first, count } of groupFindings(findings)) {
        if (quiet && first.severity !== 'error') continue;
        if (count === 1) {
          line(first.severity, formatFinding(first, lang));
        } else {
          const text = message(lang, first.code, first.args);
          const where = formatLocation(first, lang) || '-';
          line(first.severity, message(lang, 'STATUS_FINDING_REPEATED', { message: text, count, first: where }));
        }
      }
    },
    error(finding) {
      line('error', formatFinding(finding, lang));
    },
    progress(code, args = {}) {
      if (!showProgress) return;
      io.stderr.write(`\r\x1b[K${message(lang, code, args)}`);
      progressShown = true;
    },
    done() {
      if (progressShown) {
        io.stderr.write('\r\x1b[K');
        progressShown = false;
      }
    },
  };
}
