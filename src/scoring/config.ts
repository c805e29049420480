// The scoring part of riskpay.config.json: grade cuts, flag thresholds, the action policy and the cash
// forecast settings. Every field has a default, so `{}` is a valid configuration.

import { z } from 'zod';

import { RiskpayError } from '../findings.js';
import { gradeCutsSchema } from './grades.js';
import { flagThresholdsSchema } from './flags.js';
import { actionPolicySchema } from './policy.js';

/** Maximum forecast horizon in weeks (two years). */
export const MAX_FORECAST_WEEKS = 104;

export const forecastSettingsSchema = z.strictObject({
  /** Weeks forecast, starting with the week that begins on the as-of day. */
  weeks: z.number().int().min(1).max(MAX_FORECAST_WEEKS).default(8),
  /** Invoices more than this many days past due are left out of the weekly cash and reported as doubtful. */
  doubtfulAfterDays: z.number().int().min(0).default(120),
});

export const scoringConfigSchema = z.strictObject({
  grades: gradeCutsSchema.prefault({}),
  flags: flagThresholdsSchema.prefault({}),
  policy: actionPolicySchema.prefault({}),
  forecast: forecastSettingsSchema.prefault({}),
});

export type ScoringConfig = z.infer<typeof scoringConfigSchema>;
export type ForecastSettings = z.infer<typeof forecastSettingsSchema>;

export const DEFAULT_SCORING_CONFIG: ScoringConfig = scoringConfigSchema.parse({});

/** Shows the first problem of a failed parse as `setting` (a dotted path) and `problem` (zod's message). */
function invalidSetting(section: string, error: z.ZodError): RiskpayError {
  const issue = error.issues[0];
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const setting = [section, ...issue.path.map(String), ...keys.slice(0, 1)].filter((part) => part !== '').join('.');
  return new RiskpayError('SCORING_CONFIG_INVALID', { setting, problem: issue.message });
}

/**
 * Validates the scoring settings of riskpay.config.json (grades, flags, policy, forecast) and fills in
 * the defaults. Throws SCORING_CONFIG_INVALID naming the first invalid setting.
 */
export function resolveScoringConfig(input: unknown = {}): ScoringConfig {
  const result = scoringConfigSchema.safeParse(input ?? {});
  if (!result.success) throw invalidSetting('', result.error);
  return result.data;
}

/** Validates an action policy on its own, as `planActions` receives it. */
export function resolveActionPolicy(input: unknown = {}): z.infer<typeof actionPolicySchema> {
  const result = actionPolicySchema.safeParse(input ?? {});
  if (!result.success) throw invalidSetting('policy', result.error);
  return result.data;
}
