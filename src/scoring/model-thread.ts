// A second thread that runs the forest for scoring: chunks of payment-date intervals and explanations
// (see model-chunks.ts), while the scoring thread ranks the chunks already done. The worker rebuilds
// the model from the same typed arrays, so its numbers are bit for bit those of the scoring thread.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RiskpayError, type SourceRef } from '../findings.js';
import type { ForestInit } from '../forest/index.js';
import type { Forest } from '../forest/index.js';
import type { PlattCalibration } from '../model/calibration.js';
import { ForestRiskModel } from '../model/risk-model.js';
import type { ModelMeta, RiskModel } from '../model/types.js';
import type { ChunkMatrices, ChunkResult, ChunkTask } from './model-chunks.js';

export interface ModelThreadInit {
  meta: ModelMeta;
  calibration: PlattCalibration;
  classifier: ForestInit;
  regressor: ForestInit | null;
  intervalWidening: number;
  /** ForestRiskModel.tailWeight, so the worker's explanations blend the same way. */
  tailWeight: number;
  /** One Int32 in a SharedArrayBuffer: the chunks the worker has finished, counted up by the worker. */
  finished: Int32Array;
}

/** A chunk with its own matrices, which live in SharedArrayBuffers so that no copy is made. */
export interface ModelThreadTask {
  id: number;
  kind: 'chunk';
  task: ChunkTask;
  matrices: ChunkMatrices;
}

export type ModelThreadReply =
  | { id: number; kind: 'chunk'; result: ChunkResult }
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
  private sent = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly finished: Int32Array,
  ) {
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
      finished: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
    };
    let worker: Worker;
    try {
      worker = new Worker(url, { workerData: init });
    } catch {
      // A process at its thread limit cannot start one; scoring then runs in one thread.
      return null;
    }
    return new ModelThread(worker, init.finished);
  }

  /** Returns computeChunk's result for the task's rows of `matrices`. */
  async computeChunk(task: ChunkTask, matrices: ChunkMatrices): Promise<ChunkResult> {
    const reply = await this.send({ id: this.nextId++, kind: 'chunk', task, matrices });
    if (reply.kind !== 'chunk') throw new Error(`model thread sent ${reply.kind} for a chunk`);
    return reply.result;
  }

  /** Chunks sent and not yet finished by the worker, read from the counter it updates. */
  queued(): number {
    return this.sent - Atomics.load(this.finished, 0);
  }

  /** Stops the thread; tasks still waiting fail. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private send(task: ModelThreadTask): Promise<ModelThreadReply> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(task.id, { resolve, reject });
      this.sent += 1;
      this.worker.postMessage(task);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
}
