// End-to-end: inspect's table output lists the skipped rows with file, line, column, value and reason,
// the first rows of each reason for a large file, and --format json lists every one of them. The csv
// and ndjson output do not list them one by one, and a note on stderr points to the table and
// to --format json.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, ROOT, requireBuild, runCli, tempDir } from './helpers.js';
import type { SkippedRowOutput } from '../../src/cli/commands/inspect-skipped.js';

const CASE_05 = join(ROOT, 'test/cases/05-total-and-empty-rows/input.csv');

type SkippedRowJson = SkippedRowOutput;

let folder: string;
let large: string;
let lineItems: string;

beforeAll(() => {
  requireBuild();
  folder = tempDir();
  const rows = ['Invoice,Customer,InvoiceDate,DueDate,Amount'];
  for (let i = 0; i < 1200; i += 1) rows.push(`F${i},C${i % 50},2024-02-30,2024-03-31,100`);
  for (let i = 0; i < 30; i += 1) rows.push(`E${i},C1,2024-01-01,2024-01-31,`);
  for (let i = 0; i < 1800; i += 1) rows.push(`G${i},C${i % 50},2024-01-01,2024-01-31,100`);
  large = join(folder, 'large.csv');
  writeFileSync(large, rows.join('\n') + '\n');
  lineItems = join(folder, 'line-items.csv');
  writeFileSync(lineItems, 'InvoiceNo,Customer,InvoiceDate,DueDate,LineAmount\nF1,A,2024-01-01,,10\nF1,A,2024-01-01,,20\nF1,A,2024-01-01,,30\nF2,A,2024-01-01,2024-01-31,5\n');
});

/** Returns the lines of stdout from the heading of the skipped rows on; the column table comes before it. */
function skippedSection(stdout: string, heading: string): string[] {
  const start = stdout.indexOf(heading);
  expect(start).toBeGreaterThan(0);
  return stdout.slice(start).split('\n');
}

/** Returns the table lines of listed skipped rows in a column: a line number cell followed by the column cell. */
function listedRows(stdout: string, column: string): string[] {
  return skippedSection(stdout, 'The first 10 skipped rows').filter((line) => new RegExp(`│ +\\d+ │ ${column} +│`).test(line));
}

