// Training: labelled point-in-time rows, a time-ordered holdout for honest metrics, a refit on every
// row, and a calibration fitted to the refit's out-of-bag votes on the holdout's issue-date rows.
// Rejects a window that cannot teach lateness.

import { formatDay } from '../dates.js';
import { ADJUSTED_PROBABILITY_FEATURE, featureNames, scaleFreeFeatureNames } from '../features/catalog.js';
import { fitDelayAdjustment, type DelayAdjustment } from '../features/delay-adjustment.js';
import { buildLabelledRows, rowsKnownBefore, sampleIndices, selectRows, type LabelledRows } from '../features/training-rows.js';
import { RiskpayError, finding, type Finding } from '../findings.js';
import { trainForest, type Forest, type ForestOptions } from '../forest/index.js';
import type { Ledger } from '../ingest/ledger.js';
import { applyCalibration, fitPlatt, type PlattCalibration } from './calibration.js';
import { outcomeLeakFindings } from './leak-check.js';
import { classifierMetrics, type ClassifierMetrics } from './metrics.js';
import { ForestRiskModel, INTERVAL_QUANTILES, LATE_AFTER_FEATURE, blendTailRisk, treeIntervals } from './risk-model.js';
import type { ModelMeta } from './types.js';

export const MODEL_FORMAT = 'riskpay-model';
export const MODEL_VERSION = 1;

/**
 * Default lateness threshold in days. A week's grace suits small businesses: payments a few days after
 * the due date are routine (bank days, monthly payment runs) and rarely worth a reminder, while a
 * week late is when cash planning and dunning start to matter.
 */
export const DEFAULT_LATE_AFTER_DAYS = 7;

/** Minimum number of invoices of each class (late, on time) that training accepts. */
export const MIN_INVOICES_PER_CLASS = 10;

/** Share of rows, the latest by date, kept out of the first fit for calibration and metrics. */
export const HOLDOUT_SHARE = 0.2;

/** Maximum number of training rows; larger sets are sampled with the seed before features are built. */
export const DEFAULT_MAX_ROWS = 200_000;

/** Forest settings for the late-payment classifier. */
export const CLASSIFIER_OPTIONS: ForestOptions = { task: 'classification', nTrees: 300, maxDepth: 12, minSamplesLeaf: 10, maxFeatures: 'sqrt' };

/** Forest settings for the days-late regressor; fewer trees because only its spread and mean are read. */
export const REGRESSOR_OPTIONS: ForestOptions = { task: 'regression', nTrees: 100, maxDepth: 10, minSamplesLeaf: 10 };

/**
 * Above this many rows the data is large, and the classifier grows LARGE_DATA_TREES trees instead of
 * 300. More trees only average away the noise of the single trees. On tens of thousands of rows each
 * tree is already stable, so 300 trees gain little AUC (measured in MODEL-QUALITY.md) for three times
 * the time.
 */
export const LARGE_DATA_ROWS = 50_000;
export const LARGE_DATA_TREES = 100;

/**
 * Rows each classifier tree draws (bootstrap size) at most. A depth-12 tree with leaves of 10 rows has
 * at most 4,096 leaves, so more rows per tree only refine leaves it cannot split further, while tree
 * time grows with the rows drawn. The trees still see different rows, so the forest uses all of them.
 */
export const CLASSIFIER_ROWS_PER_TREE = 60_000;

/** Rows each regressor tree draws at most; only the regressor's mean and per-tree spread are read. */
export const REGRESSOR_ROWS_PER_TREE = 30_000;

/**
 * Returns forest settings sized for `rows` training rows drawn from `availableRows`: fewer trees when
 * the data is large, and a bounded bootstrap. Settings the caller gave explicitly win.
 */
