import type { Matrix, TrainData } from '../../src/forest/index.js';

export function matrix(rows: number[][]): Matrix {
  return { data: Float64Array.from(rows.flat()), rows: rows.length, cols: rows[0].length };
}

export function dataset(rows: number[][], labels: number[]): TrainData {
  const X = matrix(rows);
  return { X, y: Float64Array.from(labels), featureNames: Array.from({ length: X.cols }, (_, f) => `f${f}`) };
}

export function row(X: Matrix, r: number): Float64Array {
  return X.data.subarray(r * X.cols, (r + 1) * X.cols);
}
