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
import { isAlreadyLate } from './already-late.js';
import { asOfAfterDataFinding } from './as-of-gap.js';
import { allocateCredit } from './credits.js';
import { explainRows } from './explain-batch.js';
import { ChunkPipeline, computeChunk, unflatten, type ChunkMatrices, type ChunkResult, type ChunkTask } from './model-chunks.js';
import { ModelThread } from './model-thread.js';
import { Ranking } from './rank.js';
import { clipRisk, shownRisk, type CreditedDebtor, type Explanations, type PreparedScoring, type ScoredInvoice } from './scored.js';
import type { ModelChoice, ScoreResult } from './types.js';
import { collectGarbage, SoftMemoryLimit } from '../memory.js';
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
  /** A thread that loaded the model file (ModelThread.preload); scoreLedgerInThreads uses it or closes it. */
  preloaded?: ModelThread | null;
  /**
   * False leaves out each invoice's own reasons (InvoiceScore.reasons), which no report prints. The
   * debtors' reasons stay. Undefined and true keep them.
   */
  invoiceReasons?: boolean;
}

/**
 * Open invoices explained per debtor in the debtor view. explain() costs about 8 times a prediction
 * (0.31 ms against 0.04 ms per row for a 300-tree model on one core), so a debtor with hundreds of open
 * invoices is explained by its largest amounts at risk.
 */
const MAX_EXPLAINED_PER_DEBTOR = 10;

