// The model API that scoring uses. A RiskModel wraps a calibrated late-payment classifier and an
// optional days-late regressor, both random forests, plus the metadata saved in the model file.

import type { Contributions, Matrix } from '../forest/types.js';

export interface LabelDefinition {
  /** An invoice is late when paid more than this many days after its due date, or still unpaid past that. */
  lateAfterDays: number;
}

export interface HoldoutMetrics {
  auc: number;
  prAuc: number;
  brier: number;
  logLoss: number;
  rows: number;
  positives: number;
}

export interface ModelMeta {
  format: 'riskpay-model';
  version: number;
  /** 'bundled' for models/default.json, 'user' for models trained on a user's file. */
  origin: 'bundled' | 'user';
  featureNames: string[];
  label: LabelDefinition;
  trainingWindow: { from: string; to: string };
  rows: { train: number; holdout: number; positives: number; subsampledFrom?: number };
  holdout: HoldoutMetrics | null;
  extraColumns: string[];
  /** The extra columns' pooled effect on days late (src/features/delay-adjustment.ts), when the model has extra columns. */
  delayAdjustment?: { columns: string[]; coefficients: number[]; lateAfterDays: number };
  seed: number;
}

export interface PaymentDatePrediction {
  /** Expected days late (relative to the due date), with an interval. */
  days: number;
  low: number;
  high: number;
}

export interface RiskModel {
  meta: ModelMeta;
  /** Calibrated probability of being late, one per row. */
  predictLate(rows: Matrix): Float64Array;
  /** Contributions per feature on the calibrated probability scale; bias plus values equals the prediction. */
  explain(row: ArrayLike<number>): Contributions;
  /** Expected days late with an interval, when the model has a payment-date regressor. */
  predictDaysLate?(rows: Matrix): PaymentDatePrediction[];
}
