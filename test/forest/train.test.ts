import { describe, expect, it } from 'vitest';
import { RiskpayError } from '../../src/findings.js';
import { permutationImportance, rocAuc, trainForestSync } from '../../src/forest/index.js';
import { generateData, splitRows } from '../../bench/forest/data.js';
import { dataset, matrix, row } from './helpers.js';

function errorCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof RiskpayError) return error.finding.code;
    throw error;
  }
  return undefined;
}

const single = { nTrees: 1, bootstrap: false, maxFeatures: 'all' as const };

describe('single classification tree', () => {
  it('splits between the two classes', () => {
    const data = dataset([[1], [2], [3], [10], [11], [12]], [0, 0, 0, 1, 1, 1]);
    const forest = trainForestSync(data, { task: 'classification', ...single });
    const tree = forest.trees[0];

    // The threshold is the shortest decimal strictly between 3 and 10, rounded from 6.5: 7.
    expect(Array.from(tree.feature)).toEqual([0, -1, -1]);
    expect(tree.threshold[0]).toBe(7);
    expect(Array.from(tree.left)).toEqual([1, -1, -1]);
    expect(Array.from(tree.right)).toEqual([2, -1, -1]);
    expect(Array.from(tree.value)).toEqual([0.5, 0, 1]);
    expect(Array.from(forest.predict(matrix([[6.9], [7], [7.1]])))).toEqual([0, 0, 1]);
  });

  it('picks the informative feature', () => {
    const data = dataset(
      [
        [5, 0],
        [1, 0],
        [4, 1],
        [2, 1],
      ],
      [0, 0, 1, 1],
    );
    const forest = trainForestSync(data, { task: 'classification', ...single });
    expect(forest.trees[0].feature[0]).toBe(1);
    expect(forest.trees[0].threshold[0]).toBe(0.5);
  });

  it('honours minSamplesLeaf', () => {
    const data = dataset([[1], [2], [3], [4], [5], [6]], [0, 0, 0, 0, 0, 1]);
    const forest = trainForestSync(data, { task: 'classification', ...single, minSamplesLeaf: 2 });
    const tree = forest.trees[0];

    // Isolating the single positive would leave a leaf of one row, so the best allowed split is <= 4.5.
    expect(tree.threshold[0]).toBe(4.5);
    expect(tree.value[tree.left[0]]).toBe(0);
    expect(tree.value[tree.right[0]]).toBe(0.5);
    expect(tree.feature[tree.right[0]]).toBe(-1);
  });

  it('stops at maxDepth 0', () => {
    const data = dataset([[1], [2], [3], [4]], [0, 0, 0, 1]);
    const forest = trainForestSync(data, { task: 'classification', ...single, maxDepth: 0 });
    expect(Array.from(forest.trees[0].value)).toEqual([0.25]);
  });

  it('applies balanced class weights to leaf values', () => {
    // Weights are 4 / (2 * 3) for class 0 and 4 / (2 * 1) for class 1, so both classes weigh 2.
    const data = dataset([[1], [2], [3], [4]], [0, 0, 0, 1]);
    const forest = trainForestSync(data, { task: 'classification', ...single, maxDepth: 0, classWeight: 'balanced' });
    expect(forest.trees[0].value[0]).toBe(0.5);
  });

  it('splits XOR data despite a zero-gain root', () => {
    const data = dataset(
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      [0, 1, 1, 0],
    );
    const forest = trainForestSync(data, { task: 'classification', ...single });
    expect(Array.from(forest.predict(data.X))).toEqual([0, 1, 1, 0]);
  });
});

describe('single regression tree', () => {
  it('minimises squared error at depth 1', () => {
    // Split <= 2 leaves {1, 1} and {5, 7}: the SSE drops from 27 to 2, more than at <= 1 or <= 3.
    const data = dataset([[1], [2], [3], [4]], [1, 1, 5, 7]);
    const forest = trainForestSync(data, { task: 'regression', ...single, maxDepth: 1 });
    const tree = forest.trees[0];
    expect(tree.threshold[0]).toBe(2.5);
    expect(Array.from(tree.value)).toEqual([3.5, 1, 6]);
  });

  it('fits distinct targets exactly when unbounded', () => {
    const data = dataset([[1], [2], [3], [4]], [1, 1, 5, 7]);
    const forest = trainForestSync(data, { task: 'regression', ...single, maxDepth: 10 });
    expect(Array.from(forest.predict(data.X))).toEqual([1, 1, 5, 7]);
  });
});

