import { describe, expect, it } from 'vitest';
import { RiskpayError } from '../../src/findings.js';
import {
  FOREST_FORMAT_VERSION,
  FOREST_LIMITS,
  loadForest,
  parseJsonSafely,
  trainForestSync,
  type ForestJSON,
} from '../../src/forest/index.js';
import { generateData, splitRows } from '../../bench/forest/data.js';

function failure(action: () => unknown): RiskpayError['finding'] {
  try {
    action();
  } catch (error) {
    if (error instanceof RiskpayError) return error.finding;
    throw error;
  }
  throw new Error('expected a RiskpayError, but the call succeeded');
}

const { train, test } = splitRows(generateData(1500, 21), 1000);
const forest = trainForestSync(train, { task: 'classification', nTrees: 10, seed: 9 });
const saved: ForestJSON = forest.toJSON();

/** Returns a deep copy of the saved forest, changed by `edit`. */
function variant(edit: (json: ForestJSON) => void): ForestJSON {
  const copy = JSON.parse(JSON.stringify(saved)) as ForestJSON;
  edit(copy);
  return copy;
}

describe('save and load', () => {
  it('round trip predicts identically', () => {
    const text = JSON.stringify(forest.toJSON());
    const loaded = loadForest(parseJsonSafely(text));
    expect(Array.from(loaded.predict(test.X))).toEqual(Array.from(forest.predict(test.X)));
    expect(loaded.oob).toBe(forest.oob);
    expect(Array.from(loaded.featureImportance())).toEqual(Array.from(forest.featureImportance()));
    expect(JSON.stringify(loaded.toJSON())).toBe(text);
  });

  it('round trip keeps regression forests', () => {
    const regression = trainForestSync(
      { ...train, y: Float64Array.from(train.y, (label, r) => label * 10 + (r % 7)) },
      { task: 'regression', nTrees: 5, seed: 1 },
    );
    const loaded = loadForest(parseJsonSafely(JSON.stringify(regression)));
    expect(loaded.task).toBe('regression');
    expect(Array.from(loaded.predict(test.X))).toEqual(Array.from(regression.predict(test.X)));
  });

  it('batch prediction matches per-row on renumbered trees', () => {
    // Swapping the root's children gives a valid tree whose siblings are no longer adjacent.
    const swapped = loadForest(
      variant((j) => {
        const t = j.trees[0];
        [t.left[0], t.right[0]] = [t.right[0], t.left[0]];
      }),
    );
    const batch = swapped.predict(test.X);
    for (let r = 0; r < 200; r++) {
      const row = test.X.data.subarray(r * test.X.cols, (r + 1) * test.X.cols);
      expect(batch[r]).toBeCloseTo(swapped.predictRow(row), 12);
    }
    expect(Array.from(batch)).not.toEqual(Array.from(forest.predict(test.X)));
  });

  it('rejects non-finite rows when scoring', () => {
    const X = { data: test.X.data.slice(0, 2 * test.X.cols), rows: 2, cols: test.X.cols };
    X.data[test.X.cols + 3] = Number.NaN;
    const f = failure(() => forest.predict(X));
    expect(f.code).toBe('FOREST_INPUT_NOT_FINITE');
    expect(f.args).toEqual({ row: 1, feature: 3, value: 'NaN' });
    expect(failure(() => forest.contributions(X.data.subarray(test.X.cols))).code).toBe('FOREST_INPUT_NOT_FINITE');
  });

  it('writes the format name and version', () => {
    expect(saved.format).toBe('riskpay-forest');
    expect(saved.version).toBe(FOREST_FORMAT_VERSION);
  });
});

