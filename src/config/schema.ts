// The schema of riskpay.config.json. Column maps, default option values and the scoring settings
// (grade cuts, flag thresholds, action policy, forecast) are all optional.

import { z } from 'zod';
import { parseIsoDay } from '../dates.js';
import { OPTIONS, resolveAlias, type OptionSpec } from '../cli/options.js';
import { withoutRegion } from '../cli/resolve-options.js';
import { MAP_FIELDS } from '../ingest/options.js';
import { actionPolicySchema, flagThresholdsSchema, forecastSettingsSchema, gradeCutsSchema } from '../scoring/index.js';

// Each `.meta({ expected })` names the EXPECTED_* message that config errors use to say what is valid
// where the schema's checks alone cannot (see src/config/issues.ts).
const isoDate = z
  .string()
  .refine((value) => parseIsoDay(value) !== null, 'expected a date YYYY-MM-DD that exists')
  .meta({ expected: 'EXPECTED_DATE' });

/** Returns the zod type of one option's value in the `defaults` object, derived from the option table. */
function optionValueSchema(spec: OptionSpec): z.ZodType {
  switch (spec.kind) {
    case 'date':
      return isoDate;
    case 'int': {
      const whole = z.number().int().min(spec.min ?? 0);
      return spec.max === undefined ? whole : whole.max(spec.max);
    }
    case 'enum':
      // As on the command line, a locale may carry a region (sv-SE, en_US).
      if (spec.acceptsRegion) {
        return z
          .string()
          .refine((value) => spec.choices?.includes(withoutRegion(value)), `expected one of ${spec.choices?.join(', ')}`)
          .meta({ expected: 'EXPECTED_ONE_OF_REGION', choices: spec.choices });
      }
      if (spec.aliases) {
        const choices = spec.choices ?? [];
        return z
          .string()
          .transform((value) => resolveAlias(spec, value))
          .refine((value) => choices.includes(value), `expected one of ${choices.map((choice) => JSON.stringify(choice)).join(', ')}`)
          .meta({ expected: 'EXPECTED_ONE_OF', choices });
      }
      return z.enum(spec.choices as [string, ...string[]]);
    case 'boolean':
      return z.boolean();
    case 'list':
    case 'repeatable':
      return z.array(z.string());
    case 'threshold':
      // A grade, a risk from 0 to 1, or a percentage as the table shows risk ("70%"), as with --fail-on.
      return z
        .union([z.enum(['A', 'B', 'C', 'D']), z.number().min(0).max(1), z.string().regex(/^(100(\.0+)?|\d{1,2}(\.\d+)?)\s*%$/, 'expected a percentage from 0% to 100%')])
        .meta({ expected: 'EXPECTED_THRESHOLD' });
    default:
      return z.string().min(1);
  }
}

/** Options that make no sense as a lasting default: the config file itself. */
const NOT_CONFIGURABLE = new Set(['config']);

function defaultsSchema() {
  const shape: Record<string, z.ZodType> = {};
  for (const spec of OPTIONS) {
    if (!NOT_CONFIGURABLE.has(spec.key)) shape[spec.key] = optionValueSchema(spec).optional();
  }
  return z.strictObject(shape);
}

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Ledger field name to column header, as with --map. */
  columns: z.partialRecord(z.enum(MAP_FIELDS as [string, ...string[]]), z.string().min(1)).optional(),
  /** Default values of command-line options, by option key (e.g. `lateAfter`, `top`, `lang`). */
  defaults: defaultsSchema().optional(),
  // Scoring owns these schemas, so every problem in them is listed with its JSON path at load time.
  grades: gradeCutsSchema.optional(),
  flags: flagThresholdsSchema.optional(),
  policy: actionPolicySchema.optional(),
  forecast: forecastSettingsSchema.optional(),
});

export type RiskpayConfig = z.infer<typeof configSchema>;
