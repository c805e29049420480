// -o/--out without --format: the file's extension (.json, .ndjson, .csv, .html) chooses the format,
// stderr reports the choice, and a --format from the command line, environment or config file still wins.
// An extension that names no format riskpay writes (.xlsx), or .html where no HTML view exists, stops
// the run before anything is written.

import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../report/stand-in.js';
import { FIXTURE, requireBuild, runCli } from './helpers.js';

beforeAll(() => requireBuild());

const tempDir = () => mkdtempSync(join(tmpdir(), 'riskpay-out-'));
const AS_OF = '2024-06-30';
const BOX_DRAWING = /[┌│└]/;

describe('format from the --out extension', () => {
  it('score writes JSON to .json', () => {
    const dir = tempDir();
    const run = runCli(['score', FIXTURE, '--as-of', AS_OF, '-o', 'out.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('riskpay: Writing json because out.json ends in .json. Give --format to choose another format.');
    const document = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { debtors: unknown[] };
    expect(document.debtors.length).toBeGreaterThan(0);
  });

  it('score writes HTML to .html', () => {
    const dir = tempDir();
    const run = runCli(['score', FIXTURE, '--as-of', AS_OF, '--out', 'report.html'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('features writes CSV to .csv, in Swedish', () => {
    const dir = tempDir();
    const run = runCli(['features', FIXTURE, '--as-of', AS_OF, '-o', 'features.csv'], { cwd: dir, env: { LANG: 'sv_SE.UTF-8' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('riskpay: Skriver csv eftersom features.csv slutar på .csv. Ange --format för att välja ett annat format.');
    const text = readFileSync(join(dir, 'features.csv'), 'utf8');
    expect(text).not.toMatch(BOX_DRAWING);
    expect(text.split('\n')[0]).toContain('customerId,');
  });
});

describe('.html without an HTML view', () => {
  it('stops plan before writing', () => {
    const dir = tempDir();
    const run = runCli(['plan', FIXTURE, '--as-of', AS_OF, '-o', 'plan.html'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'riskpay: error: Nothing written to plan.html: the extension .html asks for HTML, and only riskpay score by debtor writes HTML. ' +
        'riskpay plan writes json (.json), ndjson (.ndjson, .jsonl), csv (.csv) and a text table to .txt or to a name without an extension. ' +
        'Give --format table, json, ndjson or csv to write that format to plan.html, or end the file name in one of these extensions.',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops score by invoice, in Swedish', async () => {
    const dir = tempDir();
    const run = await runInProcess(['score', 'x.csv', '--by', 'invoice', '-o', 'out.HTML', '--lang', 'sv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'riskpay: fel: Ingenting skrevs till out.HTML: filändelsen .HTML begär HTML, och bara riskpay score per kund skriver HTML. ' +
        'riskpay score --by invoice skriver json (.json), ndjson (.ndjson, .jsonl), csv (.csv) samt en texttabell till .txt eller till ett namn utan filändelse. ' +
        'Ange --format table, json, ndjson eller csv för att skriva det formatet till out.HTML, eller låt filnamnet sluta på någon av dessa filändelser.',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(['forecast', 'features', 'inspect'])('stops %s before writing', async (command) => {
    const dir = tempDir();
    const run = await runInProcess([command, 'x.csv', '-o', 'out.html'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Nothing written to out.html: the extension .html asks for HTML`);
    expect(run.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes the table with --format table', async () => {
    const dir = tempDir();
    const run = await runInProcess(['plan', 'x.csv', '--format', 'table', '-o', 'plan.html'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.html'), 'utf8')).toMatch(BOX_DRAWING);
  });

  it('stops after a standing html default too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'riskpay.config.json'), JSON.stringify({ defaults: { format: 'html' } }));
    const run = await runInProcess(['plan', 'x.csv', '-o', 'plan.html'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Nothing written to plan.html');
    expect(existsSync(join(dir, 'plan.html'))).toBe(false);
  });
});

describe('a standing html default', () => {
  it('gives way to the extension where HTML cannot be written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'riskpay.config.json'), JSON.stringify({ defaults: { format: 'html' } }));
    const run = await runInProcess(['plan', 'x.csv', '-o', 'h.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('defaults.format sets the format to html, which only riskpay score writes, so riskpay plan does not use it.');
    expect(run.stderr).toContain('Writing json because h.json ends in .json.');
    expect(() => JSON.parse(readFileSync(join(dir, 'h.json'), 'utf8'))).not.toThrow();
  });

  it('is named when a table is written instead', async () => {
    const run = await runInProcess(['plan', 'x.csv'], { env: { RISKPAY_FORMAT: 'html', RISKPAY_LANG: 'sv' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('RISKPAY_FORMAT sätter formatet html, som bara riskpay score skriver, så riskpay plan använder det inte.');
    expect(run.stdout).toMatch(BOX_DRAWING);
  });
});

describe('format from the extension gives way', () => {
  it('to --format', async () => {
    const dir = tempDir();
    const run = await runInProcess(['score', 'x.csv', '--format', 'table', '-o', 'out.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('Writing');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toMatch(BOX_DRAWING);
  });

  it('to RISKPAY_FORMAT', async () => {
    const dir = tempDir();
    const run = await runInProcess(['score', 'x.csv', '-o', 'out.json'], { cwd: dir, env: { RISKPAY_FORMAT: 'csv' } });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).not.toMatch(/^\{/);
  });

  it('to defaults.format in the config', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'riskpay.config.json'), JSON.stringify({ defaults: { format: 'ndjson' } }));
    const run = await runInProcess(['score', 'x.csv', '-o', 'out.csv'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(() => JSON.parse(readFileSync(join(dir, 'out.csv'), 'utf8').split('\n')[0])).not.toThrow();
  });
});

describe('extension with no format', () => {
  it('keeps the table for .txt', async () => {
    const dir = tempDir();
    const run = await runInProcess(['score', 'x.csv', '-o', 'out.txt'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('Writing');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toMatch(BOX_DRAWING);
  });

  it('writes ndjson to .jsonl', async () => {
    const dir = tempDir();
    const run = await runInProcess(['score', 'x.csv', '-q', '-o', 'out.jsonl'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = readFileSync(join(dir, 'out.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('status is hidden by --quiet', async () => {
    const dir = tempDir();
    const run = await runInProcess(['score', 'x.csv', '-q', '-o', 'out.ndjson'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(() => JSON.parse(readFileSync(join(dir, 'out.ndjson'), 'utf8').split('\n')[0])).not.toThrow();
  });
});

describe('name that is only an extension', () => {
  it('writes JSON to .json', async () => {
    const dir = tempDir();
    const run = await runInProcess(['score', 'x.csv', '-o', '.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Writing json because .json ends in .json.');
    expect(() => JSON.parse(readFileSync(join(dir, '.json'), 'utf8'))).not.toThrow();
  });

  it('writes CSV to a folder/.CSV', async () => {
    const dir = tempDir();
    const run = await runInProcess(['plan', 'x.csv', '-q', '-o', join(dir, '.CSV')], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, '.CSV'), 'utf8')).not.toMatch(BOX_DRAWING);
  });

  it('stops plan at .html', async () => {
    const dir = tempDir();
    const run = await runInProcess(['plan', 'x.csv', '-o', '.html'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the table for another dot-file', async () => {
    const dir = tempDir();
    const run = await runInProcess(['score', 'x.csv', '-o', '.report'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, '.report'), 'utf8')).toMatch(BOX_DRAWING);
  });
});

describe('extension riskpay does not write', () => {
  it('stops before writing .xlsx', () => {
    const dir = tempDir();
    const run = runCli(['score', FIXTURE, '--as-of', AS_OF, '-o', 'out.xlsx'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'riskpay: error: Nothing written to out.xlsx: riskpay writes no format for the extension .xlsx, so the file would get a text table. ' +
        'riskpay score writes json (.json), ndjson (.ndjson, .jsonl), csv (.csv), html (.html) and a text table to .txt or to a name without an extension. ' +
        'Give --format FORMAT (--format csv for a spreadsheet), or end the file name in one of these extensions.',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops in Swedish, without html for plan', () => {
    const dir = tempDir();
    const run = runCli(['plan', FIXTURE, '--as-of', AS_OF, '-o', 'plan.PDF', '--lang', 'sv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'riskpay: fel: Ingenting skrevs till plan.PDF: riskpay skriver inget format med filändelsen .PDF, så filen skulle få en texttabell. ' +
        'riskpay plan skriver json (.json), ndjson (.ndjson, .jsonl), csv (.csv) samt en texttabell till .txt eller till ett namn utan filändelse. ' +
        'Ange --format FORMAT (--format csv för ett kalkylark) eller låt filnamnet sluta på någon av dessa filändelser.',
    );
    expect(existsSync(join(dir, 'plan.PDF'))).toBe(false);
  });

  it('writes it with --format', async () => {
    const dir = tempDir();
    const run = await runInProcess(['score', 'x.csv', '--format', 'csv', '-o', 'out.xlsx'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'out.xlsx'), 'utf8')).not.toMatch(BOX_DRAWING);
  });

  it('keeps the table without an extension', async () => {
    const dir = tempDir();
    const run = await runInProcess(['score', 'x.csv', '-o', 'report'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'report'), 'utf8')).toMatch(BOX_DRAWING);
  });

  it('leaves train and schema alone', async () => {
    const dir = tempDir();
    const run = await runInProcess(['schema', '-o', 'score.schema'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(() => JSON.parse(readFileSync(join(dir, 'score.schema'), 'utf8'))).not.toThrow();
  });
});
