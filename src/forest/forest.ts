// A trained forest: prediction, per-tree values, path contributions and importances.

import { RiskpayError } from '../findings.js';
import type { Contributions, ForestTask, Matrix } from './types.js';
import type { TreeArrays } from './tree-builder.js';
import type { ForestJSON } from './format.js';
import { FOREST_FORMAT, FOREST_FORMAT_VERSION } from './format-version.js';

/** Training settings recorded with the forest, after defaults were applied. */
export interface ForestParams {
  nTrees: number;
  maxDepth: number;
  minSamplesLeaf: number;
  maxFeatures: number;
  classWeight: 'balanced' | null;
  maxBins: number;
  seed: number;
  bootstrap: boolean;
  maxSamples: number;
  trainRows: number;
}

export interface ForestInit {
  task: ForestTask;
  nFeatures: number;
  featureNames: string[];
  trees: TreeArrays[];
  /** Impurity-based importance, normalized to sum 1 (all zero when no tree split). */
  importance: Float64Array;
  /** Out-of-bag AUC (classification) or R^2 (regression); null when not computed. */
  oob: number | null;
  params: ForestParams;
  /** Worker threads that built trees; 1 when trained in the calling thread or loaded from JSON. */
  threadsUsed?: number;
  /** Per training row, the mean prediction of the trees that did not draw it (NaN when every tree did). */
  oobPredictions?: Float64Array;
}

/**
 * A tree laid out for batch prediction. links[2n] is node n's feature and links[2n + 1] its left
 * child, with the right child at left + 1. A leaf points to itself with feature 0 and threshold
 * +Infinity, so every row can take exactly `depth` steps without a branch on "is this a leaf".
 */
interface CompiledTree {
  links: Int32Array;
  threshold: Float64Array;
  value: Float64Array;
  depth: number;
}

/** Lays a tree out for batch prediction, renumbering nodes breadth-first when siblings are not adjacent. */
function compileTree(tree: TreeArrays): CompiledTree {
  const n = tree.feature.length;
  let adjacent = true;
  for (let i = 0; i < n && adjacent; i++) {
    if (tree.feature[i] >= 0 && tree.right[i] !== tree.left[i] + 1) adjacent = false;
  }

  const order = new Int32Array(n);
  const position = new Int32Array(n);
  if (adjacent) {
    for (let i = 0; i < n; i++) order[i] = i;
  } else {
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const node = order[head];
      if (tree.feature[node] >= 0) {
        order[tail++] = tree.left[node];
        order[tail++] = tree.right[node];
      }
    }
  }
  for (let i = 0; i < n; i++) position[order[i]] = i;

  const links = new Int32Array(2 * n);
  const threshold = new Float64Array(n);
  const value = new Float64Array(n);
  const nodeDepth = new Int32Array(n);
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const node = order[i];
    value[i] = tree.value[node];
    if (tree.feature[node] < 0) {
      links[2 * i] = 0;
      links[2 * i + 1] = i;
      threshold[i] = Infinity;
      continue;
    }
    const leftChild = position[tree.left[node]];
    links[2 * i] = tree.feature[node];
    links[2 * i + 1] = leftChild;
    threshold[i] = tree.threshold[node];
    nodeDepth[leftChild] = nodeDepth[i] + 1;
    nodeDepth[leftChild + 1] = nodeDepth[i] + 1;
    depth = Math.max(depth, nodeDepth[i] + 1);
  }
  return { links, threshold, value, depth };
}

/** Throws FOREST_INPUT_NOT_FINITE for the first NaN or infinite value, which no split could place. */
function checkFinite(values: ArrayLike<number>, cols: number): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RiskpayError('FOREST_INPUT_NOT_FINITE', {
        row: Math.floor(i / cols),
        feature: i % cols,
        value: String(values[i]),
      });
    }
  }
}

/** Walks `rows` rows through one compiled tree and adds each leaf value to out. */
function addTreePredictions(tree: CompiledTree, data: Float64Array, cols: number, rows: number, out: Float64Array): void {
  const { links, threshold, value, depth } = tree;
  let r = 0;

  // Four rows in lockstep: their independent comparisons overlap instead of waiting on each other's
  // mispredicted branches. For finite x, x > threshold is the same test as !(x <= threshold).
  for (; r + 3 < rows; r += 4) {
    const base0 = r * cols;
    const base1 = base0 + cols;
    const base2 = base1 + cols;
    const base3 = base2 + cols;
    let n0 = 0;
    let n1 = 0;
    let n2 = 0;
    let n3 = 0;
    for (let d = 0; d < depth; d++) {
      n0 = links[2 * n0 + 1] + Number(data[base0 + links[2 * n0]] > threshold[n0]);
      n1 = links[2 * n1 + 1] + Number(data[base1 + links[2 * n1]] > threshold[n1]);
      n2 = links[2 * n2 + 1] + Number(data[base2 + links[2 * n2]] > threshold[n2]);
      n3 = links[2 * n3 + 1] + Number(data[base3 + links[2 * n3]] > threshold[n3]);
    }
    out[r] += value[n0];
    out[r + 1] += value[n1];
    out[r + 2] += value[n2];
    out[r + 3] += value[n3];
  }

  for (; r < rows; r++) {
    const base = r * cols;
    let node = 0;
    for (let d = 0; d < depth; d++) node = links[2 * node + 1] + Number(data[base + links[2 * node]] > threshold[node]);
    out[r] += value[node];
  }
}