export function sizedOptions(base: ForestOptions, rows: number, rowsPerTree: number, explicit: Partial<ForestOptions> = {}, availableRows = rows): ForestOptions {
  const sized: ForestOptions = { ...base };
  if (base.task === 'classification' && Math.max(rows, availableRows) > LARGE_DATA_ROWS) sized.nTrees = Math.min(base.nTrees ?? LARGE_DATA_TREES, LARGE_DATA_TREES);
  if (rows > rowsPerTree) sized.maxSamples = rowsPerTree / rows;
  return { ...sized, ...explicit };
}

/** Regressor targets are clipped to this range of days late, so a few years-late invoices do not dominate. */
const DAYS_LATE_RANGE = [-60, 180] as const;

/** Source of the predictions that the Platt calibration is fitted to (TrainOptions.calibration). */
export type CalibrationSource = 'oob-holdout' | 'oob' | 'holdout';

export interface TrainOptions {
  /** Last day whose facts are known (default: the latest date in the ledger). */
  asOf?: number;
  lateAfter?: number;
  seed?: number;
  maxRows?: number;
  /** Use only the scale-free features (the bundled model does). */
  scaleFreeOnly?: boolean;
  origin?: 'user' | 'bundled';
  /** Forest overrides, e.g. fewer trees in tests. */
  classifier?: Partial<ForestOptions>;
  regressor?: Partial<ForestOptions> | false;
  threads?: number;
  /** Add training rows at the later checkpoints of open invoices; default true. */
  checkpoints?: boolean;
  /** Rows each tree draws at most; defaults CLASSIFIER_ROWS_PER_TREE and REGRESSOR_ROWS_PER_TREE. */
  rowsPerTree?: { classifier: number; regressor: number };
  /** Train on these columns instead of the default set. */
  columns?: string[];
  /**
   * Thresholds whose labelled rows are stacked, with the threshold as an input column, so one model
   * serves any `--late-after` (the bundled model). `lateAfter` is then only the threshold bound by default.
   */
  lateAfterValues?: number[];
  /**
   * Predictions the Platt calibration is fitted to. The default 'oob-holdout' takes the final forest's
   * out-of-bag votes for the holdout rows (the latest HOLDOUT_SHARE), and 'oob' takes them for every
   * row. 'holdout' takes the first fit's predictions for the holdout rows, as earlier versions did.
   */
  calibration?: CalibrationSource;
  /**
   * Weight of the delay model's late probability in the risk (models with extra columns only). The
   * default 'holdout' takes the weight of TAIL_WEIGHTS with the lowest Brier score on the holdout
   * rows. A number fixes it, and 0 leaves the forest alone.
   */
  tailWeight?: 'holdout' | number;
  /**
   * Fit the calibration on issue-date rows only, leaving out the later checkpoint rows of the same
   * invoices; default true. Chosen on the 2012 validation splits (MODEL-QUALITY.md).
   */
  calibrateOnIssueRows?: boolean;
  /** Source of the extra columns that the leak warning names, such as `RISKPAY_EXTRA`, and `--extra` by default. */
  extraOption?: string;
}

export interface TrainReport {
  asOf: string;
  lateAfterDays: number;
  rows: { train: number; holdout: number; positives: number; subsampledFrom?: number };
  invoices: { late: number; onTime: number; censored: number };
  /** Metrics of the first fit on the holdout, calibrated. */
  holdout: ClassifierMetrics | null;
  holdoutFrom: string;
  calibration: PlattCalibration;
  /** The 10 most important features of the final classifier. */
  topFeatures: { feature: string; importance: number }[];
  findings: Finding[];
}

/** Returns the latest date of any fact in the ledger. */
export function lastFactDay(ledger: Ledger): number {
  let last = -Infinity;
  for (const invoice of ledger.invoices) {
    last = Math.max(last, invoice.issueDate);
    if (invoice.settledDate !== null) last = Math.max(last, invoice.settledDate);
    for (const payment of invoice.payments) last = Math.max(last, payment.date);
  }
  return last;
}

/** Counts late and on-time invoices among rows (one per invoice: the issue-date rows). */
export function countInvoices(rows: LabelledRows): { late: number; onTime: number } {
  let late = 0;
  let onTime = 0;
  for (let r = 0; r < rows.X.rows; r += 1) {
    if (rows.atIssue[r] !== 1) continue;
    if (rows.y[r] === 1) late += 1;
    else onTime += 1;
  }
  return { late, onTime };
}

