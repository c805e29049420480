// Turns a score result into dated collection steps per debtor and invoice, following the action policy.

import { formatDay, parseIsoDay } from '../dates.js';
import { finding, type Finding } from '../findings.js';
import { compareText } from './compare.js';
import { resolveActionPolicy } from './config.js';
import { memoize } from '../memoize.js';
import { roundMoney } from '../money.js';
import type { ActionPolicy, ActionStep } from './policy.js';
import type { DebtorScore, Grade, InvoiceScore, PlanResult, PlanRow, ScoreResult } from './types.js';

function requireDay(text: string): number {
  const day = parseIsoDay(text);
  // ScoreResult dates are written by formatDay, so a failure here is a programming error, not bad input.
  if (day === null) throw new Error(`invalid date in score result: ${text}`);
  return day;
}

interface DatedStep {
  step: ActionStep;
  day: number;
  order: number;
}

/** Dates steps from a base day (due date or as-of day) and applies the policy's rule for steps already past on the as-of day. */
function dateSteps(steps: readonly ActionStep[], dueDay: number, asOf: number, policy: ActionPolicy): DatedStep[] {
  if (steps.length === 0) return [];
  const dated = steps.map((step, order) => ({
    step,
    order,
    day: (step.from === 'due' ? dueDay : asOf) + step.offsetDays,
  }));
  // With no step already past, the dated list is returned as it is.
  if (dated.every((d) => d.day >= asOf)) return dated;
  const future = dated.filter((d) => d.day >= asOf);
  const past = dated.filter((d) => d.day < asOf);
  if (policy.pastSteps === 'drop') return future;

  // Several missed reminders sent on one day would repeat each other, so by default only the latest is kept.
  const keptPast = policy.pastSteps === 'all' ? past : [past.reduce((a, b) => (b.day >= a.day ? b : a))];
  return [...keptPast.map((d) => ({ ...d, day: asOf })), ...future];
}

function invoiceRow(debtor: DebtorScore, invoice: InvoiceScore, dated: DatedStep, trigger: string, grade: Grade): PlanRow {
  return {
    date: formatDay(dated.day),
    customerId: debtor.customerId,
    name: debtor.name,
    action: dated.step.action,
    channel: dated.step.channel,
    invoiceId: invoice.invoiceId,
    currency: invoice.currency,
    amount: invoice.balance,
    dueDate: invoice.dueDate,
    daysOverdue: invoice.daysOverdue,
    grade,
    trigger,
    expectedAtRisk: invoice.expectedAtRisk ?? roundMoney(invoice.risk * invoice.balance, invoice.currency),
  };
}

function debtorRow(debtor: DebtorScore, dated: DatedStep, trigger: string): PlanRow {
  return {
    date: formatDay(dated.day),
    customerId: debtor.customerId,
    name: debtor.name,
    action: dated.step.action,
    channel: dated.step.channel,
    invoiceId: null,
    currency: debtor.currency,
    amount: debtor.openBalance,
    dueDate: null,
    daysOverdue: debtor.oldestOverdueDays,
    grade: debtor.grade,
    trigger,
    expectedAtRisk: debtor.expectedAtRisk,
  };
}

const GRADE_RANK: Record<Grade, number> = { D: 0, C: 1, B: 2, A: 3 };

/** Most urgent first: earliest date, then worst grade, then largest expected amount at risk. */
function compareRows(a: PlanRow, b: PlanRow): number {
  return (
    compareText(a.date, b.date) ||
    GRADE_RANK[a.grade] - GRADE_RANK[b.grade] ||
    (b.expectedAtRisk ?? 0) - (a.expectedAtRisk ?? 0) ||
    compareText(a.customerId, b.customerId) ||
    compareText(a.invoiceId ?? '', b.invoiceId ?? '') ||
    compareText(a.action, b.action) ||
    compareText(a.channel, b.channel)
  );
}

/** Keeps one row per action, channel and invoice (or debtor): the one with the earliest date. */
function dedupe(rows: PlanRow[]): PlanRow[] {
  const seen = new Map<string, PlanRow>();
  for (const row of rows) {
    const key = `${row.customerId}\u0000${row.currency}\u0000${row.invoiceId ?? ''}\u0000${row.action}\u0000${row.channel}`;
    const existing = seen.get(key);
    if (!existing || row.date < existing.date) seen.set(key, row);
  }
  return [...seen.values()];
}

