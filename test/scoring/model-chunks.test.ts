// The chunked model work of scoring: computeChunk must give the values of the whole-matrix calls, and
// ChunkPipeline must use every chunk once, in order, whichever thread computed it.

import { describe, expect, it } from 'vitest';
import { RiskpayError } from '../../src/findings.js';
import type { Matrix } from '../../src/forest/types.js';
import { loadBundledModel } from '../../src/model/index.js';
import { explainRows } from '../../src/scoring/explain-batch.js';
import { ChunkPipeline, computeChunk, unflatten } from '../../src/scoring/model-chunks.js';

const model = loadBundledModel();
const cols = model.inputNames.length;

/** Builds a matrix of `rows` rows from a fixed sequence of values, so the forest takes varied paths. */
function matrixOf(rows: number): Matrix {
  const data = Float64Array.from({ length: rows * cols }, (_, i) => ((i * 7919) % 211) - 60);
  return { data, rows, cols };
}

describe('computeChunk', () => {
  it('matches whole-matrix explanations', () => {
    const invoices = matrixOf(40);
    const debtors = matrixOf(5);
    const result = computeChunk(model, { invoices, debtors }, { explained: Int32Array.from([3, 17, 30]) });

    const invoiceExpected = explainRows(model, invoices, [3, 17, 30]);
    const invoiceContributions = unflatten(result.invoices);
    expect(invoiceContributions).toHaveLength(3);
    invoiceContributions.forEach((c, i) => {
      expect(c.bias).toBe(invoiceExpected[i].bias);
      expect(c.prediction).toBe(invoiceExpected[i].prediction);
      expect(Array.from(c.values)).toEqual(Array.from(invoiceExpected[i].values));
    });
    const debtorExpected = explainRows(model, debtors, [0, 1, 2, 3, 4]);
    const debtorContributions = unflatten(result.debtors);
    expect(debtorContributions).toHaveLength(5);
    debtorContributions.forEach((c, i) => expect(c.prediction).toBe(debtorExpected[i].prediction));
  });

  it('predicts dates of every invoice row', () => {
    const invoices = matrixOf(30);
    const result = computeChunk(model, { invoices, debtors: matrixOf(0) }, { explained: new Int32Array(0) });
    const expected = model.predictDaysLate?.(invoices) ?? [];
    if (expected.length === 0) {
      expect(result.dates === null || result.dates.length === 0).toBe(true);
      return;
    }
    expect(result.dates).toHaveLength(90);
    for (let i = 0; i < 30; i++) {
      expect(result.dates![3 * i]).toBe(expected[i].days);
      expect(result.dates![3 * i + 1]).toBe(expected[i].low);
      expect(result.dates![3 * i + 2]).toBe(expected[i].high);
    }
  });

  it('returns empty results for empty matrices', () => {
    const result = computeChunk(model, { invoices: matrixOf(0), debtors: matrixOf(0) }, { explained: new Int32Array(0) });
    expect(result.dates === null || result.dates.length === 0).toBe(true);
    expect(result.invoices.bias).toHaveLength(0);
    expect(result.debtors.bias).toHaveLength(0);
  });
});

/** Resolves after `ms` milliseconds with `value`. */
function later<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

/** Returns a stand-in model thread that replies after `ms` and counts its queue as a worker's counter would. */
function slowThread<R>(ms: number, answer: (chunk: number) => R | Promise<never>) {
  let queued = 0;
  const sent: number[] = [];
  return {
    sent,
    compute(chunk: number): Promise<R> {
      queued += 1;
      sent.push(chunk);
      return later(ms, chunk).then((value) => {
        queued -= 1;
        return answer(value);
      });
    },
    queued: () => queued,
  };
}

/** Runs a pipeline of `count` chunks added up front and returns the chunks used, in order of use. */
async function runAll<R>(count: number, local: (chunk: number) => R, thread: { compute(chunk: number): Promise<R>; queued(): number }): Promise<number[]> {
  const pipeline = new ChunkPipeline(local, thread);
  for (let i = 0; i < count; i++) pipeline.add();
  const used: number[] = [];
  await pipeline.drain((chunk) => used.push(chunk));
  return used;
}

describe('ChunkPipeline', () => {
  it('uses each chunk once in order', async () => {
    const computedHere: number[] = [];
    const thread = slowThread(2, (chunk) => `thread ${chunk}`);
    const results: string[] = [];
    const pipeline = new ChunkPipeline((chunk) => {
      computedHere.push(chunk);
      return `here ${chunk}`;
    }, thread);
    for (let i = 0; i < 20; i++) pipeline.add();
    await pipeline.drain((chunk, result) => {
      expect(result.endsWith(` ${chunk}`)).toBe(true);
      results.push(result);
    });

    expect(results).toHaveLength(20);
    expect(computedHere.filter((chunk) => thread.sent.includes(chunk))).toEqual([]);
    expect(new Set(computedHere).size).toBe(computedHere.length);
  });

  it('queues at most three chunks in the thread', async () => {
    const thread = slowThread(5, (chunk) => chunk);
    const pipeline = new ChunkPipeline((chunk) => chunk, thread);
    for (let i = 0; i < 10; i++) pipeline.add();
    expect(thread.sent).toEqual([0, 1, 2]);
    await pipeline.drain(() => undefined);
  });

  it('computes from the back while the thread is slow', async () => {
    const computedHere: number[] = [];
    const local = (chunk: number): number => {
      computedHere.push(chunk);
      return chunk;
    };
    const used = await runAll(10, local, slowThread(30, (chunk) => chunk));
    expect(used).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(computedHere).toContain(9);
    expect(computedHere).not.toContain(0);
  });

  it('computes here what the thread fails on', async () => {
    const computedHere: number[] = [];
    const local = (chunk: number): number => {
      computedHere.push(chunk);
      return chunk;
    };
    const used = await runAll(6, local, slowThread(1, () => Promise.reject(new Error('worker exited'))));
    expect(used).toEqual([0, 1, 2, 3, 4, 5]);
    expect(computedHere.sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('throws the thread input error', async () => {
    const failing = slowThread(1, () => Promise.reject(new RiskpayError('FOREST_INPUT_NOT_FINITE', { row: 0, feature: 1, value: 'NaN' })));
    await expect(runAll(4, (chunk) => chunk, failing)).rejects.toMatchObject({ finding: { code: 'FOREST_INPUT_NOT_FINITE' } });
  });

  it('runs no chunk for zero', async () => {
    let calls = 0;
    const thread = { compute: () => Promise.resolve(calls++), queued: () => 0 };
    expect(await runAll(0, () => calls++, thread)).toEqual([]);
    expect(calls).toBe(0);
  });
});
