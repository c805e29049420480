// End-to-end: inspect numbers columns from 1 in every format, the same numbers `--map FIELD=#N` takes,
// so a script can build a --map option from the JSON output.

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, requireBuild, runCli } from './helpers.js';
import type { ColumnReport } from '../../src/ingest/ledger.js';

// Two columns named Date: the error for this file suggests --map issueDate=#3 --map dueDate=#5.
const DUPLICATE_DATES = join(ROOT, 'test/cases/07-duplicate-header-names/input.csv');
const MAP = ['--map', 'issueDate=#3', '--map', 'dueDate=#5'];

beforeAll(() => {
  requireBuild();
});

function jsonColumns(args: string[]): ColumnReport[] {
  const run = runCli(['inspect', DUPLICATE_DATES, ...args, '--format', 'json', '-q']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).files[0].columns;
}

describe('inspect column numbers', () => {
  it('json numbers columns from 1', () => {
    const columns = jsonColumns(MAP);
    expect(columns.map((column) => column.column)).toEqual([1, 2, 3, 4, 5]);
    expect(columns[2]).toMatchObject({ header: 'Date', column: 3, field: 'issueDate' });
    expect(columns[4]).toMatchObject({ header: 'Date', column: 5, field: 'dueDate' });
    expect(columns[0]).not.toHaveProperty('index');
  });

  it('json numbers feed --map', () => {
    const swapped = jsonColumns(MAP).filter((column) => column.header === 'Date').reverse();
    const map = ['--map', `issueDate=#${swapped[0].column}`, '--map', `dueDate=#${swapped[1].column}`];
    const columns = jsonColumns(map);
    expect(columns.find((column) => column.field === 'issueDate')?.column).toBe(5);
    expect(columns.find((column) => column.field === 'dueDate')?.column).toBe(3);
  });

  it('ndjson, csv and table agree', () => {
    const ndjson = runCli(['inspect', DUPLICATE_DATES, ...MAP, '--format', 'ndjson', '-q']);
    expect(JSON.parse(ndjson.stdout.split('\n')[0]).columns[2]).toMatchObject({ header: 'Date', column: 3 });

    const csv = runCli(['inspect', DUPLICATE_DATES, ...MAP, '--format', 'csv', '-q']).stdout.split('\r\n');
    expect(csv[0]).toBe('file,column,header,field,format');
    expect(csv[3]).toMatch(/,3,Date,issueDate,/);

    const table = runCli(['inspect', DUPLICATE_DATES, ...MAP, '-q']).stdout;
    expect(table).toMatch(/│ 3 │ Date +│ issueDate/);
    expect(table).toMatch(/│ 5 │ Date +│ dueDate/);
  });
});
