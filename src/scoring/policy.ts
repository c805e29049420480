// The collection policy: which dated steps each grade and each early-warning flag calls for. The default
// is documented in docs/scoring.md and can be replaced through `policy` in riskpay.config.json.

import { z } from 'zod';

import { FLAG_CODES } from './flags.js';

/** Action codes; each has a message in src/i18n/messages/scoring.ts. */
export const ACTION_CODES = [
  'ACTION_FRIENDLY_REMINDER',
  'ACTION_REMINDER',
  'ACTION_PHONE_CALL',
  'ACTION_PAYMENT_PLAN',
  'ACTION_STOP_CREDIT',
  'ACTION_REQUEST_PREPAYMENT',
  'ACTION_COLLECTION',
  'ACTION_REVIEW_CREDIT_LIMIT',
  'ACTION_RESOLVE_DISPUTES',
] as const;

export type ActionCode = (typeof ACTION_CODES)[number];

export const actionStepSchema = z
  .strictObject({
    action: z.enum(ACTION_CODES),
    channel: z.enum(['email', 'sms', 'phone', 'letter', 'internal']),
    /** 'invoice': one row per open invoice; 'debtor': one row per debtor. */
    scope: z.enum(['invoice', 'debtor']).default('invoice'),
    /** The day the offset counts from: the invoice's due date, or the as-of day. */
    from: z.enum(['due', 'asOf']).default('due'),
    /** Days after `from`; negative for before. */
    offsetDays: z.number().int().default(0),
  })
  .refine((step) => step.scope === 'invoice' || step.from === 'asOf', {
    message: 'a debtor step has no due date, so it must count from "asOf"',
    params: { code: 'SCORING_DEBTOR_STEP_FROM' },
  });

export type ActionStep = z.infer<typeof actionStepSchema>;

const steps = z.array(actionStepSchema);

type StepInput = z.input<typeof actionStepSchema>;

const DEFAULT_GRADE_STEPS: Record<'A' | 'B' | 'C' | 'D', StepInput[]> = {
  A: [{ action: 'ACTION_REMINDER', channel: 'email', offsetDays: 0 }],
  B: [
    { action: 'ACTION_FRIENDLY_REMINDER', channel: 'email', offsetDays: -3 },
    { action: 'ACTION_REMINDER', channel: 'email', offsetDays: 0 },
  ],
  C: [
    { action: 'ACTION_REMINDER', channel: 'email', offsetDays: 0 },
    { action: 'ACTION_REMINDER', channel: 'sms', offsetDays: 3 },
    { action: 'ACTION_PHONE_CALL', channel: 'phone', offsetDays: 7 },
    { action: 'ACTION_PAYMENT_PLAN', channel: 'email', offsetDays: 14 },
  ],
  D: [
    { action: 'ACTION_STOP_CREDIT', channel: 'internal', scope: 'debtor', from: 'asOf', offsetDays: 0 },
    { action: 'ACTION_REQUEST_PREPAYMENT', channel: 'email', scope: 'debtor', from: 'asOf', offsetDays: 0 },
    { action: 'ACTION_PHONE_CALL', channel: 'phone', offsetDays: 0 },
    { action: 'ACTION_COLLECTION', channel: 'letter', offsetDays: 30 },
  ],
};

const DEFAULT_FLAG_STEPS: Record<string, StepInput[]> = {
  FLAG_LARGE_NEW_EXPOSURE: [
    { action: 'ACTION_REVIEW_CREDIT_LIMIT', channel: 'internal', scope: 'debtor', from: 'asOf', offsetDays: 0 },
  ],
  FLAG_CONCENTRATION: [
    { action: 'ACTION_REVIEW_CREDIT_LIMIT', channel: 'internal', scope: 'debtor', from: 'asOf', offsetDays: 0 },
  ],
  FLAG_NO_RECENT_PAYMENT: [{ action: 'ACTION_PHONE_CALL', channel: 'phone', scope: 'debtor', from: 'asOf', offsetDays: 0 }],
  FLAG_DISPUTES_RISING: [
    { action: 'ACTION_RESOLVE_DISPUTES', channel: 'phone', scope: 'debtor', from: 'asOf', offsetDays: 0 },
  ],
  FLAG_CREDIT_NOTES_RISING: [
    { action: 'ACTION_RESOLVE_DISPUTES', channel: 'phone', scope: 'debtor', from: 'asOf', offsetDays: 0 },
  ],
};

export const actionPolicySchema = z.strictObject({
  /** Steps per grade. Invoice steps use the invoice's grade, debtor steps the debtor's grade. */
  grades: z
    .strictObject({
      A: steps.prefault(DEFAULT_GRADE_STEPS.A),
      B: steps.prefault(DEFAULT_GRADE_STEPS.B),
      C: steps.prefault(DEFAULT_GRADE_STEPS.C),
      D: steps.prefault(DEFAULT_GRADE_STEPS.D),
    })
    .prefault({}),
  /** Extra steps for a debtor with a flag, by flag code. Replaces the whole default table when given. */
  flags: z.partialRecord(z.enum(FLAG_CODES as [string, ...string[]]), steps).prefault(DEFAULT_FLAG_STEPS),
  /**
   * Handling of steps whose date has already passed on the as-of day. 'latest' keeps only the most recent
   * of them, moved to the as-of day. 'all' moves every one to the as-of day, and 'drop' leaves them out.
   */
  pastSteps: z.enum(['latest', 'all', 'drop']).default('latest'),
});

export type ActionPolicy = z.infer<typeof actionPolicySchema>;

export const DEFAULT_ACTION_POLICY: ActionPolicy = actionPolicySchema.parse({});
