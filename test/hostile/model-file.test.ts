// Hostile and broken model files given to `riskpay score --model`. The built CLI must stop with exit
// code 2 and one error line. The same files go through loadModel in-process to check the error code
// and that no prototype was polluted.

import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RiskpayError } from '../../src/findings.js';
import { loadModel } from '../../src/model/model-file.js';
import { errorLines, makeTempDir, requireBuild, runCli } from './cli.js';
import { SMALL_EXPORT_DATE, smallLedgerCsv } from './small-ledger.js';

const temp = makeTempDir('hostile-model');
const ledgerPath = join(temp.dir, 'ledger.csv');
const modelPath = join(temp.dir, 'model.json');
let modelText = '';

beforeAll(async () => {
  requireBuild();
  writeFileSync(ledgerPath, await smallLedgerCsv());
  const trained = runCli(['train', ledgerPath, '-o', modelPath, '-q'], { timeoutMs: 300_000 });
  expect(trained.code).toBe(0);
  modelText = readFileSync(modelPath, 'utf8');
}, 300_000);

afterAll(() => temp.remove());

function write(name: string, text: string): string {
  const path = join(temp.dir, name);
  writeFileSync(path, text);
  return path;
}

/** Returns the model text with `insert` placed right after the first occurrence of `anchor`. */
function insertAfter(anchor: string, insert: string): string {
  const at = modelText.indexOf(anchor);
  if (at < 0) throw new Error(`anchor ${anchor} not found in the trained model`);
  return modelText.slice(0, at + anchor.length) + insert + modelText.slice(at + anchor.length);
}

/** Replaces the first number after `anchor` (e.g. the first tree's first threshold) with `value`. */
function replaceFirstNumberAfter(anchor: string, value: string): string {
  const at = modelText.indexOf(anchor);
  if (at < 0) throw new Error(`anchor ${anchor} not found in the trained model`);
  const rest = modelText.slice(at + anchor.length);
  return modelText.slice(0, at + anchor.length) + rest.replace(/^-?[\d.eE+-]+/, value);
}

/** Scores with the model file and checks the clean failure. */
function expectScoreRejects(path: string): void {
  const run = runCli(['score', ledgerPath, '--model', path, '--as-of', SMALL_EXPORT_DATE, '--format', 'json'], { timeoutMs: 120_000 });
  expect(run.signal).toBeNull();
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(errorLines(run)).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

function loadErrorCode(path: string): string {
  try {
    loadModel(path);
  } catch (error) {
    if (error instanceof RiskpayError) return error.finding.code;
    throw error;
  }
  throw new Error(`${path} loaded without an error`);
}

describe('hostile model files', { timeout: 180_000 }, () => {
  it('trained model scores', () => {
    const run = runCli(['score', ledgerPath, '--model', modelPath, '--as-of', SMALL_EXPORT_DATE, '--format', 'json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { debtors: unknown[] }).debtors.length).toBeGreaterThan(0);
  });

  it('deeply nested JSON is rejected', () => {
    const path = write('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expectScoreRejects(path);
    expect(loadErrorCode(path)).toBe('JSON_TOO_DEEP');
  });

  it('deep nesting inside a model is rejected', () => {
    const path = write('deep-meta.json', insertAfter('"meta":{', `"deep":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)},`));
    expectScoreRejects(path);
    expect(loadErrorCode(path)).toBe('JSON_TOO_DEEP');
  });

  it('__proto__ key is rejected', () => {
    const path = write('proto.json', insertAfter('"meta":{', '"__proto__":{"polluted":true},'));
    expectScoreRejects(path);
    expect(loadErrorCode(path)).toBe('JSON_FORBIDDEN_KEY');
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('constructor key is rejected', () => {
    const path = write('constructor.json', insertAfter('"calibration":{', '"constructor":{"prototype":{"polluted":true}},'));
    expectScoreRejects(path);
    expect(loadErrorCode(path)).toBe('JSON_FORBIDDEN_KEY');
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('1e999 threshold is rejected', () => {
    const path = write('inf-threshold.json', replaceFirstNumberAfter('"threshold":[', '1e999'));
    expectScoreRejects(path);
    expect(loadErrorCode(path)).toBe('FOREST_INVALID');
  });

  it('NaN threshold is rejected', () => {
    const path = write('nan-threshold.json', replaceFirstNumberAfter('"threshold":[', 'NaN'));
    expectScoreRejects(path);
    expect(loadErrorCode(path)).toBe('JSON_SYNTAX');
  });

  it('-1e999 leaf value is rejected', () => {
    const path = write('inf-value.json', replaceFirstNumberAfter('"value":[', '-1e999'));
    expectScoreRejects(path);
    expect(loadErrorCode(path)).toBe('FOREST_INVALID');
  });

  it('1e999 calibration is rejected', () => {
    const path = write('inf-calibration.json', replaceFirstNumberAfter('"a":', '1e999'));
    expectScoreRejects(path);
    expect(loadErrorCode(path)).toBe('MODEL_INVALID');
  });

  it('60 MB tree is rejected', () => {
    // One tree of 3 million leaves that the root cannot reach: valid JSON, invalid forest.
    const nodes = 3_000_000;
    const model = JSON.parse(modelText) as { classifier: { trees: Record<string, number[]>[] } };
    model.classifier.trees[0] = {
      feature: new Array(nodes).fill(-1),
      threshold: new Array(nodes).fill(0),
      left: new Array(nodes).fill(-1),
      right: new Array(nodes).fill(-1),
      value: new Array(nodes).fill(0.5),
    };
    const path = write('huge-tree.json', JSON.stringify(model));
    expectScoreRejects(path);
    expect(loadErrorCode(path)).toBe('FOREST_INVALID');
  });

  it('300 MB file is rejected', () => {
    // A sparse file: 300 MB of zero bytes that cost no disk space.
    const path = join(temp.dir, 'huge.json');
    const descriptor = openSync(path, 'w');
    writeSync(descriptor, Buffer.from([0]), 0, 1, 300 * 1024 * 1024 - 1);
    closeSync(descriptor);
    expectScoreRejects(path);
  });

  it('truncated model is rejected', () => {
    const path = write('truncated.json', modelText.slice(0, Math.floor(modelText.length / 2)));
    expectScoreRejects(path);
    expect(loadErrorCode(path)).toBe('JSON_TRUNCATED');
  });
});
