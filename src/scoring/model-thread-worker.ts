// Worker thread entry: rebuilds the model from the arrays the scoring thread posted, then runs the
// forest on the matrices it is sent. Results go back as flat typed arrays (see model-thread.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { RiskpayError } from '../findings.js';
import { Forest } from '../forest/index.js';
import { ForestRiskModel } from '../model/risk-model.js';
import { explainRows } from './explain-batch.js';
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

function run(model: ForestRiskModel, task: ModelThreadTask): { reply: ModelThreadReply; transfer: ArrayBuffer[] } {
  if (task.kind === 'daysLate') {
    const predictions = model.predictDaysLate(task.matrix);
    const values = new Float64Array(predictions.length * 3);
    predictions.forEach((prediction, i) => {
      values[3 * i] = prediction.days;
      values[3 * i + 1] = prediction.low;
      values[3 * i + 2] = prediction.high;
    });
    return { reply: { id: task.id, kind: 'daysLate', values }, transfer: [values.buffer] };
  }

  const all = Array.from({ length: task.matrix.rows }, (_, i) => i);
  const contributions = explainRows(model, task.matrix, all);
  const width = model.inputNames.length;
  const values = new Float64Array(contributions.length * width);
  const bias = new Float64Array(contributions.length);
  const prediction = new Float64Array(contributions.length);
  contributions.forEach((item, i) => {
    values.set(item.values, i * width);
    bias[i] = item.bias;
    prediction[i] = item.prediction;
  });
  return { reply: { id: task.id, kind: 'explain', values, bias, prediction, width }, transfer: [values.buffer, bias.buffer, prediction.buffer] };
}

if (parentPort !== null) {
  const port = parentPort;
  const model = rebuildModel(workerData as ModelThreadInit);

  port.on('message', (task: ModelThreadTask) => {
    try {
      const { reply, transfer } = run(model, task);
      port.postMessage(reply, transfer);
    } catch (error) {
      // A RiskpayError crosses as its finding, so the scoring thread throws the same code and args.
      const failure =
        error instanceof RiskpayError
          ? { code: error.finding.code, args: error.finding.args, path: error.finding.path }
          : { message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      port.postMessage({ id: task.id, kind: 'failed', failure } satisfies ModelThreadReply);
    }
  });
}
