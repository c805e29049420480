// An error or warning about an option value names where the value came from: the flag, the RISKPAY_*
// variable or the config file's `defaults`, so the user fixes the right place.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, requireBuild, runCli, tempDir } from './helpers.js';

/** Returns day `offset` after 2023-01-01 as YYYY-MM-DD. */
function dateAfter(offset: number): string {
  return new Date(Date.UTC(2023, 0, 1 + offset)).toISOString().slice(0, 10);
}

/** 120 paid invoices, every third 20 days late, with a DaysLate column that records the outcome. */
function leakyCsv(): string {
  const lines = ['InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate,DaysLate'];
  for (let i = 0; i < 120; i += 1) {
    const issued = i * 3;
    const daysLate = i % 3 === 0 ? 20 : -2;
    lines.push(`F-${i},Customer ${i % 8},${dateAfter(issued)},${dateAfter(issued + 30)},${100 + i},${dateAfter(issued + 30 + daysLate)},${daysLate}`);
  }
  return `${lines.join('\n')}\n`;
}

let dir = '';
let leakyFile = '';

beforeAll(() => {
  requireBuild();
  dir = tempDir();
  leakyFile = join(dir, 'leaky.csv');
  writeFileSync(leakyFile, leakyCsv());
});

describe('unknown encoding source', () => {
  it('names the flag', () => {
    const run = runCli(['score', FIXTURE, '--encoding', 'uft8']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown encoding "uft8" in --encoding. Did you mean utf-8?');
  });

  it('names RISKPAY_ENCODING', () => {
    const run = runCli(['score', FIXTURE], { env: { RISKPAY_ENCODING: 'uft8' } });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown encoding "uft8" in RISKPAY_ENCODING. Did you mean utf-8?');
    expect(run.stderr).not.toContain('--encoding');
  });

  it('names the config default', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'riskpay.config.json'), JSON.stringify({ defaults: { encoding: 'uft8' } }));
    const run = runCli(['score', FIXTURE], { cwd });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown encoding "uft8" in defaults.encoding. Did you mean utf-8?');
  });

  it('names RISKPAY_ENCODING in Swedish', () => {
    const run = runCli(['score', FIXTURE, '--lang', 'sv'], { env: { RISKPAY_ENCODING: 'uft8' } });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Okänd teckenkodning "uft8" i RISKPAY_ENCODING. Menade du utf-8?');
  });
});

describe('extra column leak source', () => {
  it('names the flag', () => {
    const run = runCli(['train', leakyFile, '--extra', 'DaysLate', '-o', join(dir, 'flag.json')]);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Leave DaysLate out of --extra.');
  });

  it('names RISKPAY_EXTRA', () => {
    const run = runCli(['train', leakyFile, '-o', join(dir, 'env.json')], { env: { RISKPAY_EXTRA: 'DaysLate' } });

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Leave DaysLate out of RISKPAY_EXTRA.');
  });

  it('names the config default', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'riskpay.config.json'), JSON.stringify({ defaults: { extra: ['DaysLate'] } }));
    const run = runCli(['evaluate', leakyFile, '--cutoff', '2023-09-01'], { cwd });

    expect(run.stderr).toContain('Leave DaysLate out of defaults.extra.');
  });

  it('names RISKPAY_EXTRA in score JSON', () => {
    const run = runCli(['score', leakyFile, '--as-of', '2024-03-01', '--format', 'json', '--lang', 'sv'], { env: { RISKPAY_EXTRA: 'DaysLate' } });

    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { findings: { code: string; args: Record<string, unknown>; message: string }[] };
    const leak = document.findings.find((item) => item.code === 'MODEL_EXTRA_COLUMN_LEAK');
    expect(leak?.args.option).toBe('RISKPAY_EXTRA');
    expect(leak?.message).toContain('Utelämna DaysLate från RISKPAY_EXTRA.');
  });
});

describe('missing config file source', () => {
  it('names RISKPAY_CONFIG and the fix', () => {
    const run = runCli(['score', FIXTURE], { env: { RISKPAY_CONFIG: 'nope.json' } });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Config file not found: nope.json, given in RISKPAY_CONFIG. Correct the path, or remove RISKPAY_CONFIG');
  });

  it('names --config', () => {
    const run = runCli(['score', FIXTURE, '--config', 'nope.json']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Config file not found: nope.json, given in --config.');
  });

  it('names RISKPAY_CONFIG in Swedish', () => {
    const run = runCli(['score', FIXTURE, '--lang', 'sv'], { env: { RISKPAY_CONFIG: 'nope.json' } });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Konfigurationsfilen hittades inte: nope.json, angiven i RISKPAY_CONFIG. Rätta sökvägen, eller ta bort RISKPAY_CONFIG');
  });
});
