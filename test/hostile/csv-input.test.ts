// Hostile and broken invoice files, given to the built CLI. Each must end in one clear error with exit
// code 2, or in rows skipped and counted. A crash, a hang or an internal error (exit 70) fails the test.
// The files are generated in a temporary folder, so none is committed.

import { openSync, closeSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorLines, makeTempDir, requireBuild, runCli, type CliRun } from './cli.js';
import { smallLedgerCsv } from './small-ledger.js';

interface InspectJson {
  error?: { code: string; path?: { file?: string; line?: number } };
  files: { rowsRead: number; rowsUsed: number; rowsSkipped: number }[];
  findings: { code: string; path?: { line?: number } }[];
}

const temp = makeTempDir('hostile-csv');
let header = '';
let rows: string[] = [];

beforeAll(async () => {
  requireBuild();
  const lines = (await smallLedgerCsv()).trimEnd().split('\n');
  header = lines[0];
  rows = lines.slice(1);
});

afterAll(() => temp.remove());

function file(name: string, text: string | Buffer): string {
  const path = join(temp.dir, name);
  writeFileSync(path, text);
  return path;
}

/** Builds a ledger of the header, `before` good rows, then `middle`, then `after` more good rows. */
function ledgerWith(middle: string, before = 49, after = 50): string {
  return `${header}\n${rows.slice(0, before).join('\n')}\n${middle}\n${rows.slice(before, before + after).join('\n')}\n`;
}

function inspect(path: string, extra: string[] = []): { run: CliRun; json: InspectJson } {
  const run = runCli(['inspect', path, '--format', 'json', ...extra]);
  return { run, json: JSON.parse(run.stdout) as InspectJson };
}

/**
 * Runs inspect on a file that stops the import before its header is read. inspect then writes nothing
 * to stdout, even with --format json, and the one error line on stderr names the problem.
 */
function inspectStopped(path: string): CliRun {
  const run = runCli(['inspect', path, '--format', 'json']);
  expectCleanFailure(run);
  expect(run.stdout).toBe('');
  return run;
}

