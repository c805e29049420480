// Scores debtors and their open invoices with a RiskModel.
//
// Risk of an invoice: the model's calibrated probability that it is paid late, or the highest shown
// risk when it is already late by the label's own definition (see already-late.ts).
// Risk of a debtor: the balance-weighted mean risk of its open invoices, so a large invoice counts more
// than a small one. A debtor with nothing open is scored on its debtor row, which describes a typical
// new invoice issued on the as-of day. Expected amount at risk: the sum over open invoices of risk times balance.

import { RiskpayError, finding, type Finding } from '../findings.js';
import { formatDay } from '../dates.js';
import type { DelayAdjustment } from '../features/delay-adjustment.js';
import { buildSnapshots, debtorFeatureRow, featureNames as inputFeatureNames, invoiceFeatureRow } from '../features/index.js';
import type { DebtorSnapshot, OpenInvoice } from '../features/types.js';
import { normalizeHeader } from '../ingest/headers.js';
import type { Ledger } from '../ingest/ledger.js';
import type { Contributions, Matrix } from '../forest/types.js';
import type { PaymentDatePrediction, RiskModel } from '../model/types.js';
import { compareText } from './compare.js';
import { resolveScoringConfig, type ScoringConfig } from './config.js';
import { debtorAlreadyLateReason, invoiceAlreadyLateReason, isAlreadyLate, withAlreadyLateFirst, type AlreadyLateInvoice } from './already-late.js';
import { asOfAfterDataFinding } from './as-of-gap.js';
import { allocateCredit } from './credits.js';
import { buildFlagContext, evaluateFlags } from './flags.js';
import { gradeFor } from './grades.js';
import { paidTrend } from './paid-trend.js';
import { estimatePaymentDate, portfolioDelays } from './payment-dates.js';
import { explainRows } from './explain-batch.js';
import { ModelThread } from './model-thread.js';
import { fromMinorUnits, roundMoney, toMinorUnits } from '../money.js';
import type { ReasonWords } from './reason-codes.js';
import { combineWeighted, fallbackReason, groupContributions, topReasons, type ReasonTotal } from './reasons.js';
import type { DebtorScore, InvoiceScore, ModelChoice, ScoreResult } from './types.js';
import { shellQuote } from '../shell-quote.js';

/**
 * Builds model rows; src/features supplies the real ones, tests may pass their own. A builder writes
 * into `target` (one row of a larger matrix) when it can, and otherwise returns a new array.
 */
export interface RowBuilders {
  invoiceRow(snapshot: DebtorSnapshot, open: OpenInvoice, asOf: number, target?: Float64Array): Float64Array;
  debtorRow(snapshot: DebtorSnapshot, target?: Float64Array): Float64Array;
}

export interface ScoreOptions {
  /** Scoring day as a UTC day number. */
  asOf: number;
  asOfDefaulted: boolean;
  by: 'debtor' | 'invoice';
  /** The scoring settings of riskpay.config.json as read (unvalidated); missing parts take their defaults. */
  config?: unknown;
  /**
   * The caller is done with the ledger: scoreLedger empties its invoice list once the snapshots are
   * built, so the imported invoices (about 340 MB of heap at 1,000,000) can be collected while scoring runs.
   */
  releaseLedger?: boolean;
  /** Invoice count from which scoreLedgerInThreads uses a worker thread. Undefined means THREADS_FROM_INVOICES. */
  threadsFromInvoices?: number;
}

/**
 * Open invoices explained per debtor in the debtor view. explain() costs about 8 times a prediction
 * (0.31 ms against 0.04 ms per row for a 300-tree model on one core), so a debtor with hundreds of open
 * invoices is explained by its largest amounts at risk.
 */
const MAX_EXPLAINED_PER_DEBTOR = 10;

/**
 * Lowest and highest risk shown. A forest's vote share can be exactly 0 or 1 even after calibration, and
 * no debtor is certain to pay on time or late, so the shown risk stays inside [0.01, 0.99].
 */
const MIN_RISK = 0.01;
const MAX_RISK = 0.99;

function clipRisk(risk: number): number {
  return Math.min(MAX_RISK, Math.max(MIN_RISK, risk));
}

/** A debtor's snapshot with its credit applied: the invoices that carry risk and their balances after credit. */
interface CreditedDebtor {
  /** The snapshot with overdue stats recomputed after credit; flags and reason words read this one. */
  snapshot: DebtorSnapshot;
  /** Invoices (not credit notes) with money still owed after credit, with that amount as `balance`. */
  scorable: OpenInvoice[];
}

