// The saved-forest JSON format, version 1. Each tree is five parallel arrays indexed by node:
// feature (-1 for a leaf), threshold (go left when value <= threshold), left, right (-1 for a leaf)
// and value (P(class 1) or the mean target). Node 0 is the root and children have larger indices
// than their parent, so every valid file describes finite trees without cycles.

import { z } from 'zod';
import { RiskpayError } from '../findings.js';
import { Forest } from './forest.js';
import { MAX_DEPTH, MAX_TREES } from './options.js';
import { MAX_BINS } from './binning.js';
import type { TreeArrays } from './tree-builder.js';

import { FOREST_FORMAT, FOREST_FORMAT_VERSION } from './format-version.js';

export { FOREST_FORMAT, FOREST_FORMAT_VERSION };

/** Limits on what loadForest accepts; they bound memory and time for a hostile file. */
export const FOREST_LIMITS = {
  maxTrees: MAX_TREES,
  /** A tree grown on n rows has at most 2n - 1 nodes; 4 Mi allows 2 Mi training rows. */
  maxNodesPerTree: 1 << 22,
  /** About 1 GiB of typed arrays once loaded. */
  maxTotalNodes: 1 << 25,
  maxDepth: MAX_DEPTH,
  maxFeatures: 100_000,
  maxFeatureNameLength: 500,
} as const;

const nodeIndex = z.number().int();

const treeSchema = z.object({
  feature: z.array(nodeIndex),
  threshold: z.array(z.number()),
  left: z.array(nodeIndex),
  right: z.array(nodeIndex),
  value: z.array(z.number()),
});

const paramsSchema = z.object({
  nTrees: z.number().int().min(1).max(MAX_TREES),
  maxDepth: z.number().int().min(0).max(MAX_DEPTH),
  minSamplesLeaf: z.number().int().min(1),
  maxFeatures: z.number().int().min(1),
  classWeight: z.enum(['balanced']).nullable(),
  maxBins: z.number().int().min(2).max(MAX_BINS),
  seed: z.number().int().min(0),
  bootstrap: z.boolean(),
  maxSamples: z.number().gt(0).max(1),
  trainRows: z.number().int().min(1),
});

export const forestJsonSchema = z.object({
  format: z.literal(FOREST_FORMAT),
  version: z.literal(FOREST_FORMAT_VERSION),
  task: z.enum(['classification', 'regression']),
  nFeatures: z.number().int().min(1).max(FOREST_LIMITS.maxFeatures),
  featureNames: z.array(z.string().max(FOREST_LIMITS.maxFeatureNameLength)).max(FOREST_LIMITS.maxFeatures),
  params: paramsSchema,
  /** Out-of-bag AUC (classification) or R^2 (regression). */
  oob: z.number().nullable(),
  /** Impurity-based importance per feature, summing to 1 (or all zero). */
  importance: z.array(z.number().min(0).max(1)),
  trees: z.array(treeSchema).min(1).max(FOREST_LIMITS.maxTrees),
});

export type ForestJSON = z.infer<typeof forestJsonSchema>;

/** forestJsonSchema without the per-node checks, for trees that treesFitSchema has already checked. */
const forestEnvelopeSchema = forestJsonSchema.extend({ trees: z.array(z.unknown()).min(1).max(FOREST_LIMITS.maxTrees) });

/** Returns true when every element is a number zod's `z.number()` accepts (finite), or with `integers` `z.number().int()` (safe integer). */
function numbersFit(values: unknown, integers: boolean): boolean {
  if (!Array.isArray(values)) return false;
  for (const value of values) {
    if (typeof value !== 'number' || !(integers ? Number.isSafeInteger(value) : Number.isFinite(value))) return false;
  }
  return true;
}

/**
 * Returns true when every tree passes treeSchema. Zod's walk of the 244,000 nodes of the benchmark's
 * 1M-invoice model took about 0.1 s, so a valid file skips it. A file that fails here still gets
 * zod's first issue as its error.
 */
function treesFitSchema(trees: unknown): boolean {
  if (!Array.isArray(trees)) return false;
  for (const tree of trees) {
    if (!isRecord(tree)) return false;
    if (!numbersFit(tree.feature, true) || !numbersFit(tree.left, true) || !numbersFit(tree.right, true)) return false;
    if (!numbersFit(tree.threshold, false) || !numbersFit(tree.value, false)) return false;
  }
  return true;
}

function invalid(path: string, problem: string): RiskpayError {
  return new RiskpayError('FOREST_INVALID', { path, problem });
}