/** Checks a run that must stop on bad input: exit 2, one error line, no stack trace. */
function expectCleanFailure(run: CliRun): void {
  expect(run.signal).toBeNull();
  expect(run.code).toBe(2);
  expect(errorLines(run)).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

function codes(json: InspectJson, code: string): number {
  return json.findings.filter((finding) => finding.code === code).length;
}

describe('hostile CSV input', { timeout: 120_000 }, () => {
  it('10 MB field stops at its line', () => {
    const path = file('big-field.csv', ledgerWith(`F9000001,K1,"${'x'.repeat(10 * 1024 * 1024)}",2022-01-03,2022-02-02,SEK,100.00,0.00,2022-01-20`));
    expectCleanFailure(runCli(['score', path, '--as-of', '2024-01-01']));

    const { run, json } = inspect(path);
    expect(run.code).toBe(2);
    expect(json.error?.code).toBe('INGEST_FIELD_TOO_LARGE');
    expect(json.error?.path?.line).toBe(51);
    expect(json.files[0].rowsUsed).toBe(49);
  });

  it('field limit is set by --max-field-chars', () => {
    const path = file('wide-field.csv', ledgerWith(`F9000002,K1,"${'x'.repeat(2000)}",2022-01-03,2022-02-02,SEK,100.00,0.00,2022-01-20`));
    expect(inspect(path).run.code).toBe(0);

    const { run, json } = inspect(path, ['--max-field-chars', '1000']);
    expect(run.code).toBe(2);
    expect(json.error?.code).toBe('INGEST_FIELD_TOO_LARGE');
    expect(json.error?.path?.line).toBe(51);
  });

  it('column limit is set by --max-columns', () => {
    const { run, json } = inspect(file('columns.csv', ledgerWith('')), ['--max-columns', '3']);
    expect(run.code).toBe(2);
    expect(json.error?.code).toBe('INGEST_TOO_MANY_COLUMNS');
  });

  it('line without an end stops', () => {
    const path = file('no-end.csv', `${header}\n${rows.slice(0, 49).join('\n')}\n${'y'.repeat(20 * 1024 * 1024)}`);
    expectCleanFailure(runCli(['score', path, '--as-of', '2024-01-01']));

    const { json } = inspect(path);
    expect(json.error?.code).toBe('INGEST_LINE_TOO_LONG');
    expect(json.error?.path?.line).toBe(51);
  });

  it('binary file is rejected', () => {
    const path = file('binary.csv', Buffer.concat([randomBytes(1 << 20), Buffer.from([0, 0, 0])]));
    expectCleanFailure(runCli(['score', path, '--as-of', '2024-01-01']));
    expect(inspectStopped(path).stderr).toContain(`${path}: The file is not a text file`);
  });

  it('empty file is rejected', () => {
    const path = file('empty.csv', '');
    expectCleanFailure(runCli(['score', path, '--as-of', '2024-01-01']));
    expect(inspectStopped(path).stderr).toContain(`${path}: The file is empty`);
  });

  it('header-only file is rejected', () => {
    const path = file('header-only.csv', `${header}\n`);
    expectCleanFailure(runCli(['score', path, '--as-of', '2024-01-01']));

    const { json } = inspect(path);
    expect(json.error?.code).toBe('INGEST_NO_ROWS');
    expect(json.error?.path?.line).toBe(1);
  });

  it('row of 1,000,000 columns stops', () => {
    const path = file('wide-row.csv', ledgerWith(new Array(1_000_000).fill('1').join(',')));
    expectCleanFailure(runCli(['score', path, '--as-of', '2024-01-01']));

    const { json } = inspect(path);
    expect(json.error?.code).toBe('INGEST_TOO_MANY_COLUMNS');
    expect(json.error?.path?.line).toBe(51);
  });

  it('header of 1,000,000 columns stops', () => {
    const names = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',');
    const path = file('wide-header.csv', `${names}\n${names}\n`);
    expectCleanFailure(runCli(['score', path, '--as-of', '2024-01-01']));

    expect(inspectStopped(path).stderr).toContain(`${path} line 1: The first line has no end`);
  });

  it('non-finite amounts are skipped and counted', () => {
    const bad = ['1e999', 'NaN', 'Infinity', '-1e999'].map((amount, i) => `F900000${i + 1},K1,Bad Amount AB,2022-01-03,2022-02-02,SEK,${amount},0.00,2022-01-20`);
    const path = file('non-finite.csv', ledgerWith(bad.join('\n')));

    const { run, json } = inspect(path);
    expect(run.code).toBe(0);
    expect(json.files[0].rowsSkipped).toBe(4);
    expect(json.files[0].rowsUsed).toBe(99);
    expect(codes(json, 'INGEST_NUMBER_NOT_FINITE')).toBe(4);
    expect(json.findings.filter((finding) => finding.code === 'INGEST_NUMBER_NOT_FINITE').map((finding) => finding.path?.line)).toEqual([51, 52, 53, 54]);

    const strict = runCli(['score', path, '--as-of', '2024-01-01', '--strict']);
    expectCleanFailure(strict);
  });

  it('non-finite balances are skipped and counted', () => {
    const path = file('non-finite-balance.csv', ledgerWith('F9000001,K1,Bad Balance AB,2022-01-03,2022-02-02,SEK,100.00,1e999,2022-01-20'));
    const { json } = inspect(path);
    expect(json.files[0].rowsSkipped).toBe(1);
    expect(codes(json, 'INGEST_NUMBER_NOT_FINITE')).toBe(1);
  });

  it('dates out of range are skipped and counted', () => {
    const bad = [
      'F9000001,K1,Far Future AB,9999-12-31,9999-12-31,SEK,10.00,10.00,',
      'F9000002,K1,Far Past AB,0001-01-01,0001-01-31,SEK,10.00,10.00,',
      'F9000003,K1,Old Payment AB,2022-01-03,2022-02-02,SEK,10.00,0.00,1066-10-14',
    ];
    const path = file('date-range.csv', ledgerWith(bad.join('\n')));

    const { run, json } = inspect(path);
    expect(run.code).toBe(0);
    expect(json.files[0].rowsSkipped).toBe(3);
    expect(codes(json, 'INGEST_DATE_OUT_OF_RANGE')).toBe(3);

    const scored = runCli(['score', path, '--as-of', '2024-01-01', '--format', 'json']);
    expect(scored.code).toBe(0);
    const ids = (JSON.parse(scored.stdout) as { invoices: { invoiceId: string }[] }).invoices.map((invoice) => invoice.invoiceId);
    expect(ids).not.toContain('F9000001');
    expect(ids).not.toContain('F9000002');
  });

  it('field count change halfway stops', () => {
    const text = `${header}\n${rows.slice(0, 500).join('\n')}\n${rows.slice(500, 1000).map((row) => `${row},extra,more`).join('\n')}\n`;
    const path = file('shape-change.csv', text);
    expectCleanFailure(runCli(['score', path, '--as-of', '2024-01-01']));

    const { json } = inspect(path);
    expect(json.error?.code).toBe('INGEST_SHAPE_CHANGED');
    expect(json.error?.path?.line).toBe(502);
  });

  it('file cut inside a quoted field stops', () => {
    const text = `${header}\n${rows.slice(0, 500).join('\n')}\nF9000001,K1,"Cut Off AB,2022-01-03,2022-02-02,SEK,10.00,0.00,\n${rows.slice(500, 520).join('\n')}`;
    const path = file('truncated.csv', text);
    expectCleanFailure(runCli(['score', path, '--as-of', '2024-01-01']));

    const { json } = inspect(path);
    expect(json.error?.code).toBe('INGEST_QUOTE_UNTERMINATED');
    expect(json.error?.path?.line).toBe(502);
  });

  it('sparse 2 GB file stops without reading it all', () => {
    // A sparse file costs no disk space; it reads as zero bytes, which is binary.
    const path = join(temp.dir, 'sparse.csv');
    const descriptor = openSync(path, 'w');
    writeSync(descriptor, `${header}\n`);
    writeSync(descriptor, Buffer.from([0]), 0, 1, 2 * 1024 * 1024 * 1024 - 1);
    closeSync(descriptor);
    const run = runCli(['score', path, '--as-of', '2024-01-01'], { timeoutMs: 60_000 });
    expectCleanFailure(run);
  });
});