function creditDebtor(snapshot: DebtorSnapshot): CreditedDebtor {
  const { balances, stats } = allocateCredit(snapshot);
  const scorable: OpenInvoice[] = [];
  for (const open of snapshot.openInvoices) {
    const balance = balances.get(open.invoice.id);
    if (balance !== undefined && balance > 0) scorable.push({ ...open, balance });
  }
  return { snapshot: { ...snapshot, stats }, scorable };
}

function toMatrix(rows: readonly Float64Array[], cols: number): Matrix {
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, r) => {
    if (row.length !== cols) {
      throw new RiskpayError('SCORE_FEATURE_COUNT_MISMATCH', { expected: cols, actual: row.length });
    }
    data.set(row, r * cols);
  });
  return { data, rows: rows.length, cols };
}

/**
 * Builds `count` rows straight into one matrix, and returns it with each row as a view into it. At a
 * million invoices this saves one small array per row and a copy of the whole matrix. A `shared`
 * matrix lives in a SharedArrayBuffer, so a model thread reads it without a copy.
 */
function buildMatrix(
  count: number,
  cols: number,
  build: (index: number, target: Float64Array) => Float64Array,
  shared = false,
): { matrix: Matrix; rows: Float64Array[] } {
  const bytes = count * cols * Float64Array.BYTES_PER_ELEMENT;
  const data = shared ? new Float64Array(new SharedArrayBuffer(bytes)) : new Float64Array(count * cols);
  const rows: Float64Array[] = [];
  for (let r = 0; r < count; r++) {
    const target = data.subarray(r * cols, (r + 1) * cols);
    const built = build(r, target);
    if (built.length !== cols) {
      throw new RiskpayError('SCORE_FEATURE_COUNT_MISMATCH', { expected: cols, actual: built.length });
    }
    // A builder that ignored the target returned its own array; its values still belong in the matrix.
    if (built !== target) target.set(built);
    rows.push(target);
  }
  return { matrix: { data, rows: count, cols }, rows };
}

/**
 * Returns formatDay with a cache: the open invoices of a large ledger share a few thousand distinct
 * days, and formatDay builds a Date and an ISO string on every call.
 */
function cachedFormatDay(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let text = cache.get(day);
    if (text === undefined) {
      text = formatDay(day);
      cache.set(day, text);
    }
    return text;
  };
}

/** Ranks by expected amount at risk, then risk, then customer id, so equal inputs give equal order. */
function compareDebtors(a: DebtorScore, b: DebtorScore): number {
  return (
    b.expectedAtRisk - a.expectedAtRisk ||
    b.risk - a.risk ||
    compareText(a.customerId, b.customerId) ||
    compareText(a.currency, b.currency)
  );
}

function compareInvoices(a: InvoiceScore, b: InvoiceScore): number {
  return (
    (b.expectedAtRisk ?? 0) - (a.expectedAtRisk ?? 0) ||
    b.risk - a.risk ||
    compareText(a.customerId, b.customerId) ||
    compareText(a.invoiceId, b.invoiceId)
  );
}

interface ScoredInvoice {
  snapshot: DebtorSnapshot;
  /** The invoice with its balance after credit; the model row is built from the ledger's own balance. */
  open: OpenInvoice;
  /** The model row: a view into row `index` of the invoice matrix. */
  row: Float64Array;
  index: number;
  /** Clipped calibrated risk of the model; NaN until predicted or explained (see collectExplanations). */
  risk: number;
  /** Unpaid more than the model's lateAfterDays after the due date, so shown at MAX_RISK whatever `risk` is. */
  alreadyLate: boolean;
  prediction: PaymentDatePrediction | null;
}

/**
 * Builds every invoice row into one matrix, because the forest is faster on a matrix than row by row.
 * Risks are left NaN (explanations fill them) and payment dates null (setPaymentDates fills them).
 */
function buildInvoiceRows(
  snapshots: readonly DebtorSnapshot[],
  credited: Map<DebtorSnapshot, CreditedDebtor>,
  model: RiskModel,
  rows: RowBuilders,
  asOf: number,
  shared: boolean,
): { scored: ScoredInvoice[]; matrix: Matrix } {
  const cols = inputFeatureNames(model.meta.extraColumns).length;
  // The model row is built from the ledger's own open invoice, so each scorable entry keeps that one too.
  const entries: { snapshot: DebtorSnapshot; open: OpenInvoice; raw: OpenInvoice }[] = [];
  for (const snapshot of snapshots) {
    const scorable = credited.get(snapshot)!.scorable;
    if (scorable.length === 0) continue;
    const raw = new Map(snapshot.openInvoices.map((open) => [open.invoice.id, open]));
    for (const open of scorable) entries.push({ snapshot, open, raw: raw.get(open.invoice.id)! });
  }

  const built = buildMatrix(entries.length, cols, (i, target) => rows.invoiceRow(entries[i].snapshot, entries[i].raw, asOf, target), shared);
  const lateAfterDays = model.meta.label.lateAfterDays;
  const scored: ScoredInvoice[] = entries.map((entry, i) => ({
    snapshot: entry.snapshot,
    open: entry.open,
    row: built.rows[i],
    index: i,
    risk: Number.NaN,
    alreadyLate: isAlreadyLate(entry.open, lateAfterDays),
    prediction: null,
  }));
  return { scored, matrix: built.matrix };
}

