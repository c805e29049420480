// Fuzzes the model loader with mutated copies of a valid model file: whatever the damage, loading
// either gives a model whose predictions are probabilities or throws a RiskpayError naming the file.

import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { RiskpayError } from '../../src/findings.js';
import { MAX_MODEL_FILE_LENGTH, loadModel, modelFromJson, modelFromText, modelToJson, trainModel } from '../../src/model/index.js';
import { simulateLedgers } from '../../scripts/simulate/simulate.js';

const FILE = 'fuzzed-model.json';

let valid: unknown;

beforeAll(async () => {
  const ledger = simulateLedgers({ seed: 7, businesses: 1, debtors: 25, years: 1.5, start: '2023-01-01' })[0];
  // A tiny forest keeps each of the 10,000 cases cheap; the structure is the same as a full model's.
  const { model } = await trainModel(ledger, { lateAfter: 7, seed: 3, threads: 1, classifier: { nTrees: 2, maxDepth: 3 }, regressor: { nTrees: 2, maxDepth: 3 } });
  valid = JSON.parse(JSON.stringify(modelToJson(model)));
});

/** Lists the path (a list of keys) to every value inside a JSON value. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}

const replacement = fc.oneof(
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 2 ** 53, -1, 0, 1, 0.5, 1e-320, '', 'x', '1', true, false, null, [], {}, [[]], 2, 999),
  fc.jsonValue({ maxDepth: 2 }),
);

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'remove'; at: number }
  | { kind: 'proto'; at: number }
  | { kind: 'version'; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('proto' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('version' as const), value: fc.constantFrom<unknown>(0, 2, 1.5, '1', null, -1, 1e999, NaN) }),
);

/** Applies mutations to a deep copy; returns the copy, or a string when a mutation replaced the root. */
function mutate(source: unknown, mutations: Mutation[]): unknown {
  let root = structuredClone(source);
  for (const m of mutations) {
    if (m.kind === 'version') {
      const meta = (root as { meta?: Record<string, unknown> } | null)?.meta;
      if (meta && typeof meta === 'object') meta.version = m.value;
      continue;
    }
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length];
    if (path.length === 0) {
      if (m.kind === 'replace') root = m.value;
      continue;
    }
    let parent = root as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const key = path[path.length - 1];
    if (m.kind === 'replace') parent[key] = m.value;
    else if (m.kind === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else {
      // An own "__proto__" key, as JSON.parse makes it; assigning would change the prototype instead.
      Object.defineProperty(parent, '__proto__', { value: { polluted: 1 }, enumerable: true, configurable: true, writable: true });
    }
  }
  return root;
}

/** Serializes like JSON.stringify but writes non-finite numbers as the literals a hostile file could hold. */
function hostileText(value: unknown): string {
  const marks = new Map<string, string>();
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'number' && !Number.isFinite(item)) {
      const mark = `@@num${marks.size}@@`;
      let literal = item > 0 ? '1e999' : '-1e999';
      if (Number.isNaN(item)) literal = 'NaN';
      marks.set(mark, literal);
      return mark;
    }
    return item;
  });
  if (text === undefined) return '';
  return text.replace(/"@@num\d+@@"/g, (mark) => marks.get(mark.slice(1, -1)) as string);
}

/** Runs the loader and checks the outcome; returns the error code or 'ok'. */
function check(load: () => ReturnType<typeof modelFromJson>): string {
  let model: ReturnType<typeof modelFromJson>;
  try {
    model = load();
  } catch (error) {
    if (!(error instanceof RiskpayError)) throw error;
    expect(error.finding.path?.file, error.finding.code).toBe(FILE);
    expect(error.finding.args.file, error.finding.code).toBe(FILE);
    return error.finding.code;
  }
  const width = model.meta.featureNames.length;
  const rows = { data: new Float64Array(width * 2).fill(1), rows: 2, cols: width };
  rows.data.fill(0, 0, width);
  for (const p of model.predictLate(rows)) {
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  }
  return 'ok';
}

