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
import { buildTree, roundValue, type BuiltTree, type TreeParams } from './tree-builder.js';
import type { ForestOptions, TrainData } from './types.js';
import type { WorkerInit, WorkerRequest, WorkerResult } from './worker.js';

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
    threadsUsed = await buildInWorkers(workerUrl, binned, data.y, resolved, built);
  }

  // Trees no worker delivered (no workers, or a worker failed) are grown here; the per-tree seeds
  // make them identical to what a worker would have built.
  for (let t = 0; t < built.length; t++) {
    if (built[t] === undefined) built[t] = buildTree(binned, data.y, resolved.tree, treeSeed(resolved.params.seed, t));
  }
  return assembleForest(data, resolved, built as BuiltTree[], threadsUsed);
}

/**
 * Hands out tree indices one at a time to `threads` workers until every tree is built or a worker
 * fails. Resolves to the number of workers that delivered at least one tree.
 */
function buildInWorkers(
  workerUrl: URL,
  binned: BinnedData,
  y: Float64Array,
  resolved: ResolvedOptions,
  built: (BuiltTree | undefined)[],
): Promise<number> {
  const nTrees = built.length;
  const init: WorkerInit = { binned, y, params: resolved.tree satisfies TreeParams };

  return new Promise((resolve) => {
    let next = 0;
    let running = 0;
    let failed = false;
    const finished = new Set<Worker>();
    const delivered = new Set<Worker>();

    const finishWorker = (worker: Worker): void => {
      if (finished.has(worker)) return;
      finished.add(worker);
      running--;
      void worker.terminate();
      if (running === 0) resolve(delivered.size);
    };

    const sendNext = (worker: Worker): void => {
      if (failed || next >= nTrees) {
        finishWorker(worker);
        return;
      }
      const treeIndex = next++;
      const request: WorkerRequest = { treeIndex, seed: treeSeed(resolved.params.seed, treeIndex) };
      worker.postMessage(request);
    };

    for (let w = 0; w < resolved.threads; w++) {
      const worker = new Worker(workerUrl, { workerData: init });
      running++;
      worker.on('message', (result: WorkerResult) => {
        built[result.treeIndex] = result.built;
        delivered.add(worker);
        sendNext(worker);
      });

      // A worker that fails or exits early stops the hand-out; the caller builds the missing trees.
      worker.on('error', () => {
        failed = true;
        finishWorker(worker);
      });
      worker.on('exit', () => {
        if (!finished.has(worker)) failed = true;
        finishWorker(worker);
      });
      sendNext(worker);
    }
  });
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