/** Returns true when the payment dates of the invoices come from the model's regressor. */
function predictsDates(scored: readonly ScoredInvoice[], model: RiskModel): boolean {
  return scored.length > 0 && model.predictDaysLate !== undefined;
}

/** Stores each invoice's predicted payment date. A model may return an empty list instead of leaving the method out. */
function setPaymentDates(scored: readonly ScoredInvoice[], predictions: readonly PaymentDatePrediction[]): void {
  scored.forEach((p, i) => (p.prediction = predictions[i] ?? null));
}

/**
 * Predicts the risks of the invoices that are ranked before explaining: those of debtors with more open
 * invoices than MAX_EXPLAINED_PER_DEBTOR in the debtor view. Every other risk comes from its explanation.
 */
function predictRanked(invoicesByDebtor: Map<DebtorSnapshot, ScoredInvoice[]>, model: RiskModel, by: 'debtor' | 'invoice', cols: number): void {
  if (by === 'invoice') return;
  const ranked: ScoredInvoice[] = [];
  for (const scored of invoicesByDebtor.values()) {
    if (scored.length > MAX_EXPLAINED_PER_DEBTOR) ranked.push(...scored);
  }
  if (ranked.length === 0) return;

  const risks = model.predictLate(
    toMatrix(
      ranked.map((s) => s.row),
      cols,
    ),
  );
  ranked.forEach((s, i) => (s.risk = clipRisk(risks[i])));
}

/**
 * Picks the invoices whose contributions are computed: all of them in the invoice view, else the
 * debtor's largest amounts at risk up to MAX_EXPLAINED_PER_DEBTOR.
 */
function invoicesToExplain(scored: readonly ScoredInvoice[], by: 'debtor' | 'invoice'): ScoredInvoice[] {
  if (by === 'invoice' || scored.length <= MAX_EXPLAINED_PER_DEBTOR) return [...scored];
  const ranked = [...scored].sort(
    (a, b) => shownRisk(b) * b.open.balance - shownRisk(a) * a.open.balance || compareText(a.open.invoice.id, b.open.invoice.id),
  );
  return ranked.slice(0, MAX_EXPLAINED_PER_DEBTOR);
}

/** Returns the risk shown for an invoice: MAX_RISK when it is already late, else the model's risk. */
function shownRisk(scored: ScoredInvoice): number {
  return scored.alreadyLate ? MAX_RISK : scored.risk;
}

/** A debtor with nothing open, scored on its debtor row. */
interface DebtorRowScore {
  row: Float64Array;
  risk: number;
  contributions: Contributions;
}

/** Contributions of every explained invoice and every debtor scored on its debtor row. */
interface Explanations {
  /** Per debtor with open invoices: its explained invoices and their contributions. */
  invoices: Map<DebtorSnapshot, Map<ScoredInvoice, Contributions>>;
  debtorRows: Map<DebtorSnapshot, DebtorRowScore>;
}

/** The invoices picked for explanation per debtor, and their row indexes in the invoice matrix. */
interface PickedInvoices {
  picked: ScoredInvoice[][];
  selected: number[];
}

function pickExplained(invoicesByDebtor: Map<DebtorSnapshot, ScoredInvoice[]>, by: 'debtor' | 'invoice'): PickedInvoices {
  const picked: ScoredInvoice[][] = [];
  const selected: number[] = [];
  for (const scored of invoicesByDebtor.values()) {
    const explained = invoicesToExplain(scored, by);
    picked.push(explained);
    for (const s of explained) selected.push(s.index);
  }
  return { picked, selected };
}

function buildDebtorRows(
  debtorRowSnapshots: readonly DebtorSnapshot[],
  rowBuilders: RowBuilders,
  cols: number,
  shared = false,
): { matrix: Matrix; rows: Float64Array[] } {
  return buildMatrix(debtorRowSnapshots.length, cols, (i, target) => rowBuilders.debtorRow(debtorRowSnapshots[i], target), shared);
}

