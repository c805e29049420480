// Worker thread entry: claims tree indices from a shared counter until all trees are taken and
// posts each built tree back. The calling thread claims from the same counter.

import { parentPort, workerData } from 'node:worker_threads';
import type { BinnedData } from './binning.js';
import { treeSeed } from './rng.js';
import { buildTree, type BuiltTree, type TreeParams } from './tree-builder.js';

export interface WorkerInit {
  /** The bins live in a SharedArrayBuffer, so workers read them without a copy. */
  binned: BinnedData;
  y: Float64Array;
  params: TreeParams;
  forestSeed: number;
  nTrees: number;
  /** counter[0] is the next unclaimed tree index, shared by all threads. */
  counter: Int32Array;
}

export interface WorkerResult {
  treeIndex: number;
  built: BuiltTree;
}

if (parentPort !== null) {
  const port = parentPort;
  const init = workerData as WorkerInit;

  for (;;) {
    const treeIndex = Atomics.add(init.counter, 0, 1);
    if (treeIndex >= init.nTrees) break;

    const built = buildTree(init.binned, init.y, init.params, treeSeed(init.forestSeed, treeIndex));
    const { tree } = built;
    const result: WorkerResult = { treeIndex, built };
    const arrays = [tree.feature, tree.threshold, tree.left, tree.right, tree.value, built.importance, built.oobRows, built.oobValues];
    port.postMessage(
      result,
      arrays.map((array) => array.buffer as ArrayBuffer),
    );
  }
}
