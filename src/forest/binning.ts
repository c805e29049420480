// Histogram bins computed once per feature before any tree is grown. Each feature gets at most
// maxBins bins with quantile-based edges; an edge lies between two distinct training values, so the
// split "bin <= k" equals the split "value <= edges[k]" on the training data and prediction needs
// no binning.

import type { Matrix } from './types.js';

export const MAX_BINS = 256;

export interface BinnedData {
  rows: number;
  cols: number;
  /** Column-major bin indices: bins[feature * rows + row]. */
  bins: Uint8Array;
  /** Per feature, the ascending edges; bin(x) is the number of edges below x. */
  edges: Float64Array[];
}

/**
 * Returns the shortest decimal t with low <= t < high, so thresholds stay short in JSON and every
 * training value on either side still goes the same way.
 */
export function shortThreshold(low: number, high: number): number {
  const middle = low + (high - low) / 2;
  for (let digits = 1; digits <= 17; digits++) {
    const candidate = Number(middle.toPrecision(digits));
    if (candidate >= low && candidate < high) return candidate;
  }
  return low;
}

/** Computes the edges of one feature from its sorted values. */
export function computeEdges(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  const edges: number[] = [];

  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n && distinct <= maxBins; i++) {
    if (sorted[i] !== sorted[i - 1]) distinct++;
  }

  if (distinct <= maxBins) {
    // Few distinct values: one bin per value, one edge between each pair.
    for (let i = 1; i < n; i++) {
      if (sorted[i] !== sorted[i - 1]) edges.push(shortThreshold(sorted[i - 1], sorted[i]));
    }
    return Float64Array.from(edges);
  }

  // Many distinct values: cut after the value at each quantile, skipping cuts that would repeat
  // because one value spans several quantiles.
  let previousCutValue = -Infinity;
  for (let k = 1; k < maxBins; k++) {
    const position = Math.floor((k * n) / maxBins) - 1;
    const value = sorted[Math.max(0, position)];
    if (value <= previousCutValue) continue;

    // Find the next distinct value above `value` by binary search on the sorted column.
    let lo = position + 1;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= value) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= n) break;

    edges.push(shortThreshold(value, sorted[lo]));
    previousCutValue = value;
  }
  return Float64Array.from(edges);
}

/** Returns the bin of x: the number of edges strictly below x. */
export function binOf(edges: Float64Array, x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bins every feature of X. */
export function binMatrix(X: Matrix, maxBins: number, sharedMemory = false): BinnedData {
  const { rows, cols, data } = X;
  const size = rows * cols;
  const bins = sharedMemory ? new Uint8Array(new SharedArrayBuffer(size)) : new Uint8Array(size);
  const edges: Float64Array[] = [];
  const column = new Float64Array(rows);

  for (let f = 0; f < cols; f++) {
    for (let r = 0; r < rows; r++) column[r] = data[r * cols + f];
    const featureEdges = computeEdges(column.slice().sort(), maxBins);
    edges.push(featureEdges);

    const offset = f * rows;
    for (let r = 0; r < rows; r++) bins[offset + r] = binOf(featureEdges, column[r]);
  }
  return { rows, cols, bins, edges };
}