describe('hostile model files', () => {
  it('rejects a newer format version naming both', () => {
    const f = failure(() => loadForest(variant((j) => ((j as { version: number }).version = 2))));
    expect(f.code).toBe('FOREST_VERSION_UNSUPPORTED');
    expect(f.args).toEqual({ found: 2, supported: 1 });
  });

  it('rejects another format name', () => {
    const f = failure(() => loadForest(variant((j) => ((j as { format: string }).format = 'sklearn'))));
    expect(f.code).toBe('FOREST_INVALID');
    expect(f.args.path).toBe('format');
  });

  const broken: [string, (json: ForestJSON) => void, string][] = [
    ['child index out of range', (j) => (j.trees[0].left[0] = j.trees[0].feature.length), 'trees[0].left[0]'],
    ['child pointing to itself', (j) => (j.trees[0].right[0] = 0), 'trees[0].right[0]'],
    [
      'cycle through a backward link',
      (j) => {
        const t = j.trees[0];
        const child = t.left[0];
        if (t.feature[child] >= 0) t.left[child] = 0;
        else t.right[0] = 0;
      },
      '',
    ],
    ['negative feature', (j) => (j.trees[0].feature[0] = -2), 'trees[0].feature[0]'],
    ['feature beyond nFeatures', (j) => (j.trees[0].feature[0] = 25), 'trees[0].feature[0]'],
    ['fractional index', (j) => (j.trees[0].left[0] = 1.5), 'trees[0].left[0]'],
    ['index beyond safe integers', (j) => (j.trees[0].right[0] = 2 ** 53), 'trees[0].right[0]'],
    ['tree without values', (j) => delete (j.trees[1] as Partial<ForestJSON['trees'][number]>).value, 'trees[1].value'],
    ['NaN threshold', (j) => (j.trees[0].threshold[0] = Number.NaN), 'trees[0].threshold[0]'],
    ['infinite value', (j) => (j.trees[1].value[0] = Infinity), 'trees[1].value[0]'],
    ['probability above 1', (j) => (j.trees[0].value[0] = 1.5), 'trees[0].value[0]'],
    ['array lengths differ', (j) => j.trees[0].value.pop(), 'trees[0].value'],
    ['leaf with children', (j) => (j.trees[0].feature[0] = -1), 'trees[0].left[0]'],
    [
      'node with two parents',
      (j) => {
        const t = j.trees[0];
        t.right[0] = t.left[0] + 0;
      },
      'trees[0].right[0]',
    ],
    ['no trees', (j) => (j.trees = []), 'trees'],
    ['missing featureNames entry', (j) => j.featureNames.pop(), 'featureNames'],
    ['string in place of a number', (j) => ((j.trees[0].threshold as unknown[])[0] = '1'), 'trees[0].threshold[0]'],
    ['unknown task', (j) => ((j as { task: string }).task = 'ranking'), 'task'],
  ];

  for (const [name, edit, path] of broken) {
    it(`rejects ${name}`, () => {
      const f = failure(() => loadForest(variant(edit)));
      expect(f.code).toBe('FOREST_INVALID');
      if (path !== '') expect(f.args.path).toBe(path);
    });
  }

  it('rejects a node not reachable from the root', () => {
    const f = failure(() =>
      loadForest(
        variant((j) => {
          // Turn the root into a leaf and leave the rest: every other node loses its parent.
          const t = j.trees[0];
          t.feature[0] = -1;
          t.left[0] = -1;
          t.right[0] = -1;
        }),
      ),
    );
    expect(f.code).toBe('FOREST_INVALID');
    expect(f.args.problem).toBe('node is not reachable from the root');
  });

  it('rejects a tree deeper than the limit', () => {
    // A chain of MAX_DEPTH + 1 splits, each with a leaf on the right.
    const splits = FOREST_LIMITS.maxDepth + 1;
    const feature: number[] = [];
    const threshold: number[] = [];
    const left: number[] = [];
    const right: number[] = [];
    const value: number[] = [];
    for (let i = 0; i < splits; i++) {
      const node = 2 * i;
      feature[node] = 0;
      threshold[node] = i;
      left[node] = node + 2;
      right[node] = node + 1;
      value[node] = 0.5;
      feature[node + 1] = -1;
      threshold[node + 1] = 0;
      left[node + 1] = -1;
      right[node + 1] = -1;
      value[node + 1] = 0.5;
    }
    const last = 2 * splits;
    feature[last] = -1;
    threshold[last] = 0;
    left[last] = -1;
    right[last] = -1;
    value[last] = 0.5;
    const f = failure(() => loadForest(variant((j) => (j.trees = [{ feature, threshold, left, right, value }]))));
    expect(f.code).toBe('FOREST_INVALID');
    expect(String(f.args.problem)).toContain(String(FOREST_LIMITS.maxDepth));
  });

  it('rejects huge arrays before reading them', () => {
    const huge = new Array<number>(FOREST_LIMITS.maxNodesPerTree + 1).fill(0);
    const f = failure(() => loadForest(variant((j) => (j.trees[0].value = huge))));
    expect(f.code).toBe('FOREST_INVALID');
    expect(f.args.path).toBe('trees[0].value');
  });

  it('rejects too many trees', () => {
    const f = failure(() =>
      loadForest(variant((j) => (j.trees = new Array(FOREST_LIMITS.maxTrees + 1).fill(j.trees[0])))),
    );
    expect(f.code).toBe('FOREST_INVALID');
    expect(f.args.path).toBe('trees');
  });

  it('rejects non-objects', () => {
    for (const value of [null, 42, 'forest', [saved]]) {
      expect(failure(() => loadForest(value)).code).toBe('FOREST_INVALID');
    }
  });
});

