// End-to-end: --strict stops at the first bad row, and the message does not say the row was skipped.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, tempDir } from './helpers.js';

const HEADER = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate\n';
const GOOD_ROW = 'F-1,Alder Ltd,2024-01-10,2024-02-09,100,2024-02-01\n';

/** One bad row per case, with the words its stop message must contain. */
const CASES = [
  { name: 'amount', row: 'F-2,Alder Ltd,2024-01-11,2024-02-10,abc,\n', en: '"abc" in column Amount is not a number.', sv: '"abc" i kolumnen Amount är inte ett tal.' },
  { name: 'date', row: 'F-2,Alder Ltd,2024-02-30,2024-03-10,50,\n', en: 'is not a valid date.', sv: 'är inget giltigt datum.' },
  { name: 'empty', row: 'F-2,Alder Ltd,2024-01-11,2024-02-10,,\n', en: 'Empty value in column Amount. Fill in the value', sv: 'Tomt värde i kolumnen Amount. Fyll i värdet' },
  { name: 'fields', row: 'F-2,Alder Ltd,2024-01-11,2024-02-10,50,,extra\n', en: 'line 3: 7 fields, header has 6. Quote values', sv: 'rad 3: 7 fält, rubrikraden har 6. Sätt citattecken' },
];

const files = new Map<string, string>();

beforeAll(() => {
  requireBuild();
  const folder = tempDir();
  for (const { name, row } of CASES) {
    const file = join(folder, `${name}.csv`);
    writeFileSync(file, HEADER + GOOD_ROW + row);
    files.set(name, file);
  }
});

describe('score --strict at a bad row', () => {
  for (const { name, en, sv } of CASES) {
    it(`stops at the ${name} in English`, () => {
      const run = runCli(['score', files.get(name)!, '--strict', '--as-of', '2024-06-01', '--lang', 'en']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(en);
      expect(run.stderr).toContain('Because of --strict, the run stopped');
      expect(run.stderr).not.toMatch(/skipped/i);
    });

    it(`stops at the ${name} in Swedish`, () => {
      const run = runCli(['score', files.get(name)!, '--strict', '--as-of', '2024-06-01', '--lang', 'sv']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(sv);
      expect(run.stderr).toContain('På grund av --strict avbröts körningen');
      expect(run.stderr).not.toMatch(/hoppades över|överhoppad/);
    });
  }

  it('does not claim a recovery it did not make', () => {
    const file = join(tempDir(), 'negative.csv');
    writeFileSync(file, 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Type\nF-1,Alder Ltd,2024-01-10,2024-02-09,100,Invoice\nF-2,Alder Ltd,2024-01-11,2024-02-10,-75,Invoice\n');
    const run = runCli(['score', file, '--strict', '--as-of', '2024-06-01', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invoice F-2 has type invoice but a negative amount (-75).');
    expect(run.stderr).not.toContain('read as a credit note');
  });

  it('keeps the skip wording without --strict', () => {
    const run = runCli(['score', files.get('amount')!, '--as-of', '2024-06-01', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('is not a number: the row was skipped.');
  });
});
