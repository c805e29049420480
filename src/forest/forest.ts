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
}

export class Forest {
  readonly task: ForestTask;
  readonly nFeatures: number;
  readonly featureNames: string[];
  readonly trees: readonly TreeArrays[];
  readonly oob: number | null;
  readonly params: ForestParams;
  readonly threadsUsed: number;
  private readonly importance: Float64Array;

  constructor(init: ForestInit) {
    this.task = init.task;
    this.nFeatures = init.nFeatures;
    this.featureNames = [...init.featureNames];
    this.trees = init.trees;
    this.oob = init.oob;
    this.params = { ...init.params };
    this.importance = init.importance;
    this.threadsUsed = init.threadsUsed ?? 1;
  }

  get nTrees(): number {
    return this.trees.length;
  }

  /** P(class 1) per row for classification, the mean prediction for regression. */
  predict(X: Matrix): Float64Array {
    this.checkColumns(X.cols);
    const { rows, cols, data } = X;
    const out = new Float64Array(rows);

    // Tree by tree, so one tree's arrays stay in cache while all rows pass through it.
    for (const tree of this.trees) {
      const { feature, threshold, left, right, value } = tree;
      for (let r = 0; r < rows; r++) {
        const base = r * cols;
        let node = 0;
        let f = feature[0];
        while (f >= 0) {
          node = data[base + f] <= threshold[node] ? left[node] : right[node];
          f = feature[node];
        }
        out[r] += value[node];
      }
    }

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

  /** Each tree's value for one row, so callers can build intervals from the spread. */
  predictTrees(row: ArrayLike<number>): Float64Array {
    this.checkColumns(row.length);
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
   * Splits one prediction into a bias (the mean root value) and per-feature contributions: along
   * each tree's path, the change in node value at a split is credited to the split's feature.
   */
  contributions(row: ArrayLike<number>): Contributions {
    this.checkColumns(row.length);
    const values = new Float64Array(this.nFeatures);
    let bias = 0;
    let prediction = 0;

    for (const { feature, threshold, left, right, value } of this.trees) {
      let node = 0;
      bias += value[0];
      while (feature[node] >= 0) {
        const f = feature[node];
        const child = row[f] <= threshold[node] ? left[node] : right[node];
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

  /** The saved form; loadForest(forest.toJSON()) predicts exactly as this forest does. */
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
