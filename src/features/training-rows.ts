// Labelled rows for training and evaluation. Each invoice gives a row at its issue date and, while it is
// still open and its outcome is not yet decided, rows at later checkpoints. Features come from the
// replay, so a row only sees facts dated on or before its own day.

import type { Matrix } from '../forest/types.js';
import type { Invoice, Ledger } from '../ingest/ledger.js';
import { DEBTOR_FEATURES, featureNames } from './catalog.js';
import type { DelayAdjustment } from './delay-adjustment.js';
import { hasUndatedPayment, type DebtorHistory, type Moment } from './history.js';
import { ReceivablesTimeline, groupByCustomer, replayCustomer, type ReplayQuery } from './replay.js';
import { debtorValuesOf, rowLength, writeRow, type ExtraHistory } from './rows.js';

/** Days relative to the due date at which an open invoice gets another training row. */
export const CHECKPOINT_OFFSETS = [-7, 0, 15, 30] as const;

export interface LabelledRows {
  X: Matrix;
  /** 1 = late, 0 = on time. */
  y: Float64Array;
  /** Days from due date to settlement, or NaN when the invoice was not settled by the label horizon. */
  daysLate: Float64Array;
  /** Day of each row (issue date or checkpoint). */
  rowDays: Int32Array;
  /** 1 for a row at the invoice's issue date, 0 for a later checkpoint. */
  atIssue: Uint8Array;
  /** Day the row's label became a fact, so an earlier cut can reuse the row without a leak. */
  labelKnownOn: Int32Array;
  /** Settlement day behind `daysLate`, or NaN when `daysLate` is NaN. */
  settledOn: Float64Array;
  invoiceIds: string[];
  customerIds: string[];
  featureNames: string[];
  /** Invoices left out because their outcome was not known yet (censored). */
  censored: number;
  /** Rows planned before a `maxRows` sample; equals X.rows without one. */
  plannedRows: number;
}

/** Outcome of an invoice under a label definition, and the first day it is known. */
export interface InvoiceOutcome {
  late: boolean;
  /** First day on which the outcome is a fact. */
  knownOn: number;
}

/**
 * Returns the outcome of an invoice as known at the end of `horizon`, or null when it is not known yet
 * or the document is a credit note. Late means paid more than `lateAfter` days after the due date, or
 * still unpaid then.
 */
export function outcomeOf(invoice: Invoice, lateAfter: number, horizon: number): InvoiceOutcome | null {
  if (invoice.kind === 'credit') return null;
  const threshold = invoice.dueDate + lateAfter;
  const settled = invoice.settledDate !== null && invoice.settledDate <= horizon ? invoice.settledDate : null;
  if (settled !== null && settled <= threshold) return { late: false, knownOn: Math.max(settled, invoice.issueDate) };
  // A payment without a day is known only to have come by its stand-in day, a day on or after the
  // real one: settled by the threshold on that day means on time, anything else is not known.
  if (hasUndatedPayment(invoice)) return null;
  // Unpaid at the end of the threshold day is late, whether or not a payment follows.
  if (threshold + 1 <= horizon) return { late: true, knownOn: threshold + 1 };
  return null;
}

/**
 * Planned rows of one customer as parallel arrays, because a large ledger plans millions of rows and an
 * object per row would dominate the time. Each index holds one row: the invoice's index in the
 * customer's list, the row day, 1 for an issue-date row, the label, and the days late when settled.
 */
interface CustomerPlan {
  invoiceIndex: number[];
  day: number[];
  atIssue: number[];
  late: number[];
  daysLate: number[];
  knownOn: number[];
}

export interface RowSelection {
  lateAfter: number;
  /** Facts dated on or after this day are unknown: labels must be known before it and rows dated before it. */
  knownBefore: number;
  /** Only invoices issued in [issuedFrom, issuedTo] give rows. */
  issuedFrom?: number;
  issuedTo?: number;
  /** Add rows at the later checkpoints; default true. */
  checkpoints?: boolean;
  /** Build at most this many rows, drawn with `seed` before any feature is computed. */
  maxRows?: number;
  seed?: number;
  /** The extra columns' effect on days late, for the combined extra features (delay-adjustment.ts). */
  adjustment?: DelayAdjustment;
}

/**
 * Returns `count` indices out of `total`, drawn with the seed, in ascending order; all of them when
 * `count` is not smaller than `total`.
 */
export function sampleIndices(total: number, count: number, seed: number): Int32Array {
  const all = Int32Array.from({ length: total }, (_, i) => i);
  if (total <= count) return all;
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  const random = (): number => {
    // xorshift32: deterministic and fast; its statistical quality is ample for picking rows.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(random() * (total - i));
    const swap = all[i];
    all[i] = all[j];
    all[j] = swap;
  }
  return all.slice(0, count).sort();
}

