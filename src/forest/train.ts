// Training entry points: bins the data once, grows the trees (in worker threads when that pays),
// then combines out-of-bag predictions and importances in tree order, so the result does not
// depend on the thread count.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { binMatrix, type BinnedData } from './binning.js';
import { Forest } from './forest.js';
import { rocAuc, rSquared } from './metrics.js';
import { checkTrainData, resolveOptions, type ResolvedOptions } from './options.js';
import { treeSeed } from './rng.js';
import { buildTree, roundValue, type BuiltTree, type TreeArrays } from './tree-builder.js';
import type { ForestOptions, TrainData } from './types.js';
import type { WorkerInit, WorkerResult } from './worker.js';

/** Trains in the calling thread and ignores `options.threads`. */
export function trainForestSync(data: TrainData, options: ForestOptions): Forest {
  checkTrainData(data, options);
  const resolved = resolveOptions(data, options);
  const binned = binMatrix(data.X, resolved.params.maxBins);

  const collector = new TreeCollector(resolved.params.nTrees, data.X.rows, data.X.cols);
  for (let t = 0; t < resolved.params.nTrees; t++) {
    collector.add(t, buildTree(binned, data.y, resolved.tree, treeSeed(resolved.params.seed, t)));
  }
  return assembleForest(data, resolved, collector, 1);
}

/**
 * Trains with worker threads when `threads` (given or chosen by data size) is above 1 and the
 * compiled worker script exists next to this module. Otherwise it trains in the calling thread:
 * the TypeScript sources (as vitest runs them) have no worker.js. The calling thread builds trees
 * too, so `threads` counts it, and it is blocked while it does.
 */
export async function trainForest(data: TrainData, options: ForestOptions): Promise<Forest> {
  checkTrainData(data, options);
  const resolved = resolveOptions(data, options);
  const workerUrl = new URL('./worker.js', import.meta.url);
  const canUseWorkers = resolved.threads > 1 && existsSync(fileURLToPath(workerUrl));

  const binned = binMatrix(data.X, resolved.params.maxBins, canUseWorkers);
  const collector = new TreeCollector(resolved.params.nTrees, data.X.rows, data.X.cols);
  let threadsUsed = 1;
  if (canUseWorkers) {
    threadsUsed = await buildWithWorkers(workerUrl, binned, data.y, resolved, collector);
  }

  // Trees no thread delivered (no workers, or a worker failed) are grown here. The per-tree seeds
  // make them identical to what a worker would have built.
  for (let t = 0; t < resolved.params.nTrees; t++) {
    if (!collector.has(t)) collector.add(t, buildTree(binned, data.y, resolved.tree, treeSeed(resolved.params.seed, t)));
  }
  return assembleForest(data, resolved, collector, threadsUsed);
}

/**
 * Starts threads - 1 workers and, once they are running, builds trees in this thread as well.
 * Every thread claims the next tree index from one shared counter. Resolves, after all workers
 * exited, to the number of threads that built at least one tree. A failed worker only loses the
 * tree it was building, which the caller then builds.
 */
async function buildWithWorkers(
  workerUrl: URL,
  binned: BinnedData,
  y: Float64Array,
  resolved: ResolvedOptions,
  collector: TreeCollector,
): Promise<number> {
  const nTrees = resolved.params.nTrees;
  const forestSeed = resolved.params.seed;
  const counter = new Int32Array(new SharedArrayBuffer(4));
  // y.slice(): posting a view would copy its whole underlying buffer to every worker.
  const init: WorkerInit = { binned, y: y.slice(), params: resolved.tree, forestSeed, nTrees, counter };
  const delivered = new Set<Worker>();
  const started: Promise<void>[] = [];
  const exited: Promise<void>[] = [];

  for (let w = 0; w < resolved.threads - 1; w++) {
    const worker = new Worker(workerUrl, { workerData: init });
    worker.on('message', (result: WorkerResult) => {
      collector.add(result.treeIndex, result.built);
      delivered.add(worker);
    });
    // 'exit' follows 'error', and an online event never comes for a worker that failed to start.
    started.push(
      new Promise((resolve) => {
        worker.once('online', () => resolve());
        worker.once('exit', () => resolve());
      }),
    );
    exited.push(
      new Promise((resolve) => {
        worker.on('error', () => undefined);
        worker.once('exit', () => resolve());
      }),
    );
  }

  // Waiting for the workers to start keeps this thread from taking every tree of a small forest.
  await Promise.all(started);
  let builtHere = 0;
  for (;;) {
    const treeIndex = Atomics.add(counter, 0, 1);
    if (treeIndex >= nTrees) break;
    collector.add(treeIndex, buildTree(binned, y, resolved.tree, treeSeed(forestSeed, treeIndex)));
    builtHere++;
  }

  await Promise.all(exited);
  return delivered.size + (builtHere > 0 ? 1 : 0);
}

