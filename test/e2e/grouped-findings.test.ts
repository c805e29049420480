// Repeated findings are grouped on stderr only when they concern the same column of the same file.
// A group of different values reports how many values it has instead of showing the first as all.

import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { groupFindings } from '../../src/cli/stderr.js';
import type { Finding } from '../../src/findings.js';
import { ROOT, requireBuild, runCli, tempDir } from './helpers.js';

function finding(column: string, value: string, line: number): Finding {
  return { code: 'INGEST_NUMBER_INVALID', severity: 'warning', args: { value }, path: { file: 'a.csv', line, column } };
}

describe('groupFindings', () => {
  it('keeps columns apart and counts distinct values', () => {
    const groups = groupFindings([finding('Amount', 'abc', 2), finding('Amount', '12.5.3', 3), finding('Amount', 'abc', 4), finding('Paid', 'x', 2)]);
    expect(groups.map((group) => [group.first.path?.column, group.count, group.values])).toEqual([
      ['Amount', 3, 2],
      ['Paid', 1, 1],
    ]);
  });
});

describe('grouped findings on stderr', () => {
  beforeAll(() => requireBuild());

  it('reports two date columns of case 15 as two warnings', () => {
    const run = runCli(['inspect', join(ROOT, 'test/cases/15-excel-serial-dates/input.csv')]);
    expect(run.code).toBe(0);
    const mixed = run.stderr.split('\n').filter((line) => line.includes('Column InvoiceDate mixes') || line.includes('Column DueDate mixes'));
    expect(mixed).toHaveLength(2);
  });

  it('says a group holds different values', () => {
    const file = join(tempDir(), 'bad-amounts.csv');
    writeFileSync(file, 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF1,A,2024-01-01,2024-01-31,abc\nF2,A,2024-01-01,2024-01-31,12.5.3\nF3,A,2024-01-01,2024-01-31,100\n');
    const run = runCli(['score', file, '--as-of', '2024-03-01', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('2 different values');
  });

  it('names the column of a group once', () => {
    const file = join(tempDir(), 'blank-amounts.csv');
    writeFileSync(file, 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF1,A,2024-01-01,2024-01-31,\nF2,A,2024-01-01,2024-01-31,\nF3,A,2024-01-01,2024-01-31,100\n');
    const run = runCli(['score', file, '--as-of', '2024-03-01', '--format', 'json']);
    expect(run.code).toBe(0);
    const group = run.stderr.split('\n').find((line) => line.includes('(2 times;'));
    expect(group).toContain(`Empty value in column Amount: the row was skipped.`);
    expect(group).toContain(`first at ${file} line 2)`);
    expect(group).not.toContain('column "Amount"');
  });
});

describe('a group beyond the listing limit', () => {
  beforeAll(() => requireBuild());

  it('gives the same total as the overflow note', () => {
    const rows = ['Invoice,Customer,InvoiceDate,DueDate,Amount'];
    for (let i = 0; i < 1200; i += 1) rows.push(`F${i},C${i % 50},2024-02-30,2024-03-31,100`);
    for (let i = 0; i < 1800; i += 1) rows.push(`G${i},C${i % 50},2024-01-01,2024-01-31,100`);
    const file = join(tempDir(), 'over.csv');
    writeFileSync(file, rows.join('\n') + '\n');
    const run = runCli(['score', file, '--as-of', '2024-06-30', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('(1200 times; first at');
    expect(run.stderr).toContain('(1200 in all in this file)');
  });
});
