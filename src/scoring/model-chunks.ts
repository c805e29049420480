// The model's scoring work cut into chunks of consecutive debtors, so that two threads share it while
// the scoring thread ranks the chunks already done. A chunk's result depends on its rows alone, and both
// threads run the same code on the same model arrays, so the values are bit for bit those of one thread.

import { RiskpayError } from '../findings.js';
import type { Contributions, Matrix } from '../forest/types.js';
import type { RiskModel } from '../model/types.js';
import { compareText } from './compare.js';
import { explainRows } from './explain-batch.js';
import { clipRisk, MAX_RISK } from './scored.js';

/**
 * The model work of one chunk on its own matrices: the payment date of every invoice row, the
 * explanations of the invoice rows picked per debtor (see pickRows), and the explanation of every
 * debtor row.
 */
export interface ChunkTask {
  /** Start of each debtor's invoice rows, which are consecutive in the invoice matrix, then the row count. */
  debtorStarts: Int32Array;
  /** Maximum number of invoice rows explained per debtor, or 0 to explain every row (the invoice view). */
  maxExplained: number;
  /** Per invoice row: its balance and 1 when it is already late, which rank a debtor's rows before picking. */
  balances: Float64Array;
  alreadyLate: Uint8Array;
  /** Per invoice row: its invoice number, which breaks ties in the ranking, or '' for a row never ranked. */
  invoiceIds: string[];
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
  /** Per invoice row: the clipped risk of a row ranked before picking, else NaN. */
  rankedRisks: Float64Array;
  /** The explained invoice rows, debtor by debtor, each debtor's in the order picked; `invoices` contains their contributions in this order. */
  explained: Int32Array;
  /**
   * Expected days late, low and high per invoice row, or null when the model predicts no dates.
   * It is shorter than the rows when the model returned fewer predictions.
   */
  dates: Float64Array | null;
  invoices: FlatContributions;
  debtors: FlatContributions;
}

/** The invoice rows and debtor rows of one chunk. */
export interface ChunkMatrices {
  invoices: Matrix;
  debtors: Matrix;
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

/** Returns the given rows of a matrix as a matrix of their own. */
function selectRows(matrix: Matrix, rows: readonly number[]): Matrix {
  const { cols } = matrix;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => data.set(matrix.data.subarray(row * cols, (row + 1) * cols), i * cols));
  return { data, rows: rows.length, cols };
}

/**
 * Picks the invoice rows to explain: every row of a debtor with at most `maxExplained` rows, else the
 * debtor's `maxExplained` largest amounts at risk. Those debtors' risks are predicted first and stored
 * in `rankedRisks`. An already late invoice counts at MAX_RISK, and ties go by invoice number.
 */
function pickRows(model: RiskModel, invoices: Matrix, task: ChunkTask, rankedRisks: Float64Array): number[] {
  const { debtorStarts, maxExplained, balances, alreadyLate, invoiceIds } = task;
  const debtors = debtorStarts.length - 1;
  const isRanked = (debtor: number) => maxExplained > 0 && debtorStarts[debtor + 1] - debtorStarts[debtor] > maxExplained;

  const ranked: number[] = [];
  for (let debtor = 0; debtor < debtors; debtor++) {
    if (isRanked(debtor)) for (let row = debtorStarts[debtor]; row < debtorStarts[debtor + 1]; row++) ranked.push(row);
  }
  if (ranked.length > 0) {
    const risks = model.predictLate(selectRows(invoices, ranked));
    ranked.forEach((row, i) => (rankedRisks[row] = clipRisk(risks[i])));
  }

  const atRisk = (row: number) => (alreadyLate[row] === 1 ? MAX_RISK : rankedRisks[row]) * balances[row];
  const picked: number[] = [];
  for (let debtor = 0; debtor < debtors; debtor++) {
    const rows = Array.from({ length: debtorStarts[debtor + 1] - debtorStarts[debtor] }, (_, i) => debtorStarts[debtor] + i);
    if (!isRanked(debtor)) {
      picked.push(...rows);
      continue;
    }
    rows.sort((a, b) => atRisk(b) - atRisk(a) || compareText(invoiceIds[a], invoiceIds[b]));
    picked.push(...rows.slice(0, maxExplained));
  }
  return picked;
}

