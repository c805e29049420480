// Terminal tables at common widths: every line fits the terminal, or a note on stderr gives the drawn
// width and states that the table does not fit. A note that the table was narrowed to fit is never
// printed beside a table that is still too wide.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realCore } from '../../src/cli/real-core.js';
import { message } from '../../src/i18n/catalog.js';
import { displayWidth } from '../../src/report/wrap.js';
import { runInProcess } from '../report/stand-in.js';
import { ROOT } from './helpers.js';

const SAMPLE = join(ROOT, 'fixtures/sample-invoices.csv');
const AS_OF = ['--as-of', '2024-12-31'];
const WIDTHS = [60, 70, 80, 100];

/** Commands whose tables can always be made to fit these widths by leaving out or wrapping columns. */
const FITTING: Record<string, string[]> = {
  score: ['score', SAMPLE, ...AS_OF, '--top', '3'],
  'score by invoice': ['score', SAMPLE, ...AS_OF, '--top', '3', '--by', 'invoice'],
  plan: ['plan', SAMPLE, ...AS_OF, '--top', '3'],
  features: ['features', SAMPLE, ...AS_OF],
};

/** Words of the notes that a table does not fit. */
const TOO_WIDE = { en: 'does not fit the terminal', sv: 'ryms inte på terminalfönstrets' };

/** Returns the width of the widest line of stdout. */
function widestLine(stdout: string): number {
  return Math.max(...stdout.trimEnd().split('\n').map(displayWidth));
}

describe('tables on a narrow terminal', () => {
  for (const [name, argv] of Object.entries(FITTING)) {
    for (const lang of ['en', 'sv'] as const) {
      it(`fit: ${name} (${lang})`, async () => {
        for (const width of WIDTHS) {
          const result = await runInProcess([...argv, '--lang', lang], { core: realCore, terminalColumns: width });
          expect(result.code).toBe(0);
          expect(widestLine(result.stdout), `${name} at ${width}`).toBeLessThanOrEqual(width);
          expect(result.stderr).not.toContain(TOO_WIDE[lang]);
        }
      }, 120_000);
    }
  }

  for (const lang of ['en', 'sv'] as const) {
    it(`inspect fits or says so (${lang})`, async () => {
      for (const width of WIDTHS) {
        const result = await runInProcess(['inspect', SAMPLE, '--lang', lang], { core: realCore, terminalColumns: width });
        expect(result.code).toBe(0);
        const drawn = widestLine(result.stdout);
        if (drawn <= width) continue;

        // inspect keeps every column, so the note gives the width of the widest table.
        const note = `riskpay: ${message(lang, 'STATUS_TABLE_TOO_WIDE', { drawn, width })}`;
        expect(result.stderr.split('\n'), `inspect at ${width}`).toContain(note);
      }
    }, 120_000);
  }

  it('names the drawn width (sv)', async () => {
    // The Swedish file table of inspect needs more than 80 characters even with the file name wrapped.
    const result = await runInProcess(['inspect', SAMPLE, '--lang', 'sv'], { core: realCore, terminalColumns: 80 });
    const drawn = widestLine(result.stdout);
    expect(drawn).toBeGreaterThan(80);
    expect(result.stderr).toContain(`Tabellen är ${drawn} tecken bred och ryms inte på terminalfönstrets 80.`);
    expect(result.stderr).not.toContain('för att rymmas på 80 tecken');
  }, 120_000);

  it('breaks no Swedish word at 80', async () => {
    const result = await runInProcess(['score', SAMPLE, ...AS_OF, '--top', '3', '--lang', 'sv'], { core: realCore, terminalColumns: 80 });
    expect(widestLine(result.stdout)).toBeLessThanOrEqual(80);
    expect(result.stdout).toContain('förskottsbetalning');
    expect(result.stdout).not.toContain('förskottsbetalni ');
  }, 120_000);

  it('counts left-out feature columns', async () => {
    const result = await runInProcess(['features', SAMPLE, ...AS_OF], { core: realCore, terminalColumns: 60 });
    const narrowed = /leaves out (\d+) of its (\d+) columns/.exec(result.stderr);
    expect(narrowed).not.toBeNull();
    const shown = Number(narrowed![2]) - Number(narrowed![1]);
    expect(result.stderr).toMatch(new RegExp(`The table shows ${shown} of the \\d+ columns`));
  }, 120_000);
});
