// The model's scoring work cut into chunks of consecutive debtors, so that two threads share it while
// the scoring thread ranks the chunks already done. A chunk's result depends on its rows alone, and both
// threads run the same code on the same model arrays, so the values are bit for bit those of one thread.

import { RiskpayError } from '../findings.js';
import type { Contributions, Matrix } from '../forest/types.js';
import type { RiskModel } from '../model/types.js';
import { explainRows } from './explain-batch.js';

/** The model work of one chunk: rows of the invoice matrix and of the debtor-row matrix. */
export interface ChunkTask {
  /** First and end (exclusive) invoice row whose payment date is predicted. */
  datesFrom: number;
  datesTo: number;
  /** Invoice rows explained. */
  explained: Int32Array;
  /** First and end (exclusive) debtor row explained. */
  debtorsFrom: number;
  debtorsTo: number;
}

/** Contributions of several rows in flat arrays, which a thread can hand over without copying. */
export interface FlatContributions {
  /** `width` values per row. */
  values: Float64Array;
  bias: Float64Array;
  prediction: Float64Array;
  width: number;
}

export interface ChunkResult {
  /**
   * Expected days late, low and high per row from datesFrom, or null when the model predicts no dates.
   * It is shorter than the rows when the model returned fewer predictions.
   */
  dates: Float64Array | null;
  invoices: FlatContributions;
  debtors: FlatContributions;
}

/** The two matrices every chunk reads rows of. */
export interface ChunkMatrices {
  invoices: Matrix;
  debtors: Matrix;
}

/** Returns the rows [from, to) of a matrix as a view. */
function rowRange(matrix: Matrix, from: number, to: number): Matrix {
  return { data: matrix.data.subarray(from * matrix.cols, to * matrix.cols), rows: to - from, cols: matrix.cols };
}

function flatten(contributions: readonly Contributions[], width: number): FlatContributions {
  const values = new Float64Array(contributions.length * width);
  const bias = new Float64Array(contributions.length);
  const prediction = new Float64Array(contributions.length);
  contributions.forEach((item, i) => {
    values.set(item.values, i * width);
    bias[i] = item.bias;
    prediction[i] = item.prediction;
  });
  return { values, bias, prediction, width };
}

/** Returns one Contributions per row, each a view into the flat arrays. */
export function unflatten({ values, bias, prediction, width }: FlatContributions): Contributions[] {
  return Array.from(bias, (_, i) => ({ bias: bias[i], values: values.subarray(i * width, (i + 1) * width), prediction: prediction[i] }));
}

/** Computes one chunk: payment dates, then invoice explanations, then debtor-row explanations. */
export function computeChunk(model: RiskModel, matrices: ChunkMatrices, task: ChunkTask): ChunkResult {
  let dates: Float64Array | null = null;
  if (model.predictDaysLate !== undefined) {
    const predictions = task.datesTo > task.datesFrom ? model.predictDaysLate(rowRange(matrices.invoices, task.datesFrom, task.datesTo)) : [];
    dates = new Float64Array(predictions.length * 3);
    predictions.forEach((prediction, i) => {
      dates![3 * i] = prediction.days;
      dates![3 * i + 1] = prediction.low;
      dates![3 * i + 2] = prediction.high;
    });
  }

  const width = matrices.invoices.cols;
  const invoices = task.explained.length > 0 ? explainRows(model, matrices.invoices, [...task.explained]) : [];
  const debtorRows = Array.from({ length: task.debtorsTo - task.debtorsFrom }, (_, i) => task.debtorsFrom + i);
  const debtors = debtorRows.length > 0 ? explainRows(model, matrices.debtors, debtorRows) : [];
  return { dates, invoices: flatten(invoices, width), debtors: flatten(debtors, width) };
}

/** Chunks sent to the model thread and not yet returned. Two keep it busy while a reply travels. */
const IN_FLIGHT = 2;

/** Lets the event loop deliver the model thread's replies. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Computes `count` chunks and passes each result to `use`, in chunk order. The model thread (`remote`)
 * takes chunks from the front. This thread uses each result as soon as it is in order, and while the
 * next one is still in the model thread, it computes chunks from the back itself (`local`).
 * A chunk the thread fails on for a reason other than the input is computed here. A RiskpayError
 * from the thread is thrown, because computing the chunk here would throw it too.
 */
export async function runChunks<R>(
  count: number,
  local: (chunk: number) => R,
  remote: (chunk: number) => Promise<R>,
  use: (chunk: number, result: R) => void,
): Promise<void> {
  const results = new Map<number, R>();
  const waiting = new Map<number, Promise<void>>();
  const failures = new Map<number, RiskpayError>();
  // Chunks [0, front) went to the thread or were computed here in order; [back, count) were computed here.
  let front = 0;
  let back = count;

  const feed = (): void => {
    while (waiting.size < IN_FLIGHT && front < back) {
      const chunk = front++;
      const done = remote(chunk).then(
        (result) => void results.set(chunk, result),
        (error: unknown) => void (error instanceof RiskpayError && failures.set(chunk, error)),
      );
      waiting.set(
        chunk,
        done.then(() => {
          waiting.delete(chunk);
          feed();
        }),
      );
    }
  };
  feed();

  for (let chunk = 0; chunk < count; chunk++) {
    while (!results.has(chunk)) {
      const failure = failures.get(chunk);
      if (failure !== undefined) throw failure;
      if (chunk >= front || !waiting.has(chunk)) {
        // Not sent to the thread, or the thread failed on it: compute it here.
        front = Math.max(front, chunk + 1);
        results.set(chunk, local(chunk));
      } else if (front < back) {
        back -= 1;
        results.set(back, local(back));
        await yieldToEventLoop();
      } else {
        await waiting.get(chunk);
      }
    }
    const result = results.get(chunk)!;
    results.delete(chunk);
    use(chunk, result);
    await yieldToEventLoop();
  }
}
