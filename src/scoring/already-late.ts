// Open invoices whose outcome is already decided. The label calls an invoice late when it is paid more
// than `lateAfterDays` after its due date or is still unpaid past that. An invoice unpaid more than
// `lateAfterDays` days after its due date on the as-of day is therefore late for certain. The model never
// trained on such rows (their outcome was known) and would only extrapolate, so scoring gives them the
// highest shown risk and gives that as the first reason.

import type { OpenInvoice } from '../features/types.js';
import type { Reason } from './types.js';
import { roundMoney } from '../money.js';

/** True when the invoice is still unpaid more than `lateAfterDays` days after its due date. */
export function isAlreadyLate(open: OpenInvoice, lateAfterDays: number): boolean {
  return open.daysOverdue > lateAfterDays;
}

/** An already-late invoice with the model's own risk, which the shown risk replaces. */
export interface AlreadyLateInvoice {
  open: OpenInvoice;
  modelRisk: number;
}

function roundContribution(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * Returns the first reason of an already-late invoice. Its contribution is the rise from the model's
 * risk to `shownRisk`, so the model's reasons still explain the model's part of the risk.
 */
export function invoiceAlreadyLateReason(late: AlreadyLateInvoice, lateAfterDays: number, shownRisk: number): Reason {
  const { daysOverdue } = late.open;
  return {
    code: daysOverdue === 1 ? 'REASON_ALREADY_LATE_ONE_DAY' : 'REASON_ALREADY_LATE',
    feature: '',
    contribution: roundContribution(shownRisk - late.modelRisk),
    args: { invoiceId: late.open.invoice.id, daysOverdue, lateAfterDays },
  };
}

/**
 * Returns the first reason of a debtor with already-late invoices: the invoice itself when there is
 * one, else their count and balance. Its contribution is the balance-weighted rise of those invoices'
 * risk, where `totalBalance` is the balance of all the debtor's scored invoices.
 */
export function debtorAlreadyLateReason(
  late: readonly AlreadyLateInvoice[],
  lateAfterDays: number,
  shownRisk: number,
  totalBalance: number,
  currency: string,
): Reason {
  const contribution = late.reduce((sum, invoice) => sum + (invoice.open.balance / totalBalance) * (shownRisk - invoice.modelRisk), 0);
  if (late.length === 1) {
    return { ...invoiceAlreadyLateReason(late[0], lateAfterDays, shownRisk), contribution: roundContribution(contribution) };
  }

  const balance = late.reduce((sum, invoice) => sum + invoice.open.balance, 0);
  return {
    code: 'REASON_ALREADY_LATE_INVOICES',
    feature: '',
    contribution: roundContribution(contribution),
    args: { count: late.length, lateAfterDays, balance: roundMoney(balance, currency), currency },
  };
}

/**
 * Puts `first` before the model's reasons, leaving out the model's "invoice N is M days past due" for
 * an already-late invoice, because `first` already states it.
 */
export function withAlreadyLateFirst(first: Reason, modelReasons: readonly Reason[], lateIds: ReadonlySet<string>): Reason[] {
  const others = modelReasons.filter(
    (reason) => !(reason.code.startsWith('REASON_INVOICE_OVERDUE') && lateIds.has(String(reason.args.invoiceId))),
  );
  return [first, ...others];
}
