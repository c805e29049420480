// End-to-end: the import faults a newcomer found, run through the built CLI: a silently wrong amount,
// a swapped --date-format, a cut-off file, and stderr text that claimed more than it counted.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../src/i18n/catalog.js';
import { ROOT, requireBuild, runCli, tempDir } from './helpers.js';

beforeAll(requireBuild);

const dir = tempDir();
const HEADER = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate\n';
const ROWS = 'F-1301,Alder Ltd,2024-01-10,2024-02-09,1000.00,\nF-1302,Alder Ltd,2024-02-09,2024-03-10,500.00,\nF-1303,Alder Ltd,2023-12-10,2024-01-09,800.00,2024-01-20\n';

function write(name: string, text: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('newcomer import faults', () => {
  it('skips an odd row with a trailing comma', () => {
    const file = write('trailing.csv', 'Invoice,Customer,InvoiceDate,DueDate,Amount,Note\nF-1,Alder AB,2024-01-01,2024-01-31,250.00,ok\nF-2,Birch AB,2024-02-01,2024-03-02,1,234.00,\n');
    const run = runCli(['score', file, '--as-of', '2024-04-01', '--by', 'invoice', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('F-2');
    expect(run.stderr).toContain(message('en', 'INGEST_FIELD_COUNT', { line: 3, fields: 7, expected: 6 }));
  });

  it('stops on it with --strict', () => {
    const file = write('trailing-strict.csv', 'Invoice,Customer,InvoiceDate,DueDate,Amount,Note\nF-1,Alder AB,2024-01-01,2024-01-31,250.00,ok\nF-2,Birch AB,2024-02-01,2024-03-02,1,234.00,\n');
    const run = runCli(['score', file, '--as-of', '2024-04-01', '--strict']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('stops on a swapped --date-format', () => {
    const file = write('day-first.csv', 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate\nF-7001,Alder Ltd,03/04/2024,03/05/2024,100.00,02/05/2024\nF-7002,Alder Ltd,15/04/2024,15/05/2024,200.00,20/05/2024\n');
    const run = runCli(['score', file, '--date-format', 'MM/DD/YYYY', '--as-of', '2024-06-01']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const args = { column: 'InvoiceDate', value: '15/04/2024', format: 'MM/DD/YYYY', fits: 'DD/MM/YYYY' };
    expect(run.stderr).toContain(message('en', 'INGEST_DATE_FORMAT_MISMATCH', args));
  });

  it('stops on a cut-off file', () => {
    const file = write('cut.csv', readFileSync(join(ROOT, 'fixtures/sample-invoices.csv')).subarray(0, 3000));
    const run = runCli(['score', file, '--as-of', '2024-04-01']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message('en', 'INGEST_FILE_TRUNCATED', { line: 40, fields: 3, expected: 8 }));
  });

  it('counts duplicates of different invoices truthfully', () => {
    const first = write('open.csv', HEADER + ROWS);
    const copy = join(dir, 'open-copy.csv');
    copyFileSync(first, copy);
    const run = runCli(['score', first, copy, '--as-of', '2024-03-01', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(message('en', 'INGEST_DUPLICATE_ROW_MANY', { count: 3, invoices: 'F-1301, F-1302, F-1303', lines: '2, 3, 4' }));
    expect(run.stderr).not.toContain(message('en', 'INGEST_DUPLICATE_ROW', { invoiceId: 'F-1301', otherLine: 2, otherFile: first }));
  });

  it('shows the skipped rows in total on score', () => {
    const file = write('one-bad.csv', `${HEADER}${ROWS}F-1304,Alder Ltd,2024-02-30,2024-03-10,500.00,\n`);
    for (const lang of ['en', 'sv'] as const) {
      const run = runCli(['score', file, '--as-of', '2024-03-01', '--format', 'json', '--lang', lang]);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(message(lang, 'INGEST_ROWS_SKIPPED_TOTAL', { skipped: 1, rows: 4, used: 3 }));
    }
  });
});
