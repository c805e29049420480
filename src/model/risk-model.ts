// The RiskModel implementation: a classification forest with Platt calibration and an optional
// days-late regression forest. Callers pass rows in `featureNames(meta.extraColumns)` order (what
// invoiceFeatureRow returns); a model that reads fewer columns, like the bundled scale-free model,
// picks its own columns from them.

import { ADJUSTED_PROBABILITY_FEATURE, featureNames } from '../features/catalog.js';
import { RiskpayError } from '../findings.js';
import type { Contributions, Forest, Matrix } from '../forest/index.js';
import { applyCalibration, type PlattCalibration } from './calibration.js';
import type { ModelMeta, PaymentDatePrediction, RiskModel } from './types.js';

/**
 * Model column that carries the lateness threshold itself. The bundled model is trained on several
 * thresholds stacked, so one file serves any `--late-after`; its value comes from meta.label.
 */
export const LATE_AFTER_FEATURE = 'label_late_after_days';

/** Quantiles of the per-tree predictions that bound the payment-date interval (an 80% spread). */
export const INTERVAL_QUANTILES = [0.1, 0.9] as const;

export interface ModelParts {
  meta: ModelMeta;
  classifier: Forest;
  calibration: PlattCalibration;
  regressor: Forest | null;
  /**
   * Days added on both sides of the per-tree interval, so that about 80% of holdout payments fell
   * inside it (split conformal widening); 0 when not fitted.
   */
  intervalWidening?: number;
  /**
   * Weight of the delay model's late probability (the extra_adjusted_late_prob input) in the risk,
   * against 1 minus it for the calibrated forest; 0 or absent means the forest alone.
   */
  tailWeight?: number;
}

/**
 * Returns the risk that mixes a calibrated forest risk with the delay model's late probability at
 * `weight`. A negative late probability is the no-history encoding, so the forest risk is returned as is.
 */
export function blendTailRisk(forestRisk: number, tail: number, weight: number): number {
  if (!(tail >= 0)) return forestRisk;
  return (1 - weight) * forestRisk + weight * tail;
}

export class ForestRiskModel implements RiskModel {
  readonly meta: ModelMeta;
  readonly classifier: Forest;
  readonly calibration: PlattCalibration;
  readonly regressor: Forest | null;
  readonly intervalWidening: number;
  readonly tailWeight: number;
  /** Input index of the delay model's late probability, or -1 when the blend is off. */
  readonly tailColumn: number;
  /** Names of the columns callers pass, in order. */
  readonly inputNames: string[];
  /** For each model column, its index in the input row. */
  private readonly columns: Int32Array;

  constructor(parts: ModelParts) {
    this.meta = parts.meta;
    this.classifier = parts.classifier;
    this.calibration = parts.calibration;
    this.regressor = parts.regressor;
    this.intervalWidening = parts.intervalWidening ?? 0;
    this.inputNames = featureNames(parts.meta.extraColumns);
    this.tailWeight = parts.tailWeight ?? 0;
    this.tailColumn = this.tailWeight > 0 ? this.inputNames.indexOf(ADJUSTED_PROBABILITY_FEATURE) : -1;
    const position = new Map(this.inputNames.map((name, i) => [name, i]));
    this.columns = Int32Array.from(parts.meta.featureNames, (name) => {
      // -1 marks the lateness-threshold column, filled from the label definition.
      if (name === LATE_AFTER_FEATURE) return -1;
      const index = position.get(name);
      if (index === undefined) throw new RiskpayError('MODEL_FEATURE_UNKNOWN', { feature: name });
      return index;
    });
  }

  /** True when the model reads the lateness threshold as an input, so any threshold can be bound. */
  get acceptsAnyLateAfter(): boolean {
    return this.meta.featureNames.includes(LATE_AFTER_FEATURE);
  }

  /** Returns this model for another lateness threshold; only models with the threshold input accept one. */
  withLateAfter(lateAfterDays: number): ForestRiskModel {
    if (lateAfterDays === this.meta.label.lateAfterDays) return this;
    if (!this.acceptsAnyLateAfter) {
      throw new RiskpayError('MODEL_LATE_AFTER_MISMATCH', { model: this.meta.label.lateAfterDays, requested: lateAfterDays });
    }
    return new ForestRiskModel({
      meta: { ...this.meta, label: { lateAfterDays } },
      classifier: this.classifier,
      calibration: this.calibration,
      regressor: this.regressor,
      intervalWidening: this.intervalWidening,
      tailWeight: this.tailWeight,
    });
  }

  /** Picks the model's columns out of full input rows. */
  project(rows: Matrix): Matrix {
    if (rows.cols !== this.inputNames.length) {
      throw new RiskpayError('MODEL_ROW_WIDTH', { expected: this.inputNames.length, actual: rows.cols });
    }
    const width = this.columns.length;
    const data = new Float64Array(rows.rows * width);
    const lateAfter = this.meta.label.lateAfterDays;
    for (let r = 0; r < rows.rows; r += 1) {
      const from = r * rows.cols;
      for (let c = 0; c < width; c += 1) {
        const index = this.columns[c];
        data[r * width + c] = index < 0 ? lateAfter : rows.data[from + index];
      }
    }
    return { data, rows: rows.rows, cols: width };
  }

