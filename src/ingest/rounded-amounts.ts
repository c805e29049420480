// Amounts that rounding to their currency's minor unit changed, such as 12.345 SEK read as 12.35.
// Import rounds money to the unit its currency is paid in. The changed amounts are reported once per
// file, so that no number differs from the file without a warning.

import { minorUnitDigits, roundImported } from '../money.js';
import type { Reporter } from './reporter.js';

/** The first changed amount of a file, and how many there are. */
interface FileRounding {
  count: number;
  line: number;
  value: number;
  rounded: number;
  currency: string;
}

export class RoundedAmounts {
  private readonly byFile = new Map<string, FileRounding>();

  /** Returns `value` rounded as roundImported does, and records it when rounding changed more than float noise. */
  round(value: number, currency: string, file: string, line: number): number {
    const rounded = roundImported(value, currency);
    // Float noise (0.30000000000000004) is far below a relative 1e-9, and a dropped decimal never is.
    if (Math.abs(rounded - value) <= 1e-9 * Math.max(1, Math.abs(value))) return rounded;

    const entry = this.byFile.get(file);
    if (entry) entry.count += 1;
    else this.byFile.set(file, { count: 1, line, value, rounded, currency });
    return rounded;
  }

  /** Adds one INGEST_AMOUNTS_ROUNDED warning per file with a changed amount. */
  report(reporter: Reporter): void {
    for (const [file, entry] of this.byFile) {
      const args = {
        file,
        count: entry.count,
        line: entry.line,
        // As text, because the message must show every decimal the file had, which number formatting cuts.
        value: String(entry.value),
        rounded: String(entry.rounded),
        currency: entry.currency,
        digits: minorUnitDigits(entry.currency),
      };
      reporter.add('INGEST_AMOUNTS_ROUNDED', 'warning', args, { file, line: entry.line });
    }
  }
}