/**
 * Returns the most urgent row (see compareRows), the first one among equals. That is the debtor's first
 * row of the deduplicated, sorted plan: rows that compare equal share the dedupe key, and dedupe keeps
 * the first of the earliest date.
 */
function firstRow(rows: readonly PlanRow[]): PlanRow | null {
  let first: PlanRow | null = null;
  for (const row of rows) if (first === null || compareRows(row, first) < 0) first = row;
  return first;
}

/** A list of steps split by scope, once per grade or flag rather than once per debtor or invoice. */
interface ScopedSteps {
  debtor: ActionStep[];
  invoice: ActionStep[];
}

function byScope(steps: readonly ActionStep[]): ScopedSteps {
  return { debtor: steps.filter((step) => step.scope === 'debtor'), invoice: steps.filter((step) => step.scope === 'invoice') };
}

/**
 * Plans dated actions: each open invoice gets the steps of its own grade, each debtor the debtor steps of
 * its grade, and a debtor with a flag also gets the steps the policy lists for that flag. A debtor that
 * owes nothing gets no steps. Rows come most urgent first (see compareRows). `policyInput` is
 * the `policy` of riskpay.config.json as read; an invalid policy throws SCORING_CONFIG_INVALID.
 * With `firstPerDebtor` only each debtor's first row is kept, the next action that score shows.
 */
export function planActions(result: ScoreResult, policyInput: unknown = {}, asOf?: number, firstPerDebtor = false): PlanResult {
  const policy = resolveActionPolicy(policyInput);
  const asOfDay = asOf ?? requireDay(result.asOf);
  // The open invoices of a large ledger share a few thousand due dates, and a policy has few grades and flags.
  const dueDay = memoize(requireDay);
  const gradeStepsOf = memoize((grade: Grade) => byScope(policy.grades[grade]));
  const flagStepsOf = memoize((code: string) => byScope(policy.flags[code] ?? []));
  const findings: Finding[] = [];
  const invoicesByDebtor = new Map<string, InvoiceScore[]>();
  for (const invoice of result.invoices) {
    const key = `${invoice.customerId}\u0000${invoice.currency}`;
    const list = invoicesByDebtor.get(key) ?? [];
    list.push(invoice);
    invoicesByDebtor.set(key, list);
  }

  const rows: PlanRow[] = [];
  for (const debtor of result.debtors) {
    // A debtor that owes nothing has nothing to collect; its grade is for credit decisions only.
    if (debtor.nothingOwed === true) continue;
    const invoices = invoicesByDebtor.get(`${debtor.customerId}\u0000${debtor.currency}`) ?? [];
    const debtorRows = firstPerDebtor ? [] : rows;

    // Grade steps: debtor steps follow the debtor's grade, invoice steps each invoice's own grade.
    for (const dated of dateSteps(gradeStepsOf(debtor.grade).debtor, asOfDay, asOfDay, policy)) {
      debtorRows.push(debtorRow(debtor, dated, `grade:${debtor.grade}`));
    }
    for (const invoice of invoices) {
      const steps = gradeStepsOf(invoice.grade).invoice;
      for (const dated of dateSteps(steps, dueDay(invoice.dueDate), asOfDay, policy)) {
        debtorRows.push(invoiceRow(debtor, invoice, dated, `grade:${invoice.grade}`, invoice.grade));
      }
    }

    // Flag steps come on top of the grade's steps.
    for (const flag of debtor.flags) {
      const steps = flagStepsOf(flag.code);
      const trigger = `flag:${flag.code}`;
      for (const dated of dateSteps(steps.debtor, asOfDay, asOfDay, policy)) {
        debtorRows.push(debtorRow(debtor, dated, trigger));
      }
      const invoiceSteps = steps.invoice;
      for (const invoice of invoiceSteps.length > 0 ? invoices : []) {
        for (const dated of dateSteps(invoiceSteps, dueDay(invoice.dueDate), asOfDay, policy)) {
          debtorRows.push(invoiceRow(debtor, invoice, dated, trigger, invoice.grade));
        }
      }
    }
    if (firstPerDebtor) {
      const first = firstRow(debtorRows);
      if (first !== null) rows.push(first);
    }
  }

  const planned = (firstPerDebtor ? rows : dedupe(rows)).sort(compareRows);
  if (planned.length === 0) findings.push(finding('PLAN_NOTHING_TO_DO', 'info', { asOf: formatDay(asOfDay) }));
  return { asOf: formatDay(asOfDay), rows: planned, findings };
}