  private projectRow(row: ArrayLike<number>): Float64Array {
    return this.project({ data: Float64Array.from(row), rows: 1, cols: row.length }).data;
  }

  /** Uncalibrated forest vote shares. */
  predictRaw(rows: Matrix): Float64Array {
    return this.classifier.predict(this.project(rows));
  }

  predictLate(rows: Matrix): Float64Array {
    const raw = this.predictRaw(rows);
    const risks = raw.map((value) => applyCalibration(this.calibration, value));
    if (this.tailColumn < 0) return risks;
    for (let r = 0; r < rows.rows; r += 1) risks[r] = this.blendRisk(risks[r], rows.data[r * rows.cols + this.tailColumn]);
    return risks;
  }

  explain(row: ArrayLike<number>): Contributions {
    const raw = this.classifier.contributions(this.projectRow(row));
    const bias = applyCalibration(this.calibration, raw.bias);
    const prediction = applyCalibration(this.calibration, raw.prediction);
    // Calibration is monotone but not linear, so the raw contributions are scaled by one factor that
    // keeps "bias plus contributions equals prediction" on the calibrated scale.
    const rawChange = raw.prediction - raw.bias;
    const scale = Math.abs(rawChange) > 1e-12 ? (prediction - bias) / rawChange : 0;
    const values = new Float64Array(this.inputNames.length);
    this.columns.forEach((inputIndex, c) => {
      // The threshold column is the same for every row, so its share stays in the bias.
      if (inputIndex >= 0) values[inputIndex] = raw.values[c] * scale;
    });
    if (scale === 0 && Math.abs(prediction - bias) > 0) {
      // NOTE: with no raw change there is nothing to share out; the whole shift stays in the bias.
      return this.blendContributions({ bias: prediction, values, prediction }, row[this.tailColumn]);
    }
    return this.blendContributions({ bias, values, prediction }, row[this.tailColumn]);
  }

  /** Returns the risk from the calibrated forest risk and the delay model's late probability. */
  blendRisk(forestRisk: number, tail: number): number {
    return this.tailColumn < 0 ? forestRisk : blendTailRisk(forestRisk, tail, this.tailWeight);
  }

  /**
   * Blends calibrated contributions with the delay model's late probability, in place. The forest's
   * shares shrink by 1 minus the weight. The late probability column gets the weight times its
   * distance from the bias, so bias plus contributions still equals the blended risk.
   */
  blendContributions(contributions: Contributions, tail: number): Contributions {
    if (this.tailColumn < 0 || !(tail >= 0)) return contributions;
    const { bias, values } = contributions;
    const forestShare = 1 - this.tailWeight;
    for (let i = 0; i < values.length; i += 1) values[i] *= forestShare;
    values[this.tailColumn] += this.tailWeight * (tail - bias);
    return { bias, values, prediction: this.blendRisk(contributions.prediction, tail) };
  }

  predictDaysLate(rows: Matrix): PaymentDatePrediction[] {
    const regressor = this.regressor;
    if (!regressor) return [];
    return treeIntervals(regressor, this.project(rows)).map((interval) => ({
      days: interval.days,
      low: interval.low - this.intervalWidening,
      high: interval.high + this.intervalWidening,
    }));
  }
}

/** Rows whose per-tree values are computed at once: 1,024 rows of 100 trees are 800 KB. */
const INTERVAL_BLOCK_ROWS = 1024;

/** Returns per row the mean of the trees' predictions and their INTERVAL_QUANTILES, before widening. */
export function treeIntervals(regressor: Forest, rows: Matrix): PaymentDatePrediction[] {
  const result: PaymentDatePrediction[] = [];
  const nTrees = regressor.nTrees;
  const block = new Float64Array(Math.min(INTERVAL_BLOCK_ROWS, rows.rows) * nTrees);
  for (let start = 0; start < rows.rows; start += INTERVAL_BLOCK_ROWS) {
    const count = Math.min(INTERVAL_BLOCK_ROWS, rows.rows - start);
    regressor.predictTreesInto(rows, start, count, block);
    for (let i = 0; i < count; i++) {
      const sorted = block.subarray(i * nTrees, (i + 1) * nTrees).sort();
      let sum = 0;
      for (const value of sorted) sum += value;
      result.push({
        days: sum / sorted.length,
        low: quantileOfSorted(sorted, INTERVAL_QUANTILES[0]),
        high: quantileOfSorted(sorted, INTERVAL_QUANTILES[1]),
      });
    }
  }
  return result;
}

/** Returns the q-quantile of an ascending array by linear interpolation. */
export function quantileOfSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}
