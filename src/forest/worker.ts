// Worker thread entry: receives the binned data once, then builds one tree per request.

import { parentPort, workerData } from 'node:worker_threads';
import type { BinnedData } from './binning.js';
import { buildTree, type BuiltTree, type TreeParams } from './tree-builder.js';

export interface WorkerInit {
  /** The bins live in a SharedArrayBuffer, so workers read them without a copy. */
  binned: BinnedData;
  y: Float64Array;
  params: TreeParams;
}

export interface WorkerRequest {
  treeIndex: number;
  seed: number;
}

export interface WorkerResult {
  treeIndex: number;
  built: BuiltTree;
}

if (parentPort !== null) {
  const port = parentPort;
  const init = workerData as WorkerInit;

  port.on('message', (request: WorkerRequest) => {
    const built = buildTree(init.binned, init.y, init.params, request.seed);
    const { tree } = built;
    const result: WorkerResult = { treeIndex: request.treeIndex, built };
    const arrays = [tree.feature, tree.threshold, tree.left, tree.right, tree.value, built.importance, built.oobRows, built.oobValues];
    port.postMessage(
      result,
      arrays.map((array) => array.buffer as ArrayBuffer),
    );
  });
}
