// Checks training data and options and fills in defaults. Bad values are usage errors, so they
// throw RiskpayError with the option name and value.

import { availableParallelism } from 'node:os';
import { RiskpayError } from '../findings.js';
import { MAX_BINS } from './binning.js';
import type { ForestParams } from './forest.js';
import type { TreeParams } from './tree-builder.js';
import type { ForestOptions, TrainData } from './types.js';

/** Deepest tree the engine grows or loads; 2^64 leaves is far beyond any data set. */
export const MAX_DEPTH = 64;
export const MAX_TREES = 10_000;

/** Below this many rows x trees, starting worker threads costs more than it saves (an estimate). */
const THREADED_WORK_THRESHOLD = 2_000_000;

export interface ResolvedOptions {
  params: ForestParams;
  tree: TreeParams;
  threads: number;
}

function optionError(option: string, value: unknown, expected: string): RiskpayError {
  return new RiskpayError('FOREST_OPTION_INVALID', { option, value: String(value), expected });
}

function integerOption(option: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw optionError(option, value, `an integer from ${min} to ${max}`);
  }
  return value;
}

/** Checks shapes, finiteness and labels; returns nothing and throws on the first problem. */
export function checkTrainData(data: TrainData, options: ForestOptions): void {
  const { X, y, featureNames } = data;
  if (!Number.isInteger(X.rows) || !Number.isInteger(X.cols) || X.rows < 1 || X.cols < 1) {
    throw new RiskpayError('FOREST_DATA_INVALID', { problem: 'empty_matrix', rows: X.rows, cols: X.cols });
  }
  if (X.data.length !== X.rows * X.cols) {
    throw new RiskpayError('FOREST_DATA_INVALID', { problem: 'matrix_size', rows: X.rows, cols: X.cols });
  }
  if (y.length !== X.rows) {
    throw new RiskpayError('FOREST_DATA_INVALID', { problem: 'label_count', rows: X.rows, cols: y.length });
  }
  if (featureNames.length !== X.cols) {
    throw new RiskpayError('FOREST_DATA_INVALID', { problem: 'feature_names', rows: X.rows, cols: X.cols });
  }

  for (let i = 0; i < X.data.length; i++) {
    if (!Number.isFinite(X.data[i])) {
      throw new RiskpayError('FOREST_VALUE_NOT_FINITE', {
        row: Math.floor(i / X.cols),
        feature: featureNames[i % X.cols],
        value: String(X.data[i]),
      });
    }
  }
  for (let r = 0; r < y.length; r++) {
    const label = y[r];
    const valid = options.task === 'classification' ? label === 0 || label === 1 : Number.isFinite(label);
    if (!valid) {
      throw new RiskpayError('FOREST_LABEL_INVALID', { row: r, value: String(label), task: options.task });
    }
  }
}

export function resolveOptions(data: TrainData, options: ForestOptions): ResolvedOptions {
  const { task } = options;
  if (task !== 'classification' && task !== 'regression') {
    throw optionError('task', task, "'classification' or 'regression'");
  }
  const rows = data.X.rows;
  const cols = data.X.cols;

  const nTrees = integerOption('nTrees', options.nTrees, 100, 1, MAX_TREES);
  const maxDepth = integerOption('maxDepth', options.maxDepth, 12, 0, MAX_DEPTH);
  const minSamplesLeaf = integerOption('minSamplesLeaf', options.minSamplesLeaf, 1, 1, Number.MAX_SAFE_INTEGER);
  const maxBins = integerOption('maxBins', options.maxBins, MAX_BINS, 2, MAX_BINS);
  const seed = integerOption('seed', options.seed, 1, 0, 2 ** 32 - 1);

  // Classification tries sqrt(features) per split (Breiman's default); regression tries a third
  // of them, which keeps trees less correlated than trying all.
  let maxFeatures: number;
  const requested = options.maxFeatures;
  if (requested === undefined) {
    maxFeatures = task === 'classification' ? Math.floor(Math.sqrt(cols)) : Math.floor(cols / 3);
  } else if (requested === 'sqrt') {
    maxFeatures = Math.floor(Math.sqrt(cols));
  } else if (requested === 'all') {
    maxFeatures = cols;
  } else {
    maxFeatures = integerOption('maxFeatures', requested, cols, 1, cols);
  }
  maxFeatures = Math.max(1, maxFeatures);

  const classWeight = options.classWeight ?? null;
  if (classWeight !== null && classWeight !== 'balanced') {
    throw optionError('classWeight', classWeight, "'balanced' or null");
  }
  if (classWeight !== null && task !== 'classification') {
    throw optionError('classWeight', classWeight, 'null for regression');
  }
  let classWeights: [number, number] = [1, 1];
  if (classWeight === 'balanced') {
    // As in scikit-learn: n / (2 * n_class), so both classes carry equal total weight.
    let positives = 0;
    for (let r = 0; r < rows; r++) positives += data.y[r];
    const negatives = rows - positives;
    if (positives > 0 && negatives > 0) classWeights = [rows / (2 * negatives), rows / (2 * positives)];
  }

  const bootstrap = options.bootstrap ?? true;
  if (typeof bootstrap !== 'boolean') throw optionError('bootstrap', bootstrap, 'true or false');
  const maxSamples = options.maxSamples ?? 1;
  if (typeof maxSamples !== 'number' || !(maxSamples > 0 && maxSamples <= 1)) {
    throw optionError('maxSamples', maxSamples, 'a share above 0 and at most 1');
  }
  const sampleCount = Math.max(1, Math.round(maxSamples * rows));

  const parallelism = availableParallelism();
  let threads: number;
  if (options.threads === undefined) {
    threads = rows * nTrees >= THREADED_WORK_THRESHOLD ? Math.min(parallelism, nTrees) : 1;
  } else {
    threads = Math.min(integerOption('threads', options.threads, 1, 1, 1024), parallelism, nTrees);
  }

  return {
    params: {
      nTrees,
      maxDepth,
      minSamplesLeaf,
      maxFeatures,
      classWeight,
      maxBins,
      seed,
      bootstrap,
      maxSamples,
      trainRows: rows,
    },
    tree: { task, maxDepth, minSamplesLeaf, maxFeatures, classWeights, bootstrap, sampleCount },
    threads,
  };
}