/** Computes one chunk: payment dates, then the picked invoice rows and their explanations, then debtor-row explanations. */
export function computeChunk(model: RiskModel, matrices: ChunkMatrices, task: ChunkTask): ChunkResult {
  let dates: Float64Array | null = null;
  if (model.predictDaysLate !== undefined) {
    const predictions = matrices.invoices.rows > 0 ? model.predictDaysLate(matrices.invoices) : [];
    dates = new Float64Array(predictions.length * 3);
    predictions.forEach((prediction, i) => {
      dates![3 * i] = prediction.days;
      dates![3 * i + 1] = prediction.low;
      dates![3 * i + 2] = prediction.high;
    });
  }

  const width = matrices.invoices.cols;
  const rankedRisks = new Float64Array(matrices.invoices.rows).fill(Number.NaN);
  const explained = pickRows(model, matrices.invoices, task, rankedRisks);
  const invoices = explained.length > 0 ? explainRows(model, matrices.invoices, explained) : [];
  const debtorRows = Array.from({ length: matrices.debtors.rows }, (_, i) => i);
  const debtors = debtorRows.length > 0 ? explainRows(model, matrices.debtors, debtorRows) : [];
  return { rankedRisks, explained: Int32Array.from(explained), dates, invoices: flatten(invoices, width), debtors: flatten(debtors, width) };
}

/** Chunks queued in the model thread at most, so that chunks are left for this thread to take from the back. */
const QUEUE_DEPTH = 3;

/** Lets the event loop deliver the model thread's replies. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The model thread's part in a pipeline: computing a chunk and counting its queue. */
export interface ChunkThread<R> {
  compute(chunk: number): Promise<R>;
  /** Chunks sent and not yet finished by the thread; exact even while this thread has not read the replies. */
  queued(): number;
}

/**
 * Computes chunks in two threads and hands their results over in chunk order. Chunks are added one by
 * one, for example while snapshots are built, and each goes to the model thread as long as fewer than
 * QUEUE_DEPTH are queued there. `drain` then uses each result as soon as it is in order. While the next
 * result is still in the model thread, this thread computes chunks from the back itself (`local`).
 * A chunk the thread fails on for a reason other than the input is computed here. A RiskpayError from
 * the thread is thrown, because computing the chunk here would throw it too.
 */
export class ChunkPipeline<R> {
  private count = 0;
  private readonly results = new Map<number, R>();
  private readonly waiting = new Map<number, Promise<void>>();
  private readonly failures = new Map<number, RiskpayError>();
  // Chunks [0, front) went to the thread or were computed here in order; [back, count) were computed here.
  private front = 0;
  private back = Number.POSITIVE_INFINITY;

  constructor(
    private readonly local: (chunk: number) => R,
    private readonly thread: ChunkThread<R>,
  ) {}

  /** Adds the next chunk; its task must be ready for `local` and the thread. */
  add(): void {
    this.count += 1;
    this.feed();
  }

  /** Passes every chunk's result to `use`, in chunk order, once all chunks are added. */
  async drain(use: (chunk: number, result: R) => void): Promise<void> {
    this.back = this.count;
    this.feed();
    for (let chunk = 0; chunk < this.count; chunk++) {
      while (!this.results.has(chunk)) await this.step(chunk);
      const result = this.results.get(chunk)!;
      this.results.delete(chunk);
      use(chunk, result);
      await yieldToEventLoop();
    }
  }

  /** Makes progress toward the result of `chunk`. */
  private async step(chunk: number): Promise<void> {
    const failure = this.failures.get(chunk);
    if (failure !== undefined) throw failure;
    if (chunk >= this.front || !this.waiting.has(chunk)) {
      // Not sent to the thread, or the thread failed on it: compute it here.
      this.front = Math.max(this.front, chunk + 1);
      this.results.set(chunk, this.local(chunk));
    } else if (this.front < this.back) {
      this.back -= 1;
      this.results.set(this.back, this.local(this.back));
      await yieldToEventLoop();
    } else {
      await this.waiting.get(chunk);
    }
  }

  private feed(): void {
    while (this.front < Math.min(this.count, this.back) && this.thread.queued() < QUEUE_DEPTH) {
      const chunk = this.front++;
      const done = this.thread.compute(chunk).then(
        (result) => void this.results.set(chunk, result),
        (error: unknown) => void (error instanceof RiskpayError && this.failures.set(chunk, error)),
      );
      this.waiting.set(
        chunk,
        done.then(() => {
          this.waiting.delete(chunk);
          this.feed();
        }),
      );
    }
  }
}
