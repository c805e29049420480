// Labelled rows for training and evaluation. Each invoice gives a row at its issue date and, while it is
// still open and its outcome is not yet decided, rows at later checkpoints. Features come from the
// replay, so a row only sees facts dated on or before its own day.

import type { Matrix } from '../forest/types.js';
import type { Invoice, Ledger } from '../ingest/ledger.js';
import { featureNames } from './catalog.js';
import type { Moment } from './history.js';
import { ReceivablesTimeline, groupByCustomer, replayCustomer, type ReplayQuery } from './replay.js';
import { debtorValuesOf, rowLength, writeRow } from './rows.js';

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
  invoiceIds: string[];
  customerIds: string[];
  featureNames: string[];
  /** Invoices left out because their outcome was not known yet (censored). */
  censored: number;
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
  // Unpaid at the end of the threshold day is late, whether or not a payment follows.
  if (threshold + 1 <= horizon) return { late: true, knownOn: threshold + 1 };
  return null;
}

interface PlannedRow {
  invoice: Invoice;
  outcome: InvoiceOutcome;
  daysLate: number;
  day: number;
  moment: Moment;
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
}

/**
 * Builds labelled rows for every selected invoice whose outcome is known before `knownBefore`. Training
 * uses the default selection; evaluation builds test rows with `checkpoints: false` and an issue window.
 */
export function buildLabelledRows(ledger: Ledger, selection: RowSelection): LabelledRows {
  const { lateAfter, knownBefore } = selection;
  const horizon = knownBefore - 1;
  const issuedFrom = selection.issuedFrom ?? -Infinity;
  const issuedTo = selection.issuedTo ?? Infinity;
  const withCheckpoints = selection.checkpoints ?? true;
  const extraColumns = ledger.extraColumns;
  const timeline = new ReceivablesTimeline(ledger);
  const width = rowLength(extraColumns.length);

  const rows: Float64Array[] = [];
  const labels: number[] = [];
  const days: number[] = [];
  const daysLate: number[] = [];
  const atIssue: number[] = [];
  const invoiceIds: string[] = [];
  const customerIds: string[] = [];
  let censored = 0;

  for (const [customerId, invoices] of groupByCustomer(ledger)) {
    const planned: PlannedRow[] = [];
    for (const invoice of invoices) {
      if (invoice.kind === 'credit' || invoice.issueDate < issuedFrom || invoice.issueDate > issuedTo) continue;
      const outcome = outcomeOf(invoice, lateAfter, horizon);
      if (outcome === null) {
        if (invoice.issueDate <= horizon) censored += 1;
        continue;
      }
      const settledDaysLate = invoice.settledDate !== null && invoice.settledDate <= horizon ? invoice.settledDate - invoice.dueDate : NaN;
      const base = { invoice, outcome, daysLate: settledDaysLate };
      planned.push({ ...base, day: invoice.issueDate, moment: 'issue' });
      if (!withCheckpoints) continue;

      for (const offset of CHECKPOINT_OFFSETS) {
        const day = invoice.dueDate + offset;
        // A checkpoint needs the invoice still open at its end and the outcome still undecided then.
        const openThen = invoice.settledDate === null || invoice.settledDate > day;
        if (day > invoice.issueDate && day < invoice.dueDate + lateAfter && day <= horizon && openThen) {
          planned.push({ ...base, day, moment: 'end' });
        }
      }
    }
    if (planned.length === 0) continue;

    const queries: ReplayQuery[] = planned.map((row, tag) => ({ day: row.day, moment: row.moment, tag }));
    replayCustomer(customerId, invoices, extraColumns, queries, Infinity, (history, query) => {
      const plan = planned[query.tag];
      const total = timeline.totalAt(history.currency, query.day, query.moment);
      const state = history.stateAt(query.day, total);
      const tracked = history.tracked.get(plan.invoice.id);
      const balance = tracked ? plan.invoice.amount - tracked.paid : plan.invoice.amount;
      const extraTotals = { sums: state.extraSums, count: state.extraCount, lateness: state.extraLateness, meanDaysLate: state.noHistory ? null : state.stats.meanDaysLate };
      const row = writeRow(debtorValuesOf(state), state.stats.typicalInvoice, plan.invoice, balance, query.day, extraColumns, extraTotals, 30);
      rows.push(row);
      labels.push(plan.outcome.late ? 1 : 0);
      days.push(query.day);
      daysLate.push(plan.daysLate);
      atIssue.push(query.moment === 'issue' ? 1 : 0);
      invoiceIds.push(plan.invoice.id);
      customerIds.push(customerId);
    });
  }

  const data = new Float64Array(rows.length * width);
  rows.forEach((row, r) => data.set(row, r * width));
  return {
    X: { data, rows: rows.length, cols: width },
    y: Float64Array.from(labels),
    daysLate: Float64Array.from(daysLate),
    rowDays: Int32Array.from(days),
    atIssue: Uint8Array.from(atIssue),
    invoiceIds,
    customerIds,
    featureNames: featureNames(extraColumns),
    censored,
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
    invoiceIds: pick(rows.invoiceIds),
    customerIds: pick(rows.customerIds),
    featureNames: rows.featureNames,
    censored: rows.censored,
  };
}
