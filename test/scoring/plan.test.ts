import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { planActions } from '../../src/scoring/plan.js';
import { DEFAULT_ACTION_POLICY, actionPolicySchema } from '../../src/scoring/policy.js';
import type { DebtorScore, Grade, InvoiceScore, ScoreResult } from '../../src/scoring/types.js';
import { FAKE_CHOICE } from './helpers.js';

const AS_OF = '2024-06-30';

function debtor(id: string, grade: Grade, overrides: Partial<DebtorScore> = {}): DebtorScore {
  return {
    customerId: id,
    name: id.toUpperCase(),
    currency: 'SEK',
    grade,
    risk: 0.5,
    openBalance: 1000,
    overdueBalance: 0,
    expectedAtRisk: 500,
    openInvoices: 1,
    oldestOverdueDays: null,
    recentDaysLate: [],
    trendDays: null,
    noHistory: false,
    flags: [],
    reasons: [],
    ...overrides,
  };
}

function invoice(id: string, customerId: string, grade: Grade, dueDate: string, daysOverdue: number): InvoiceScore {
  return {
    invoiceId: id,
    customerId,
    name: customerId.toUpperCase(),
    currency: 'SEK',
    issueDate: '2024-05-01',
    dueDate,
    balance: 1000,
    daysOverdue,
    risk: 0.5,
    grade,
  };
}

function result(debtors: DebtorScore[], invoices: InvoiceScore[]): ScoreResult {
  return { asOf: AS_OF, asOfDefaulted: false, model: FAKE_CHOICE, debtors, invoices, totals: [], findings: [] };
}

function summary(rows: ReturnType<typeof planActions>['rows']) {
  return rows.map((r) => `${r.date} ${r.invoiceId ?? '-'} ${r.action} ${r.channel} ${r.trigger}`);
}

describe('planActions', () => {
  it('plans a friendly reminder before the due date for B', () => {
    const plan = planActions(result([debtor('b', 'B')], [invoice('i1', 'b', 'B', '2024-07-10', -10)]));
    expect(summary(plan.rows)).toEqual([
      '2024-07-07 i1 ACTION_FRIENDLY_REMINDER email grade:B',
      '2024-07-10 i1 ACTION_REMINDER email grade:B',
    ]);
    expect(plan.rows[0].amount).toBe(1000);
    expect(plan.rows[0].dueDate).toBe('2024-07-10');
  });

  it('keeps only the latest missed step', () => {
    const plan = planActions(result([debtor('c', 'C')], [invoice('i1', 'c', 'C', '2024-06-20', 10)]));
    expect(summary(plan.rows)).toEqual([
      '2024-06-30 i1 ACTION_PHONE_CALL phone grade:C',
      '2024-07-04 i1 ACTION_PAYMENT_PLAN email grade:C',
    ]);
  });

  it('moves every missed step with pastSteps all', () => {
    const policy = actionPolicySchema.parse({ pastSteps: 'all' });
    const plan = planActions(result([debtor('c', 'C')], [invoice('i1', 'c', 'C', '2024-06-20', 10)]), policy);
    expect(plan.rows.filter((r) => r.date === AS_OF)).toHaveLength(3);
  });

  it('drops missed steps with pastSteps drop', () => {
    const policy = actionPolicySchema.parse({ pastSteps: 'drop' });
    const plan = planActions(result([debtor('c', 'C')], [invoice('i1', 'c', 'C', '2024-06-20', 10)]), policy);
    expect(summary(plan.rows)).toEqual(['2024-07-04 i1 ACTION_PAYMENT_PLAN email grade:C']);
  });

  it('stops credit and escalates for D', () => {
    const plan = planActions(result([debtor('d', 'D')], [invoice('i1', 'd', 'D', '2024-06-25', 5)]));
    expect(summary(plan.rows)).toEqual([
      '2024-06-30 - ACTION_REQUEST_PREPAYMENT email grade:D',
      '2024-06-30 - ACTION_STOP_CREDIT internal grade:D',
      '2024-06-30 i1 ACTION_PHONE_CALL phone grade:D',
      '2024-07-25 i1 ACTION_COLLECTION letter grade:D',
    ]);
    const debtorRow = plan.rows.find((r) => r.invoiceId === null)!;
    expect(debtorRow.amount).toBe(1000);
  });

  it('uses the invoice grade for invoice steps', () => {
    const plan = planActions(result([debtor('x', 'C')], [invoice('i1', 'x', 'A', '2024-07-10', -10)]));
    expect(summary(plan.rows)).toEqual(['2024-07-10 i1 ACTION_REMINDER email grade:A']);
  });

  it('adds flag steps once per debtor', () => {
    const flagged = debtor('f', 'A', {
      flags: [
        { code: 'FLAG_CONCENTRATION', severity: 'warning', evidence: { sharePercent: 30, openBalance: 1000 } },
        { code: 'FLAG_LARGE_NEW_EXPOSURE', severity: 'warning', evidence: { openBalance: 1000 } },
      ],
    });
    const plan = planActions(result([flagged], [invoice('i1', 'f', 'A', '2024-07-10', -10)]));
    const reviews = plan.rows.filter((r) => r.action === 'ACTION_REVIEW_CREDIT_LIMIT');
    expect(reviews).toHaveLength(1);
    expect(reviews[0].trigger).toBe('flag:FLAG_CONCENTRATION');
    expect(reviews[0].date).toBe(AS_OF);
  });

  it('sorts by date then customer', () => {
    const plan = planActions(
      result(
        [debtor('b', 'A'), debtor('a', 'A')],
        [invoice('i2', 'b', 'A', '2024-07-05', -5), invoice('i1', 'a', 'A', '2024-07-05', -5), invoice('i3', 'a', 'A', '2024-07-01', -1)],
      ),
    );
    expect(plan.rows.map((r) => r.invoiceId)).toEqual(['i3', 'i1', 'i2']);
  });

  it('reports an empty plan', () => {
    const plan = planActions(result([], []));
    expect(plan.rows).toEqual([]);
    expect(plan.findings.map((f) => f.code)).toEqual(['PLAN_NOTHING_TO_DO']);
  });
});

