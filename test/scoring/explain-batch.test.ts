// explainRows must return exactly what RiskModel.explain returns, row by row, because scoring uses
// its values for reasons and the JSON output is compared byte for byte across runs.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contributions, Matrix } from '../../src/forest/types.js';
import { loadBundledModel } from '../../src/model/index.js';
import type { RiskModel } from '../../src/model/types.js';
import { explainRows } from '../../src/scoring/explain-batch.js';

const model = loadBundledModel();
const cols = model.inputNames.length;

function matrixOf(rows: number[][]): Matrix {
  return { data: Float64Array.from(rows.flat()), rows: rows.length, cols };
}

function expectSame(actual: Contributions, expected: Contributions): void {
  expect(actual.bias).toBe(expected.bias);
  expect(actual.prediction).toBe(expected.prediction);
  expect(Array.from(actual.values)).toEqual(Array.from(expected.values));
}

describe('explainRows', () => {
  it('matches explain for random rows', () => {
    const row = fc.array(fc.double({ min: -400, max: 400, noNaN: true }), { minLength: cols, maxLength: cols });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 300 }), (rows) => {
        const matrix = matrixOf(rows);
        const all = rows.map((_, i) => i);
        const batched = explainRows(model, matrix, all);
        expect(batched).toHaveLength(rows.length);
        batched.forEach((contributions, i) => expectSame(contributions, model.explain(rows[i])));
      }),
      { numRuns: 20 },
    );
  });

  it('explains only selected rows in order', () => {
    const rows = Array.from({ length: 600 }, (_, r) => Array.from({ length: cols }, (_, c) => ((r * 7 + c * 13) % 97) - 20));
    const selected = [599, 0, 300, 257, 256];
    const batched = explainRows(model, matrixOf(rows), selected);
    expect(batched).toHaveLength(selected.length);
    selected.forEach((r, i) => expectSame(batched[i], model.explain(rows[r])));
  });

  it('rejects a non-finite value', () => {
    const rows = [Array.from({ length: cols }, () => Number.NaN)];
    expect(() => explainRows(model, matrixOf(rows), [0])).toThrow();
  });

  it('falls back to explain for other models', () => {
    const calls: number[] = [];
    const fake: RiskModel = {
      meta: model.meta,
      predictLate: (rows) => new Float64Array(rows.rows),
      explain: (row) => {
        calls.push(row[0]);
        return { bias: 0.5, values: Float64Array.from(row), prediction: 0.5 };
      },
    };
    const rows = [Array.from({ length: cols }, () => 1), Array.from({ length: cols }, () => 2)];
    const batched = explainRows(fake, matrixOf(rows), [1, 0]);
    expect(calls).toEqual([2, 1]);
    expect(batched[0].values[0]).toBe(2);
  });
});
