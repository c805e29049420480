// The forest engine's public API.

export type { Contributions, ForestOptions, ForestTask, Matrix, TrainData } from './types.js';
export { Forest, type ForestInit, type ForestParams } from './forest.js';
export { trainForest, trainForestSync } from './train.js';
export { loadForest, forestJsonSchema, FOREST_LIMITS, type ForestJSON } from './format.js';
export { FOREST_FORMAT, FOREST_FORMAT_VERSION } from './format-version.js';
export { parseJsonSafely, DEFAULT_JSON_LIMITS, type JsonLimits } from './safe-json.js';
export { permutationImportance, type PermutationImportance } from './permutation.js';
export { rocAuc, rSquared } from './metrics.js';
export { MAX_DEPTH, MAX_TREES } from './options.js';
export { MAX_BINS } from './binning.js';
export type { TreeArrays } from './tree-builder.js';