/**
 * Collects trees in whatever order threads finish them and folds each tree's out-of-bag
 * predictions and importances in tree order, so sums do not depend on the thread count. A tree's
 * out-of-bag arrays (about 0.37 x rows entries) are dropped once folded.
 */
class TreeCollector {
  readonly trees: (TreeArrays | undefined)[];
  readonly oobSum: Float64Array;
  readonly oobCount: Int32Array;
  /** Sum over trees of each tree's impurity decreases normalized to sum 1. */
  readonly importance: Float64Array;
  private readonly pending = new Map<number, BuiltTree>();
  private nextToFold = 0;

  constructor(nTrees: number, rows: number, cols: number) {
    this.trees = new Array<TreeArrays | undefined>(nTrees);
    this.oobSum = new Float64Array(rows);
    this.oobCount = new Int32Array(rows);
    this.importance = new Float64Array(cols);
  }

  has(treeIndex: number): boolean {
    return this.trees[treeIndex] !== undefined;
  }

  add(treeIndex: number, built: BuiltTree): void {
    this.trees[treeIndex] = built.tree;
    this.pending.set(treeIndex, built);
    for (let next = this.pending.get(this.nextToFold); next !== undefined; next = this.pending.get(this.nextToFold)) {
      this.pending.delete(this.nextToFold);
      this.fold(next);
      this.nextToFold++;
    }
  }

  private fold(built: BuiltTree): void {
    for (let k = 0; k < built.oobRows.length; k++) {
      this.oobSum[built.oobRows[k]] += built.oobValues[k];
      this.oobCount[built.oobRows[k]]++;
    }

    const cols = this.importance.length;
    let total = 0;
    for (let f = 0; f < cols; f++) total += built.importance[f];
    if (total > 0) for (let f = 0; f < cols; f++) this.importance[f] += built.importance[f] / total;
  }
}

function assembleForest(data: TrainData, resolved: ResolvedOptions, collector: TreeCollector, threadsUsed: number): Forest {
  const { rows, cols } = data.X;
  const task = resolved.tree.task;

  // Out-of-bag: average each row's predictions from the trees that did not draw it.
  const { oobSum, oobCount } = collector;
  const targets: number[] = [];
  const predictions: number[] = [];
  const oobPredictions = new Float64Array(rows).fill(NaN);
  for (let r = 0; r < rows; r++) {
    if (oobCount[r] === 0) continue;
    oobPredictions[r] = oobSum[r] / oobCount[r];
    targets.push(data.y[r]);
    predictions.push(oobPredictions[r]);
  }
  let oob: number | null = null;
  if (targets.length > 0) {
    const estimate = task === 'classification' ? rocAuc(targets, predictions) : rSquared(targets, predictions);
    oob = Number.isFinite(estimate) ? estimate : null;
  }

  // Importance: the per-tree shares averaged, then normalized again.
  const importance = collector.importance.slice();
  let importanceTotal = 0;
  for (let f = 0; f < cols; f++) importanceTotal += importance[f];
  for (let f = 0; f < cols; f++) {
    importance[f] = importanceTotal > 0 ? roundValue(importance[f] / importanceTotal) : 0;
  }

  return new Forest({
    task,
    nFeatures: cols,
    featureNames: data.featureNames,
    trees: collector.trees as TreeArrays[],
    importance,
    oob,
    params: resolved.params,
    threadsUsed: Math.max(1, threadsUsed),
    oobPredictions,
  });
}
