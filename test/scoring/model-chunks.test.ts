// The chunked model work of scoring: computeChunk must give the values of the whole-matrix calls, and
// ChunkPipeline must use every chunk once, in order, whichever thread computed it.

import { describe, expect, it } from 'vitest';
import { RiskpayError } from '../../src/findings.js';
import type { Matrix } from '../../src/forest/types.js';
import { loadBundledModel } from '../../src/model/index.js';
import { explainRows } from '../../src/scoring/explain-batch.js';
import { ChunkPipeline, computeChunk, unflatten, type ChunkTask } from '../../src/scoring/model-chunks.js';
import { clipRisk, MAX_RISK } from '../../src/scoring/scored.js';

const model = loadBundledModel();
const cols = model.inputNames.length;

/** Builds a matrix of `rows` rows from a fixed sequence of values, so the forest takes varied paths. */
function matrixOf(rows: number): Matrix {
  const data = Float64Array.from({ length: rows * cols }, (_, i) => ((i * 7919) % 211) - 60);
  return { data, rows, cols };
}

/** Returns a task over `sizes` debtors' rows: balances 100, 200, ..., nothing late, invoice numbers F0, F1, .... */
function taskOf(sizes: number[], maxExplained: number): ChunkTask {
  const rows = sizes.reduce((sum, size) => sum + size, 0);
  const debtorStarts = new Int32Array(sizes.length + 1);
  sizes.forEach((size, i) => (debtorStarts[i + 1] = debtorStarts[i] + size));
  return {
    debtorStarts,
    maxExplained,
    balances: Float64Array.from({ length: rows }, (_, i) => 100 * (i + 1)),
    alreadyLate: new Uint8Array(rows),
    invoiceIds: Array.from({ length: rows }, (_, i) => `F${i}`),
  };
}

describe('computeChunk', () => {
  it('matches whole-matrix explanations', () => {
    const invoices = matrixOf(40);
    const debtors = matrixOf(5);
    const result = computeChunk(model, { invoices, debtors }, taskOf([10, 15, 15], 0));

    const all = Array.from({ length: 40 }, (_, i) => i);
    expect(Array.from(result.explained)).toEqual(all);
    const invoiceExpected = explainRows(model, invoices, all);
    const invoiceContributions = unflatten(result.invoices);
    expect(invoiceContributions).toHaveLength(40);
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

  it('picks the largest amounts at risk of large debtors', () => {
    const invoices = matrixOf(14);
    const task = taskOf([2, 12], 3);
    task.alreadyLate[9] = 1;
    const result = computeChunk(model, { invoices, debtors: matrixOf(0) }, task);

    // Rows 2 to 13 are ranked by risk times balance, as invoicesToExplain ranks them.
    const ranked = Array.from({ length: 12 }, (_, i) => 2 + i);
    const risks = model.predictLate({ data: invoices.data.slice(2 * cols), rows: 12, cols });
    const risk = (row: number) => (row === 9 ? MAX_RISK : clipRisk(risks[row - 2]));
    const expected = [...ranked].sort((a, b) => risk(b) * task.balances[b] - risk(a) * task.balances[a]).slice(0, 3);
    expect(Array.from(result.explained)).toEqual([0, 1, ...expected]);
    expect(Number.isNaN(result.rankedRisks[0])).toBe(true);
    expect(Number.isNaN(result.rankedRisks[1])).toBe(true);
    for (const row of ranked) expect(result.rankedRisks[row]).toBe(clipRisk(risks[row - 2]));
    expect(unflatten(result.invoices)).toHaveLength(5);
  });

  it('breaks ties in the ranking by invoice number', () => {
    const task = taskOf([6], 2);
    task.balances.fill(500);
    task.alreadyLate.fill(1);
    task.invoiceIds.splice(0, 6, 'F9', 'F3', 'F7', 'F1', 'F8', 'F2');
    const result = computeChunk(model, { invoices: matrixOf(6), debtors: matrixOf(0) }, task);
    expect(Array.from(result.explained)).toEqual([3, 5]);
  });

  it('predicts dates of every invoice row', () => {
    const invoices = matrixOf(30);
    const result = computeChunk(model, { invoices, debtors: matrixOf(0) }, taskOf([30], 10));
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
    const result = computeChunk(model, { invoices: matrixOf(0), debtors: matrixOf(0) }, taskOf([], 10));
    expect(result.dates === null || result.dates.length === 0).toBe(true);
    expect(result.explained).toHaveLength(0);
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
