// End-to-end: every total riskpay prints is the sum of the printed amounts it totals, to the cent, in
// JSON and in the table of both languages. The sample's forecast weeks rounded one by one summed to one
// cent more than the total.

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, requireBuild, runCli } from './helpers.js';

const SAMPLE = join(ROOT, 'fixtures/sample-invoices.csv');
const FORECAST = ['forecast', SAMPLE, '--as-of', '2024-12-31', '--weeks', '4', '-q'];

beforeAll(() => {
  requireBuild();
});

function cents(amounts: number[]): number {
  return amounts.reduce((sum, amount) => sum + Math.round(amount * 100), 0);
}

/** Returns the amounts in SEK cells of table lines, read as numbers: `SEK 45,689.20` or `45 689,20 SEK`. */
function tableAmounts(line: string): number[] {
  const cells = line.match(/SEK\s[\d,.]+|[\d\s\u00a0]+,\d\d\sSEK/g) ?? [];
  return cells.map((cell) => Number(cell.replace(/SEK/g, '').replace(/[\s\u00a0]/g, '').replace(/,(\d\d)$/, '.$1').replace(/,/g, '')));
}

describe('forecast totals', () => {
  it('json weeks sum to the total', () => {
    const run = runCli([...FORECAST, '--format', 'json']);
    expect(run.code).toBe(0);
    const forecast = JSON.parse(run.stdout);
    const [total] = forecast.totals;
    expect(cents([total.expectedInHorizon])).toBe(cents(forecast.weeks.map((week: { expected: number }) => week.expected)));
    expect(cents([total.openBalance])).toBe(cents([total.expectedInHorizon, total.expectedAfterHorizon, total.doubtful]));
  });

  for (const lang of ['en', 'sv']) {
    it(`${lang} table weeks sum to the total`, () => {
      const run = runCli([...FORECAST, '--lang', lang]);
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n').filter((line) => line.includes('SEK') && /\d/.test(line));
      const weeks = lines.filter((line) => /^│ \d │ 20\d\d-/.test(line)).flatMap(tableAmounts);
      const [open, inHorizon, after, doubtful] = tableAmounts(lines.at(-1)!);
      expect(weeks).toHaveLength(4);
      expect(cents([inHorizon])).toBe(cents(weeks));
      expect(cents([open])).toBe(cents([inHorizon, after, doubtful]));
    });
  }

  it('long horizon leaves nothing negative', () => {
    const forecast = JSON.parse(runCli([...FORECAST.slice(0, 4), '--weeks', '52', '-q', '--format', 'json']).stdout);
    const [total] = forecast.totals;
    expect(total.expectedAfterHorizon).toBeGreaterThanOrEqual(0);
    for (const week of forecast.weeks) expect(week.expected).toBeGreaterThanOrEqual(0);
    expect(cents([total.expectedInHorizon])).toBe(cents(forecast.weeks.map((week: { expected: number }) => week.expected)));
  });
});

describe('score totals', () => {
  it('currency totals sum the debtors', () => {
    const document = JSON.parse(runCli(['score', SAMPLE, '--as-of', '2024-12-31', '--format', 'json', '-q']).stdout);
    const [total] = document.totals;
    for (const key of ['openBalance', 'overdueBalance', 'expectedAtRisk']) {
      expect(cents([total[key]])).toBe(cents(document.debtors.map((debtor: Record<string, number>) => debtor[key])));
    }
  });
});