/**
 * Stores the contributions with their invoices and debtors. The calibrated prediction of an
 * explanation equals predictLate bit for bit (same trees, same summation order, same calibration),
 * so each explained row takes its risk from there instead of a second prediction.
 */
function collectExplanations(
  { picked }: PickedInvoices,
  invoiceContributions: readonly Contributions[],
  debtorRowSnapshots: readonly DebtorSnapshot[],
  debtorRows: Float64Array[],
  debtorContributions: readonly Contributions[],
): Explanations {
  const result: Explanations = { invoices: new Map(), debtorRows: new Map() };
  let next = 0;
  for (const explained of picked) {
    const perInvoice = new Map<ScoredInvoice, Contributions>();
    for (const s of explained) {
      const c = invoiceContributions[next++];
      if (Number.isNaN(s.risk)) s.risk = clipRisk(c.prediction);
      perInvoice.set(s, c);
    }
    result.invoices.set(explained[0].snapshot, perInvoice);
  }
  debtorRowSnapshots.forEach((snapshot, i) => {
    const c = debtorContributions[i];
    result.debtorRows.set(snapshot, { row: debtorRows[i], risk: clipRisk(c.prediction), contributions: c });
  });
  return result;
}

/** Invoice rows and snapshots ready for the model, before any prediction. */
interface PreparedScoring {
  config: ScoringConfig;
  featureNames: string[];
  credited: Map<DebtorSnapshot, CreditedDebtor>;
  scored: ScoredInvoice[];
  invoiceMatrix: Matrix;
  invoicesByDebtor: Map<DebtorSnapshot, ScoredInvoice[]>;
  /** Debtors with no scorable invoice, scored on their debtor row. */
  debtorRowSnapshots: DebtorSnapshot[];
}

/** Credits the debtors and builds the invoice matrix, in shared memory for a model thread when `shared` is set. */
function prepareScoring(snapshots: readonly DebtorSnapshot[], model: RiskModel, rows: RowBuilders, options: ScoreOptions, shared = false): PreparedScoring {
  const config: ScoringConfig = resolveScoringConfig(options.config);
  // Rows and explain() values are in input order: the full catalog for the model's extra columns.
  const featureNames = inputFeatureNames(model.meta.extraColumns);
  const credited = new Map(snapshots.map((snapshot) => [snapshot, creditDebtor(snapshot)]));
  const { scored, matrix } = buildInvoiceRows(snapshots, credited, model, rows, options.asOf, shared);
  const invoicesByDebtor = new Map<DebtorSnapshot, ScoredInvoice[]>();
  for (const item of scored) {
    const list = invoicesByDebtor.get(item.snapshot) ?? [];
    list.push(item);
    invoicesByDebtor.set(item.snapshot, list);
  }
  const debtorRowSnapshots = snapshots.filter((snapshot) => !invoicesByDebtor.has(snapshot));
  return { config, featureNames, credited, scored, invoiceMatrix: matrix, invoicesByDebtor, debtorRowSnapshots };
}

/**
 * Runs the model in this thread: payment dates, the risks of ranked invoices, then the explanations of
 * the picked invoices and of the debtor rows. Each explanation batch walks a block of rows per tree.
 */
function runModel(prepared: PreparedScoring, model: RiskModel, rowBuilders: RowBuilders, by: 'debtor' | 'invoice'): Explanations {
  const { scored, invoiceMatrix, invoicesByDebtor, debtorRowSnapshots, featureNames } = prepared;
  if (predictsDates(scored, model)) setPaymentDates(scored, model.predictDaysLate!(invoiceMatrix));
  predictRanked(invoicesByDebtor, model, by, featureNames.length);

  const picked = pickExplained(invoicesByDebtor, by);
  const debtorRows = buildDebtorRows(debtorRowSnapshots, rowBuilders, featureNames.length);
  // Each row's contributions depend on that row alone, so two batches give the same values as one.
  const invoiceContributions = picked.selected.length > 0 ? explainRows(model, invoiceMatrix, picked.selected) : [];
  const debtorContributions = debtorRowSnapshots.length > 0 ? explainRows(model, debtorRows.matrix, debtorRowSnapshots.map((_, i) => i)) : [];
  return collectExplanations(picked, invoiceContributions, debtorRowSnapshots, debtorRows.rows, debtorContributions);
}

/** Returns the thread's result, or computes it in this thread when the thread failed for any other reason than the input. */
function orInThisThread<T>(result: Promise<T>, compute: () => T): Promise<T> {
  return result.catch((error: unknown) => {
    if (error instanceof RiskpayError) throw error;
    return compute();
  });
}

/**
 * Runs the model as runModel does, with the payment dates and the debtor-row explanations in `thread`
 * while this thread predicts and explains the invoices. The values are the same, and so is the error
 * when one step fails: the thread's steps are awaited in the order runModel takes them.
 */
