// A score table that does not fit the terminal leaves out columns, and a note on stderr names how
// many, which ones, and how to see them.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realCore } from '../../src/cli/real-core.js';
import { message } from '../../src/i18n/catalog.js';
import { displayWidth } from '../../src/report/wrap.js';
import { runInProcess } from '../report/stand-in.js';
import { ROOT } from './helpers.js';

const SAMPLE = join(ROOT, 'fixtures/sample-invoices.csv');
const SCORE = ['score', SAMPLE, '--as-of', '2024-12-31', '--top', '2'];
const WIDTH = 100;

/** Returns the number of columns of the table whose top border starts `stdout`. */
function tableColumnCount(stdout: string): number {
  const topBorder = stdout.split('\n')[0];
  return [...topBorder].filter((char) => char === '\u252c').length + 1;
}

/** Returns the quoted headings in a note, each with its quotation marks. */
function quotedHeadings(note: string): string[] {
  return [...note.matchAll(/[\u201c\u201d][^\u201c\u201d]+\u201d/g)].map((match) => match[0]);
}

describe('score on a narrow terminal', () => {
  for (const lang of ['en', 'sv'] as const) {
    it(`names the left-out columns (${lang})`, async () => {
      // A terminal width makes the in-process stdout a terminal of that width, as `stty cols 100` does.
      const result = await runInProcess([...SCORE, '--lang', lang], { core: realCore, terminalColumns: WIDTH });
      expect(result.code).toBe(0);
      for (const line of result.stdout.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(WIDTH);

      const note = result.stderr.split('\n').find((line) => line.includes('--format csv'));
      expect(note).toBeDefined();
      const headings = quotedHeadings(note!);
      expect(headings.length).toBeGreaterThan(0);
      const shownCount = tableColumnCount(result.stdout);
      const expected = message(lang, 'STATUS_TABLE_NARROWED', {
        count: headings.length,
        total: shownCount + headings.length,
        columns: headings.join(', '),
        width: WIDTH,
      });
      expect(note).toBe(`riskpay: ${expected}`);
      expect(note).toContain(`${headings.length} `);
      expect(note).toContain(String(WIDTH));
    }, 120_000);
  }

  it('names ways to see them', async () => {
    const result = await runInProcess(SCORE, { core: realCore, terminalColumns: WIDTH });
    expect(result.stderr).toContain('A wider terminal shows more');
    expect(result.stderr).toContain('--format csv or json gives every column');
    expect(result.stderr).toContain(`\u201c${message('en', 'HEAD_OPEN')}\u201d`);
    expect(result.stdout).not.toContain(message('en', 'HEAD_OPEN'));
  }, 120_000);

  it('fits the plan table too', async () => {
    const result = await runInProcess(['plan', SAMPLE, '--as-of', '2024-12-31', '--top', '5'], { core: realCore, terminalColumns: 80 });
    expect(result.code).toBe(0);
    for (const line of result.stdout.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(result.stdout).toContain(message('en', 'HEAD_ACTION'));
    expect(result.stderr).toContain('--format csv or json gives every column');
  }, 120_000);

  it('keeps every column in a pipe', async () => {
    const result = await runInProcess(SCORE, { core: realCore });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('--format csv');
    expect(result.stdout).toContain(message('en', 'HEAD_OPEN'));
  }, 120_000);
});