export class Forest {
  readonly task: ForestTask;
  readonly nFeatures: number;
  readonly featureNames: string[];
  readonly trees: readonly TreeArrays[];
  readonly oob: number | null;
  readonly params: ForestParams;
  readonly threadsUsed: number;
  /**
   * Per training row, in training order, the mean prediction of the trees that did not draw it, or NaN
   * for a row that every tree drew. Null for a forest loaded from JSON, which does not save them.
   */
  readonly oobPredictions: Float64Array | null;
  private readonly importance: Float64Array;
  private readonly compiled: CompiledTree[];

  constructor(init: ForestInit) {
    this.task = init.task;
    this.nFeatures = init.nFeatures;
    this.featureNames = [...init.featureNames];
    this.trees = init.trees;
    this.oob = init.oob;
    this.params = { ...init.params };
    this.importance = init.importance;
    this.threadsUsed = init.threadsUsed ?? 1;
    this.oobPredictions = init.oobPredictions ?? null;
    this.compiled = init.trees.map(compileTree);
  }

  get nTrees(): number {
    return this.trees.length;
  }

  /** Returns P(class 1) per row for classification, the mean prediction for regression. */
  predict(X: Matrix): Float64Array {
    this.checkColumns(X.cols);
    checkFinite(X.data, X.cols);
    const { rows, cols, data } = X;
    const out = new Float64Array(rows);

    // Tree by tree, so one tree's arrays stay in cache while all rows pass through it.
    for (const tree of this.compiled) addTreePredictions(tree, data, cols, rows, out);

    const scale = 1 / this.trees.length;
    for (let r = 0; r < rows; r++) out[r] *= scale;
    return out;
  }

  predictRow(row: ArrayLike<number>): number {
    const values = this.predictTrees(row);
    let sum = 0;
    for (let t = 0; t < values.length; t++) sum += values[t];
    return sum / values.length;
  }

  /** Returns each tree's value for one row, so callers can build intervals from the spread. */
  predictTrees(row: ArrayLike<number>): Float64Array {
    this.checkColumns(row.length);
    checkFinite(row, row.length);
    const out = new Float64Array(this.trees.length);
    for (let t = 0; t < this.trees.length; t++) {
      const { feature, threshold, left, right, value } = this.trees[t];
      let node = 0;
      while (feature[node] >= 0) node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
      out[t] = value[node];
    }
    return out;
  }

  /**
   * Writes each tree's value for the rows [start, start + count) of X into `out`, one row after
   * another with one value per tree, tree by tree so that one tree's arrays stay in cache. Callers
   * that need the spread of the trees (prediction intervals) read a block of rows at a time.
   */
  predictTreesInto(X: Matrix, start: number, count: number, out: Float64Array): void {
    this.checkColumns(X.cols);
    const { cols, data } = X;
    const nTrees = this.compiled.length;
    for (let i = 0; i < count * cols; i++) {
      const x = data[start * cols + i];
      if (!Number.isFinite(x)) {
        throw new RiskpayError('FOREST_INPUT_NOT_FINITE', { row: start + Math.floor(i / cols), feature: i % cols, value: String(x) });
      }
    }

    for (let t = 0; t < nTrees; t++) {
      const { links, threshold, value, depth } = this.compiled[t];
      for (let i = 0; i < count; i++) {
        const base = (start + i) * cols;
        let node = 0;
        for (let d = 0; d < depth; d++) node = links[2 * node + 1] + Number(data[base + links[2 * node]] > threshold[node]);
        out[i * nTrees + t] = value[node];
      }
    }
  }

  /**
   * Splits one prediction into a bias (the mean root value) and per-feature contributions: along
   * each tree's path, the change in node value at a split is credited to the split's feature.
   */
  contributions(row: ArrayLike<number>): Contributions {
    this.checkColumns(row.length);
    checkFinite(row, row.length);
    const values = new Float64Array(this.nFeatures);
    let bias = 0;
    let prediction = 0;

    // The compiled layout walks without branches. A leaf's self-loop credits 0 to feature 0, so
    // the sums match a walk that stops at the leaf.
    for (const { links, threshold, value, depth } of this.compiled) {
      let node = 0;
      bias += value[0];
      for (let d = 0; d < depth; d++) {
        const f = links[2 * node];
        const child = links[2 * node + 1] + Number(row[f] > threshold[node]);
        values[f] += value[child] - value[node];
        node = child;
      }
      prediction += value[node];
    }

    const scale = 1 / this.trees.length;
    for (let f = 0; f < values.length; f++) values[f] *= scale;
    return { bias: bias * scale, values, prediction: prediction * scale };
  }

  /** Impurity-based importance per feature, normalized to sum 1. */
  featureImportance(): Float64Array {
    return this.importance.slice();
  }

  /** Returns the saved form. loadForest(forest.toJSON()) predicts exactly as this forest does. */
  toJSON(): ForestJSON {
    return {
      format: FOREST_FORMAT,
      version: FOREST_FORMAT_VERSION,
      task: this.task,
      nFeatures: this.nFeatures,
      featureNames: [...this.featureNames],
      params: { ...this.params },
      oob: this.oob,
      importance: Array.from(this.importance),
      trees: this.trees.map((tree) => ({
        feature: Array.from(tree.feature),
        threshold: Array.from(tree.threshold),
        left: Array.from(tree.left),
        right: Array.from(tree.right),
        value: Array.from(tree.value),
      })),
    };
  }

  private checkColumns(cols: number): void {
    if (cols !== this.nFeatures) {
      throw new RiskpayError('FOREST_FEATURE_COUNT', { expected: this.nFeatures, actual: cols });
    }
  }
}
