// Columns of the score report, per debtor and per invoice, shared by the table and CSV reporters.

import { Chalk, type ChalkInstance } from 'chalk';
import { message } from '../i18n/catalog.js';
import type { Column } from './columns.js';
import type { ReportContext } from './context.js';
import { formatSignedDays } from './format.js';
import type { Grade } from '../scoring/types.js';
import type { DebtorRow, InvoiceRow } from './schema.js';
import { sparkline } from './sparkline.js';

/** Grade colours: green for the safest, red for the riskiest. */
function gradeColor(chalk: ChalkInstance, grade: string): (text: string) => string {
  switch (grade) {
    case 'A':
      return chalk.green;
    case 'B':
      return chalk.cyan;
    case 'C':
      return chalk.yellow;
    default:
      return chalk.red.bold;
  }
}

/** A chalk whose level is set by the caller; chalk's own detection ignores NO_COLOR and --no-color. */
export function chalkFor(context: ReportContext): ChalkInstance {
  return new Chalk({ level: context.color ? 1 : 0 });
}

/** How many reasons the table shows per debtor; CSV and JSON keep them all. */
const TABLE_REASONS = 2;

/** The grade column, coloured by grade when the context allows colour; debtor and invoice views share it. */
function gradeColumn<Row extends { grade: Grade }>(chalk: ReturnType<typeof chalkFor>): Column<Row> {
  return { id: 'grade', head: 'HEAD_GRADE', kind: 'text', value: (row) => row.grade, display: (row) => gradeColor(chalk, row.grade)(row.grade) };
}

/** Columns of the debtor report; `withChanges` shows the change since the last run in the table too. */
export function debtorColumns(context: ReportContext, withChanges = false): Column<DebtorRow>[] {
  const chalk = chalkFor(context);
  const lang = context.lang;
  return [
    { id: 'rank', head: 'HEAD_RANK', kind: 'integer', value: (row) => row.rank, alignRight: true },
    { id: 'customer_id', head: 'HEAD_CUSTOMER_ID', kind: 'input-text', value: (row) => row.customerId, csvOnly: true },
    { id: 'name', head: 'HEAD_DEBTOR', kind: 'input-text', value: (row) => row.name },
    gradeColumn(chalk),
    { id: 'risk', head: 'HEAD_RISK', kind: 'percent', value: (row) => row.risk, alignRight: true },
    { id: 'currency', head: 'HEAD_CURRENCY', kind: 'text', value: (row) => row.currency, csvOnly: true },
    { id: 'open_balance', head: 'HEAD_OPEN', kind: 'money', value: (row) => row.openBalance, currency: (row) => row.currency, alignRight: true },
    { id: 'overdue_balance', head: 'HEAD_OVERDUE', kind: 'money', value: (row) => row.overdueBalance, currency: (row) => row.currency, alignRight: true },
    { id: 'expected_at_risk', head: 'HEAD_AT_RISK', kind: 'money', value: (row) => row.expectedAtRisk, currency: (row) => row.currency, alignRight: true },
    { id: 'open_invoices', head: 'HEAD_INVOICE', kind: 'integer', value: (row) => row.openInvoices, csvOnly: true },
    {
      id: 'oldest_overdue_days',
      head: 'HEAD_OLDEST',
      kind: 'integer',
      value: (row) => row.oldestOverdueDays,
      display: (row) => (row.oldestOverdueDays === null ? message(lang, 'VALUE_NONE') : message(lang, 'VALUE_DAYS', { days: row.oldestOverdueDays })),
      alignRight: true,
    },
    {
      id: 'recent_days_late',
      head: 'HEAD_TREND',
      kind: 'text',
      value: (row) => row.recentDaysLate.join(' '),
      display: (row) => {
        if (row.noHistory) return message(lang, 'VALUE_NO_HISTORY');
        const trend = row.trendDays === null ? '' : `\n${message(lang, 'VALUE_TREND', { days: formatSignedDays(row.trendDays, lang) })}`;
        return sparkline(row.recentDaysLate) + trend;
      },
    },
    { id: 'trend_days', head: 'HEAD_TREND', kind: 'number', value: (row) => (row.trendDays === null ? null : Math.round(row.trendDays * 100) / 100), csvOnly: true },
    { id: 'no_history', head: 'VALUE_NO_HISTORY', kind: 'text', value: (row) => row.noHistory, csvOnly: true },
    { id: 'nothing_owed', head: 'VALUE_NOTHING_OWED', kind: 'text', value: (row) => row.nothingOwed, csvOnly: true },
    {
      id: 'flags',
      head: 'HEAD_FLAGS',
      kind: 'text',
      value: (row) => row.flags.map((flag) => flag.code).join(' '),
      display: (row) => row.flags.map((flag) => (flag.severity === 'critical' ? chalk.red(flag.message) : flag.message)).join('\n'),
    },
    // The codes above are for filters and scripts, and a spreadsheet reader gets the same flags in words.
    { id: 'flags_text', head: 'HEAD_FLAGS', kind: 'text', value: (row) => row.flags.map((flag) => flag.message).join('; '), csvOnly: true },
    {
      id: 'reasons',
      head: 'HEAD_REASONS',
      kind: 'text',
      value: (row) => row.reasons.map((reason) => reason.message).join('; '),
      display: (row) => row.reasons.slice(0, TABLE_REASONS).map((reason) => reason.message).join('\n'),
    },
    {
      id: 'next_action',
      head: 'HEAD_ACTION',
      kind: 'text',
      value: (row) => row.nextAction?.code ?? null,
      display: (row) => (row.nextAction ? `${row.nextAction.date}\n${row.nextAction.message}` : message(lang, 'VALUE_NONE')),
    },
    { id: 'next_action_date', head: 'HEAD_ACTION', kind: 'date', value: (row) => row.nextAction?.date ?? null, csvOnly: true },
    { id: 'next_action_text', head: 'HEAD_ACTION', kind: 'text', value: (row) => row.nextAction?.message ?? null, csvOnly: true },
    {
      id: 'change',
      head: 'HEAD_CHANGE',
      kind: 'text',
      value: (row) => row.change ?? null,
      display: (row) => (row.change ? message(lang, `CHANGE_${row.change.toUpperCase().replace('-', '_')}`) : message(lang, 'VALUE_NONE')),
      csvOnly: !withChanges,
    },
  ];
}

