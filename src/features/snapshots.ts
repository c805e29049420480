// Point-in-time debtor snapshots: what was known about each debtor at the end of the as-of day.

import { formatDay } from '../dates.js';
import type { Ledger } from '../ingest/ledger.js';
import { DEBTOR_FEATURES, featureNames } from './catalog.js';
import { fitDelayAdjustment, type DelayAdjustment } from './delay-adjustment.js';
import type { DebtorHistory, DebtorState } from './history.js';
import { ReceivablesTimeline, groupByCustomer, replayCustomer } from './replay.js';
import { debtorValuesOf, invoiceFeatureRow } from './rows.js';
import type { DebtorSnapshot } from './types.js';

/** Number of debtors per block of DebtorValuesBlocks. */
const BLOCK_ROWS = 1024;

/**
 * Shared blocks for the debtor values of snapshots, handed out as views. V8 keeps a typed array of more
 * than 64 bytes (--typed-array-max-size-in-heap) in a buffer of its own outside the heap, and making
 * 50,000 of those took about 2 microseconds each in a measurement here, plus garbage collection work.
 */
class DebtorValuesBlocks {
  private block = new Float64Array(0);
  private used = 0;

  next(): Float64Array {
    const width = DEBTOR_FEATURES.length;
    if (this.used + width > this.block.length) {
      this.block = new Float64Array(width * BLOCK_ROWS);
      this.used = 0;
    }
    const values = this.block.subarray(this.used, this.used + width);
    this.used += width;
    return values;
  }
}

/**
 * Builds a snapshot from a replayed history and its state. The debtor values go into `debtorValues`
 * when given (an array of DEBTOR_FEATURES.length), else into a new array.
 */
export function snapshotOf(
  history: DebtorHistory,
  state: DebtorState,
  asOf: number,
  extraColumns: readonly string[],
  adjustment?: DelayAdjustment,
  debtorValues?: Float64Array,
): DebtorSnapshot {
  const sums: Record<string, number> = {};
  extraColumns.forEach((column, c) => {
    sums[column] = state.extraSums[c];
  });
  return {
    customerId: history.customerId,
    name: history.name,
    currency: history.currency,
    asOf,
    noHistory: state.noHistory,
    stats: state.stats,
    openInvoices: state.openInvoices,
    debtorValues: debtorValuesOf(state, debtorValues),
    extraTotals: { sums, count: state.extraCount },
    extraLateness: Object.fromEntries(
      extraColumns.map((column, c) => [column, [...state.extraLateness[c]].map(([value, [sum, count]]) => [value, sum, count] as [number, number, number])]),
    ),
    residuals: state.residuals,
    adjustment,
  };
}

/**
 * Returns one snapshot per debtor with a document issued on or before `asOf`, built only from facts
 * dated on or before `asOf`: an invoice settled later is open in its snapshot. Sorted by customer key.
 * `adjustment` is the extra columns' effect on days late that the scoring model was trained with.
 * `onSnapshot` gets each snapshot as soon as it is built, in the same order.
 */
export function buildSnapshots(ledger: Ledger, asOf: number, adjustment?: DelayAdjustment, onSnapshot?: (snapshot: DebtorSnapshot) => void): DebtorSnapshot[] {
  const timeline = new ReceivablesTimeline(ledger);
  const snapshots: DebtorSnapshot[] = [];
  const debtorValues = new DebtorValuesBlocks();
  const groups = [...groupByCustomer(ledger).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  for (const [, invoices] of groups) {
    if (!invoices.some((invoice) => invoice.issueDate <= asOf)) continue;
    const query = [{ day: asOf, moment: 'end' as const, tag: 0 }];
    const onQuery = (history: DebtorHistory): void => {
      const total = timeline.totalAt(history.currency, asOf, 'end');
      const snapshot = snapshotOf(history, history.stateAt(asOf, total), asOf, ledger.extraColumns, adjustment, debtorValues.next());
      snapshots.push(snapshot);
      onSnapshot?.(snapshot);
    };
    replayCustomer(invoices[0].customerId, invoices, ledger.extraColumns, query, asOf, onQuery, adjustment);
  }
  return snapshots;
}

/** One row of `riskpay features`: a debtor's or an open invoice's model inputs by name. */
export interface FeatureTableRow {
  customerId: string;
  name: string;
  currency: string;
  /** Open invoice id, or '' for the debtor row. */
  invoiceId: string;
  asOf: string;
  noHistory: boolean;
  values: Record<string, number>;
}

/**
 * Returns the rows that `riskpay features FILE --as-of DATE` prints: per debtor one row of debtor-level
 * values, and with `perInvoice` one full model row per open invoice. `lateAfterDays` (the CLI's
 * default 7) is the threshold of the late probability among the extra-column features.
 */
export function featureTable(ledger: Ledger, asOf: number, perInvoice = false, lateAfterDays = 7): { columns: string[]; rows: FeatureTableRow[] } {
  // Without a model, the extra columns' effect is fitted on what the file shows up to the as-of day.
  const adjustment = ledger.extraColumns.length > 0 ? fitDelayAdjustment(ledger, asOf + 1, lateAfterDays) : undefined;
  const snapshots = buildSnapshots(ledger, asOf, adjustment);
  const rows: FeatureTableRow[] = [];
  const debtorNames = DEBTOR_FEATURES.map((spec) => spec.name);
  const allNames = featureNames(ledger.extraColumns);
  const base = (snapshot: DebtorSnapshot, invoiceId: string) => ({
    customerId: snapshot.customerId,
    name: snapshot.name,
    currency: snapshot.currency,
    invoiceId,
    asOf: formatDay(asOf),
    noHistory: snapshot.noHistory,
  });

  for (const snapshot of snapshots) {
    if (!perInvoice) {
      rows.push({ ...base(snapshot, ''), values: named(debtorNames, snapshot.debtorValues as Float64Array) });
      continue;
    }
    for (const open of snapshot.openInvoices) {
      const row = invoiceFeatureRow(snapshot, open, asOf, ledger.extraColumns);
      rows.push({ ...base(snapshot, open.invoice.id), values: named(allNames, row) });
    }
  }
  return { columns: perInvoice ? allNames : debtorNames, rows };
}

function named(names: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const result: Record<string, number> = {};
  names.forEach((name, i) => {
    result[name] = values[i];
  });
  return result;
}
