// Worker thread entry: rebuilds the model from the arrays the scoring thread posted, or loads the model
// file it was given and posts the arrays back, then computes the chunks it is sent, each on its own
// matrices. Results go back as flat typed arrays (see model-chunks.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { collectGarbage } from '../memory.js';
import { loadModel } from '../model/model-file.js';
import type { ForestRiskModel } from '../model/risk-model.js';
import { computeChunk, type ChunkResult } from './model-chunks.js';
import {
  LOADED_ID,
  modelArrays,
  modelFromArrays,
  threadFailure,
  type ModelLoadReply,
  type ModelThreadInit,
  type ModelThreadReply,
  type ModelThreadTask,
} from './model-thread.js';

/** Lists the buffers of a result, which move to the scoring thread instead of being copied. */
function transferList(result: ChunkResult): ArrayBuffer[] {
  const arrays = [result.rankedRisks, result.explained, result.invoices.values, result.invoices.bias, result.invoices.prediction, result.debtors.values, result.debtors.bias, result.debtors.prediction];
  if (result.dates !== null) arrays.push(result.dates);
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

/**
 * Returns the model of the init: built from its arrays, or loaded from its file. A loaded model goes
 * back to the scoring thread as arrays. A failed load goes back as its error, and the result is null.
 */
function startModel(init: ModelThreadInit, port: NonNullable<typeof parentPort>): ForestRiskModel | null {
  if (!('path' in init.model)) return modelFromArrays(init.model);
  try {
    const loaded = loadModel(init.model.path);
    // Built again from the arrays it sends, so both threads have the same model bit for bit.
    const arrays = modelArrays(loaded);
    port.postMessage({ id: LOADED_ID, kind: 'loaded', model: arrays } satisfies ModelLoadReply);
    const model = modelFromArrays(arrays);
    // The parsed JSON of the file is garbage now, tens of MB for a large model. This thread allocates
    // little from here on, so without a collection now it would stay in memory until the end.
    collectGarbage();
    return model;
  } catch (error) {
    port.postMessage({ id: LOADED_ID, kind: 'failed', failure: threadFailure(error) } satisfies ModelLoadReply);
    return null;
  }
}

if (parentPort !== null) {
  const port = parentPort;
  const init = workerData as ModelThreadInit;
  const model = startModel(init, port);

  port.on('message', (message: ModelThreadTask) => {
    try {
      if (model === null) throw new Error('the model file could not be loaded');
      const result = computeChunk(model, message.matrices, message.task);
      Atomics.add(init.finished, 0, 1);
      port.postMessage({ id: message.id, kind: 'chunk', result } satisfies ModelThreadReply, transferList(result));
    } catch (error) {
      Atomics.add(init.finished, 0, 1);
      // A RiskpayError crosses as its finding, so the scoring thread throws the same code and args.
      port.postMessage({ id: message.id, kind: 'failed', failure: threadFailure(error) } satisfies ModelThreadReply);
    }
  });
}