/** Debtor table columns that wrap their text. */
export const DEBTOR_WRAP = ['name', 'flags', 'reasons', 'next_action'];

/**
 * Debtor table columns left out, first to last, when the table does not fit the width: the lateness
 * sparkline, reasons and oldest overdue first, then the amounts other than the one at risk, then flags
 * and grade. Rank, debtor, risk, amount at risk and next action are never left out, because a collector
 * works down the list with them.
 */
export const DEBTOR_DROP_ORDER = ['recent_days_late', 'reasons', 'oldest_overdue_days', 'open_balance', 'overdue_balance', 'flags', 'grade'];

/** Invoice table columns that wrap their text. */
export const INVOICE_WRAP = ['name', 'days_overdue'];

/**
 * Invoice table columns left out, first to last. Days overdue is kept, and it makes the due date the least
 * needed. The balance goes before the amount at risk, which ranks the invoices, as in the debtor table.
 */
export const INVOICE_DROP_ORDER = ['expected_payment_date', 'issue_date', 'grade', 'due_date', 'balance'];

export function invoiceColumns(context: ReportContext): Column<InvoiceRow>[] {
  const chalk = chalkFor(context);
  return [
    { id: 'rank', head: 'HEAD_RANK', kind: 'integer', value: (row) => row.rank, alignRight: true },
    { id: 'invoice_id', head: 'HEAD_INVOICE', kind: 'input-text', value: (row) => row.invoiceId },
    { id: 'customer_id', head: 'HEAD_CUSTOMER_ID', kind: 'input-text', value: (row) => row.customerId, csvOnly: true },
    { id: 'name', head: 'HEAD_DEBTOR', kind: 'input-text', value: (row) => row.name },
    gradeColumn(chalk),
    { id: 'risk', head: 'HEAD_RISK', kind: 'percent', value: (row) => row.risk, alignRight: true },
    { id: 'currency', head: 'HEAD_CURRENCY', kind: 'text', value: (row) => row.currency, csvOnly: true },
    { id: 'issue_date', head: 'HEAD_ISSUED', kind: 'date', value: (row) => row.issueDate },
    { id: 'due_date', head: 'HEAD_DUE', kind: 'date', value: (row) => row.dueDate },
    { id: 'balance', head: 'HEAD_BALANCE', kind: 'money', value: (row) => row.balance, currency: (row) => row.currency, alignRight: true },
    { id: 'expected_at_risk', head: 'HEAD_AT_RISK', kind: 'money', value: (row) => row.expectedAtRisk, currency: (row) => row.currency, alignRight: true },
    {
      id: 'days_overdue',
      head: 'HEAD_DAYS_OVERDUE',
      kind: 'integer',
      value: (row) => row.daysOverdue,
      // A negative number of days overdue reads as nonsense, so the table says when a not-yet-due invoice falls due.
      display: (row) => (row.daysOverdue < 0 ? message(context.lang, 'VALUE_DUE_IN_DAYS', { count: -row.daysOverdue }) : String(row.daysOverdue)),
      alignRight: true,
    },
    { id: 'expected_payment_date', head: 'HEAD_EXPECTED_PAYMENT', kind: 'date', value: (row) => row.expectedPaymentDate ?? null },
    { id: 'payment_date_low', head: 'HEAD_EXPECTED_PAYMENT', kind: 'date', value: (row) => row.paymentDateLow ?? null, csvOnly: true },
    { id: 'payment_date_high', head: 'HEAD_EXPECTED_PAYMENT', kind: 'date', value: (row) => row.paymentDateHigh ?? null, csvOnly: true },
  ];
}