async function runModelInThreads(
  prepared: PreparedScoring,
  model: RiskModel,
  rowBuilders: RowBuilders,
  by: 'debtor' | 'invoice',
  thread: ModelThread,
): Promise<Explanations> {
  const { scored, invoiceMatrix, invoicesByDebtor, debtorRowSnapshots, featureNames } = prepared;
  const predictions = predictsDates(scored, model)
    ? orInThisThread(thread.predictDaysLate(invoiceMatrix), () => model.predictDaysLate!(invoiceMatrix))
    : Promise.resolve(null);
  // The awaits below read a rejection. This handler only keeps Node from reporting it as unhandled meanwhile.
  predictions.catch(() => undefined);

  let failure: { error: unknown } | null = null;
  let debtorContributions: Promise<Contributions[]> = Promise.resolve([]);
  let explanations: (() => Promise<Explanations>) | null = null;
  try {
    predictRanked(invoicesByDebtor, model, by, featureNames.length);
    const picked = pickExplained(invoicesByDebtor, by);
    const debtorRows = buildDebtorRows(debtorRowSnapshots, rowBuilders, featureNames.length, true);
    if (debtorRowSnapshots.length > 0) {
      const everyRow = debtorRowSnapshots.map((_, i) => i);
      debtorContributions = orInThisThread(thread.explain(debtorRows.matrix), () => explainRows(model, debtorRows.matrix, everyRow));
      debtorContributions.catch(() => undefined);
    }
    const invoiceContributions = picked.selected.length > 0 ? explainRows(model, invoiceMatrix, picked.selected) : [];
    explanations = async () => collectExplanations(picked, invoiceContributions, debtorRowSnapshots, debtorRows.rows, await debtorContributions);
  } catch (error) {
    failure = { error };
  }

  const dates = await predictions;
  if (failure !== null) throw failure.error;
  if (dates !== null) setPaymentDates(scored, dates);
  return explanations!();
}

/** Scores snapshots built as of `options.asOf`; the debtors and invoices come back ranked. */
export function scoreSnapshots(
  snapshots: readonly DebtorSnapshot[],
  model: RiskModel,
  choice: ModelChoice,
  rows: RowBuilders,
  options: ScoreOptions,
): ScoreResult {
  const prepared = prepareScoring(snapshots, model, rows, options);
  const explanations = runModel(prepared, model, rows, options.by);
  return rankScores(snapshots, prepared, explanations, model, choice, options);
}

/** Scores snapshots as scoreSnapshots does, with part of the model's work in `thread`. */
async function scoreSnapshotsInThreads(
  snapshots: readonly DebtorSnapshot[],
  model: RiskModel,
  choice: ModelChoice,
  rows: RowBuilders,
  options: ScoreOptions,
  thread: ModelThread,
): Promise<ScoreResult> {
  const prepared = prepareScoring(snapshots, model, rows, options, true);
  const explanations = await runModelInThreads(prepared, model, rows, options.by, thread);
  return rankScores(snapshots, prepared, explanations, model, choice, options);
}