describe('action policy schema', () => {
  it('fills the documented default', () => {
    expect(actionPolicySchema.parse({})).toEqual(DEFAULT_ACTION_POLICY);
    expect(DEFAULT_ACTION_POLICY.grades.A).toEqual([
      { action: 'ACTION_REMINDER', channel: 'email', scope: 'invoice', from: 'due', offsetDays: 0 },
    ]);
  });

  it('replaces one grade and keeps the rest', () => {
    const policy = actionPolicySchema.parse({ grades: { A: [] } });
    expect(policy.grades.A).toEqual([]);
    expect(policy.grades.B).toEqual(DEFAULT_ACTION_POLICY.grades.B);
  });

  it('rejects unknown actions and dateless debtor steps', () => {
    expect(actionPolicySchema.safeParse({ grades: { A: [{ action: 'ACTION_SHOUT', channel: 'email' }] } }).success).toBe(false);
    expect(
      actionPolicySchema.safeParse({ grades: { A: [{ action: 'ACTION_STOP_CREDIT', channel: 'internal', scope: 'debtor' }] } }).success,
    ).toBe(false);
    expect(actionPolicySchema.safeParse({ pastSteps: 'sometimes' }).success).toBe(false);
  });
});

/** Returns each debtor's first row of a full plan, keyed by customer and currency. */
function firstOfFullPlan(rows: ReturnType<typeof planActions>['rows']): Map<string, (typeof rows)[number]> {
  const first = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = `${row.customerId}\u0000${row.currency}`;
    if (!first.has(key)) first.set(key, row);
  }
  return first;
}

describe('planActions first per debtor', () => {
  const grades: Grade[] = ['A', 'B', 'C', 'D'];
  const flagCodes = ['FLAG_CONCENTRATION', 'FLAG_LARGE_NEW_EXPOSURE', 'FLAG_OLDEST_OVERDUE', 'FLAG_NO_RECENT_PAYMENT'];
  const debtorArb = fc.record({
    grade: fc.constantFrom(...grades),
    flags: fc.subarray(flagCodes),
    invoices: fc.array(fc.record({ grade: fc.constantFrom(...grades), dueOffset: fc.integer({ min: -60, max: 40 }) }), { maxLength: 5 }),
    nothingOwed: fc.boolean(),
  });

  it('keeps the full plan first rows', () => {
    fc.assert(
      fc.property(fc.array(debtorArb, { maxLength: 8 }), fc.constantFrom('latest', 'all', 'drop'), (specs, pastSteps) => {
        const debtors: DebtorScore[] = [];
        const invoices: InvoiceScore[] = [];
        specs.forEach((spec, d) => {
          const id = `c${d}`;
          const flags = spec.flags.map((code) => ({ code, severity: 'warning' as const, evidence: {} }));
          debtors.push(debtor(id, spec.grade, { flags, nothingOwed: spec.nothingOwed }));
          spec.invoices.forEach((item, i) => {
            const due = new Date(Date.UTC(2024, 5, 30 + item.dueOffset)).toISOString().slice(0, 10);
            invoices.push(invoice(`${id}-i${i}`, id, item.grade, due, -item.dueOffset));
          });
        });
        const policy = actionPolicySchema.parse({ pastSteps });
        const full = planActions(result(debtors, invoices), policy);
        const first = planActions(result(debtors, invoices), policy, undefined, true);

        expect(first.rows).toEqual([...firstOfFullPlan(full.rows).values()]);
        expect(first.findings).toEqual(full.findings);
      }),
      { numRuns: 300 },
    );
  });
});

