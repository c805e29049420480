// End-to-end: when inspect stops at an error before any file's header was read, it prints only the
// error and writes nothing to stdout. When an earlier file was read, that file is still shown, but
// the file that could not be opened gets no row.

import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, requireBuild, runCli, tempDir } from './helpers.js';

const FORMATS = ['table', 'json', 'csv', 'ndjson'];

let folder: string;
let missing: string;

beforeAll(() => {
  requireBuild();
  folder = tempDir();
  missing = join(folder, 'missing.csv');
});

describe('inspect stopped before reading', () => {
  it.each(FORMATS)('prints only the error for a bad --encoding (%s)', (format) => {
    const run = runCli(['inspect', FIXTURE, '--encoding', 'uft8', '--format', format]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Unknown encoding "uft8"');
  });

  it.each(FORMATS)('prints only the error for a missing file (%s)', (format) => {
    const run = runCli(['inspect', missing, '--format', format]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${missing}: Cannot open the file`);
  });

  it('writes no -o file', () => {
    const out = join(folder, 'never.json');
    const run = runCli(['inspect', missing, '--format', 'json', '-o', out]);
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(run.stderr).not.toContain('Wrote');
  });
});

describe('inspect stopped at a later file', () => {
  it('shows the read file without the missing one', () => {
    const run = runCli(['inspect', FIXTURE, missing]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(FIXTURE);
    expect(run.stdout).not.toContain('missing.csv');
    expect(run.stderr).toContain(`${missing}: Cannot open the file`);
  });

  it('lists only the read file in JSON', () => {
    const run = runCli(['inspect', FIXTURE, missing, '--format', 'json']);
    expect(run.code).toBe(2);
    const document = JSON.parse(run.stdout) as { files: { file: string; headerLine: number }[]; error: { code: string } };
    expect(document.files.map((file) => file.file)).toEqual([FIXTURE]);
    expect(document.files[0].headerLine).toBe(1);
    expect(document.error.code).toBe('INGEST_FILE_NOT_FOUND');
  });

  it('maps only the read file in CSV', () => {
    const run = runCli(['inspect', FIXTURE, missing, '--format', 'csv']);
    expect(run.code).toBe(2);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.startsWith(`${FIXTURE},`))).toBe(true);
    expect(run.stdout).not.toContain('missing.csv');
  });

  it('writes one ndjson line for the read file', () => {
    const run = runCli(['inspect', FIXTURE, missing, '--format', 'ndjson']);
    expect(run.code).toBe(2);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect((JSON.parse(lines[0]) as { file: string }).file).toBe(FIXTURE);
  });
});

describe('inspect file paths', () => {
  it('keeps a long path on one line', () => {
    // Longer than the widest a wrapped column gets, so a wrapped path would be split.
    const folder = join(tempDir(), 'a-folder-name-long-enough-to-pass-the-widest-wrap');
    mkdirSync(folder);
    const file = join(folder, 'invoices.csv');
    copyFileSync(FIXTURE, file);
    const run = runCli(['inspect', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(file);
  });

  it('keeps a long path whole beside skipped rows', () => {
    const folder = join(tempDir(), 'a-folder-name-long-enough-to-pass-the-widest-wrap');
    mkdirSync(folder);
    const file = join(folder, 'invoices.csv');
    writeFileSync(file, readFileSync(FIXTURE, 'utf8').trimEnd() + '\nX-1;1-9999;Broken AB;2024-02-30;2024-03-30;100,00;SEK;\n');
    const run = runCli(['inspect', file]);
    expect(run.stdout).toContain('Skipped rows');
    // The path appears whole once in the file table, once per column of the column map (8), and once in
    // the table of skipped rows.
    expect(run.stdout.split(file).length - 1).toBe(10);
  });
});