/** Plans the rows of one customer's invoices: each known outcome at its issue date and checkpoints. */
function planCustomer(invoices: readonly Invoice[], selection: RowSelection, counter: { censored: number }): CustomerPlan {
  const { lateAfter } = selection;
  const horizon = selection.knownBefore - 1;
  const issuedFrom = selection.issuedFrom ?? -Infinity;
  const issuedTo = selection.issuedTo ?? Infinity;
  const withCheckpoints = selection.checkpoints ?? true;
  const plan: CustomerPlan = { invoiceIndex: [], day: [], atIssue: [], late: [], daysLate: [], knownOn: [] };
  let knownOn = 0;
  const add = (index: number, day: number, atIssue: number, late: number, daysLate: number): void => {
    plan.invoiceIndex.push(index);
    plan.day.push(day);
    plan.atIssue.push(atIssue);
    plan.late.push(late);
    plan.daysLate.push(daysLate);
    plan.knownOn.push(knownOn);
  };

  invoices.forEach((invoice, index) => {
    if (invoice.kind === 'credit' || invoice.issueDate < issuedFrom || invoice.issueDate > issuedTo) return;
    const outcome = outcomeOf(invoice, lateAfter, horizon);
    if (outcome === null) {
      if (invoice.issueDate <= horizon) counter.censored += 1;
      return;
    }
    const late = outcome.late ? 1 : 0;
    knownOn = outcome.knownOn;
    const undated = hasUndatedPayment(invoice);
    const daysLate = !undated && invoice.settledDate !== null && invoice.settledDate <= horizon ? invoice.settledDate - invoice.dueDate : NaN;
    add(index, invoice.issueDate, 1, late, daysLate);
    // Without the payment's real day it is not known whether the invoice was still open at a checkpoint.
    if (!withCheckpoints || undated) return;

    for (const offset of CHECKPOINT_OFFSETS) {
      const day = invoice.dueDate + offset;
      // A checkpoint needs the invoice still open at its end and the outcome still undecided then.
      const openThen = invoice.settledDate === null || invoice.settledDate > day;
      if (day > invoice.issueDate && day < invoice.dueDate + lateAfter && day <= horizon && openThen) add(index, day, 0, late, daysLate);
    }
  });
  return plan;
}

/**
 * Builds labelled rows for every selected invoice whose outcome is known before `knownBefore`. Training
 * uses the default selection; evaluation builds test rows with `checkpoints: false` and an issue window.
 * All rows are planned first, so a `maxRows` sample is drawn before any feature is computed.
 */