/** Builds the debtor and invoice scores from the model's outputs and ranks them. */
function rankScores(
  snapshots: readonly DebtorSnapshot[],
  prepared: PreparedScoring,
  explanations: Explanations,
  model: RiskModel,
  choice: ModelChoice,
  options: ScoreOptions,
): ScoreResult {
  const { config, featureNames, credited, invoicesByDebtor } = prepared;
  const { asOf } = options;
  const findings: Finding[] = [];

  const lateAfterDays = model.meta.label.lateAfterDays;
  const flagContext = buildFlagContext(snapshots);
  const delays = portfolioDelays(snapshots);
  const debtors: DebtorScore[] = [];
  const invoices: InvoiceScore[] = [];
  const dayText = cachedFormatDay();
  let datesWithoutModel = 0;

  for (const rawSnapshot of snapshots) {
    const scored = invoicesByDebtor.get(rawSnapshot) ?? [];
    const snapshot = credited.get(rawSnapshot)!.snapshot;
    let risk: number;
    let reasonTotals: Map<string, ReasonTotal>;
    // In whole minor units, as the sum of the rounded invoice amounts, so that the debtor's amount is the
    // sum of its invoices' printed amounts.
    let expectedAtRiskUnits = 0;

    const debtorCache = new Map<string, ReasonWords>();
    const alreadyLate: AlreadyLateInvoice[] = [];
    let totalBalance = 0;
    if (scored.length > 0) {
      totalBalance = scored.reduce((sum, s) => sum + s.open.balance, 0);
      const explained = explanations.invoices.get(rawSnapshot)!;
      const explainedBalance = [...explained.keys()].reduce((sum, s) => sum + s.open.balance, 0);
      const parts: { weight: number; totals: Map<string, ReasonTotal> }[] = [];
      risk = 0;

      for (const s of scored) {
        const invoiceRisk = shownRisk(s);
        risk += (s.open.balance / totalBalance) * invoiceRisk;
        const invoiceAtRiskUnits = toMinorUnits(invoiceRisk * s.open.balance, snapshot.currency);
        expectedAtRiskUnits += invoiceAtRiskUnits;

        let reasons: InvoiceScore['reasons'];
        const contributions = explained.get(s);
        if (contributions) {
          const totals = groupContributions(contributions, featureNames, s.row, snapshot, s.open, debtorCache);
          // The weights sum to 1 over the explained invoices, which are all of them unless capped.
          parts.push({ weight: s.open.balance / explainedBalance, totals });
          reasons = topReasons(totals);
        }
        if (s.alreadyLate) {
          const late = { open: s.open, modelRisk: s.risk };
          alreadyLate.push(late);
          // Invoices left unexplained keep no reasons, as the InvoiceScore contract states.
          if (reasons) reasons = withAlreadyLateFirst(invoiceAlreadyLateReason(late, lateAfterDays, MAX_RISK), reasons, new Set([s.open.invoice.id]));
        }

        const date = estimatePaymentDate(snapshot, s.open, s.prediction, delays);
        if (date.source !== 'model') datesWithoutModel += 1;
        const invoice = s.open.invoice;
        invoices.push({
          invoiceId: invoice.id,
          customerId: snapshot.customerId,
          name: snapshot.name,
          currency: snapshot.currency,
          issueDate: dayText(invoice.issueDate),
          dueDate: dayText(invoice.dueDate),
          balance: roundMoney(s.open.balance, snapshot.currency),
          daysOverdue: s.open.daysOverdue,
          risk: invoiceRisk,
          grade: gradeFor(invoiceRisk, config.grades),
          expectedPaymentDate: dayText(date.expected),
          paymentDateLow: dayText(date.low),
          paymentDateHigh: dayText(date.high),
          paymentDateSource: date.source,
          expectedAtRisk: fromMinorUnits(invoiceAtRiskUnits, snapshot.currency),
          reasons,
        });
      }
      reasonTotals = combineWeighted(parts);
    } else {
      const debtorRow = explanations.debtorRows.get(rawSnapshot)!;
      risk = debtorRow.risk;
      reasonTotals = groupContributions(debtorRow.contributions, featureNames, debtorRow.row, snapshot, null);
    }

    let reasons = topReasons(reasonTotals);
    if (alreadyLate.length > 0) {
      const first = debtorAlreadyLateReason(alreadyLate, lateAfterDays, MAX_RISK, totalBalance, snapshot.currency);
      reasons = withAlreadyLateFirst(first, reasons, new Set(alreadyLate.map((late) => late.open.invoice.id)));
    }
    if (reasons.length === 0) reasons = [fallbackReason(snapshot)];

    debtors.push({
      customerId: snapshot.customerId,
      name: snapshot.name,
      currency: snapshot.currency,
      grade: gradeFor(risk, config.grades),
      risk,
      openBalance: roundMoney(snapshot.stats.openBalance, snapshot.currency),
      overdueBalance: roundMoney(snapshot.stats.overdueBalance, snapshot.currency),
      expectedAtRisk: fromMinorUnits(expectedAtRiskUnits, snapshot.currency),
      openInvoices: snapshot.stats.openCount,
      oldestOverdueDays: snapshot.stats.oldestOverdueDays,
      // Paid invoices only, as the reasons and the trend count them: a prepaid invoice is not a delay.
      recentDaysLate: [...(snapshot.stats.paid?.recentDaysLate ?? snapshot.stats.recentDaysLate)],
      // The paid-only trend, as the sparkline beside it and FLAG_PAYMENTS_SLOWING use.
      trendDays: paidTrend(snapshot.stats)?.trendDays ?? null,
      // The model's noHistory also counts open overdue invoices as history; people read "no history" as
      // "has never paid an invoice".
      noHistory: snapshot.stats.settledCount === 0,
      flags: evaluateFlags(snapshot, config.flags, flagContext),
      reasons,
      riskSource: scored.length > 0 ? 'open-invoices' : 'debtor-row',
      nothingOwed: scored.length === 0,
    });
  }

  debtors.sort(compareDebtors);
  invoices.sort(compareInvoices);

  if (snapshots.length === 0) findings.push(finding('SCORE_NO_DEBTORS', 'error', { asOf: formatDay(asOf) }));
  else if (invoices.length === 0) findings.push(finding('SCORE_NO_OPEN_INVOICES', 'info', { asOf: formatDay(asOf) }));
  if (datesWithoutModel > 0) {
    findings.push(finding('SCORE_PAYMENT_DATES_FROM_HISTORY', 'info', { invoices: datesWithoutModel }));
  }
  // The ranking sorts by amount at risk, and amounts in different currencies are not comparable.
  const openCurrencies = [...new Set(debtors.filter((debtor) => debtor.openBalance > 0 && debtor.currency !== '').map((debtor) => debtor.currency))].sort();
  if (openCurrencies.length > 1) {
    findings.push(finding('SCORE_MIXED_CURRENCIES', 'warning', { count: openCurrencies.length, currencies: openCurrencies.join(', ') }));
  }

  return {
    asOf: formatDay(asOf),
    asOfDefaulted: options.asOfDefaulted,
    model: choice,
    debtors,
    invoices,
    totals: totalsPerCurrency(debtors),
    findings,
    view: options.by,
    gradeCuts: { B: config.grades.B, C: config.grades.C, D: config.grades.D },
  };
}