/** Formats a zod issue path as trees[3].left[17]. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rejects wrong formats, newer versions and oversized arrays before zod walks the whole value. */
function checkEnvelope(json: unknown): void {
  if (!isRecord(json)) throw invalid('', 'not an object');
  if (json.format !== FOREST_FORMAT) throw invalid('format', `not "${FOREST_FORMAT}"`);
  const version = json.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > FOREST_FORMAT_VERSION) {
    throw new RiskpayError('FOREST_VERSION_UNSUPPORTED', { found: version, supported: FOREST_FORMAT_VERSION });
  }

  const trees = json.trees;
  if (!Array.isArray(trees)) return;
  if (trees.length > FOREST_LIMITS.maxTrees) {
    throw invalid('trees', `more than ${FOREST_LIMITS.maxTrees} trees`);
  }
  let totalNodes = 0;
  for (let t = 0; t < trees.length; t++) {
    const tree: unknown = trees[t];
    if (!isRecord(tree)) continue;
    for (const key of ['feature', 'threshold', 'left', 'right', 'value']) {
      const array = tree[key];
      if (Array.isArray(array) && array.length > FOREST_LIMITS.maxNodesPerTree) {
        throw invalid(`trees[${t}].${key}`, `more than ${FOREST_LIMITS.maxNodesPerTree} nodes`);
      }
    }
    const feature = tree.feature;
    if (Array.isArray(feature)) totalNodes += feature.length;
    if (totalNodes > FOREST_LIMITS.maxTotalNodes) {
      throw invalid('trees', `more than ${FOREST_LIMITS.maxTotalNodes} nodes in all`);
    }
  }
}

/** Checks one tree's links and values and copies it into fresh typed arrays. */
function loadTree(
  tree: ForestJSON['trees'][number],
  t: number,
  nFeatures: number,
  isClassification: boolean,
): TreeArrays {
  const n = tree.feature.length;
  const at = (key: string, i?: number): string => `trees[${t}].${key}${i === undefined ? '' : `[${i}]`}`;
  if (n < 1) throw invalid(at('feature'), 'no nodes');
  for (const key of ['threshold', 'left', 'right', 'value'] as const) {
    if (tree[key].length !== n) throw invalid(at(key), `length ${tree[key].length} differs from feature length ${n}`);
  }

  const feature = Int32Array.from(tree.feature);
  const threshold = Float64Array.from(tree.threshold);
  const left = Int32Array.from(tree.left);
  const right = Int32Array.from(tree.right);
  const value = Float64Array.from(tree.value);
  const depth = new Int32Array(n);
  const parents = new Uint8Array(n);

  for (let i = 0; i < n; i++) {
    const f = tree.feature[i];
    const l = tree.left[i];
    const r = tree.right[i];
    const v = tree.value[i];
    if (isClassification && !(v >= 0 && v <= 1)) throw invalid(at('value', i), 'probability outside 0..1');

    if (f === -1) {
      if (l !== -1 || r !== -1) throw invalid(at('left', i), 'a leaf (feature -1) must have left and right -1');
      continue;
    }
    if (f < 0 || f >= nFeatures) throw invalid(at('feature', i), `feature index outside 0..${nFeatures - 1}`);
    if (l <= i || l >= n) throw invalid(at('left', i), `child index must be above ${i} and below ${n}`);
    if (r <= i || r >= n) throw invalid(at('right', i), `child index must be above ${i} and below ${n}`);
    if (l === r) throw invalid(at('right', i), 'left and right child are the same node');

    for (const child of [l, r]) {
      if (parents[child] !== 0) throw invalid(at('left', i), `node ${child} has two parents`);
      parents[child] = 1;
      depth[child] = depth[i] + 1;
      if (depth[child] > FOREST_LIMITS.maxDepth) throw invalid(at('left', i), `deeper than ${FOREST_LIMITS.maxDepth}`);
    }
  }
  for (let i = 1; i < n; i++) {
    if (parents[i] === 0) throw invalid(at('feature', i), 'node is not reachable from the root');
  }
  return { feature, threshold, left, right, value };
}

/**
 * Builds a Forest from parsed JSON after checking structure and limits. Throws RiskpayError
 * FOREST_INVALID (args path and problem) or FOREST_VERSION_UNSUPPORTED (args found and supported).
 * All arrays are copied into fresh typed arrays, so nothing from the input object is kept.
 */
export function loadForest(json: unknown): Forest {
  checkEnvelope(json);
  const parsed = treesFitSchema(isRecord(json) ? json.trees : undefined) ? forestEnvelopeSchema.safeParse(json) : forestJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(formatPath(issue.path), issue.message);
  }
  // The trees passed treesFitSchema or forestJsonSchema, so they have treeSchema's shape either way.
  const data = parsed.data as ForestJSON;

  if (data.featureNames.length !== data.nFeatures) {
    throw invalid('featureNames', `has ${data.featureNames.length} names for ${data.nFeatures} features`);
  }
  if (data.importance.length !== data.nFeatures) {
    throw invalid('importance', `has ${data.importance.length} values for ${data.nFeatures} features`);
  }
  if (data.params.maxFeatures > data.nFeatures) {
    throw invalid('params.maxFeatures', `above the feature count ${data.nFeatures}`);
  }

  const isClassification = data.task === 'classification';
  const trees = data.trees.map((tree, t) => loadTree(tree, t, data.nFeatures, isClassification));
  return new Forest({
    task: data.task,
    nFeatures: data.nFeatures,
    featureNames: data.featureNames,
    trees,
    importance: Float64Array.from(data.importance),
    oob: data.oob,
    params: data.params,
  });
}
