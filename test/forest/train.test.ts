import { describe, expect, it } from 'vitest';
import { RiskpayError } from '../../src/findings.js';
import { trainForestSync, type TrainData } from '../../src/forest/index.js';

function matrix(rows: number[][]): TrainData['X'] {
  return { data: Float64Array.from(rows.flat()), rows: rows.length, cols: rows[0].length };
}

describe('single tree on tiny data', () => {
  it('splits at the midpoint between the classes', () => {
    const X = matrix([[1], [2], [3], [10], [11], [12]]);
    const y = Float64Array.from([0, 0, 0, 1, 1, 1]);
    const forest = trainForestSync(
      { X, y, featureNames: ['a'] },
      { task: 'classification', nTrees: 1, bootstrap: false },
    );
    const tree = forest.trees[0];
    expect(Array.from(tree.feature)).toEqual([0, -1, -1]);
    expect(tree.threshold[0]).toBe(7);
    expect(Array.from(tree.value)).toEqual([0.5, 0, 1]);
    expect(Array.from(forest.predict(matrix([[6.9], [7], [7.1]])))).toEqual([0, 0, 1]);
  });
});

describe('training data checks', () => {
  it('rejects a NaN feature value', () => {
    const X = matrix([[1], [Number.NaN]]);
    expect(() =>
      trainForestSync({ X, y: Float64Array.from([0, 1]), featureNames: ['a'] }, { task: 'classification' }),
    ).toThrow(RiskpayError);
  });
});