/**
 * Checks the settings and the model's extra columns. Returns the settings, the row builders and the
 * model's delay adjustment with the ledger's spelling of the column names.
 * Throws SCORE_MISSING_EXTRA_COLUMN when the model reads an extra column that the ledger lacks, and
 * SCORING_CONFIG_INVALID for an invalid setting.
 */
function checkLedger(
  ledger: Ledger,
  model: RiskModel,
  options: ScoreOptions,
): { config: ScoringConfig; rows: RowBuilders; adjustment: DelayAdjustment | undefined } {
  // Validate the settings before the slow part, so a typo in the config file fails fast.
  const config = resolveScoringConfig(options.config);
  const spelling = ledgerSpelling(model.meta.extraColumns, ledger.extraColumns);
  const missing = model.meta.extraColumns.filter((column) => !spelling.has(column));
  if (missing.length > 0) {
    const columns = model.meta.extraColumns.join(',');
    throw new RiskpayError('SCORE_MISSING_EXTRA_COLUMN', { columns, missing: missing.join(', '), fix: `--extra ${shellQuote(columns)}` });
  }

  // Rows are positional, so the ledger's spelling in the model's order gives the model's columns.
  const extraColumns = model.meta.extraColumns.map((column) => spelling.get(column) as string);
  const rows: RowBuilders = {
    invoiceRow: (snapshot, open, asOf, target) => invoiceFeatureRow(snapshot, open, asOf, extraColumns, target),
    debtorRow: (snapshot, target) => debtorFeatureRow(snapshot, extraColumns, target),
  };
  const trained = model.meta.delayAdjustment;
  const adjustment = trained ? { ...trained, columns: trained.columns.map((column) => spelling.get(column) ?? column) } : undefined;
  return { config, rows, adjustment };
}

/**
 * Maps each model extra column to the ledger's column of the same name, or of the same name in
 * another case ("disputed" for "Disputed"), because --extra finds headers whatever their case.
 */
function ledgerSpelling(modelColumns: readonly string[], ledgerColumns: readonly string[]): Map<string, string> {
  const spelling = new Map<string, string>();
  for (const column of modelColumns) {
    const found = ledgerColumns.find((candidate) => candidate === column) ?? ledgerColumns.find((candidate) => normalizeHeader(candidate) === normalizeHeader(column));
    if (found !== undefined) spelling.set(column, found);
  }
  return spelling;
}

/** Facts about the ledger that scoring keeps after building the snapshots, because it may empty the ledger then. */
interface LedgerState {
  snapshots: DebtorSnapshot[];
  importedNone: boolean;
  extraColumns: string[];
  asOfAfterData: Finding | null;
}

function snapshotLedger(
  ledger: Ledger,
  adjustment: DelayAdjustment | undefined,
  options: ScoreOptions,
): LedgerState {
  const snapshots = buildSnapshots(ledger, options.asOf, adjustment);
  // Snapshots keep only the open invoices they need, not the ledger.
  const importedNone = ledger.invoices.length === 0;
  const extraColumns = [...ledger.extraColumns];
  const asOfAfterData = asOfAfterDataFinding(ledger, options.asOf, options.asOfDefaulted);
  if (options.releaseLedger === true) ledger.invoices = [];
  return { snapshots, importedNone, extraColumns, asOfAfterData };
}

/**
 * Adds the findings about the ledger and the model as a whole. With no invoice at all, the as-of date
 * is not the cause: the import kept none, and its findings give the reason.
 */
