// Diagnostics on stderr: findings grouped by code and counted, status lines, and progress that
// appears only on a terminal.

import type { Finding } from '../findings.js';
import type { Lang } from '../i18n/catalog-type.js';
import { formatFinding, message, unnamedLocation } from '../i18n/catalog.js';
import type { CliIo } from './io.js';

export interface Diagnostics {
  /** Prints a status line unless --quiet. */
  status(code: string, args?: Record<string, string | number>): void;
  /** Prints findings, grouped; --quiet keeps only errors. */
  findings(findings: readonly Finding[]): void;
  /** Prints an error line whatever --quiet says. */
  error(finding: Finding): void;
  /**
   * Shows a transient progress line on a terminal, which the next call or done() clears. `args` may be
   * a function, called only when the line is shown, for arguments that take time to count.
   */
  progress(code: string, args?: ProgressArgs | (() => ProgressArgs)): void;
  done(): void;
}

type ProgressArgs = Record<string, string | number>;

const SEVERITY_KEY = { error: 'SEVERITY_ERROR', warning: 'SEVERITY_WARNING', info: 'SEVERITY_INFO' } as const;

export interface FindingGroup {
  first: Finding;
  count: number;
  /** Distinct `value` arguments in the group; 0 when its findings have none. */
  values: number;
}

/**
 * Groups findings with the same severity, code, file and column, keeping the first one to print.
 * Findings about different columns stay apart, and the group counts how many distinct values it has.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, { group: FindingGroup; seen: Set<string> }>();
  for (const item of findings) {
    const key = `${item.severity}|${item.code}|${item.path?.file ?? ''}|${item.path?.column ?? ''}`;
    let entry = groups.get(key);
    if (!entry) {
      entry = { group: { first: item, count: 0, values: 0 }, seen: new Set() };
      groups.set(key, entry);
    }
    entry.group.count += 1;
    if (item.args.value !== undefined) entry.seen.add(String(item.args.value));
    entry.group.values = entry.seen.size;
  }
  return [...groups.values()].map((entry) => entry.group);
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
      // An import lists a limited number of findings per code and file, then one note with the total:
      // the group line gives that total too, so the two lines do not disagree.
      const totals = new Map<string, number>();
      for (const item of findings) {
        if (typeof item.args.code === 'string' && typeof item.args.total === 'number') totals.set(`${item.path?.file ?? ''}|${item.args.code}`, item.args.total);
      }
      for (const { first, count: listed, values } of groupFindings(findings)) {
        const count = Math.max(listed, totals.get(`${first.path?.file ?? ''}|${first.code}`) ?? 0);
        if (quiet && first.severity !== 'error') continue;
        if (count === 1) {
          line(first.severity, formatFinding(first, lang));
          continue;
        }
        // The text shows the first finding's value, so a group of several values reports their count.
        const text = message(lang, first.code, first.args);
        const where = unnamedLocation(first, lang) || '-';
        const code = values > 1 ? 'STATUS_FINDING_REPEATED_VALUES' : 'STATUS_FINDING_REPEATED';
        line(first.severity, message(lang, code, { message: text, count, values, first: where }));
      }
    },
    error(finding) {
      line('error', formatFinding(finding, lang));
    },
    progress(code, args = {}) {
      if (!showProgress) return;
      const values = typeof args === 'function' ? args() : args;
      io.stderr.write(`\r\x1b[K${message(lang, code, values)}`);
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
