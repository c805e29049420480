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
import { buildTree, roundValue, type BuiltTree } from './tree-builder.js';
import type { ForestOptions, TrainData } from './types.js';
import type { WorkerInit, WorkerResult } from './worker.js';

/** Trains in the calling thread, whatever `options.threads` says. */
export function trainForestSync(data: TrainData, options: ForestOptions): Forest {
  checkTrainData(data, options);
  const resolved = resolveOptions(data, options);
  const binned = binMatrix(data.X, resolved.params.maxBins);

  const built: BuiltTree[] = [];
  for (let t = 0; t < resolved.params.nTrees; t++) {
    built.push(buildTree(binned, data.y, resolved.tree, treeSeed(resolved.params.seed, t)));
  }
  return assembleForest(data, resolved, built, 1);
}

/**
 * Trains with worker threads when `threads` (given or chosen by data size) is above 1 and the
 * compiled worker script exists next to this module; otherwise in the calling thread. Running the
 * TypeScript sources (as vitest does) has no worker.js, so training then stays in this thread.
 * The calling thread builds trees too, so `threads` counts it; it is blocked while it does.
 */
export async function trainForest(data: TrainData, options: ForestOptions): Promise<Forest> {
  checkTrainData(data, options);
  const resolved = resolveOptions(data, options);
  const workerUrl = new URL('./worker.js', import.meta.url);
  const canUseWorkers = resolved.threads > 1 && existsSync(fileURLToPath(workerUrl));

  const binned = binMatrix(data.X, resolved.params.maxBins, canUseWorkers);
  const built: (BuiltTree | undefined)[] = new Array(resolved.params.nTrees);
  let threadsUsed = 1;
  if (canUseWorkers) {
    threadsUsed = await buildWithWorkers(workerUrl, binned, data.y, resolved, built);
  }

  // Trees no thread delivered (no workers, or a worker failed) are grown here. The per-tree seeds
  // make them identical to what a worker would have built.
  for (let t = 0; t < built.length; t++) {
    if (built[t] === undefined) built[t] = buildTree(binned, data.y, resolved.tree, treeSeed(resolved.params.seed, t));
  }
  return assembleForest(data, resolved, built as BuiltTree[], threadsUsed);
}

/**
 * Starts threads - 1 workers and, once they are running, builds trees in this thread as well;
 * every thread claims the next tree index from one shared counter. Resolves, after all workers
 * exited, to the number of threads that built at least one tree. A failed worker only loses the
 * tree it was building, which the caller then builds.
 */
async function buildWithWorkers(
  workerUrl: URL,
  binned: BinnedData,
  y: Float64Array,
  resolved: ResolvedOptions,
  built: (BuiltTree | undefined)[],
): Promise<number> {
  const nTrees = built.length;
  const forestSeed = resolved.params.seed;
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const init: WorkerInit = { binned, y, params: resolved.tree, forestSeed, nTrees, counter };
  const delivered = new Set<Worker>();
  const started: Promise<void>[] = [];
  const exited: Promise<void>[] = [];

  for (let w = 0; w < resolved.threads - 1; w++) {
    const worker = new Worker(workerUrl, { workerData: init });
    worker.on('message', (result: WorkerResult) => {
      built[result.treeIndex] = result.built;
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
    built[treeIndex] = buildTree(binned, y, resolved.tree, treeSeed(forestSeed, treeIndex));
    builtHere++;
  }

  await Promise.all(exited);
  return delivered.size + (builtHere > 0 ? 1 : 0);
}

function assembleForest(data: TrainData, resolved: ResolvedOptions, built: BuiltTree[], threadsUsed: number): Forest {
  const { rows, cols } = data.X;
  const task = resolved.tree.task;

  // Out-of-bag: average each row's predictions from the trees that did not draw it.
  const oobSum = new Float64Array(rows);
  const oobCount = new Int32Array(rows);
  for (const tree of built) {
    for (let k = 0; k < tree.oobRows.length; k++) {
      oobSum[tree.oobRows[k]] += tree.oobValues[k];
      oobCount[tree.oobRows[k]]++;
    }
  }
  const targets: number[] = [];
  const predictions: number[] = [];
  for (let r = 0; r < rows; r++) {
    if (oobCount[r] === 0) continue;
    targets.push(data.y[r]);
    predictions.push(oobSum[r] / oobCount[r]);
  }
  let oob: number | null = null;
  if (targets.length > 0) {
    const estimate = task === 'classification' ? rocAuc(targets, predictions) : rSquared(targets, predictions);
    oob = Number.isFinite(estimate) ? estimate : null;
  }

  // Importance: each tree's decreases normalized to sum 1, averaged, then normalized again.
  const importance = new Float64Array(cols);
  for (const tree of built) {
    let total = 0;
    for (let f = 0; f < cols; f++) total += tree.importance[f];
    if (total > 0) for (let f = 0; f < cols; f++) importance[f] += tree.importance[f] / total;
  }
  let importanceTotal = 0;
  for (let f = 0; f < cols; f++) importanceTotal += importance[f];
  for (let f = 0; f < cols; f++) {
    importance[f] = importanceTotal > 0 ? roundValue(importance[f] / importanceTotal) : 0;
  }

  return new Forest({
    task,
    nFeatures: cols,
    featureNames: data.featureNames,
    trees: built.map((b) => b.tree),
    importance,
    oob,
    params: resolved.params,
    threadsUsed: Math.max(1, threadsUsed),
  });
}
