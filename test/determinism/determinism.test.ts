// The same input, --as-of and --seed must give byte-identical output from the built CLI across runs
// and across time zones: UTC, America/Los_Angeles (behind UTC) and Pacific/Kiritimati (UTC+14, the
// furthest ahead), so a local-midnight date bug shifts days one way or the other.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, requireBuild, runCli } from '../hostile/cli.js';
import { SMALL_EXPORT_DATE, smallLedgerCsv } from '../hostile/small-ledger.js';

const ZONES = ['UTC', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];

const temp = makeTempDir('determinism');
const ledgerPath = join(temp.dir, 'ledger.csv');

beforeAll(async () => {
  requireBuild();
  writeFileSync(ledgerPath, await smallLedgerCsv());
});

afterAll(() => temp.remove());

/** Runs the CLI once per zone and returns stdout of each run; every run must succeed. */
function stdoutPerZone(args: string[]): string[] {
  return ZONES.map((zone) => {
    const run = runCli(args, { env: { TZ: zone }, timeoutMs: 600_000 });
    expect(run.code, `${zone}: ${run.stderr}`).toBe(0);
    return run.stdout;
  });
}

function expectAllEqual(outputs: (string | Buffer)[]): void {
  for (let i = 1; i < outputs.length; i++) {
    expect(outputs[i], `run ${i + 1} (TZ=${ZONES[i]}) differs from run 1 (TZ=UTC)`).toEqual(outputs[0]);
  }
}

describe('determinism across runs and time zones', { timeout: 1_200_000 }, () => {
  let modelPath = '';

  it('train writes identical models', () => {
    const models = ZONES.map((zone, i) => {
      const out = join(temp.dir, `model-${i}.json`);
      const run = runCli(['train', ledgerPath, '-o', out, '--seed', '3', '-q'], { env: { TZ: zone }, timeoutMs: 600_000 });
      expect(run.code, `${zone}: ${run.stderr}`).toBe(0);
      return readFileSync(out);
    });
    expectAllEqual(models);
    modelPath = join(temp.dir, 'model-0.json');
  });

  it('score JSON with a model file is identical', () => {
    expect(modelPath).not.toBe('');
    const outputs = stdoutPerZone(['score', ledgerPath, '--model', modelPath, '--as-of', SMALL_EXPORT_DATE, '--seed', '3', '--format', 'json']);
    expectAllEqual(outputs);
    expect((JSON.parse(outputs[0]) as { asOf: string }).asOf).toBe(SMALL_EXPORT_DATE);
  });

  it('score by invoice is identical', () => {
    const outputs = stdoutPerZone(['score', ledgerPath, '--model', modelPath, '--as-of', '2023-07-15', '--seed', '3', '--by', 'invoice', '--format', 'json']);
    expectAllEqual(outputs);
  });

  it('score choosing its own model is identical', () => {
    const outputs = stdoutPerZone(['score', ledgerPath, '--as-of', SMALL_EXPORT_DATE, '--seed', '3', '--format', 'json']);
    expectAllEqual(outputs);
  });

  it('features JSON is identical', () => {
    const outputs = stdoutPerZone(['features', ledgerPath, '--as-of', '2023-03-31', '--format', 'json']);
    expectAllEqual(outputs);
  });
});
