// The quality gate that picks the model for a ledger. A model file given by the user wins. Otherwise a
// model trained on the user's own history is used when it has enough late and on-time invoices and
// beats the bundled model on the same time-ordered holdout. In every other case the bundled model scores.

import { formatDay } from '../dates.js';
import { withoutExtraColumns, type LabelledRows } from '../features/training-rows.js';
import { RiskpayError, type Finding } from '../findings.js';
import type { Ledger } from '../ingest/ledger.js';
import type { ModelChoice } from '../scoring/types.js';
import { EXTRA_COLUMN_LEAK } from './leak-check.js';
import { auc } from './metrics.js';
import { loadBundledModel, loadModel } from './model-file.js';
import type { ForestRiskModel } from './risk-model.js';
import { DEFAULT_LATE_AFTER_DAYS, MIN_INVOICES_PER_CLASS, trainModel, type TrainOptions } from './train.js';

/**
 * Maximum training rows and rows per tree when score trains on the user's history. Score trains on
 * every run, so on a large ledger it trains on a sample, and the choice reason then names the sample.
 */
export const SCORE_TRAIN_MAX_ROWS = 50_000;
export const SCORE_ROWS_PER_TREE = { classifier: 25_000, regressor: 10_000 };

export interface ChooseOptions {
  /** Scoring day: training sees only facts dated on or before it. */
  asOf: number;
  modelPath?: string;
  lateAfter?: number;
  seed?: number;
  /** Forest overrides for the user model (tests use fewer trees). */
  train?: Pick<TrainOptions, 'classifier' | 'regressor' | 'threads' | 'maxRows' | 'rowsPerTree'>;
  /** Replaces the bundled model (tests). */
  bundled?: ForestRiskModel | null;
  /** Source of the extra columns that the leak warning names, such as `RISKPAY_EXTRA`, and `--extra` by default. */
  extraOption?: string;
  /** Gives the model of `modelPath` when another thread has loaded it already (see ModelThread.preload). */
  preloaded?: () => Promise<ForestRiskModel>;
}

/**
 * Returns the model of a file, from `preloaded` when another thread loaded it. A RiskpayError from that
 * load is the file's own error and is thrown. Any other failure means the thread failed, not the file, so
 * this thread loads the file itself.
 */
async function loadModelFile(path: string, preloaded: (() => Promise<ForestRiskModel>) | undefined): Promise<ForestRiskModel> {
  if (preloaded === undefined) return loadModel(path);
  try {
    return await preloaded();
  } catch (error) {
    if (error instanceof RiskpayError) throw error;
    return loadModel(path);
  }
}

/** Returns the bundled model for the threshold, or null when it cannot serve it or is missing. */
function bundledFor(options: ChooseOptions, lateAfter: number): ForestRiskModel | null {
  try {
    const bundled = options.bundled === undefined ? loadBundledModel() : options.bundled;
    if (!bundled) return null;
    if (bundled.acceptsAnyLateAfter) return bundled.withLateAfter(lateAfter);
    // A model trained for one threshold serves only that threshold.
    if (bundled.meta.label.lateAfterDays === lateAfter) return bundled;
    return null;
  } catch (error) {
    if (error instanceof RiskpayError) return null;
    throw error;
  }
}

/**
 * Chooses the model for a ledger and returns it with the reason for the choice. The findings are the
 * training warnings that scoring should show, about extra columns that give the outcome away. Throws
 * RiskpayError only for a bad --model file.
 */
