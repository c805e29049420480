// Public API of the model: training, the quality gate, evaluation and model files.

export { LATE_AFTER_FEATURE, ForestRiskModel, INTERVAL_QUANTILES } from './risk-model.js';
export {
  DEFAULT_LATE_AFTER_DAYS,
  MIN_INVOICES_PER_CLASS,
  MODEL_FORMAT,
  MODEL_VERSION,
  lastFactDay,
  trainModel,
  type TrainOptions,
  type TrainReport,
} from './train.js';
export { chooseModel, type ChooseOptions } from './choose.js';
export {
  evaluate,
  GRADE_D_CUT,
  type BacktestFold,
  type EvaluateOptions,
  type EvaluationResult,
  type PaymentDateResult,
  type ScorerResult,
} from './evaluate.js';
export { MAX_MODEL_FILE_LENGTH, bundledModelPath, loadBundledModel, loadModel, modelFromJson, modelFromText, modelToJson, saveModel } from './model-file.js';
export type { ClassifierMetrics, ReliabilityBin } from './metrics.js';
export type { HoldoutMetrics, LabelDefinition, ModelMeta, PaymentDatePrediction, RiskModel } from './types.js';
