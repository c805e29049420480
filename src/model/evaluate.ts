// Time-split evaluation: train on what was known before a cutoff, test on invoices issued on or after
// it with features as of each invoice's issue date. Returns figures for the model, naive rules and the
// bundled model on the same rows, a rolling-origin backtest and the payment-date accuracy.

import { formatDay } from '../dates.js';
import type { DelayAdjustment } from '../features/delay-adjustment.js';
import { buildLabelledRows, withoutExtraColumns, type LabelledRows } from '../features/training-rows.js';
import { RiskpayError, type Finding } from '../findings.js';
import type { Ledger } from '../ingest/ledger.js';
import { DEFAULT_GRADE_CUTS } from '../scoring/grades.js';
import { EXTRA_COLUMN_LEAK } from './leak-check.js';
import { liftTopGroups, classifierMetrics, precisionRecallAt, reliabilityTable, type ClassifierMetrics, type ReliabilityBin } from './metrics.js';
import { ForestRiskModel } from './risk-model.js';
import { lastFactDay, trainModel, type TrainOptions } from './train.js';
import type { RiskModel } from './types.js';

/** Probability at which scoring gives grade D with the default grade cuts. */
export const GRADE_D_CUT = DEFAULT_GRADE_CUTS.D;

/** Days between the origins of the rolling backtest, and how many origins it uses. */
export const BACKTEST_STEP_DAYS = 91;
export const BACKTEST_ORIGINS = 4;

export interface EvaluateOptions {
  cutoff: number;
  lateAfter: number;
  seed?: number;
  /** Bundled model to score on the same test rows, when given. */
  bundled?: RiskModel | null;
  /** Run the rolling-origin backtest; default true. */
  backtest?: boolean;
  /** Forest overrides passed to training (tests use fewer trees). */
  train?: Pick<TrainOptions, 'classifier' | 'regressor' | 'threads' | 'maxRows' | 'checkpoints' | 'columns' | 'calibration' | 'calibrateOnIssueRows'>;
  /** Source of the extra columns that the leak warning names, such as `RISKPAY_EXTRA`, and `--extra` by default. */
  extraOption?: string;
}

export interface ScorerResult {
  name: 'model' | 'bundled' | 'mean_days_late' | 'last_invoice_late' | 'always_on_time';
  metrics: ClassifierMetrics;
  reliability: ReliabilityBin[];
  atGradeD: { cut: number; precision: number | null; recall: number | null; flagged: number };
  /** Late share among the invoices of the top 10% of debtors by their highest score, over the overall late share. */
  liftTop10Debtors: number | null;
}

export interface PaymentDateResult {
  name: 'model' | 'usual_delay';
  rows: number;
  within3Days: number;
  within7Days: number;
  meanAbsoluteDays: number;
  /** Share of actual payments inside the predicted 80% interval (model only). */
  intervalCoverage?: number;
}

export interface BacktestFold {
  cutoff: string;
  testUntil: string;
  rows: number;
  positives: number;
  modelAuc: number;
  meanDaysLateAuc: number;
}

export interface EvaluationResult {
  cutoff: string;
  lateAfterDays: number;
  extraColumns: string[];
  trainRows: number;
  testRows: number;
  testPositives: number;
  scorers: ScorerResult[];
  paymentDate: PaymentDateResult[];
  backtest: { folds: BacktestFold[]; meanAuc: number; stdAuc: number; meanNaiveAuc: number } | null;
  /** Warnings from training before the cutoff, such as an extra column that gives the outcome away. */
  findings: Finding[];
}

/** Builds the test rows: invoices issued in [from, to] with a known outcome, at their issue date. */
export function testRows(ledger: Ledger, lateAfter: number, from: number, to = Infinity, adjustment?: DelayAdjustment): LabelledRows {
  return buildLabelledRows(ledger, { lateAfter, knownBefore: lastFactDay(ledger) + 1, issuedFrom: from, issuedTo: to, checkpoints: false, adjustment });
}

function column(rows: LabelledRows, name: string): Float64Array {
  const index = rows.featureNames.indexOf(name);
  return Float64Array.from({ length: rows.X.rows }, (_, r) => rows.X.data[r * rows.X.cols + index]);
}

/** Fits p = sigmoid(a * score + b) on training rows, so naive rules get probabilities too. */
function fitScoreCalibration(labels: ArrayLike<number>, scores: ArrayLike<number>): (score: number) => number {
  // Standardize first, so Newton steps behave whatever the score's unit.
  let mean = 0;
  for (let i = 0; i < scores.length; i += 1) mean += scores[i];
  mean /= Math.max(scores.length, 1);
  let variance = 0;
  for (let i = 0; i < scores.length; i += 1) variance += (scores[i] - mean) ** 2;
  const scale = Math.sqrt(variance / Math.max(scores.length, 1)) || 1;
  let a = 0;
  let b = 0;
  for (let iteration = 0; iteration < 50; iteration += 1) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-9;
    let hAB = 0;
    let hBB = 1e-9;
    for (let i = 0; i < labels.length; i += 1) {
      const x = (scores[i] - mean) / scale;
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      const w = p * (1 - p);
      gA += (p - labels[i]) * x;
      gB += p - labels[i];
      hAA += w * x * x;
      hAB += w * x;
      hBB += w;
    }
    const det = hAA * hBB - hAB * hAB;
    if (!(Math.abs(det) > 1e-12)) break;
    a -= (hBB * gA - hAB * gB) / det;
    b -= (hAA * gB - hAB * gA) / det;
  }
  return (score) => 1 / (1 + Math.exp(-(a * ((score - mean) / scale) + b)));
}

