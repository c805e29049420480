// The interface between the model code and the forest engine. The engine lives in src/forest/ and
// may change freely behind these types.

export type ForestTask = 'classification' | 'regression';

export interface ForestOptions {
  task: ForestTask;
  /** Number of trees; default 100. */
  nTrees?: number;
  /** Maximum depth of a tree (root = depth 0); default 12. */
  maxDepth?: number;
  /** Minimum samples in a leaf; default 1. */
  minSamplesLeaf?: number;
  /** Features tried at each split: a count, or 'sqrt' (default for classification) or 'all'. */
  maxFeatures?: number | 'sqrt' | 'all';
  /** 'balanced' weighs classes inversely to their frequency (classification only). */
  classWeight?: 'balanced' | null;
  /** Histogram bins per feature; at most 256. */
  maxBins?: number;
  /** Seed for bootstrap samples and feature subsets; same seed gives the same forest whatever the thread count. */
  seed?: number;
  /** Worker threads; default chooses by data size. 1 trains in the calling thread. */
  threads?: number;
  /** Draw a bootstrap sample per tree; default true. */
  bootstrap?: boolean;
  /** Bootstrap sample size as a share of the rows; default 1. */
  maxSamples?: number;
}

/** A dense row-major matrix of finite numbers. */
export interface Matrix {
  data: Float64Array;
  rows: number;
  cols: number;
}

export interface TrainData {
  X: Matrix;
  /** Class labels 0/1 for classification, targets for regression. */
  y: Float64Array;
  featureNames: string[];
}

/** Per-prediction decomposition: bias plus the sum of contributions equals the prediction. */
export interface Contributions {
  bias: number;
  /** One value per feature, in feature order. */
  values: Float64Array;
  prediction: number;
}
