// A second thread that runs the forest for scoring: payment-date intervals and explanations of a
// matrix, while the scoring thread explains other rows. The worker rebuilds the model from the same
// typed arrays, so its numbers are bit for bit those of the scoring thread.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RiskpayError, type SourceRef } from '../findings.js';
import type { ForestInit } from '../forest/index.js';
import type { Contributions, Forest, Matrix } from '../forest/index.js';
import type { PlattCalibration } from '../model/calibration.js';
import { ForestRiskModel } from '../model/risk-model.js';
import type { ModelMeta, PaymentDatePrediction, RiskModel } from '../model/types.js';

export interface ModelThreadInit {
  meta: ModelMeta;
  calibration: PlattCalibration;
  classifier: ForestInit;
  regressor: ForestInit | null;
  intervalWidening: number;
  /** ForestRiskModel.tailWeight, so the worker's explanations blend the same way. */
  tailWeight: number;
}

export type ModelThreadTask = { id: number; kind: 'daysLate'; matrix: Matrix } | { id: number; kind: 'explain'; matrix: Matrix };

export type ModelThreadReply =
  | { id: number; kind: 'daysLate'; values: Float64Array }
  | { id: number; kind: 'explain'; values: Float64Array; bias: Float64Array; prediction: Float64Array; width: number }
  | { id: number; kind: 'failed'; failure: { code: string; args: Record<string, string | number>; path?: SourceRef } | { message: string } };

function forestInit(forest: Forest): ForestInit {
  return {
    task: forest.task,
    nFeatures: forest.nFeatures,
    featureNames: forest.featureNames,
    trees: [...forest.trees],
    importance: forest.featureImportance(),
    oob: forest.oob,
    params: forest.params,
  };
}

/** Returns the error a failed task reply describes: the same RiskpayError, or a plain Error. */
function replyError(failure: Extract<ModelThreadReply, { kind: 'failed' }>['failure']): Error {
  if ('code' in failure) return new RiskpayError(failure.code, failure.args, failure.path);
  return new Error(`model thread failed: ${failure.message}`);
}

export class ModelThread {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (reply: ModelThreadReply) => void; reject: (error: Error) => void }>();
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: ModelThreadReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.kind === 'failed') waiting?.reject(replyError(reply.failure));
      else waiting?.resolve(reply);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`model thread exited with code ${code}`)));
  }

  /**
   * Starts the thread for a forest model. Returns null for any other model, when the worker cannot be
   * started, and when the compiled worker script is missing: the TypeScript sources, as vitest runs
   * them, have no .js worker.
   */
  static start(model: RiskModel): ModelThread | null {
    if (!(model instanceof ForestRiskModel)) return null;
    const url = new URL('./model-thread-worker.js', import.meta.url);
    if (!existsSync(fileURLToPath(url))) return null;

    const init: ModelThreadInit = {
      meta: model.meta,
      calibration: model.calibration,
      classifier: forestInit(model.classifier),
      regressor: model.regressor === null ? null : forestInit(model.regressor),
      intervalWidening: model.intervalWidening,
      tailWeight: model.tailWeight,
    };
    let worker: Worker;
    try {
      worker = new Worker(url, { workerData: init });
    } catch {
      // A process at its thread limit cannot start one; scoring then runs in one thread.
      return null;
    }
    return new ModelThread(worker);
  }

  /** Returns the payment-date predictions of every row, as model.predictDaysLate(matrix) does. */
  async predictDaysLate(matrix: Matrix): Promise<PaymentDatePrediction[]> {
    const reply = await this.send({ id: this.nextId++, kind: 'daysLate', matrix });
    if (reply.kind !== 'daysLate') throw new Error(`model thread sent ${reply.kind} for daysLate`);
    const predictions: PaymentDatePrediction[] = [];
    for (let i = 0; i < reply.values.length; i += 3) {
      predictions.push({ days: reply.values[i], low: reply.values[i + 1], high: reply.values[i + 2] });
    }
    return predictions;
  }

  /** Returns the contributions of every row, as explainRows(model, matrix, all rows) does. */
  async explain(matrix: Matrix): Promise<Contributions[]> {
    const reply = await this.send({ id: this.nextId++, kind: 'explain', matrix });
    if (reply.kind !== 'explain') throw new Error(`model thread sent ${reply.kind} for explain`);
    const { values, bias, prediction, width } = reply;
    return Array.from(bias, (_, i) => ({ bias: bias[i], values: values.subarray(i * width, (i + 1) * width), prediction: prediction[i] }));
  }

  /** Stops the thread; tasks still waiting fail. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private send(task: ModelThreadTask): Promise<ModelThreadReply> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(task.id, { resolve, reject });
      // A matrix in a SharedArrayBuffer is shared, and any other is copied. A view would copy its
      // whole buffer, so it is cut to its own rows first.
      const { data } = task.matrix;
      const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
      this.worker.postMessage({ ...task, matrix: { ...task.matrix, data: own } });
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
}