function scorerResult(name: ScorerResult['name'], rows: LabelledRows, probabilities: Float64Array): ScorerResult {
  const atCut = precisionRecallAt(rows.y, probabilities, GRADE_D_CUT);
  return {
    name,
    metrics: classifierMetrics(rows.y, probabilities),
    reliability: reliabilityTable(rows.y, probabilities),
    atGradeD: { cut: GRADE_D_CUT, ...atCut },
    liftTop10Debtors: liftTopGroups(rows.y, probabilities, rows.customerIds, 0.1),
  };
}

/** Computes the naive rules' raw scores on rows. */
function naiveScores(rows: LabelledRows, lateAfter: number): { meanDaysLate: Float64Array; lastLate: Float64Array } {
  const mean = column(rows, 'mean_days_late');
  const hasHistory = column(rows, 'has_history');
  const last = column(rows, 'last_days_late');
  return {
    // A debtor without history counts as paying on the due date, instead of the feature's sentinel.
    meanDaysLate: mean.map((days, r) => (hasHistory[r] === 0 ? 0 : days)),
    // A debtor without history scores halfway between "last late" and "last on time".
    lastLate: last.map((days, r) => (hasHistory[r] === 0 ? 0.5 : days > lateAfter ? 1 : 0)),
  };
}

function paymentDateResult(name: PaymentDateResult['name'], actual: number[], predicted: number[]): PaymentDateResult {
  let within3 = 0;
  let within7 = 0;
  let absolute = 0;
  actual.forEach((days, i) => {
    const error = Math.abs(Math.round(predicted[i]) - days);
    within3 += error <= 3 ? 1 : 0;
    within7 += error <= 7 ? 1 : 0;
    absolute += error;
  });
  const n = Math.max(actual.length, 1);
  return { name, rows: actual.length, within3Days: within3 / n, within7Days: within7 / n, meanAbsoluteDays: absolute / n };
}

/** Trains before `cutoff` and returns the trained model with its test rows in [cutoff, until]. */
async function trainAndTest(
  ledger: Ledger,
  cutoff: number,
  until: number,
  options: EvaluateOptions,
): Promise<{ model: ForestRiskModel; rows: LabelledRows; trainRows: number; findings: Finding[] }> {
  const { model, report } = await trainModel(ledger, { asOf: cutoff - 1, lateAfter: options.lateAfter, seed: options.seed ?? 1, extraOption: options.extraOption, ...options.train });
  // Test rows read the extra columns' effect that the model was trained with, fitted before the cutoff.
  const rows = testRows(ledger, options.lateAfter, cutoff, until, model.meta.delayAdjustment);
  // Only the leak warning is passed on: the other training findings are about training's own sample
  // and holdout, which evaluate does not report.
  const findings = report.findings.filter((item) => item.code === EXTRA_COLUMN_LEAK);
  return { model, rows, trainRows: report.rows.train + report.rows.holdout, findings };
}

/** Training errors about the history before the cutoff, and the codes that name --cutoff instead of --as-of. */
const CUTOFF_ERROR_CODES: Record<string, string> = {
  MODEL_AS_OF_BEFORE_FIRST_INVOICE: 'MODEL_EVALUATE_CUTOFF_BEFORE_FIRST_INVOICE',
  MODEL_NO_KNOWN_OUTCOMES: 'MODEL_EVALUATE_NO_KNOWN_OUTCOMES',
  MODEL_NO_LATE_INVOICES: 'MODEL_EVALUATE_NO_LATE_INVOICES',
  MODEL_NO_ON_TIME_INVOICES: 'MODEL_EVALUATE_NO_ON_TIME_INVOICES',
  MODEL_TOO_FEW_INVOICES: 'MODEL_EVALUATE_TOO_FEW_INVOICES',
};

