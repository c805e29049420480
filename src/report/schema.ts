// The JSON output of `score`, as zod types. `riskpay schema` prints the JSON Schema generated from
// them, and docs/schema/score.schema.json is a copy that a test keeps up to date.

import { z } from 'zod';

const argValue = z.union([z.string(), z.number()]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('Calendar date, YYYY-MM-DD');
const grade = z.enum(['A', 'B', 'C', 'D']).describe('A is the lowest risk, D the highest');

export const findingSchema = z.object({
  code: z.string().describe('Stable message code'),
  severity: z.enum(['error', 'warning', 'info']),
  args: z.record(z.string(), argValue).describe('Values that go into the message'),
  path: z
    .object({ file: z.string(), line: z.number().int().optional(), column: z.string().optional() })
    .optional()
    .describe('Where in the input: file, physical line (1-based), column header'),
  count: z.number().int().min(1).optional().describe('How many times the same finding occurred, when more than once'),
  message: z.string().describe('The finding as text in the output language'),
});

export const flagSchema = z.object({
  code: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  evidence: z.record(z.string(), argValue).describe('The numbers that triggered the flag'),
  message: z.string().describe('The flag as text in the output language'),
});

export const reasonSchema = z.object({
  code: z.string(),
  feature: z.string(),
  contribution: z.number().describe('Change in risk probability from this feature; positive raises risk'),
  args: z.record(z.string(), argValue),
  message: z.string().describe('The reason as text in the output language'),
});

export const debtorSchema = z.object({
  rank: z.number().int().min(1),
  customerId: z.string(),
  name: z.string(),
  currency: z.string().describe("ISO 4217 code, or '' when the input does not say"),
  grade,
  risk: z.number().min(0).max(1).describe('Probability that the open invoices are paid late'),
  openBalance: z.number(),
  overdueBalance: z.number(),
  expectedAtRisk: z.number().describe('Sum over open invoices of risk times balance'),
  openInvoices: z.number().int().min(0),
  oldestOverdueDays: z.number().int().nullable(),
  recentDaysLate: z.array(z.number()).describe('Days late of the most recent paid invoices (up to 12, prepaid ones left out), oldest first'),
  trendDays: z.number().nullable().describe('Mean days late of the last 5 paid invoices (the later half while fewer than 10 are paid) minus that of the paid invoices before them; null with fewer than 4 paid invoices'),
  noHistory: z.boolean().describe('True when the debtor has not paid any invoice by the as-of date'),
  nothingOwed: z
    .boolean()
    .describe('True when the debtor owes nothing after credit notes; its grade and risk then come from its debtor row (a typical new invoice issued on the as-of day)'),
  flags: z.array(flagSchema),
  reasons: z.array(reasonSchema),
  nextAction: z
    .object({
      code: z.string().describe('Action code, e.g. ACTION_PHONE_CALL'),
      date: isoDate,
      channel: z.string(),
      message: z.string().describe('The action as text in the output language'),
    })
    .optional()
    .describe("The debtor's first step in the collection plan (`riskpay plan`), when it has one"),
  change: z
    .enum(['new', 'worse', 'new-flags', 'unchanged', 'better'])
    .optional()
    .describe('Compared with the run in --state, when given'),
});

export const invoiceSchema = z.object({
  rank: z.number().int().min(1),
  invoiceId: z.string(),
  customerId: z.string(),
  name: z.string(),
  currency: z.string(),
  issueDate: isoDate,
  dueDate: isoDate,
  balance: z.number(),
  daysOverdue: z.number().int(),
  risk: z.number().min(0).max(1),
  grade,
  expectedAtRisk: z
    .number()
    .describe("Risk times balance, rounded to the currency's minor unit; a debtor's expectedAtRisk is the sum of its invoices' amounts"),
  expectedPaymentDate: isoDate.optional(),
  paymentDateLow: isoDate.optional(),
  paymentDateHigh: isoDate.optional(),
  paymentDateSource: z.enum(['model', 'customer-history', 'portfolio']).optional().describe('Where the expected payment date comes from'),
});

export const modelSchema = z.object({
  source: z.enum(['file', 'trained', 'bundled']),
  path: z.string().optional(),
  reason: z.object({ code: z.string(), args: z.record(z.string(), argValue) }),
  holdoutAuc: z.number().optional(),
  message: z.string().describe('Why this model was used, as text in the output language'),
});

export const totalSchema = z.object({
  currency: z.string(),
  openBalance: z.number(),
  overdueBalance: z.number(),
  expectedAtRisk: z.number(),
});

export const scoreDocumentSchema = z
  .object({
    tool: z.literal('riskpay'),
    version: z.string(),
    schemaVersion: z.literal(1),
    command: z.literal('score'),
    asOf: isoDate.describe('The date the scores hold for'),
    asOfDefaulted: z.boolean().describe('True when --as-of was not given and today was used'),
    by: z.enum(['debtor', 'invoice']),
    model: modelSchema,
    debtors: z.array(debtorSchema).describe('Ranked riskiest first; limited by --top and --only-changes when by is debtor'),
    invoices: z.array(invoiceSchema).describe('Open invoices ranked riskiest first; limited by --top when by is invoice'),
    totals: z.array(totalSchema).describe('Per currency, never summed across currencies'),
    changes: z
      .object({ previousAsOf: isoDate.nullable(), considered: z.number().int(), reported: z.number().int() })
      .optional()
      .describe('Present with --only-changes'),
    findings: z.array(findingSchema),
  })
  .meta({
    title: 'riskpay score output',
    description: 'JSON document printed by `riskpay score --format json`.',
  });

export type ScoreDocument = z.infer<typeof scoreDocumentSchema>;
export type DebtorRow = z.infer<typeof debtorSchema>;
export type InvoiceRow = z.infer<typeof invoiceSchema>;
export type FindingRow = z.infer<typeof findingSchema>;

/** Returns the JSON Schema of the score output, as printed by `riskpay schema`. */
export function scoreJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scoreDocumentSchema) as Record<string, unknown>;
}