function addLedgerFindings(
  result: ScoreResult,
  ledgerState: LedgerState,
  model: RiskModel,
  asOf: number,
): ScoreResult {
  if (ledgerState.importedNone) result.findings = result.findings.map((item) => (item.code === 'SCORE_NO_DEBTORS' ? finding('SCORE_NO_INVOICES', 'error') : item));
  if (ledgerState.asOfAfterData !== null) result.findings.push(ledgerState.asOfAfterData);

  const unused = ledgerState.extraColumns.filter((column) => !model.meta.extraColumns.some((read) => normalizeHeader(read) === normalizeHeader(column)));
  if (unused.length > 0) {
    const fix = `--extra ${shellQuote(ledgerState.extraColumns.join(','))}`;
    result.findings.push(finding('SCORE_EXTRA_COLUMNS_UNUSED', 'info', { columns: unused.join(', '), fix }));
  }

  // A model trained on facts after the as-of day has seen how some of today's open invoices ended.
  const trainedUntil = model.meta.trainingWindow.to;
  if (model.meta.origin === 'user' && trainedUntil > formatDay(asOf)) {
    result.findings.push(finding('SCORE_MODEL_AFTER_AS_OF', 'warning', { trainedUntil, asOf: formatDay(asOf) }));
  }
  return result;
}

/**
 * Scores a ledger as of a day: builds point-in-time snapshots, scores them with the model and ranks them.
 * Throws SCORE_MISSING_EXTRA_COLUMN when the model reads an extra column that the ledger lacks, and
 * SCORING_CONFIG_INVALID for an invalid setting.
 */
export function scoreLedger(ledger: Ledger, model: RiskModel, choice: ModelChoice, options: ScoreOptions): ScoreResult {
  const { config, rows, adjustment } = checkLedger(ledger, model, options);
  const ledgerState = snapshotLedger(ledger, adjustment, options);
  const result = scoreSnapshots(ledgerState.snapshots, model, choice, rows, { ...options, config });
  return addLedgerFindings(result, ledgerState, model, options.asOf);
}

/**
 * Ledgers with fewer invoices are scored in one thread. Below this size, by an estimate, starting a
 * worker and copying the model to it (about 0.1 s of the second core) costs about as much as the
 * model work it takes over.
 */
export const THREADS_FROM_INVOICES = 50_000;

/**
 * Scores a ledger as scoreLedger does, with the same result and errors. A ledger of at least
 * `options.threadsFromInvoices` invoices (default THREADS_FROM_INVOICES) has part of the model's work
 * done in a worker thread, started before the snapshots are built so that it is ready when needed.
 */
export async function scoreLedgerInThreads(ledger: Ledger, model: RiskModel, choice: ModelChoice, options: ScoreOptions): Promise<ScoreResult> {
  const { config, rows, adjustment } = checkLedger(ledger, model, options);
  const thread = ledger.invoices.length >= (options.threadsFromInvoices ?? THREADS_FROM_INVOICES) ? ModelThread.start(model) : null;
  try {
    const ledgerState = snapshotLedger(ledger, adjustment, options);
    const { snapshots } = ledgerState;
    const scoring = { ...options, config };
    const result = thread !== null ? await scoreSnapshotsInThreads(snapshots, model, choice, rows, scoring, thread) : scoreSnapshots(snapshots, model, choice, rows, scoring);
    return addLedgerFindings(result, ledgerState, model, options.asOf);
  } finally {
    await thread?.close();
  }
}

/**
 * Sums the debtors' rounded amounts per currency, in whole minor units, so each total is the sum of the
 * printed debtor rows. Amounts in different currencies are never added together.
 */
function totalsPerCurrency(debtors: readonly DebtorScore[]): ScoreResult['totals'] {
  const totals = new Map<string, ScoreResult['totals'][number]>();
  for (const debtor of debtors) {
    const currency = debtor.currency;
    const total = totals.get(currency) ?? { currency, openBalance: 0, overdueBalance: 0, expectedAtRisk: 0 };
    total.openBalance += toMinorUnits(debtor.openBalance, currency);
    total.overdueBalance += toMinorUnits(debtor.overdueBalance, currency);
    total.expectedAtRisk += toMinorUnits(debtor.expectedAtRisk, currency);
    totals.set(currency, total);
  }
  return [...totals.values()]
    .map((total) => ({
      ...total,
      openBalance: fromMinorUnits(total.openBalance, total.currency),
      overdueBalance: fromMinorUnits(total.overdueBalance, total.currency),
      expectedAtRisk: fromMinorUnits(total.expectedAtRisk, total.currency),
    }))
    .sort((a, b) => compareText(a.currency, b.currency));
}
