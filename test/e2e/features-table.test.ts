// The features table for a debtor without history: stand-in values show as "no value", while CSV
// and JSON keep the numbers the model reads.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_DAYS, NO_HISTORY, NO_HISTORY_DAYS_LATE } from '../../src/features/catalog.js';
import { message } from '../../src/i18n/catalog.js';
import { requireBuild, runCli, tempDir } from './helpers.js';

const LEDGER = [
  'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate',
  'A-1,Oldtimer AB,2024-01-05,2024-02-04,1000.00,2024-02-01',
  'A-2,Oldtimer AB,2024-02-05,2024-03-06,1000.00,2024-03-10',
  'N-1,Newcomer Ltd,2024-03-01,2024-03-31,500.00,',
  '',
].join('\n');

const AS_OF = ['--as-of', '2024-03-15'];

/** Returns the cells of the table row that starts with `name`. */
function tableRow(stdout: string, name: string): string[] {
  const line = stdout.split('\n').find((text) => text.startsWith(`\u2502 ${name} `));
  if (line === undefined) throw new Error(`no table row for ${name} in:\n${stdout}`);
  return line.split('\u2502').slice(1, -1).map((cell) => cell.trim());
}

describe('features table without history', () => {
  let file: string;

  beforeAll(() => {
    requireBuild();
    file = join(tempDir(), 'newcomer.csv');
    writeFileSync(file, LEDGER);
  });

  for (const lang of ['en', 'sv'] as const) {
    it(`shows stand-ins as none (${lang})`, () => {
      const result = runCli(['features', file, ...AS_OF, '--lang', lang]);
      expect(result.code).toBe(0);

      const none = message(lang, 'VALUE_NONE');
      // Debtor, paid invoices, share late, mean days late, open, overdue, oldest overdue, days since payment.
      const [, paid, lateShare, meanDaysLate, , , oldest, sincePayment] = tableRow(result.stdout, 'Newcomer Ltd');
      expect(paid).toBe('0');
      expect(lateShare).toBe(none);
      expect(meanDaysLate).toBe(none);
      expect(oldest).toBe('0');
      expect(sincePayment).toBe(none);
      expect(result.stdout).not.toMatch(/999/);
      expect(result.stdout).not.toMatch(/[-\u2212]1\b/);
      expect(result.stdout).not.toMatch(/[-\u2212]100\s?%/);
    });

    it(`keeps real values (${lang})`, () => {
      const result = runCli(['features', file, ...AS_OF, '--lang', lang]);
      const [, paid, lateShare, meanDaysLate, , , , sincePayment] = tableRow(result.stdout, 'Oldtimer AB');
      expect(paid).toBe('2');
      expect(lateShare).toBe(lang === 'en' ? '50%' : '50\u00a0%');
      expect(meanDaysLate).toBe(lang === 'en' ? '0.50' : '0,50');
      expect(sincePayment).toBe('5');
    });
  }

  it('CSV keeps the stand-in numbers', () => {
    const result = runCli(['features', file, ...AS_OF, '--format', 'csv']);
    expect(result.code).toBe(0);
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    const newcomer = rows.find((row) => row.name === 'Newcomer Ltd')!;
    expect(Number(newcomer.late_share)).toBe(NO_HISTORY);
    expect(Number(newcomer.mean_days_late)).toBe(NO_HISTORY_DAYS_LATE);
    expect(Number(newcomer.days_since_last_payment)).toBe(NO_DAYS);
    expect(Number(newcomer.settled_count)).toBe(0);
  });

  it('JSON keeps the stand-in numbers', () => {
    const result = runCli(['features', file, ...AS_OF, '--format', 'json']);
    expect(result.code).toBe(0);
    const rows = (JSON.parse(result.stdout) as { rows: Record<string, number | string>[] }).rows;
    const newcomer = rows.find((row) => row.name === 'Newcomer Ltd')!;
    expect(newcomer.late_share).toBe(NO_HISTORY);
    expect(newcomer.mean_days_late).toBe(NO_HISTORY_DAYS_LATE);
    expect(newcomer.days_since_last_payment).toBe(NO_DAYS);
  });
});

describe('features table with an overdue invoice', () => {
  it('counts the open overdue invoice', () => {
    requireBuild();
    const file = join(tempDir(), 'overdue.csv');
    writeFileSync(file, 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate\nL-1,Lagging Ltd,2024-01-01,2024-01-31,500.00,\n');
    const result = runCli(['features', file, ...AS_OF]);
    expect(result.code).toBe(0);

    const [, paid, lateShare, meanDaysLate, , , oldest, sincePayment] = tableRow(result.stdout, 'Lagging Ltd');
    expect(paid).toBe('0');
    expect(lateShare).toBe('100%');
    expect(meanDaysLate).toBe('44.00');
    expect(oldest).toBe('44');
    expect(sincePayment).toBe(message('en', 'VALUE_NONE'));
  });
});