export async function chooseModel(ledger: Ledger, options: ChooseOptions): Promise<{ model: ForestRiskModel; choice: ModelChoice; findings: Finding[] }> {
  const lateAfter = options.lateAfter ?? DEFAULT_LATE_AFTER_DAYS;

  if (options.modelPath) {
    const loaded = await loadModelFile(options.modelPath, options.preloaded);
    // A threshold the user gave must match the file's: withLateAfter throws MODEL_LATE_AFTER_MISMATCH.
    // Without one, a single-threshold model keeps its own.
    const requested = loaded.acceptsAnyLateAfter ? lateAfter : options.lateAfter;
    const model = requested === undefined ? loaded : loaded.withLateAfter(requested);
    return {
      model,
      choice: { source: 'file', path: options.modelPath, reason: { code: 'MODEL_CHOICE_FILE', args: { path: options.modelPath, lateAfter: model.meta.label.lateAfterDays } }, holdoutAuc: model.meta.holdout?.auc },
      findings: [],
    };
  }

  const bundled = bundledFor(options, lateAfter);
  let trained: Awaited<ReturnType<typeof trainModel>>;
  try {
    trained = await trainModel(ledger, {
      asOf: options.asOf,
      lateAfter,
      seed: options.seed ?? 1,
      maxRows: SCORE_TRAIN_MAX_ROWS,
      rowsPerTree: SCORE_ROWS_PER_TREE,
      extraOption: options.extraOption,
      ...options.train,
    });
  } catch (error) {
    if (!(error instanceof RiskpayError) || !error.finding.code.startsWith('MODEL_')) throw error;
    if (!bundled) throw error;
    return { model: bundled, choice: { source: 'bundled', reason: cannotTrainReason(error, options.asOf) }, findings: [] };
  }

  const { model, report, holdoutRows } = trained;
  // The other training findings are already in the choice reason (a sample, a holdout of one class).
  const findings = report.findings.filter((item) => item.code === EXTRA_COLUMN_LEAK);
  // After a sampled training the reason code ends in _SAMPLED and its args hold the row counts.
  const subsampled = report.findings.find((item) => item.code === 'MODEL_ROWS_SUBSAMPLED');
  const sampled: { suffix: string; args: Record<string, number> } = subsampled
    ? { suffix: '_SAMPLED', args: { sampled: Number(subsampled.args.rows), of: Number(subsampled.args.from) } }
    : { suffix: '', args: {} };
  if (!bundled) {
    const args = { auc: report.holdout?.auc ?? 'n/a', ...sampled.args };
    return { model, choice: { source: 'trained', reason: { code: `MODEL_CHOICE_TRAINED_NO_BUNDLED${sampled.suffix}`, args }, holdoutAuc: report.holdout?.auc }, findings };
  }
  if (!report.holdout || !Number.isFinite(report.holdout.auc)) {
    return { model: bundled, choice: { source: 'bundled', reason: { code: 'MODEL_CHOICE_BUNDLED_NO_HOLDOUT', args: { from: report.holdoutFrom } } }, findings };
  }

  // Same holdout rows for both models: the rows training held out, dated on or after the holdout start.
  const holdout = withoutExtraColumns(holdoutRows);
  const bundledAuc = auc(holdout.y, bundled.predictLate(holdout.X));
  const userAuc = report.holdout.auc;
  const args = { auc: round(userAuc), bundledAuc: round(bundledAuc), rows: report.holdout.rows, from: report.holdoutFrom, ...sampled.args };

  if (userAuc > bundledAuc || !Number.isFinite(bundledAuc)) {
    return { model, choice: { source: 'trained', reason: { code: `MODEL_CHOICE_TRAINED${sampled.suffix}`, args }, holdoutAuc: userAuc }, findings };
  }
  return { model: bundled, choice: { source: 'bundled', reason: { code: `MODEL_CHOICE_BUNDLED_BETTER${sampled.suffix}`, args }, holdoutAuc: bundledAuc }, findings };
}

/**
 * Returns the reason for falling back to the bundled model after training failed with `error`: no
 * invoice by the scoring day, no invoice with a known outcome yet, or too few of a class. The
 * training error's code is kept in the `cause` argument.
 */
function cannotTrainReason(error: RiskpayError, asOf: number): ModelChoice['reason'] {
  const cause = error.finding.code;
  if (cause === 'MODEL_NO_INVOICES' || cause === 'MODEL_AS_OF_BEFORE_FIRST_INVOICE') {
    return { code: 'MODEL_CHOICE_BUNDLED_NO_HISTORY', args: { asOf: formatDay(asOf), cause } };
  }
  if (cause === 'MODEL_NO_KNOWN_OUTCOMES') return { code: 'MODEL_CHOICE_BUNDLED_NO_OUTCOMES', args: { ...error.finding.args, cause } };
  return { code: 'MODEL_CHOICE_BUNDLED_CANNOT_TRAIN', args: { late: 0, onTime: 0, needed: MIN_INVOICES_PER_CLASS, ...error.finding.args, cause } };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
