// A second thread that runs the forest for scoring: chunks of payment-date intervals and explanations
// (see model-chunks.ts), while the scoring thread ranks the chunks already done. The worker rebuilds
// the model from the same typed arrays, so its numbers are bit for bit those of the scoring thread.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RiskpayError, type SourceRef } from '../findings.js';
import { Forest, type ForestInit } from '../forest/index.js';
import type { PlattCalibration } from '../model/calibration.js';
import { ForestRiskModel } from '../model/risk-model.js';
import type { ModelMeta, RiskModel } from '../model/types.js';
import type { ChunkMatrices, ChunkResult, ChunkTask } from './model-chunks.js';

/** A forest model as arrays, from which either thread builds the same ForestRiskModel (see modelFromArrays). */
export interface ModelArrays {
  meta: ModelMeta;
  calibration: PlattCalibration;
  classifier: ForestInit;
  regressor: ForestInit | null;
  intervalWidening: number;
  /** ForestRiskModel.tailWeight, so the worker's explanations blend the same way. */
  tailWeight: number;
}

/**
 * The worker's start data: the model's arrays, or the path of a model file that it loads itself and
 * reports back (see ModelThread.preload).
 */
export interface ModelThreadInit {
  model: ModelArrays | { path: string };
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

/** A failure as it crosses threads: a RiskpayError's finding, or another error's message. */
export type ThreadFailure = { code: string; args: Record<string, string | number>; path?: SourceRef } | { message: string };

export type ModelThreadReply =
  | { id: number; kind: 'chunk'; result: ChunkResult }
  | { id: number; kind: 'failed'; failure: ThreadFailure };

/** The message a preloading worker sends once, with id LOADED_ID: the model it loaded, or why it could not. */
export type ModelLoadReply = { id: typeof LOADED_ID; kind: 'loaded'; model: ModelArrays } | { id: typeof LOADED_ID; kind: 'failed'; failure: ThreadFailure };

/** Reply id of the loaded model. Chunk tasks count up from 0. */
export const LOADED_ID = -1;

/** Returns the model as arrays that a message can carry. */
export function modelArrays(model: ForestRiskModel): ModelArrays {
  return {
    meta: model.meta,
    calibration: model.calibration,
    classifier: forestInit(model.classifier),
    regressor: model.regressor === null ? null : forestInit(model.regressor),
    intervalWidening: model.intervalWidening,
    tailWeight: model.tailWeight,
  };
}

/** Builds the model from its arrays, so both threads have the same numbers bit for bit. */
export function modelFromArrays(arrays: ModelArrays): ForestRiskModel {
  return new ForestRiskModel({
    meta: arrays.meta,
    calibration: arrays.calibration,
    classifier: new Forest(arrays.classifier),
    regressor: arrays.regressor === null ? null : new Forest(arrays.regressor),
    intervalWidening: arrays.intervalWidening,
    tailWeight: arrays.tailWeight,
  });
}

/** Returns the failure of an error, so that the other thread can raise the same one. */
export function threadFailure(error: unknown): ThreadFailure {
  if (error instanceof RiskpayError) return { code: error.finding.code, args: error.finding.args, path: error.finding.path };
  return { message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

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

/** Returns the error a failed reply describes: the same RiskpayError, or a plain Error. */
function replyError(failure: ThreadFailure): Error {
  if ('code' in failure) return new RiskpayError(failure.code, failure.args, failure.path);
  return new Error(`model thread failed: ${failure.message}`);
}

/** Returns the URL of the compiled worker script, or null when it is missing, as under vitest, which runs the TypeScript sources. */
function workerScript(): URL | null {
  const url = new URL('./model-thread-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

export class ModelThread {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (reply: ModelThreadReply | ModelLoadReply) => void; reject: (error: Error) => void }>();
  private failure: Error | null = null;
  private sent = 0;
  /** The model a preloading worker reports (see loadedModel), or null for a thread started with a model. */
  private readonly loaded: Promise<ForestRiskModel> | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly finished: Int32Array,
    preloading = false,
  ) {
    if (preloading) {
      const reply = new Promise<ModelThreadReply | ModelLoadReply>((resolve, reject) => this.pending.set(LOADED_ID, { resolve, reject }));
      this.loaded = reply.then((loaded) => {
        if (loaded.kind !== 'loaded') throw new Error(`model thread sent ${loaded.kind} for the model`);
        return modelFromArrays(loaded.model);
      });
      // A run that fails before it requests the model must not count the rejection as unhandled.
      this.loaded.catch(() => undefined);
    }
    worker.on('message', (reply: ModelThreadReply | ModelLoadReply) => {
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
    return ModelThread.launch(modelArrays(model));
  }

  /**
   * Starts the thread with a model file, which it loads while this thread does other work. Returns
   * null when no thread can start, and the caller then loads the file itself.
   */
  static preload(path: string): ModelThread | null {
    return ModelThread.launch({ path });
  }

  private static launch(model: ModelThreadInit['model']): ModelThread | null {
    const url = workerScript();
    if (url === null) return null;
    const init: ModelThreadInit = { model, finished: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) };
    let worker: Worker;
    try {
      worker = new Worker(url, { workerData: init });
    } catch {
      // A process at its thread limit cannot start one; scoring then runs in one thread.
      return null;
    }
    return new ModelThread(worker, init.finished, 'path' in model);
  }

  /**
   * Returns the model a preloading thread loaded, built in this thread from the same arrays. Throws the
   * error the load raised, such as MODEL_INVALID, exactly as loading the file here would.
   */
  loadedModel(): Promise<ForestRiskModel> {
    if (this.loaded === null) return Promise.reject(new Error('the model thread was not started with a model file'));
    return this.loaded;
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

  private send(task: ModelThreadTask): Promise<ModelThreadReply | ModelLoadReply> {
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