describe('inspect skipped rows', () => {
  it('lists each row with its reason on stdout', () => {
    const run = runCli(['inspect', CASE_05, '-q']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = skippedSection(run.stdout, 'Skipped rows and why (2 in all):');
    expect(lines.find((line) => /│ +3 │/.test(line))).toMatch(/│ +3 │ - +│ - +│ empty row +│/);
    expect(lines.find((line) => /│ +5 │/.test(line))).toMatch(/│ +5 │ - +│ Total +│ summary row +│/);
  });

  it('writes the rows to an output file', () => {
    const out = join(folder, 'report.txt');
    const run = runCli(['inspect', CASE_05, '-o', out]);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('summary row');
  });

  it('gives the reasons in Swedish', () => {
    const run = runCli(['inspect', CASE_05, '-q', '--lang', 'sv']);
    expect(run.stdout).toContain('Överhoppade rader och varför (2 totalt):');
    expect(run.stdout).toContain('tom rad');
    expect(run.stdout).toContain('summarad');
  });

  it('lists the first rows of each reason in a large file', () => {
    const run = runCli(['inspect', large, '-q']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Skipped rows per reason (1230 in all):');
    expect(run.stdout).toMatch(/│ not a valid date +│ +1,200 │/);
    expect(run.stdout).toMatch(/│ empty required value +│ +30 │/);
    expect(run.stdout).toContain('The first 10 skipped rows of each reason and file:');
    expect(listedRows(run.stdout, 'InvoiceDate')).toHaveLength(10);
    expect(listedRows(run.stdout, 'Amount')).toHaveLength(10);
    expect(run.stdout).toContain('1210 of the 1230 skipped rows are not listed above. riskpay inspect --format json lists all of them.');
  });

  it('lists every row in JSON', () => {
    const run = runCli(['inspect', large, '--format', 'json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { skippedRows: SkippedRowJson[]; files: { rowsSkipped: number }[] };
    expect(document.skippedRows).toHaveLength(1230);
    expect(document.skippedRows[0]).toEqual({ file: large, line: 2, rows: 1, header: 'InvoiceDate', value: '2024-02-30', code: 'INGEST_DATE_IMPOSSIBLE', reason: 'not a valid date' });
    expect(document.skippedRows[1229]).toEqual({ file: large, line: 1231, rows: 1, header: 'Amount', value: '', code: 'INGEST_VALUE_EMPTY', reason: 'empty required value' });
    expect(document.skippedRows.reduce((sum, row) => sum + row.rows, 0)).toBe(document.files[0].rowsSkipped);
  });

  it('keys skipped headers as header', () => {
    const json = JSON.parse(runCli(['inspect', large, '--format', 'json', '-q']).stdout) as { skippedRows: object[]; files: { skipped: Record<string, object> }[] };
    const ndjson = JSON.parse(runCli(['inspect', large, '--format', 'ndjson', '-q']).stdout.split('\n')[0]) as { skipped: Record<string, object> };
    expect(json.skippedRows[0]).not.toHaveProperty('column');
    expect(json.files[0].skipped.INGEST_DATE_IMPOSSIBLE).toMatchObject({ header: 'InvoiceDate' });
    expect(json.files[0].skipped.INGEST_DATE_IMPOSSIBLE).not.toHaveProperty('column');
    expect(ndjson.skipped.INGEST_VALUE_EMPTY).toMatchObject({ header: 'Amount' });
    expect(ndjson.skipped.INGEST_VALUE_EMPTY).not.toHaveProperty('column');
  });

  it('counts every row of a skipped line-item invoice', () => {
    const run = runCli(['inspect', lineItems, '--map', 'lineTotal=LineAmount', '--format', 'json']);
    const document = JSON.parse(run.stdout) as { skippedRows: SkippedRowJson[]; files: { rowsSkipped: number }[] };
    expect(document.skippedRows).toEqual([{ file: lineItems, line: 2, rows: 3, header: 'DueDate', value: '', code: 'INGEST_DUE_DATE_EMPTY', reason: 'invoice F1 has no due date and no terms' }]);
    expect(document.files[0].rowsSkipped).toBe(3);
    const table = runCli(['inspect', lineItems, '--map', 'lineTotal=LineAmount', '-q']);
    expect(table.stdout).toMatch(/│ 2 \(3 rows\) │ DueDate +│/);
  });

  it('notes the rows left out of CSV', () => {
    const run = runCli(['inspect', large, '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\r\n')[0]).toBe('file,column,header,field,format');
    expect(run.stderr).toContain('riskpay: note: The CSV output of inspect is the column map only, without the 1230 skipped rows. The table lists them by reason, and riskpay inspect --format json lists every one.');
  });

  it('notes the rows left out in Swedish', () => {
    const run = runCli(['inspect', lineItems, '--map', 'lineTotal=LineAmount', '--format', 'csv', '--lang', 'sv']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('riskpay: notering: CSV-utdata från inspect innehåller bara kolumnmappningen, utan de 3 överhoppade raderna.');
  });

  it('notes the counts in ndjson', () => {
    const run = runCli(['inspect', large, '--format', 'ndjson']);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('The ndjson output of inspect has one line per file, with the skipped rows counted by reason and at most 20 line numbers for each reason. riskpay inspect --format json lists all 1230 skipped rows.');
    const swedish = runCli(['inspect', large, '--format', 'ndjson', '--lang', 'sv']);
    expect(swedish.stderr).toContain('ndjson-utdata från inspect har en rad per fil, med de överhoppade raderna räknade per orsak och högst 20 radnummer för varje orsak.');
  });

  it('gives no note without skipped rows', () => {
    const run = runCli(['inspect', FIXTURE, '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('column map only');
  });

  it('gives no note with -q', () => {
    const run = runCli(['inspect', large, '--format', 'csv', '-q']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});
