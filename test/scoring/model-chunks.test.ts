// The chunked model work of scoring: computeChunk must give the values of the whole-matrix calls, and
// runChunks must use every chunk once, in order, whichever thread computed it.

import { describe, expect, it } from 'vitest';
import { RiskpayError } from '../../src/findings.js';
import type { Matrix } from '../../src/forest/types.js';
import { loadBundledModel } from '../../src/model/index.js';
import { explainRows } from '../../src/scoring/explain-batch.js';
import { computeChunk, runChunks, unflatten } from '../../src/scoring/model-chunks.js';

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
    const debtors = matrixOf(12);
    const result = computeChunk(model, { invoices, debtors }, { datesFrom: 5, datesTo: 20, explained: Int32Array.from([3, 17, 30]), debtorsFrom: 4, debtorsTo: 9 });

    const invoiceExpected = explainRows(model, invoices, [3, 17, 30]);
    unflatten(result.invoices).forEach((c, i) => {
      expect(c.bias).toBe(invoiceExpected[i].bias);
      expect(c.prediction).toBe(invoiceExpected[i].prediction);
      expect(Array.from(c.values)).toEqual(Array.from(invoiceExpected[i].values));
    });
    const debtorExpected = explainRows(model, debtors, [4, 5, 6, 7, 8]);
    const debtorContributions = unflatten(result.debtors);
    expect(debtorContributions).toHaveLength(5);
    debtorContributions.forEach((c, i) => expect(c.prediction).toBe(debtorExpected[i].prediction));
  });

  it('predicts dates of its row range', () => {
    const invoices = matrixOf(30);
    const result = computeChunk(model, { invoices, debtors: matrixOf(0) }, { datesFrom: 10, datesTo: 14, explained: new Int32Array(0), debtorsFrom: 0, debtorsTo: 0 });
    const expected = model.predictDaysLate?.(invoices) ?? [];
    if (expected.length === 0) {
      expect(result.dates === null || result.dates.length === 0).toBe(true);
      return;
    }
    expect(result.dates).toHaveLength(12);
    for (let i = 0; i < 4; i++) {
      expect(result.dates![3 * i]).toBe(expected[10 + i].days);
      expect(result.dates![3 * i + 1]).toBe(expected[10 + i].low);
      expect(result.dates![3 * i + 2]).toBe(expected[10 + i].high);
    }
  });
});

/** Resolves after `ms` milliseconds with `value`. */
function later<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

describe('runChunks', () => {
  it('uses each chunk once in order', async () => {
    const used: number[] = [];
    const computedHere: number[] = [];
    await runChunks(
      20,
      (chunk) => {
        computedHere.push(chunk);
        return `here ${chunk}`;
      },
      (chunk) => later(2, `thread ${chunk}`),
      (chunk, result) => {
        expect(result.endsWith(` ${chunk}`)).toBe(true);
        used.push(chunk);
      },
    );
    expect(used).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(new Set(computedHere).size).toBe(computedHere.length);
  });

  it('computes from the back while the thread is slow', async () => {
    const computedHere: number[] = [];
    await runChunks(
      10,
      (chunk) => {
        computedHere.push(chunk);
        return chunk;
      },
      (chunk) => later(30, chunk),
      () => undefined,
    );
    expect(computedHere).toContain(9);
    expect(computedHere).not.toContain(0);
  });

  it('computes here what the thread fails on', async () => {
    const used: string[] = [];
    await runChunks(
      6,
      (chunk) => `here ${chunk}`,
      () => Promise.reject(new Error('worker exited')),
      (_, result) => used.push(result),
    );
    expect(used).toEqual(['here 0', 'here 1', 'here 2', 'here 3', 'here 4', 'here 5']);
  });

  it('throws the thread input error', async () => {
    const run = runChunks(
      4,
      (chunk) => chunk,
      () => Promise.reject(new RiskpayError('FOREST_INPUT_NOT_FINITE', { row: 0, feature: 1, value: 'NaN' })),
      () => undefined,
    );
    await expect(run).rejects.toMatchObject({ finding: { code: 'FOREST_INPUT_NOT_FINITE' } });
  });

  it('runs no chunk for zero', async () => {
    let calls = 0;
    await runChunks(
      0,
      () => calls++,
      () => Promise.resolve(calls++),
      () => calls++,
    );
    expect(calls).toBe(0);
  });
});