export function buildLabelledRows(ledger: Ledger, selection: RowSelection): LabelledRows {
  const extraColumns = ledger.extraColumns;
  const width = rowLength(extraColumns.length);
  const counter = { censored: 0 };
  const customers = [...groupByCustomer(ledger).values()].map((invoices) => ({ customerId: invoices[0].customerId, invoices, planned: planCustomer(invoices, selection, counter) }));

  // Each planned row gets its output position, or -1 when the sample leaves it out.
  const totalPlanned = customers.reduce((sum, customer) => sum + customer.planned.day.length, 0);
  const keep = sampleIndices(totalPlanned, selection.maxRows ?? Infinity, selection.seed ?? 1);
  const position = new Int32Array(totalPlanned).fill(-1);
  keep.forEach((plannedIndex, rowIndex) => {
    position[plannedIndex] = rowIndex;
  });

  const count = keep.length;
  const data = new Float64Array(count * width);
  const y = new Float64Array(count);
  const daysLate = new Float64Array(count);
  const rowDays = new Int32Array(count);
  const atIssue = new Uint8Array(count);
  const labelKnownOn = new Int32Array(count);
  const settledOn = new Float64Array(count);
  const invoiceIds = new Array<string>(count);
  const customerIds = new Array<string>(count);
  const timeline = count > 0 ? new ReceivablesTimeline(ledger) : null;

  // Debtor values of the row being written: writeRow copies them into the row, so one array serves all.
  const debtorValues = new Float64Array(DEBTOR_FEATURES.length);
  let firstPlanned = 0;
  for (const { customerId, invoices, planned } of customers) {
    const base = firstPlanned;
    firstPlanned += planned.day.length;
    const queries: ReplayQuery[] = [];
    for (let tag = 0; tag < planned.day.length; tag += 1) {
      if (position[base + tag] >= 0) queries.push({ day: planned.day[tag], moment: planned.atIssue[tag] === 1 ? 'issue' : 'end', tag });
    }
    if (queries.length === 0 || !timeline) continue;

    const onQuery = (history: DebtorHistory, query: ReplayQuery): void => {
      const invoice = invoices[planned.invoiceIndex[query.tag]];
      const r = position[base + query.tag];
      const total = timeline.totalAt(history.currency, query.day, query.moment);
      const state = history.stateAt(query.day, total);
      const tracked = history.tracked.get(invoice.id);
      const balance = tracked ? invoice.amount - tracked.paid : invoice.amount;
      const extraTotals: ExtraHistory = {
        sums: state.extraSums,
        count: state.extraCount,
        lateness: state.extraLateness,
        meanDaysLate: state.noHistory ? null : state.stats.meanDaysLate,
        residuals: state.residuals,
        adjustment: selection.adjustment,
      };
      const target = data.subarray(r * width, (r + 1) * width);
      writeRow(debtorValuesOf(state, debtorValues), state.stats.typicalInvoice, invoice, balance, query.day, extraColumns, extraTotals, 30, target);
      y[r] = planned.late[query.tag];
      rowDays[r] = query.day;
      daysLate[r] = planned.daysLate[query.tag];
      atIssue[r] = planned.atIssue[query.tag];
      labelKnownOn[r] = planned.knownOn[query.tag];
      settledOn[r] = Number.isFinite(daysLate[r]) ? invoice.dueDate + daysLate[r] : NaN;
      invoiceIds[r] = invoice.id;
      customerIds[r] = customerId;
    };
    replayCustomer(customerId, invoices, extraColumns, queries, Infinity, onQuery, selection.adjustment);
  }

  return {
    X: { data, rows: count, cols: width },
    y,
    daysLate,
    rowDays,
    atIssue,
    labelKnownOn,
    settledOn,
    invoiceIds,
    customerIds,
    featureNames: featureNames(extraColumns),
    censored: counter.censored,
    plannedRows: totalPlanned,
  };
}

/** Returns the rows at the given indices, in that order. */
export function selectRows(rows: LabelledRows, indices: ArrayLike<number>): LabelledRows {
  const width = rows.X.cols;
  const data = new Float64Array(indices.length * width);
  const pick = <T>(list: T[]): T[] => Array.from(indices, (i) => list[i]);
  for (let r = 0; r < indices.length; r += 1) {
    const from = indices[r] * width;
    data.set(rows.X.data.subarray(from, from + width), r * width);
  }
  return {
    X: { data, rows: indices.length, cols: width },
    y: Float64Array.from(indices, (i) => rows.y[i]),
    daysLate: Float64Array.from(indices, (i) => rows.daysLate[i]),
    rowDays: Int32Array.from(indices, (i) => rows.rowDays[i]),
    atIssue: Uint8Array.from(indices, (i) => rows.atIssue[i]),
    labelKnownOn: Int32Array.from(indices, (i) => rows.labelKnownOn[i]),
    settledOn: Float64Array.from(indices, (i) => rows.settledOn[i]),
    invoiceIds: pick(rows.invoiceIds),
    customerIds: pick(rows.customerIds),
    featureNames: rows.featureNames,
    censored: rows.censored,
    plannedRows: rows.plannedRows,
  };
}

/**
 * Returns the rows as they would be built with facts known only before `knownBefore`: rows whose label
 * was a fact by then, with days late dropped where the settlement came later. Features need no change,
 * because a row only ever sees facts dated on or before its own day, which is before its label.
 */
export function rowsKnownBefore(rows: LabelledRows, knownBefore: number): LabelledRows {
  const indices: number[] = [];
  for (let r = 0; r < rows.X.rows; r += 1) if (rows.labelKnownOn[r] < knownBefore) indices.push(r);
  const early = selectRows(rows, indices);
  for (let r = 0; r < early.X.rows; r += 1) {
    if (!(early.settledOn[r] < knownBefore)) {
      early.daysLate[r] = NaN;
      early.settledOn[r] = NaN;
    }
  }
  return early;
}

/** Keeps only the catalog's own columns, for a model trained without extra columns (the bundled model). */
export function withoutExtraColumns(rows: LabelledRows): LabelledRows {
  const width = featureNames([]).length;
  if (rows.X.cols === width) return rows;
  const data = new Float64Array(rows.X.rows * width);
  for (let r = 0; r < rows.X.rows; r += 1) data.set(rows.X.data.subarray(r * rows.X.cols, r * rows.X.cols + width), r * width);
  return { ...rows, X: { data, rows: rows.X.rows, cols: width }, featureNames: featureNames([]) };
}