/**
 * Throws when the window up to `asOf` has no history to learn from: `asOf` is before the first
 * invoice (`firstDay`), or no invoice issued by then has a known outcome (`unknown` counts those).
 */
export function requireKnownHistory(counts: { late: number; onTime: number; unknown: number }, lateAfter: number, firstDay: number, asOf: number): void {
  if (asOf < firstDay) throw new RiskpayError('MODEL_AS_OF_BEFORE_FIRST_INVOICE', { asOf: formatDay(asOf), first: formatDay(firstDay) });
  if (counts.late === 0 && counts.onTime === 0) {
    throw new RiskpayError('MODEL_NO_KNOWN_OUTCOMES', { asOf: formatDay(asOf), count: counts.unknown, lateAfter });
  }
}

/** Throws when a window has too few late or on-time invoices to learn from, naming what is missing. */
export function requireBothClasses(counts: { late: number; onTime: number }, lateAfter: number, from: number, to: number): void {
  const args = { late: counts.late, onTime: counts.onTime, needed: MIN_INVOICES_PER_CLASS, lateAfter, from: formatDay(from), to: formatDay(to) };
  if (counts.late === 0) throw new RiskpayError('MODEL_NO_LATE_INVOICES', args);
  if (counts.onTime === 0) throw new RiskpayError('MODEL_NO_ON_TIME_INVOICES', args);
  if (counts.late < MIN_INVOICES_PER_CLASS || counts.onTime < MIN_INVOICES_PER_CLASS) throw new RiskpayError('MODEL_TOO_FEW_INVOICES', args);
}

/** Picks model columns out of full rows. */
export function projectRows(rows: LabelledRows, names: readonly string[]): { X: { data: Float64Array; rows: number; cols: number }; names: string[] } {
  const position = new Map(rows.featureNames.map((name, i) => [name, i]));
  const columns = names.map((name) => position.get(name) as number);
  const width = columns.length;
  const data = new Float64Array(rows.X.rows * width);
  for (let r = 0; r < rows.X.rows; r += 1) {
    for (let c = 0; c < width; c += 1) data[r * width + c] = rows.X.data[r * rows.X.cols + columns[c]];
  }
  return { X: { data, rows: rows.X.rows, cols: width }, names: [...names] };
}

/** Trains the classifier on rows, on the chosen columns. */
export async function fitClassifier(rows: LabelledRows, names: readonly string[], options: ForestOptions): Promise<Forest> {
  const projected = projectRows(rows, names);
  return trainForest({ X: projected.X, y: rows.y, featureNames: projected.names }, options);
}

/**
 * Trains the days-late regressor on rows whose settlement is known, or returns null without any.
 * `options` may be a function of the number of settled rows, to size the forest for them.
 */
export async function fitRegressor(rows: LabelledRows, names: readonly string[], options: ForestOptions | ((settledRows: number) => ForestOptions)): Promise<Forest | null> {
  const settled: number[] = [];
  for (let r = 0; r < rows.X.rows; r += 1) if (Number.isFinite(rows.daysLate[r])) settled.push(r);
  if (settled.length < 2 * MIN_INVOICES_PER_CLASS) return null;
  const subset = selectRows(rows, settled);
  const projected = projectRows(subset, names);
  const y = subset.daysLate.map((days) => Math.min(Math.max(days, DAYS_LATE_RANGE[0]), DAYS_LATE_RANGE[1]));
  return trainForest({ X: projected.X, y, featureNames: projected.names }, typeof options === 'function' ? options(settled.length) : options);
}

/** Share of holdout payments that the widened payment-date interval should contain. */
const INTERVAL_COVERAGE = INTERVAL_QUANTILES[1] - INTERVAL_QUANTILES[0];