function creditDebtor(snapshot: DebtorSnapshot): CreditedDebtor {
  const { balances, stats } = allocateCredit(snapshot);
  const scorable: OpenInvoice[] = [];
  const ledgerOpen: OpenInvoice[] = [];
  for (const open of snapshot.openInvoices) {
    const balance = balances.get(open.invoice.id);
    if (balance !== undefined && balance > 0) {
      // Field by field: a spread copies through a slower generic path, and this runs per open invoice.
      scorable.push({ invoice: open.invoice, balance, daysOverdue: open.daysOverdue });
      ledgerOpen.push(open);
    }
  }
  return { snapshot: { ...snapshot, stats }, scorable, ledgerOpen };
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
    const { scorable, ledgerOpen } = credited.get(snapshot)!;
    scorable.forEach((open, i) => entries.push({ snapshot, open, raw: ledgerOpen[i] }));
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
 * Stores the contributions with their invoices and debtors, in `result`. The calibrated prediction of
 * an explanation equals predictLate bit for bit (same trees, same summation order, same calibration),
 * so each explained row takes its risk from there instead of a second prediction.
 */
function collectExplanations(
  picked: readonly (readonly ScoredInvoice[])[],
  invoiceContributions: readonly Contributions[],
  debtorRowSnapshots: readonly DebtorSnapshot[],
  debtorRows: readonly Float64Array[],
  debtorContributions: readonly Contributions[],
  result: Explanations = { invoices: new Map(), debtorRows: new Map() },
): Explanations {
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

/** Returns the scored invoices per debtor snapshot, in the order of `scored`. */
function groupByDebtor(scored: readonly ScoredInvoice[]): Map<DebtorSnapshot, ScoredInvoice[]> {
  const byDebtor = new Map<DebtorSnapshot, ScoredInvoice[]>();
  for (const item of scored) {
    const list = byDebtor.get(item.snapshot) ?? [];
    list.push(item);
    byDebtor.set(item.snapshot, list);
  }
  return byDebtor;
}

/** Credits the debtors and builds the invoice matrix, in shared memory for a model thread when `shared` is set. */
function prepareScoring(snapshots: readonly DebtorSnapshot[], model: RiskModel, rows: RowBuilders, options: ScoreOptions, shared = false): PreparedScoring {
  const config: ScoringConfig = resolveScoringConfig(options.config);
  // Rows and explain() values are in input order: the full catalog for the model's extra columns.
  const featureNames = inputFeatureNames(model.meta.extraColumns);
  const credited = new Map(snapshots.map((snapshot) => [snapshot, creditDebtor(snapshot)]));
  const { scored, matrix } = buildInvoiceRows(snapshots, credited, model, rows, options.asOf, shared);
  const invoicesByDebtor = groupByDebtor(scored);
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
  return collectExplanations(picked.picked, invoiceContributions, debtorRowSnapshots, debtorRows.rows, debtorContributions);
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
  return rankEvery(snapshots, prepared, explanations, model, choice, options);
}

function rankEvery(
  snapshots: readonly DebtorSnapshot[],
  prepared: PreparedScoring,
  explanations: Explanations,
  model: RiskModel,
  choice: ModelChoice,
  options: ScoreOptions,
): ScoreResult {
  const ranking = new Ranking(snapshots, prepared, model, options);
  for (const snapshot of snapshots) ranking.add(snapshot, explanations);
  return ranking.result(choice);
}

/** Debtors in snapshot order whose model work is one chunk, with the chunk's own model rows. */
interface DebtorChunk {
  snapshots: DebtorSnapshot[];
  /** The chunk's scorable invoices. `index` is the row in the chunk's invoice matrix. */
  scored: ScoredInvoice[];
  /** The scorable invoices of each debtor that has some, in snapshot order. */
  debtors: ScoredInvoice[][];
  /** The chunk's debtors with nothing scorable, scored on their debtor rows. */
  debtorRowSnapshots: DebtorSnapshot[];
  debtorRows: Float64Array[];
  matrices: ChunkMatrices;
  task: ChunkTask;
}

/**
 * Model work per chunk, counted in payment-date rows (see EXPLAIN_COST): about 60 chunks for the
 * 1M-invoice benchmark. A chunk is small enough that the thread starts early and the two threads
 * finish close together, and large enough that its messages cost little beside its model work.
 */
const CHUNK_WORK = 4096;

/** Cost of explaining one row against predicting one payment-date interval: an estimate from a profile of the 1M-invoice benchmark (about 18 and 12 µs per row). */
const EXPLAIN_COST = 2;

/**
 * Resident set above which the snapshot phase collects garbage, checked once per chunk. The phase keeps
 * the whole ledger, and V8 starts its next full collection by the allocation rate alone. When the import
 * left more garbage, 2 of about 27 runs of the 1M-invoice benchmark went from the usual 840-900 MB to
 * 1.13-1.15 GB. Now the resident set reaches 860-930 MB in the runs where V8 has not collected the
 * import's garbage yet. The forced collection costs about 0.45 s, so the limit is above those runs and
 * 64 MB below 1 GB.
 */
const SNAPSHOT_PHASE_RSS_LIMIT = 960 * 1024 * 1024;
const SNAPSHOT_PHASE_RSS_HEADROOM = 64 * 1024 * 1024;

function allFinite(matrix: Matrix): boolean {
  const { data } = matrix;
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return false;
  return true;
}

/**
 * Scores snapshots as scoreSnapshots does, while they are built, with the model's work shared with a
 * model thread. Each snapshot is credited as it comes. When enough model work has gathered, its
 * debtors' rows are built into a chunk of their own, which goes to the thread at once, so the model runs
 * while the rest of the snapshots are built. `score` then ranks the chunks in order as their results come in.
 * Any error while a chunk is prepared sets `failed`, and the caller then scores in one thread, which
 * raises the same error in the same order.
 */
class StreamedScoring {
  readonly credited = new Map<DebtorSnapshot, CreditedDebtor>();
  readonly invoicesByDebtor = new Map<DebtorSnapshot, ScoredInvoice[]>();
  failed = false;
  private readonly chunks: DebtorChunk[] = [];
  private readonly pipeline: ChunkPipeline<ChunkResult>;
  private readonly cols: number;
  private waiting: DebtorSnapshot[] = [];
  private work = 0;
  private readonly memory = new SoftMemoryLimit(SNAPSHOT_PHASE_RSS_LIMIT, SNAPSHOT_PHASE_RSS_HEADROOM);

  constructor(
    private readonly model: RiskModel,
    private readonly rowBuilders: RowBuilders,
    private readonly options: ScoreOptions,
    thread: ModelThread,
  ) {
    this.cols = inputFeatureNames(model.meta.extraColumns).length;
    const compute = (chunk: number): ChunkResult => computeChunk(model, this.chunks[chunk].matrices, this.chunks[chunk].task);
    this.pipeline = new ChunkPipeline(compute, {
      compute: (chunk) => thread.computeChunk(this.chunks[chunk].task, this.chunks[chunk].matrices),
      queued: () => thread.queued(),
    });
  }

  /** Takes the next snapshot in snapshot order. */
  add(snapshot: DebtorSnapshot): void {
    if (this.failed) return;
    try {
      const credited = creditDebtor(snapshot);
      this.credited.set(snapshot, credited);
      this.waiting.push(snapshot);

      const count = credited.scorable.length;
      this.work += (this.model.predictDaysLate !== undefined ? count : 0) + EXPLAIN_COST * this.explainedRows(count);
      if (this.work >= CHUNK_WORK) this.closeChunk();
    } catch {
      this.failed = true;
    }
  }

  /** Returns how many rows a debtor with `scorable` invoices has explained: its debtor row when it has none. */
  private explainedRows(scorable: number): number {
    if (scorable === 0) return 1;
    if (this.options.by === 'invoice') return scorable;
    return Math.min(scorable, MAX_EXPLAINED_PER_DEBTOR);
  }

  /** Ranks every snapshot taken, once the last one is in. */
  async score(snapshots: readonly DebtorSnapshot[], choice: ModelChoice): Promise<ScoreResult> {
    const config = resolveScoringConfig(this.options.config);
    const featureNames = inputFeatureNames(this.model.meta.extraColumns);
    const ranking = new Ranking(snapshots, { config, featureNames, credited: this.credited, invoicesByDebtor: this.invoicesByDebtor }, this.model, this.options);
    // Holds one chunk's explanations at a time; ranking a debtor reads only its own.
    const explanations: Explanations = { invoices: new Map(), debtorRows: new Map() };
    await this.pipeline.drain((chunk, result) => {
      applyChunk(this.chunks[chunk], result, explanations);
      for (const snapshot of this.chunks[chunk].snapshots) ranking.add(snapshot, explanations);
      explanations.invoices.clear();
      explanations.debtorRows.clear();
    });
    return ranking.result(choice);
  }

  /** Closes the last chunk; returns false when a chunk failed and scoring must go through one thread. */
  finish(): boolean {
    if (!this.failed && this.waiting.length > 0) {
      try {
        this.closeChunk();
      } catch {
        this.failed = true;
      }
    }
    return !this.failed;
  }

  private closeChunk(): void {
    const snapshots = this.waiting;
    this.waiting = [];
    this.work = 0;

    const { scored, matrix } = buildInvoiceRows(snapshots, this.credited, this.model, this.rowBuilders, this.options.asOf, true);
    const byDebtor = groupByDebtor(scored);
    const debtorRowSnapshots = snapshots.filter((snapshot) => !byDebtor.has(snapshot));
    const debtorRows = buildDebtorRows(debtorRowSnapshots, this.rowBuilders, this.cols, true);
    if (!allFinite(matrix) || !allFinite(debtorRows.matrix)) {
      this.failed = true;
      return;
    }

    // The model thread predicts the ranked risks and picks the invoices to explain (see pickRows).
    const debtors = [...byDebtor.values()];
    for (const [snapshot, list] of byDebtor) this.invoicesByDebtor.set(snapshot, list);
    const task = chunkTask(scored, debtors, this.options.by);
    const matrices = { invoices: matrix, debtors: debtorRows.matrix };
    this.chunks.push({ snapshots, scored, debtors, debtorRowSnapshots, debtorRows: debtorRows.rows, matrices, task });
    this.pipeline.add();
    this.memory.check();
  }
}

/**
 * Returns the model task of a chunk's invoices: each debtor's rows, which are consecutive, and what
 * pickRows ranks them by, which gives the picks of invoicesToExplain.
 */
function chunkTask(scored: readonly ScoredInvoice[], debtors: readonly (readonly ScoredInvoice[])[], by: 'debtor' | 'invoice'): ChunkTask {
  const maxExplained = by === 'invoice' ? 0 : MAX_EXPLAINED_PER_DEBTOR;
  const debtorStarts = new Int32Array(debtors.length + 1);
  debtors.forEach((list, i) => (debtorStarts[i + 1] = debtorStarts[i] + list.length));
  const balances = new Float64Array(scored.length);
  const alreadyLate = new Uint8Array(scored.length);
  const invoiceIds: string[] = new Array<string>(scored.length).fill('');
  for (const list of debtors) {
    const ranked = maxExplained > 0 && list.length > maxExplained;
    for (const s of list) {
      balances[s.index] = s.open.balance;
      alreadyLate[s.index] = s.alreadyLate ? 1 : 0;
      if (ranked) invoiceIds[s.index] = s.open.invoice.id;
    }
  }
  return { debtorStarts, maxExplained, balances, alreadyLate, invoiceIds };
}

/**
 * Stores a chunk's payment dates with its invoices, as setPaymentDates does, the risks its model work
 * ranked the invoices by, and its explanations with its invoices and debtors.
 */
function applyChunk(chunk: DebtorChunk, result: ChunkResult, explanations: Explanations): void {
  const { rankedRisks, explained } = result;
  for (const s of chunk.scored) if (!Number.isNaN(rankedRisks[s.index])) s.risk = rankedRisks[s.index];

  // The explained rows come debtor by debtor, and a debtor's rows are consecutive in the matrix.
  const picked: ScoredInvoice[][] = [];
  let at = 0;
  for (const list of chunk.debtors) {
    const end = list[list.length - 1].index;
    const group: ScoredInvoice[] = [];
    while (at < explained.length && explained[at] <= end) group.push(chunk.scored[explained[at++]]);
    picked.push(group);
  }

  const dates = result.dates;
  if (dates !== null) {
    chunk.scored.forEach((s, i) => {
      const at = 3 * i;
      s.prediction = at < dates.length ? { days: dates[at], low: dates[at + 1], high: dates[at + 2] } : null;
    });
  }

  collectExplanations(picked, unflatten(result.invoices), chunk.debtorRowSnapshots, chunk.debtorRows, unflatten(result.debtors), explanations);
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

/**
 * Released ledgers of at least this many invoices are followed by a full garbage collection (see
 * src/memory.ts). Below it, the heap the invoices leave is small and V8 reclaims it soon enough.
 */
const COLLECT_AFTER_RELEASE_FROM_INVOICES = 200_000;

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
  onSnapshot?: (snapshot: DebtorSnapshot) => void,
): LedgerState {
  const snapshots = buildSnapshots(ledger, options.asOf, adjustment, onSnapshot);
  // Snapshots keep only the open invoices they need, not the ledger.
  const importedNone = ledger.invoices.length === 0;
  const extraColumns = [...ledger.extraColumns];
  const asOfAfterData = asOfAfterDataFinding(ledger, options.asOf, options.asOfDefaulted);
  if (options.releaseLedger === true) {
    const released = ledger.invoices.length;
    ledger.invoices = [];
    if (released >= COLLECT_AFTER_RELEASE_FROM_INVOICES) collectGarbage();
  }
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
 * Returns the model thread for a ledger, or null below `options.threadsFromInvoices` invoices. A
 * preloaded thread serves when it has this model. It is closed otherwise, for example when the file's
 * model was changed to another late-after threshold.
 */
async function modelThreadFor(ledger: Ledger, model: RiskModel, options: ScoreOptions): Promise<ModelThread | null> {
  const preloaded = options.preloaded ?? null;
  if (ledger.invoices.length >= (options.threadsFromInvoices ?? THREADS_FROM_INVOICES)) {
    if (preloaded !== null && (await preloaded.loadedModel().catch(() => null)) === model) return preloaded;
    await preloaded?.close();
    return ModelThread.start(model);
  }
  await preloaded?.close();
  return null;
}

/**
 * Scores a ledger as scoreLedger does, with the same result and errors. A ledger of at least
 * `options.threadsFromInvoices` invoices (default THREADS_FROM_INVOICES) has most of the model's work
 * done in a worker thread, started before the snapshots are built, while this thread builds snapshots
 * and ranks (see StreamedScoring).
 */
export async function scoreLedgerInThreads(ledger: Ledger, model: RiskModel, choice: ModelChoice, options: ScoreOptions): Promise<ScoreResult> {
  let thread = options.preloaded ?? null;
  try {
    const { config, rows, adjustment } = checkLedger(ledger, model, options);
    thread = await modelThreadFor(ledger, model, options);
    const scoring = { ...options, config };
    const streamed = thread !== null ? new StreamedScoring(model, rows, scoring, thread) : null;
    const ledgerState = snapshotLedger(ledger, adjustment, options, streamed ? (snapshot) => streamed.add(snapshot) : undefined);
    const { snapshots } = ledgerState;
    const result = streamed !== null && streamed.finish() ? await streamed.score(snapshots, choice) : scoreSnapshots(snapshots, model, choice, rows, scoring);
    return addLedgerFindings(result, ledgerState, model, options.asOf);
  } finally {
    await thread?.close();
  }
}

