// The scoring part of riskpay.config.json: grade cuts, flag thresholds, the action policy and the cash
// forecast settings. Every field has a default, so `{}` is a valid configuration.

import { z } from 'zod';

import { gradeCutsSchema } from './grades.js';
import { flagThresholdsSchema } from './flags.js';
import { actionPolicySchema } from './policy.js';

export const forecastSettingsSchema = z.object({
  /** Weeks forecast, starting with the week that begins on the as-of day. */
  weeks: z.number().int().min(1).max(104).default(8),
  /** Invoices more than this many days past due are left out of the weekly cash and reported as doubtful. */
  doubtfulAfterDays: z.number().int().min(0).default(120),
});

export const scoringConfigSchema = z.object({
  grades: gradeCutsSchema.prefault({}),
  flags: flagThresholdsSchema.prefault({}),
  policy: actionPolicySchema.prefault({}),
  forecast: forecastSettingsSchema.prefault({}),
});

export type ScoringConfig = z.infer<typeof scoringConfigSchema>;
export type ForecastSettings = z.infer<typeof forecastSettingsSchema>;

export const DEFAULT_SCORING_CONFIG: ScoringConfig = scoringConfigSchema.parse({});