/**
 * Fits the payment-date interval widening by split conformal prediction: a regressor trained on the
 * rows before the holdout predicts the holdout, and the widening is the quantile of how far actual days
 * late fell outside the per-tree interval. Returns 0 without enough settled holdout rows.
 */
async function fitIntervalWidening(early: LabelledRows, holdout: LabelledRows, names: readonly string[], options: (settledRows: number) => ForestOptions): Promise<number> {
  const settled: number[] = [];
  for (let r = 0; r < holdout.X.rows; r += 1) if (Number.isFinite(holdout.daysLate[r])) settled.push(r);
  if (settled.length < 2 * MIN_INVOICES_PER_CLASS) return 0;
  const earlyRegressor = await fitRegressor(early, names, options);
  if (!earlyRegressor) return 0;

  const rows = selectRows(holdout, settled);
  const intervals = treeIntervals(earlyRegressor, projectRows(rows, names).X);
  const outside = Float64Array.from(intervals, (interval, i) => {
    const actual = Math.min(Math.max(rows.daysLate[i], DAYS_LATE_RANGE[0]), DAYS_LATE_RANGE[1]);
    return Math.max(interval.low - actual, actual - interval.high);
  }).sort();
  // The (n + 1)-corrected rank keeps the coverage guarantee of split conformal prediction.
  const rank = Math.min(Math.ceil(INTERVAL_COVERAGE * (outside.length + 1)) - 1, outside.length - 1);
  return Math.max(outside[rank], 0);
}

/** Returns the model columns for a ledger: every feature, or only the scale-free ones. */
export function modelColumns(extraColumns: readonly string[], scaleFreeOnly: boolean): string[] {
  return scaleFreeOnly ? scaleFreeFeatureNames() : featureNames(extraColumns);
}

/** Concatenates row sets with the same columns. */
export function concatRows(parts: LabelledRows[]): LabelledRows {
  const width = parts[0].X.cols;
  const total = parts.reduce((sum, part) => sum + part.X.rows, 0);
  const data = new Float64Array(total * width);
  let offset = 0;
  for (const part of parts) {
    data.set(part.X.data, offset * width);
    offset += part.X.rows;
  }
  const join = <T extends ArrayLike<number>>(make: (n: number) => T & { set(a: ArrayLike<number>, o: number): void }, pick: (part: LabelledRows) => ArrayLike<number>): T => {
    const out = make(total);
    let at = 0;
    for (const part of parts) {
      out.set(pick(part), at);
      at += part.X.rows;
    }
    return out;
  };
  return {
    X: { data, rows: total, cols: width },
    y: join((n) => new Float64Array(n), (part) => part.y),
    daysLate: join((n) => new Float64Array(n), (part) => part.daysLate),
    rowDays: join((n) => new Int32Array(n), (part) => part.rowDays),
    atIssue: join((n) => new Uint8Array(n), (part) => part.atIssue),
    labelKnownOn: join((n) => new Int32Array(n), (part) => part.labelKnownOn),
    settledOn: join((n) => new Float64Array(n), (part) => part.settledOn),
    invoiceIds: parts.flatMap((part) => part.invoiceIds),
    customerIds: parts.flatMap((part) => part.customerIds),
    featureNames: parts[0].featureNames,
    censored: parts.reduce((sum, part) => sum + part.censored, 0),
    plannedRows: parts.reduce((sum, part) => sum + part.plannedRows, 0),
  };
}

/** Appends a constant column to every row. */
function withConstantColumn(rows: LabelledRows, name: string, value: number): LabelledRows {
  const width = rows.X.cols + 1;
  const data = new Float64Array(rows.X.rows * width);
  for (let r = 0; r < rows.X.rows; r += 1) {
    data.set(rows.X.data.subarray(r * rows.X.cols, (r + 1) * rows.X.cols), r * width);
    data[r * width + width - 1] = value;
  }
  return { ...rows, X: { data, rows: rows.X.rows, cols: width }, featureNames: [...rows.featureNames, name] };
}

