// Whole-number options with an upper limit (--weeks, --seed): a value out of range is rejected before
// any work, and the error names where the value came from: the flag, the variable or the config key.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../report/stand-in.js';
import { FIXTURE, requireBuild, runCli } from './helpers.js';

beforeAll(() => requireBuild());

const tempDir = () => mkdtempSync(join(tmpdir(), 'riskpay-ranges-'));

/** Returns the data rows of a forecast in CSV form (the header line left out). */
function forecastRows(stdout: string): string[] {
  return stdout.trim().split('\n').slice(1);
}

describe('--weeks above the maximum', () => {
  it('stops before reading the input', () => {
    const run = runCli(['forecast', FIXTURE, '--as-of', '2024-06-30', '--weeks', '105']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Invalid value "105" for --weeks: expected a whole number from 1 to 104.');
    expect(run.stderr).not.toContain('As of');
    expect(run.stderr).not.toContain('config');
  });

  it('blames RISKPAY_WEEKS for an environment value', async () => {
    const run = await runInProcess(['forecast', 'x.csv'], { env: { RISKPAY_WEEKS: '0' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invalid value "0" for RISKPAY_WEEKS: expected a whole number from 1 to 104.');
  });

  it('blames defaults.weeks for a config value', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'riskpay.config.json'), JSON.stringify({ defaults: { weeks: 200 } }));
    const run = await runInProcess(['forecast', 'x.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('$.defaults.weeks');
    expect(run.stderr).not.toContain('--weeks');
  });

  it('shows the range in Swedish', async () => {
    const run = await runInProcess(['forecast', 'x.csv', '--weeks', '105', '--lang', 'sv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Ogiltigt värde "105" för --weeks: ange ett heltal från 1 till 104.');
  });

  it('states the range in the help', async () => {
    const english = await runInProcess(['forecast', '--help']);
    expect(english.stdout.replace(/\s+/g, ' ')).toContain('number of weeks to forecast; a whole number from 1 to 104; default: 8');
    const swedish = await runInProcess(['forecast', '--help', '--lang', 'sv']);
    expect(swedish.stdout.replace(/\s+/g, ' ')).toContain('ett heltal från 1 till 104');
  });
});

describe('--seed range', () => {
  it('rejects a seed above 32 bits', async () => {
    const run = await runInProcess(['score', 'x.csv', '--seed', '4294967296']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invalid value "4294967296" for --seed: expected a whole number from 0 to 4294967295.');
  });

  it('accepts the largest seed', async () => {
    expect((await runInProcess(['score', 'x.csv', '--seed', '4294967295'])).code).toBe(0);
  });
});

describe('forecast.weeks in the config file', () => {
  it('sets the horizon when no option does', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'riskpay.config.json'), JSON.stringify({ forecast: { weeks: 2 } }));
    const run = runCli(['forecast', FIXTURE, '--as-of', '2024-06-30', '--format', 'csv'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(forecastRows(run.stdout)).toHaveLength(2);
  });

  it('gives way to --weeks', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'riskpay.config.json'), JSON.stringify({ forecast: { weeks: 2 } }));
    const run = runCli(['forecast', FIXTURE, '--as-of', '2024-06-30', '--format', 'csv', '--weeks', '3'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(forecastRows(run.stdout)).toHaveLength(3);
  });

  it('is checked against the maximum on load', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'riskpay.config.json'), JSON.stringify({ forecast: { weeks: 105 } }));
    const run = await runInProcess(['forecast', 'x.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('$.forecast.weeks');
  });
});

describe('a flag over a bad variable', () => {
  it('uses the flag without reading the variable', () => {
    const run = runCli(['forecast', FIXTURE, '--as-of', '2024-06-30', '--weeks', '4', '--format', 'json', '-q'], { env: { RISKPAY_WEEKS: '500' } });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { weeks: unknown[] }).weeks.length).toBeGreaterThan(0);
    expect(run.stderr).toBe('');
  });
});
