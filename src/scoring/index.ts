// Public API of the scoring area: scores, grades, flags, reasons, plans and cash forecasts.

export { scoreLedger, scoreLedgerInThreads, scoreSnapshots, THREADS_FROM_INVOICES, type RowBuilders, type ScoreOptions } from './score.js';
export { DEFAULT_GRADE_CUTS, gradeCutsSchema, gradeFor, gradeRank, type GradeCuts } from './grades.js';
export {
  DEFAULT_FLAG_THRESHOLDS,
  FLAG_CODES,
  FLAG_RULES,
  buildFlagContext,
  evaluateFlags,
  flagThresholdsSchema,
  type FlagContext,
  type FlagThresholds,
} from './flags.js';
export { ACTION_CODES, DEFAULT_ACTION_POLICY, actionPolicySchema, actionStepSchema, type ActionPolicy } from './policy.js';
export { planActions } from './plan.js';
export { forecastCash, type ForecastOptions } from './forecast.js';
export {
  DEFAULT_SCORING_CONFIG,
  forecastSettingsSchema,
  resolveActionPolicy,
  resolveScoringConfig,
  scoringConfigSchema,
  type ForecastSettings,
  type ScoringConfig,
} from './config.js';
export type * from './types.js';