/** Evaluates on a time split. Throws RiskpayError when the training window cannot learn. */
export async function evaluate(ledger: Ledger, options: EvaluateOptions): Promise<EvaluationResult> {
  const { cutoff, lateAfter } = options;
  let trained: Awaited<ReturnType<typeof trainAndTest>>;
  try {
    trained = await trainAndTest(ledger, cutoff, Infinity, options);
  } catch (error) {
    const code = error instanceof RiskpayError ? CUTOFF_ERROR_CODES[error.finding.code] : undefined;
    if (code === undefined) throw error;
    throw new RiskpayError(code, { ...(error as RiskpayError).finding.args, cutoff: formatDay(cutoff) });
  }
  const { model, rows, trainRows, findings } = trained;
  if (rows.X.rows === 0) throw new RiskpayError('MODEL_EVALUATE_NO_TEST_INVOICES', { cutoff: formatDay(cutoff), last: formatDay(lastFactDay(ledger)) });
  const training = buildLabelledRows(ledger, { lateAfter, knownBefore: cutoff, checkpoints: false });

  const scorers: ScorerResult[] = [];
  scorers.push(scorerResult('model', rows, model.predictLate(rows.X)));
  // The bundled model reads the lateness threshold as an input, so it is bound to this evaluation's.
  const bundled = options.bundled instanceof ForestRiskModel && options.bundled.acceptsAnyLateAfter ? options.bundled.withLateAfter(lateAfter) : options.bundled;
  if (bundled) scorers.push(scorerResult('bundled', rows, bundled.predictLate(withoutExtraColumns(rows).X)));

  const trainNaive = naiveScores(training, lateAfter);
  const testNaive = naiveScores(rows, lateAfter);
  const meanRule = fitScoreCalibration(training.y, trainNaive.meanDaysLate);
  const lastRule = fitScoreCalibration(training.y, trainNaive.lastLate);
  const baseRate = training.y.reduce((sum, label) => sum + label, 0) / Math.max(training.y.length, 1);
  scorers.push(scorerResult('mean_days_late', rows, testNaive.meanDaysLate.map(meanRule)));
  scorers.push(scorerResult('last_invoice_late', rows, testNaive.lastLate.map(lastRule)));
  // "Always on time" predicts the training base rate for everyone: it ranks nobody above anybody.
  scorers.push(scorerResult('always_on_time', rows, new Float64Array(rows.X.rows).fill(baseRate)));

  const settled: number[] = [];
  for (let r = 0; r < rows.X.rows; r += 1) if (Number.isFinite(rows.daysLate[r])) settled.push(r);
  const paymentDate: PaymentDateResult[] = [];
  if (model.regressor && settled.length > 0) {
    const predictions = model.predictDaysLate(rows.X);
    const medians = column(rows, 'median_days_late');
    const hasHistory = column(rows, 'has_history');
    const actual = settled.map((r) => rows.daysLate[r]);
    const inside = settled.filter((r) => rows.daysLate[r] >= Math.floor(predictions[r].low) && rows.daysLate[r] <= Math.ceil(predictions[r].high)).length;
    paymentDate.push({ ...paymentDateResult('model', actual, settled.map((r) => predictions[r].days)), intervalCoverage: inside / settled.length });
    paymentDate.push(paymentDateResult('usual_delay', actual, settled.map((r) => (hasHistory[r] === 1 ? medians[r] : 0))));
  }

  return {
    cutoff: formatDay(cutoff),
    lateAfterDays: lateAfter,
    extraColumns: [...ledger.extraColumns],
    trainRows,
    testRows: rows.X.rows,
    testPositives: rows.y.reduce((sum, label) => sum + label, 0),
    scorers,
    paymentDate,
    backtest: options.backtest === false ? null : await backtest(ledger, options),
    findings,
  };
}

/**
 * Rolling-origin backtest: origins every BACKTEST_STEP_DAYS from the cutoff, each tested on the next
 * BACKTEST_STEP_DAYS. Origins whose test window lacks either class are skipped.
 */
async function backtest(ledger: Ledger, options: EvaluateOptions): Promise<EvaluationResult['backtest']> {
  const last = lastFactDay(ledger);
  const folds: BacktestFold[] = [];
  for (let k = 0; k < BACKTEST_ORIGINS; k += 1) {
    const origin = options.cutoff + k * BACKTEST_STEP_DAYS;
    const until = origin + BACKTEST_STEP_DAYS - 1;
    if (origin > last) break;
    const window = testRows(ledger, options.lateAfter, origin, until);
    const positives = window.y.reduce((sum, label) => sum + label, 0);
    if (positives === 0 || positives === window.X.rows) continue;
    // The same window again, now with the extra columns' effect fitted before this origin.
    const { model, rows } = await trainAndTest(ledger, origin, until, { ...options, backtest: false });
    const naive = naiveScores(rows, options.lateAfter);
    folds.push({
      cutoff: formatDay(origin),
      testUntil: formatDay(Math.min(until, last)),
      rows: rows.X.rows,
      positives,
      modelAuc: classifierMetrics(rows.y, model.predictLate(rows.X)).auc,
      meanDaysLateAuc: classifierMetrics(rows.y, naive.meanDaysLate).auc,
    });
  }
  if (folds.length === 0) return null;
  const aucs = folds.map((fold) => fold.modelAuc);
  const mean = aucs.reduce((sum, value) => sum + value, 0) / aucs.length;
  const std = Math.sqrt(aucs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / aucs.length);
  const meanNaive = folds.reduce((sum, fold) => sum + fold.meanDaysLateAuc, 0) / folds.length;
  return { folds, meanAuc: mean, stdAuc: std, meanNaiveAuc: meanNaive };
}
