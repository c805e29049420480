// evaluate and train with a cutoff or as-of date that leaves no history to train on: the error names
// the first invoice date or the invoices without a known outcome, in English and Swedish, with exit 2.

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, requireBuild, runCli, tempDir } from './helpers.js';

const SAMPLE = join(ROOT, 'fixtures/sample-invoices.csv');
const POINT_IN_TIME = join(ROOT, 'test/cases/28-point-in-time-features/input.csv');

beforeAll(requireBuild);

describe('evaluate without history', () => {
  it('cutoff before the first invoice', () => {
    const run = runCli(['evaluate', SAMPLE, '--cutoff', '2000-01-01']);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('the cutoff 2000-01-01 is on or before the first invoice, issued on 2023-01-15');
    expect(run.stderr).toContain('Choose a later --cutoff');
    expect(run.stderr).not.toContain('1999-12-31');
  });

  it('cutoff before the first invoice in Swedish', () => {
    const run = runCli(['evaluate', SAMPLE, '--cutoff', '2000-01-01', '--lang', 'sv']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('brytdagen 2000-01-01 infaller på eller före den första fakturan (fakturadatum 2023-01-15)');
    expect(run.stderr).toContain('Välj ett senare --cutoff');
  });

  it('no known outcome before the cutoff', () => {
    const run = runCli(['evaluate', POINT_IN_TIME, '--cutoff', '2024-02-01']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('1 invoice was issued before the cutoff 2024-02-01, and its outcome was not known by then');
    expect(run.stderr).toContain('Choose a later --cutoff');
    expect(run.stderr).not.toContain('(0 on time)');
  });

  it('no known outcome in Swedish', () => {
    const run = runCli(['evaluate', POINT_IN_TIME, '--cutoff', '2024-02-01', '--lang', 'sv']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('1 faktura utfärdades före brytdagen 2024-02-01, och dess utfall var inte känt då');
    expect(run.stderr).toContain('Välj ett senare --cutoff');
  });
});

describe('train without history', () => {
  it('as-of date before the first invoice', () => {
    const run = runCli(['train', SAMPLE, '--as-of', '2000-01-01', '-o', join(tempDir(), 'model.json')]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the as-of date 2000-01-01 is before the first invoice, issued on 2023-01-15');
    expect(run.stderr).toContain('Choose a later --as-of');
  });

  it('no known outcome by the as-of date', () => {
    const run = runCli(['train', POINT_IN_TIME, '--as-of', '2024-02-08', '-o', join(tempDir(), 'model.json'), '--lang', 'sv']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2 fakturor var utfärdade till och med 2024-02-08, men ingen av dem har något känt utfall än');
  });
});
