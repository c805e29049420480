// Test helpers for scoring: hand-built ledgers and snapshots, and a linear fake RiskModel whose
// explain() is exact, so tests do not depend on the forest or the importer.

import { parseIsoDay } from '../../src/dates.js';
import { featureNames } from '../../src/features/catalog.js';
import type { DebtorSnapshot, DebtorStats, OpenInvoice } from '../../src/features/types.js';
import type { Contributions, Matrix } from '../../src/forest/types.js';
import type { Invoice, Ledger, Payment } from '../../src/ingest/ledger.js';
import type { ModelMeta, PaymentDatePrediction, RiskModel } from '../../src/model/types.js';
import type { ModelChoice } from '../../src/scoring/types.js';

export function day(text: string): number {
  const value = parseIsoDay(text);
  if (value === null) throw new Error(`invalid test date ${text}`);
  return value;
}

export interface InvoiceSpec {
  id: string;
  customer: string;
  issued: string;
  due: string;
  amount: number;
  /** Full payment on this day; omit for an open invoice. */
  paid?: string;
  /** Explicit payments as [date, amount]; overrides `paid`. */
  payments?: [string, number][];
  currency?: string;
  disputed?: boolean;
}

export function invoiceOf(spec: InvoiceSpec): Invoice {
  const payments: Payment[] = spec.payments
    ? spec.payments.map(([date, amount]) => ({ date: day(date), amount }))
    : spec.paid
      ? [{ date: day(spec.paid), amount: spec.amount }]
      : [];
  let paidSoFar = 0;
  let settledDate: number | null = null;
  for (const payment of payments) {
    paidSoFar += payment.amount;
    if (settledDate === null && paidSoFar >= spec.amount - 0.005) settledDate = payment.date;
  }
  return {
    id: spec.id,
    customerId: spec.customer.toLowerCase(),
    customerName: spec.customer,
    issueDate: day(spec.issued),
    dueDate: day(spec.due),
    amount: spec.amount,
    currency: spec.currency ?? 'SEK',
    kind: spec.amount < 0 ? 'credit' : 'invoice',
    payments,
    settledDate,
    termsDays: day(spec.due) - day(spec.issued),
    disputed: spec.disputed,
    extra: {},
    source: { file: 'test.csv' },
  };
}

export function ledgerOf(specs: InvoiceSpec[]): Ledger {
  return { invoices: specs.map(invoiceOf), extraColumns: [] };
}

/** Builds a monthly series of invoices for one customer, each paid `daysLate[i]` days after its 30-day due date. */
export function monthlySeries(customer: string, start: string, daysLate: number[], amount = 1000): InvoiceSpec[] {
  const first = day(start);
  return daysLate.map((late, i) => {
    const issued = first + 30 * i;
    const due = issued + 30;
    return {
      id: `${customer}-${i + 1}`,
      customer,
      issued: iso(issued),
      due: iso(due),
      amount,
      paid: iso(due + late),
    };
  });
}

export function iso(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/** Stats of a debtor with a plain on-time history; tests override the fields they exercise. */
export function baseStats(overrides: Partial<DebtorStats> = {}): DebtorStats {
  return {
    settledCount: 12,
    settledLast90: 3,
    settledLast365: 12,
    tenureDays: 400,
    lateShare: 0,
    lateShareByAmount: 0,
    meanDaysLate: 0,
    medianDaysLate: 0,
    maxDaysLate: 0,
    recentMeanDaysLate: 0,
    earlierMeanDaysLate: 0,
    trendDays: 0,
    recentDaysLate: [0, 0, 0, 0, 0],
    onTimeRunBeforeLast: 11,
    lastDaysLate: 0,
    openCount: 1,
    openBalance: 1000,
    overdueBalance: 0,
    overdueCount: 0,
    oldestOverdueDays: null,
    aging: [0, 0, 0, 0],
    agingMonthAgo: [0, 0, 0, 0],
    typicalInvoice: 1000,
    openOverTypical: 1,
    usualOpenBalance: 1000,
    partialCount: 0,
    partialShare: 0,
    creditNotesLast90: 0,
    creditNotesBefore: 0,
    disputedLast90: 0,
    disputedBefore: 0,
    daysSinceLastPayment: 20,
    usualPaymentGap: 30,
    shareOfReceivables: 0.05,
    ...overrides,
  };
}

export function snapshotOf(overrides: Partial<DebtorStats> = {}, extra: Partial<DebtorSnapshot> = {}): DebtorSnapshot {
  return {
    customerId: 'c1',
    name: 'Customer One',
    currency: 'SEK',
    asOf: day('2024-06-30'),
    noHistory: false,
    stats: baseStats(overrides),
    openInvoices: [] as OpenInvoice[],
    ...extra,
  };
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Builds a logistic model on a few named catalog features, each term being weight times (value minus its
 * baseline, default 0). explain() shares the change from the bias (the prediction at the baseline)
 * out in proportion to each term, so bias plus values equals the prediction exactly.
 */
export function fakeModel(
  weights: Record<string, number>,
  options: {
    intercept?: number;
    baseline?: Record<string, number>;
    daysLate?: (row: Float64Array) => PaymentDatePrediction;
    /** The label's threshold; an open invoice more days than this past due is scored at the maximum risk. */
    lateAfterDays?: number;
  } = {},
): RiskModel {
  const names = featureNames([]);
  const intercept = options.intercept ?? -2;
  const baseline = options.baseline ?? {};
  const terms = (row: ArrayLike<number>): Float64Array => {
    const values = new Float64Array(names.length);
    names.forEach((name, i) => {
      values[i] = (weights[name] ?? 0) * (row[i] - (baseline[name] ?? 0));
    });
    return values;
  };
  const predictOne = (row: ArrayLike<number>): number => sigmoid(intercept + terms(row).reduce((a, b) => a + b, 0));

  const meta: ModelMeta = {
    format: 'riskpay-model',
    version: 1,
    origin: 'user',
    featureNames: names,
    label: { lateAfterDays: options.lateAfterDays ?? 0 },
    trainingWindow: { from: '2020-01-01', to: '2024-01-01' },
    rows: { train: 100, holdout: 20, positives: 30 },
    holdout: null,
    extraColumns: [],
    seed: 1,
  };
  const rowsOf = (matrix: Matrix): Float64Array[] =>
    Array.from({ length: matrix.rows }, (_, r) => matrix.data.subarray(r * matrix.cols, (r + 1) * matrix.cols));

  const model: RiskModel = {
    meta,
    predictLate: (matrix) => Float64Array.from(rowsOf(matrix), predictOne),
    explain(row): Contributions {
      const t = terms(row);
      const sum = t.reduce((a, b) => a + b, 0);
      const bias = sigmoid(intercept);
      const prediction = predictOne(row);
      const values = Float64Array.from(t, (v) => (sum === 0 ? 0 : ((prediction - bias) * v) / sum));
      return { bias, values, prediction };
    },
  };
  if (options.daysLate) {
    const daysLate = options.daysLate;
    model.predictDaysLate = (matrix) => rowsOf(matrix).map((row) => daysLate(row));
  }
  return model;
}

export const FAKE_CHOICE: ModelChoice = {
  source: 'trained',
  reason: { code: 'MODEL_TRAINED_TEST', args: {} },
};