describe('forest on generated data', () => {
  const { train, test } = splitRows(generateData(3000, 11), 2000);
  const forest = trainForestSync(train, { task: 'classification', nTrees: 30, seed: 5 });

  it('gives probabilities within 0..1', () => {
    const p = forest.predict(test.X);
    for (const value of p) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });

  it('predictRow matches predict', () => {
    const p = forest.predict(test.X);
    for (const r of [0, 17, 999]) expect(forest.predictRow(row(test.X, r))).toBeCloseTo(p[r], 12);
  });

  it('predictTrees returns one value per tree', () => {
    const values = forest.predictTrees(row(test.X, 3));
    expect(values.length).toBe(30);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeCloseTo(forest.predictRow(row(test.X, 3)), 12);
  });

  it('contributions sum to the prediction', () => {
    for (let r = 0; r < 50; r++) {
      const c = forest.contributions(row(test.X, r));
      const sum = c.values.reduce((a, b) => a + b, c.bias);
      expect(Math.abs(sum - c.prediction)).toBeLessThan(1e-9);
      expect(Math.abs(c.prediction - forest.predictRow(row(test.X, r)))).toBeLessThan(1e-12);
    }
  });

  it('estimates out-of-bag AUC', () => {
    expect(forest.oob).not.toBeNull();
    expect(forest.oob!).toBeGreaterThan(0.7);
    expect(forest.oob!).toBeLessThan(1);
  });

  it('keeps per-row out-of-bag votes', () => {
    const votes = forest.oobPredictions!;
    expect(votes.length).toBe(train.X.rows);
    const labels: number[] = [];
    const scores: number[] = [];
    for (let r = 0; r < votes.length; r++) {
      if (Number.isNaN(votes[r])) continue;
      expect(votes[r]).toBeGreaterThanOrEqual(0);
      expect(votes[r]).toBeLessThanOrEqual(1);
      labels.push(train.y[r]);
      scores.push(votes[r]);
    }
    // A row gets no vote only when all 30 bootstrap samples drew it, with probability about 0.63^30.
    expect(scores.length).toBeGreaterThan(0.99 * train.X.rows);
    expect(rocAuc(labels, scores)).toBe(forest.oob);
  });

  it('has no vote without bootstrap', () => {
    const data = dataset([[1], [2], [3], [10], [11], [12]], [0, 0, 0, 1, 1, 1]);
    const votes = trainForestSync(data, { task: 'classification', ...single }).oobPredictions!;
    expect(Array.from(votes).every((value) => Number.isNaN(value))).toBe(true);
  });

  it('normalizes impurity importance', () => {
    const importance = forest.featureImportance();
    const total = importance.reduce((a, b) => a + b, 0);
    expect(Math.abs(total - 1)).toBeLessThan(1e-5);

    // x0 drives the label through a sine; x9 and x14 are pure noise.
    expect(importance[0]).toBeGreaterThan(importance[9]);
    expect(importance[0]).toBeGreaterThan(importance[14]);
  });

  it('permutation importance ranks a driver above noise', () => {
    const result = permutationImportance(forest, test, { repeats: 2, seed: 3 });
    expect(result.baseline).toBeGreaterThan(0.7);
    expect(result.mean[0]).toBeGreaterThan(result.mean[9]);
    expect(result.std.length).toBe(25);
  });

  it('is deterministic for a seed', () => {
    const again = trainForestSync(train, { task: 'classification', nTrees: 30, seed: 5 });
    expect(JSON.stringify(again.toJSON())).toBe(JSON.stringify(forest.toJSON()));
    const other = trainForestSync(train, { task: 'classification', nTrees: 30, seed: 6 });
    expect(JSON.stringify(other.toJSON())).not.toBe(JSON.stringify(forest.toJSON()));
  });

  it('unanimous trees give probability 1', () => {
    const data = dataset([[1], [2], [3], [4]], [1, 1, 1, 1]);
    const unanimous = trainForestSync(data, { task: 'classification', nTrees: 5 });
    expect(Array.from(unanimous.predict(data.X))).toEqual([1, 1, 1, 1]);
  });
});

describe('regression forest', () => {
  it('reaches a positive out-of-bag R^2', () => {
    const rows: number[][] = [];
    const targets: number[] = [];
    for (let i = 0; i < 400; i++) {
      const a = (i * 37) % 101;
      const b = (i * 53) % 17;
      rows.push([a, b, i % 3]);
      targets.push(2 * a + (b > 8 ? 30 : 0));
    }
    const forest = trainForestSync(dataset(rows, targets), { task: 'regression', nTrees: 20, seed: 2 });
    expect(forest.task).toBe('regression');
    expect(forest.params.maxFeatures).toBe(1);
    expect(forest.oob!).toBeGreaterThan(0.8);

    // Path contributions add up on the target's scale too.
    for (const r of [0, 5, 123]) {
      const c = forest.contributions(rows[r]);
      const sum = c.values.reduce((a, b) => a + b, c.bias);
      expect(Math.abs(sum - c.prediction)).toBeLessThan(1e-9);
    }

    // The third column is r mod 3 and unrelated to the target.
    const importance = permutationImportance(forest, dataset(rows, targets), { repeats: 2, seed: 1 });
    expect(importance.mean[0]).toBeGreaterThan(importance.mean[2]);
    expect(importance.mean[1]).toBeGreaterThan(importance.mean[2]);
  });
});

describe('training input checks', () => {
  const good = dataset([[1], [2]], [0, 1]);

  it('rejects a NaN feature value', () => {
    expect(errorCode(() => trainForestSync(dataset([[1], [Number.NaN]], [0, 1]), { task: 'classification' }))).toBe(
      'FOREST_VALUE_NOT_FINITE',
    );
  });

  it('rejects a label other than 0 or 1', () => {
    expect(errorCode(() => trainForestSync(dataset([[1], [2]], [0, 2]), { task: 'classification' }))).toBe(
      'FOREST_LABEL_INVALID',
    );
  });

  it('rejects bad option values', () => {
    const cases = [{ nTrees: 0 }, { maxDepth: 1.5 }, { maxBins: 300 }, { maxSamples: 0 }, { maxFeatures: 2 }];
    for (const options of cases) {
      expect(errorCode(() => trainForestSync(good, { task: 'classification', ...options }))).toBe(
        'FOREST_OPTION_INVALID',
      );
    }
  });

  it('rejects mismatched label count', () => {
    const bad = { ...good, y: Float64Array.from([0]) };
    expect(errorCode(() => trainForestSync(bad, { task: 'classification' }))).toBe('FOREST_DATA_INVALID');
  });

  it('rejects rows of the wrong width', () => {
    const forest = trainForestSync(good, { task: 'classification', nTrees: 2 });
    expect(errorCode(() => forest.predictRow([1, 2]))).toBe('FOREST_FEATURE_COUNT');
  });
});