/**
 * Builds labelled rows for one ledger or several independent ones (each business of a simulation is
 * its own ledger, so shares of receivables stay within a business), optionally stacked per threshold.
 */
export function rowsFor(
  ledgers: readonly Ledger[],
  thresholds: readonly number[] | null,
  lateAfter: number,
  knownBefore: number,
  checkpoints: boolean,
  sample: { maxRows: number; seed: number },
  adjustment?: DelayAdjustment,
): LabelledRows {
  // One ledger at one threshold is sampled while planning, before features cost anything.
  if (ledgers.length === 1 && thresholds === null) {
    return buildLabelledRows(ledgers[0], { lateAfter, knownBefore, checkpoints, adjustment, ...sample });
  }
  const parts: LabelledRows[] = [];
  for (const ledger of ledgers) {
    if (thresholds === null) {
      parts.push(buildLabelledRows(ledger, { lateAfter, knownBefore, checkpoints, adjustment }));
      continue;
    }
    for (const threshold of thresholds) {
      parts.push(withConstantColumn(buildLabelledRows(ledger, { lateAfter: threshold, knownBefore, checkpoints, adjustment }), LATE_AFTER_FEATURE, threshold));
    }
  }
  return concatRows(parts);
}

/**
 * Fits Platt scaling to `predictions` (one per row, NaN where there is none) of the rows dated
 * `fromDay` or later, only issue-date rows when `issueOnly`. Returns null when those rows lack either
 * class.
 */
function fitPlattOn(rows: LabelledRows, predictions: Float64Array, fromDay: number, issueOnly: boolean): PlattCalibration | null {
  const labels: number[] = [];
  const votes: number[] = [];
  for (let r = 0; r < rows.X.rows; r += 1) {
    if (rows.rowDays[r] < fromDay || !Number.isFinite(predictions[r]) || (issueOnly && rows.atIssue[r] !== 1)) continue;
    labels.push(rows.y[r]);
    votes.push(predictions[r]);
  }
  const positives = labels.reduce((sum, label) => sum + label, 0);
  if (positives === 0 || positives === labels.length) return null;
  return fitPlatt(labels, votes);
}

/** Weights of the delay model's late probability that training tries on the holdout. */
export const TAIL_WEIGHTS = [0, 0.25, 0.5, 0.75] as const;

/** Returns `risks` blended with the rows' delay-model late probability at `weight`, as ForestRiskModel does. */
function blendTail(rows: LabelledRows, risks: Float64Array, weight: number): Float64Array {
  const column = rows.featureNames.indexOf(ADJUSTED_PROBABILITY_FEATURE);
  if (column < 0 || weight === 0) return risks;
  return risks.map((risk, r) => {
    return blendTailRisk(risk, rows.X.data[r * rows.X.cols + column], weight);
  });
}

/**
 * Returns the weight of the delay model's late probability: `choice` itself when it is a number, else
 * the weight of TAIL_WEIGHTS with the lowest Brier score on the holdout rows. Only issue-date rows
 * count when `issueOnly`, and ties go to the smaller weight. Returns 0 when rows lack the column.
 */
function chooseTailWeight(holdout: LabelledRows, calibrated: Float64Array, choice: 'holdout' | number, issueOnly: boolean): number {
  if (typeof choice === 'number') return choice;
  if (!holdout.featureNames.includes(ADJUSTED_PROBABILITY_FEATURE)) return 0;

  let best = 0;
  let bestBrier = Infinity;
  for (const weight of TAIL_WEIGHTS) {
    const risks = blendTail(holdout, calibrated, weight);
    let sum = 0;
    let count = 0;
    for (let r = 0; r < holdout.X.rows; r += 1) {
      if (issueOnly && holdout.atIssue[r] !== 1) continue;
      sum += (risks[r] - holdout.y[r]) ** 2;
      count += 1;
    }
    const brier = count > 0 ? sum / count : Infinity;
    if (brier < bestBrier - 1e-12) {
      best = weight;
      bestBrier = brier;
    }
  }
  return best;
}

