// Worker thread entry: rebuilds the model from the arrays the scoring thread posted, then computes the
// chunks it is sent, each on its own matrices. Results go back as flat typed arrays (see model-chunks.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { RiskpayError } from '../findings.js';
import { Forest } from '../forest/index.js';
import { ForestRiskModel } from '../model/risk-model.js';
import { computeChunk, type ChunkResult } from './model-chunks.js';
import type { ModelThreadInit, ModelThreadReply, ModelThreadTask } from './model-thread.js';

function rebuildModel(init: ModelThreadInit): ForestRiskModel {
  return new ForestRiskModel({
    meta: init.meta,
    calibration: init.calibration,
    classifier: new Forest(init.classifier),
    regressor: init.regressor === null ? null : new Forest(init.regressor),
    intervalWidening: init.intervalWidening,
    tailWeight: init.tailWeight,
  });
}

/** Lists the buffers of a result, which move to the scoring thread instead of being copied. */
function transferList(result: ChunkResult): ArrayBuffer[] {
  const arrays = [result.rankedRisks, result.explained, result.invoices.values, result.invoices.bias, result.invoices.prediction, result.debtors.values, result.debtors.bias, result.debtors.prediction];
  if (result.dates !== null) arrays.push(result.dates);
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

if (parentPort !== null) {
  const port = parentPort;
  const init = workerData as ModelThreadInit;
  const model = rebuildModel(init);

  port.on('message', (message: ModelThreadTask) => {
    try {
      const result = computeChunk(model, message.matrices, message.task);
      Atomics.add(init.finished, 0, 1);
      port.postMessage({ id: message.id, kind: 'chunk', result } satisfies ModelThreadReply, transferList(result));
    } catch (error) {
      Atomics.add(init.finished, 0, 1);
      // A RiskpayError crosses as its finding, so the scoring thread throws the same code and args.
      const failure =
        error instanceof RiskpayError
          ? { code: error.finding.code, args: error.finding.args, path: error.finding.path }
          : { message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      port.postMessage({ id: message.id, kind: 'failed', failure } satisfies ModelThreadReply);
    }
  });
}