describe('parseJsonSafely', () => {
  const text = JSON.stringify(saved);

  it('turns 1e999 into a rejected infinite threshold', () => {
    const hostile = text.replace(/"threshold":\[[^,\]]+/, '"threshold":[1e999');
    const f = failure(() => loadForest(parseJsonSafely(hostile)));
    expect(f.code).toBe('FOREST_INVALID');
    expect(f.args.path).toBe('trees[0].threshold[0]');
  });

  it('rejects __proto__ keys, also when escaped', () => {
    for (const key of ['"__proto__"', '"\\u005f_proto__"', '"constructor"', '"prototype"']) {
      const hostile = text.replace('{"format"', `{${key}:{"polluted":true},"format"`);
      const f = failure(() => parseJsonSafely(hostile));
      expect(f.code).toBe('JSON_FORBIDDEN_KEY');
      expect(f.args.path).toBe('$');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the path of a nested forbidden key', () => {
    const f = failure(() => parseJsonSafely('{"a":[1,{"b":{"__proto__":1}}]}'));
    expect(f.args).toEqual({ key: '__proto__', path: '$.a[1].b' });
  });

  it('rejects deep nesting', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(failure(() => parseJsonSafely(deep)).code).toBe('JSON_TOO_DEEP');
    expect(failure(() => parseJsonSafely('[[[1]]]', { maxDepth: 2 })).code).toBe('JSON_TOO_DEEP');
    expect(parseJsonSafely('[[1]]', { maxDepth: 2 })).toEqual([[1]]);
  });

  it('ignores brackets inside strings when measuring depth', () => {
    expect(parseJsonSafely('{"a":"[[[[\\"[["}', { maxDepth: 1 })).toEqual({ a: '[[[["[[' });
  });

  it('rejects oversized text', () => {
    const f = failure(() => parseJsonSafely(text, { maxLength: 100 }));
    expect(f.code).toBe('JSON_TOO_LARGE');
    expect(f.args.limit).toBe(100);
  });

  it('reports syntax errors as RiskpayError', () => {
    expect(failure(() => parseJsonSafely('{"format":')).code).toBe('JSON_TRUNCATED');
    expect(failure(() => parseJsonSafely('{"format": nope}')).code).toBe('JSON_SYNTAX');
    expect(failure(() => parseJsonSafely('InvoiceNo,Amount')).code).toBe('JSON_NOT_JSON');
    expect(failure(() => parseJsonSafely(' \n')).code).toBe('JSON_EMPTY');
    expect(parseJsonSafely('\uFEFF{"format": 1}')).toEqual({ format: 1 });
  });
});