describe('model loader fuzz', () => {
  it('unmutated model loads', () => {
    expect(check(() => modelFromJson(structuredClone(valid), FILE))).toBe('ok');
    expect(check(() => modelFromText(JSON.stringify(valid), FILE))).toBe('ok');
  });

  it('mutated objects, 6,000 cases', () => {
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const code = check(() => modelFromJson(mutate(valid, mutations), FILE));
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }),
      { numRuns: 6000, seed: 42 },
    );
    // The mutations must reach past the envelope checks, or the fuzz tests little.
    expect(codes.get('MODEL_INVALID') ?? 0).toBeGreaterThan(100);
    expect([...codes.keys()].some((code) => code.startsWith('FOREST_'))).toBe(true);
  });

  it('mutated and damaged text, 4,000 cases', () => {
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 2 }), fc.nat(), fc.constantFrom('none', 'truncate', 'deep', 'garbage'), (mutations, cut, damage) => {
        let text = hostileText(mutate(valid, mutations));
        if (damage === 'truncate') text = text.slice(0, cut % (text.length + 1));
        if (damage === 'deep') text = `${'['.repeat(5000)}${text}${']'.repeat(5000)}`;
        if (damage === 'garbage') text = `${text.slice(0, cut % (text.length + 1))}\u0000}{"${text.slice(cut % (text.length + 1))}`;
        const code = check(() => modelFromText(text, FILE));
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }),
      { numRuns: 4000, seed: 43 },
    );
    expect((codes.get('JSON_SYNTAX') ?? 0) + (codes.get('JSON_TRUNCATED') ?? 0)).toBeGreaterThan(100);
    expect(codes.get('JSON_TOO_DEEP') ?? 0).toBeGreaterThan(100);
  });
});

describe('model file size', () => {
  it('oversized file rejected before reading', () => {
    const folder = mkdtempSync(join(tmpdir(), 'riskpay-model-size-'));
    const file = join(folder, 'huge.json');
    // A sparse file: one byte written past the limit, so the test writes almost nothing to disk.
    const descriptor = openSync(file, 'w');
    writeSync(descriptor, '{', MAX_MODEL_FILE_LENGTH + 10);
    closeSync(descriptor);
    const before = process.memoryUsage().rss;
    try {
      loadModel(file);
      expect.unreachable('an oversized model file loaded');
    } catch (error) {
      expect(error).toBeInstanceOf(RiskpayError);
      const finding = (error as RiskpayError).finding;
      expect(finding.code).toBe('MODEL_FILE_TOO_LARGE');
      expect(finding.path?.file).toBe(file);
      expect(finding.args.size).toBe(MAX_MODEL_FILE_LENGTH + 11);
    }
    // Reading the file would have cost at least its size; the check comes first.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('folder is unreadable, not missing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'riskpay-model-dir-'));
    try {
      loadModel(folder);
      expect.unreachable('a folder loaded as a model');
    } catch (error) {
      expect((error as RiskpayError).finding).toMatchObject({ code: 'MODEL_FILE_UNREADABLE', args: { reason: 'EISDIR' } });
    }
  });

  /** Writes `text` as a model file named `name` and returns it with the finding loadModel raised. */
  function loadFailure(name: string, text: string): { file: string; finding: unknown } {
    const file = join(mkdtempSync(join(tmpdir(), 'riskpay-model-syntax-')), name);
    writeFileSync(file, text);
    try {
      loadModel(file);
    } catch (error) {
      return { file, finding: (error as RiskpayError).finding };
    }
    return expect.unreachable(`${name} loaded as a model`);
  }

  it('syntax error names the file', () => {
    const { file, finding } = loadFailure('broken.json', '{"meta": ');
    expect(finding).toMatchObject({ code: 'JSON_TRUNCATED', args: { file }, path: { file } });
  });

  it('syntax error gives line and column', () => {
    const { file, finding } = loadFailure('broken.json', '{\n  "meta": x\n}\n');
    expect(finding).toMatchObject({ code: 'JSON_SYNTAX', args: { file, line: 2, column: 11 } });
  });

  it('a CSV is not a model file', () => {
    const { file, finding } = loadFailure('invoices.csv', 'Fakturanr;Kund\nF-1;Alfa AB\n');
    expect(finding).toMatchObject({ code: 'MODEL_NOT_A_MODEL', args: { file }, path: { file } });
  });
});