/** Returns the day that starts the holdout: the row day at the (1 - HOLDOUT_SHARE) quantile. */
export function holdoutStart(rows: LabelledRows): number {
  const days = Int32Array.from(rows.rowDays).sort();
  return days[Math.min(Math.floor(days.length * (1 - HOLDOUT_SHARE)), days.length - 1)];
}

/**
 * Trains a late-payment model on a ledger as known on `asOf`, with a time-ordered holdout for metrics,
 * then refits on all rows and calibrates (TrainOptions.calibration). Throws RiskpayError when
 * `asOf` is before the first invoice, or the window has no or too few late or on-time invoices.
 */
export async function trainModel(
  source: Ledger | Ledger[],
  options: TrainOptions = {},
): Promise<{ model: ForestRiskModel; report: TrainReport; holdoutRows: LabelledRows }> {
  const ledgers = Array.isArray(source) ? source : [source];
  if (ledgers.every((one) => one.invoices.length === 0)) throw new RiskpayError('MODEL_NO_INVOICES');
  const ledger: Ledger = ledgers.length === 1 ? ledgers[0] : { invoices: ledgers.flatMap((one) => one.invoices), extraColumns: ledgers[0].extraColumns };
  const thresholds = options.lateAfterValues ?? null;
  const asOf = options.asOf ?? lastFactDay(ledger);
  const lateAfter = options.lateAfter ?? DEFAULT_LATE_AFTER_DAYS;
  const seed = options.seed ?? 1;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const findings: Finding[] = [];
  const extraColumns = options.scaleFreeOnly ? [] : ledger.extraColumns;
  const names = options.columns ?? [...modelColumns(extraColumns, options.scaleFreeOnly ?? false), ...(thresholds ? [LATE_AFTER_FEATURE] : [])];
  const checkpoints = options.checkpoints ?? true;
  let firstDay = Infinity;
  for (const invoice of ledger.invoices) firstDay = Math.min(firstDay, invoice.issueDate);
  // The extra columns' effect is fitted on every invoice settled by `asOf`. The holdout rows below share
  // it, because rows are replayed once before the split day is known. It is one number per column.
  const adjustment = extraColumns.length > 0 ? fitDelayAdjustment(ledger, asOf + 1, lateAfter) : undefined;
  // Rows are planned, sampled and only then replayed, once: the rows before the holdout are a subset.
  let all = rowsFor(ledgers, thresholds, lateAfter, asOf + 1, checkpoints, { maxRows, seed }, adjustment);
  const invoiceCounts = countInvoices(all);
  requireKnownHistory({ ...invoiceCounts, unknown: all.censored }, lateAfter, firstDay, asOf);
  requireBothClasses(invoiceCounts, lateAfter, firstDay, asOf);

  findings.push(...outcomeLeakFindings(all, extraColumns, MIN_INVOICES_PER_CLASS, options.extraOption));

  let subsampledFrom: number | undefined;
  if (all.X.rows > maxRows) all = selectRows(all, sampleIndices(all.X.rows, maxRows, seed));
  if (all.plannedRows > all.X.rows) {
    subsampledFrom = all.plannedRows;
    findings.push(finding('MODEL_ROWS_SUBSAMPLED', 'info', { rows: all.X.rows, from: subsampledFrom }));
  }

  // The first fit sees only what was known before the holdout starts, so holdout labels never leak.
  const splitDay = holdoutStart(all);
  const holdoutIndices: number[] = [];
  for (let r = 0; r < all.X.rows; r += 1) if (all.rowDays[r] >= splitDay) holdoutIndices.push(r);
  const holdout = selectRows(all, holdoutIndices);
  const early = rowsKnownBefore(all, splitDay);
  const earlyCounts = countInvoices(early);
  const holdoutPositives = holdout.y.reduce((sum, label) => sum + label, 0);

  const perTree = options.rowsPerTree ?? { classifier: CLASSIFIER_ROWS_PER_TREE, regressor: REGRESSOR_ROWS_PER_TREE };
  const classifierFor = (rows: number): ForestOptions =>
    sizedOptions({ ...CLASSIFIER_OPTIONS, seed, threads: options.threads }, rows, perTree.classifier, options.classifier, all.plannedRows);
  const regressorFor = (rows: number): ForestOptions =>
    sizedOptions({ ...REGRESSOR_OPTIONS, seed: seed + 1, threads: options.threads }, rows, perTree.regressor, options.regressor || {});

  const issueOnly = options.calibrateOnIssueRows ?? true;
  let calibration: PlattCalibration = { kind: 'platt', a: 1, b: 0 };
  let holdoutMetrics: ClassifierMetrics | null = null;
  // Without a usable holdout a fixed weight is still honoured, and 'holdout' leaves the forest alone.
  let tailWeight = typeof options.tailWeight === 'number' ? options.tailWeight : 0;
  if (earlyCounts.late > 0 && earlyCounts.onTime > 0 && holdoutPositives > 0 && holdoutPositives < holdout.X.rows) {
    const first = await fitClassifier(early, names, classifierFor(early.X.rows));
    const raw = first.predict(projectRows(holdout, names).X);
    calibration = fitPlattOn(holdout, raw, 0, issueOnly) ?? fitPlatt(holdout.y, raw);
    const fitted = calibration;
    const calibrated = raw.map((value) => applyCalibration(fitted, value));
    tailWeight = chooseTailWeight(holdout, calibrated, options.tailWeight ?? 'holdout', issueOnly);
    holdoutMetrics = classifierMetrics(holdout.y, blendTail(holdout, calibrated, tailWeight));
  } else {
    findings.push(finding('MODEL_HOLDOUT_ONE_CLASS', 'warning', { from: formatDay(splitDay), rows: holdout.X.rows, late: holdoutPositives }));
  }

  const classifier = await fitClassifier(all, names, classifierFor(all.X.rows));
  // The out-of-bag votes come from the final forest itself, so the curve fits the forest that scores.
  // The first fit above learned from fewer rows, so its votes are spread differently.
  const calibrationSource = options.calibration ?? 'oob-holdout';
  if (calibrationSource !== 'holdout' && classifier.oobPredictions) {
    calibration = fitPlattOn(all, classifier.oobPredictions, calibrationSource === 'oob' ? -Infinity : splitDay, issueOnly) ?? calibration;
  }
  const regressor = options.regressor === false ? null : await fitRegressor(all, names, regressorFor);
  const intervalWidening = regressor ? await fitIntervalWidening(early, holdout, names, regressorFor) : 0;
  const positives = all.y.reduce((sum, label) => sum + label, 0);

  const meta: ModelMeta = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    origin: options.origin ?? 'user',
    featureNames: names,
    label: { lateAfterDays: lateAfter },
    trainingWindow: { from: formatDay(firstDay), to: formatDay(asOf) },
    rows: { train: early.X.rows, holdout: holdout.X.rows, positives, ...(subsampledFrom !== undefined ? { subsampledFrom } : {}) },
    holdout: holdoutMetrics,
    extraColumns: [...extraColumns],
    ...(adjustment ? { delayAdjustment: adjustment } : {}),
    seed,
  };
  const model = new ForestRiskModel({ meta, classifier, calibration, regressor, intervalWidening, tailWeight: adjustment ? tailWeight : 0 });
  const importance = classifier.featureImportance();
  const topFeatures = names
    .map((feature, i) => ({ feature, importance: importance[i] }))
    .sort((a, b) => b.importance - a.importance)
    .slice(0, 10);

  return {
    model,
    report: {
      asOf: formatDay(asOf),
      lateAfterDays: lateAfter,
      rows: meta.rows,
      invoices: { ...invoiceCounts, censored: all.censored },
      holdout: holdoutMetrics,
      holdoutFrom: formatDay(splitDay),
      calibration,
      topFeatures,
      findings,
    },
    // The holdout rows let a caller compare another model on exactly the same rows.
    holdoutRows: holdout,
  };
}
