import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RiskpayError } from '../../src/findings.js';
import { Forest, loadForest, parseJsonSafely, trainForestSync } from '../../src/forest/index.js';
import { generateData } from '../../bench/forest/data.js';

const base = trainForestSync(generateData(300, 4), {
  task: 'classification',
  nTrees: 3,
  maxDepth: 4,
  seed: 8,
}).toJSON();
const baseText = JSON.stringify(base);

type Json = unknown;

/** Lists every path from the root to a value inside `value`, as lists of keys and indices. */
function allPaths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => allPaths(item, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) allPaths((value as Record<string, Json>)[key], [...prefix, key], out);
  }
  return out;
}
const paths = allPaths(base).filter((p) => p.length > 0);

const DELETE = Symbol('delete');

/** Replaces (or deletes) the value at `path` in a deep copy of the base forest. */
function mutate(root: Json, path: (string | number)[], replacement: unknown): Json {
  let parent = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) parent = parent[path[i]] as Record<string | number, unknown>;
  const key = path[path.length - 1];
  if (replacement === DELETE) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else {
    parent[key] = replacement;
  }
  return root;
}

const replacement = fc.oneof(
  fc.integer({ min: -3, max: 40 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 2 ** 31, 2 ** 53, 0.5, 1.0000001),
  fc.double(),
  fc.string(),
  fc.constantFrom(null, true, [], {}, DELETE, { __proto__: null }, JSON.parse('{"__proto__":{"x":1}}')),
  fc.array(fc.integer({ min: -2, max: 30 }), { maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Loads and, when loading succeeds, scores a row; only RiskpayError may escape. */
function loadAndScore(json: unknown): void {
  let forest: Forest;
  try {
    forest = loadForest(json);
  } catch (error) {
    if (error instanceof RiskpayError) return;
    throw error;
  }
  const row = Float64Array.from({ length: forest.nFeatures }, (_, f) => (f % 3) - 1);
  const p = forest.predictRow(row);
  if (!Number.isFinite(p)) throw new Error(`loaded forest predicts ${p}`);
  const batch = forest.predict({ data: row, rows: 1, cols: forest.nFeatures })[0];
  if (Math.abs(batch - p) > 1e-12) throw new Error(`batch prediction ${batch} differs from row prediction ${p}`);
}

describe('loadForest fuzz', () => {
  it('survives 10,000 mutated forests', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: paths.length - 1 }), replacement), { minLength: 1, maxLength: 3 }),
        (edits) => {
          let json: Json = JSON.parse(baseText);
          for (const [pathIndex, value] of edits) {
            try {
              json = mutate(json, paths[pathIndex], value);
            } catch {
              // An earlier edit removed part of this path; skip the edit.
            }
          }
          loadAndScore(json);
        },
      ),
      { numRuns: 10_000, seed: 42 },
    );
  });

  it('survives 2,000 arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => loadAndScore(value)),
      { numRuns: 2_000, seed: 43 },
    );
  });

  it('survives 2,000 corrupted texts', () => {
    fc.assert(
      fc.property(fc.nat({ max: baseText.length - 1 }), fc.string({ maxLength: 8 }), (at, inserted) => {
        const text = baseText.slice(0, at) + inserted + baseText.slice(at + 1);
        let json: unknown;
        try {
          json = parseJsonSafely(text);
        } catch (error) {
          if (error instanceof RiskpayError) return;
          throw error;
        }
        loadAndScore(json);
      }),
      { numRuns: 2_000, seed: 44 },
    );
  });

  it('still loads the unmutated base', () => {
    expect(loadForest(JSON.parse(baseText)).nTrees).toBe(3);
  });
});
