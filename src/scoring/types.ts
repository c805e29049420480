// What `score`, `plan` and `forecast` return. Reporters in src/report turn these into table, JSON,
// CSV, NDJSON or HTML; keys are stable English words whatever the output language.

import type { Finding } from '../findings.js';

export type Grade = 'A' | 'B' | 'C' | 'D';

export type FlagSeverity = 'info' | 'warning' | 'critical';

/** An early-warning flag with the numbers that triggered it. */
export interface Flag {
  code: string;
  severity: FlagSeverity;
  evidence: Record<string, number | string>;
}

/** One reason behind a score: a feature's contribution to the risk, with the values a message needs. */
export interface Reason {
  /** Message code in the reasons catalog. */
  code: string;
  feature: string;
  /** Change in risk probability from this feature (positive raises risk). */
  contribution: number;
  args: Record<string, number | string>;
}

/** Which model scored, and why that one. */
export interface ModelChoice {
  source: 'file' | 'trained' | 'bundled';
  path?: string;
  /** Message code explaining the choice, with its values. */
  reason: { code: string; args: Record<string, number | string> };
  holdoutAuc?: number;
}

export interface DebtorScore {
  customerId: string;
  name: string;
  currency: string;
  grade: Grade;
  /** Probability (0-1) that the debtor's open invoices are paid late. */
  risk: number;
  openBalance: number;
  overdueBalance: number;
  /** Sum over open invoices of risk times balance. */
  expectedAtRisk: number;
  openInvoices: number;
  oldestOverdueDays: number | null;
  /** Days late of the most recent paid invoices (prepaid ones left out), oldest first (for sparklines). */
  recentDaysLate: number[];
  /** Recent minus earlier mean days late; null without enough history. */
  trendDays: number | null;
  /** True when the debtor has no settled invoice yet, even if it has open overdue ones. */
  noHistory: boolean;
  flags: Flag[];
  reasons: Reason[];
  /** 'open-invoices': balance-weighted mean of open invoices' risk; 'debtor-row': nothing open, so the debtor's own row. */
  riskSource?: 'open-invoices' | 'debtor-row';
  /**
   * True when no invoice has money owed after credit. The risk then describes a new invoice (useful for
   * credit decisions), such a debtor does not count toward --fail-on, and plan gives it no actions.
   */
  nothingOwed?: boolean;
}

export interface InvoiceScore {
  invoiceId: string;
  customerId: string;
  name: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  balance: number;
  daysOverdue: number;
  risk: number;
  grade: Grade;
  /** Expected payment date (YYYY-MM-DD) with an interval, when a payment-date model ran. */
  expectedPaymentDate?: string;
  paymentDateLow?: string;
  paymentDateHigh?: string;
  /** Source of the expected payment date. */
  paymentDateSource?: PaymentDateSource;
  /** Risk times balance. */
  expectedAtRisk?: number;
  /**
   * Top reasons that raise this invoice's risk. In the debtor view only a debtor's 10 largest amounts at
   * risk are explained, so the others have no reasons. None has them when ScoreOptions.invoiceReasons
   * is false.
   */
  reasons?: Reason[];
}

/**
 * 'model': the payment-date regressor; 'customer-history': the debtor's own past delays (no regressor);
 * 'portfolio': all debtors' delays in the same currency (no regressor and no history of the debtor's own).
 */
export type PaymentDateSource = 'model' | 'customer-history' | 'portfolio';

export interface ScoreResult {
  asOf: string;
  /** True when --as-of was not given and today's date was used. */
  asOfDefaulted: boolean;
  model: ModelChoice;
  debtors: DebtorScore[];
  invoices: InvoiceScore[];
  /** Totals per currency, never summed across currencies. */
  totals: { currency: string; openBalance: number; overdueBalance: number; expectedAtRisk: number }[];
  findings: Finding[];
  /** The requested view: debtors ranked (default) or invoices ranked. */
  view?: 'debtor' | 'invoice';
  /** Lower probability bounds of grades B, C and D that were used. */
  gradeCuts?: { B: number; C: number; D: number };
}

/** Channel of a planned action. 'internal' is a step inside the business, such as stopping credit. */
export type ActionChannel = 'email' | 'sms' | 'phone' | 'letter' | 'internal';

/** One dated collection step, one row per debtor or invoice, ready for a CSV mail merge. */
export interface PlanRow {
  date: string;
  customerId: string;
  name: string;
  /** Message code in the actions catalog. */
  action: string;
  channel: ActionChannel;
  /** The invoice the step is about, or null for a step about the whole debtor. */
  invoiceId: string | null;
  currency: string;
  /** Invoice balance, or the debtor's open balance for a debtor step. */
  amount: number;
  dueDate: string | null;
  daysOverdue: number | null;
  grade: Grade;
  /** Cause of the step: 'grade:B' or 'flag:FLAG_OLDEST_OVERDUE'. */
  trigger: string;
  /** Risk times amount: of the invoice, or the debtor's expected amount at risk for a debtor step. */
  expectedAtRisk?: number;
}

export interface PlanResult {
  asOf: string;
  rows: PlanRow[];
  findings: Finding[];
}

/** Expected cash in for one currency in one week. */
export interface ForecastWeek {
  /** 1 for the week that starts on the as-of day. */
  week: number;
  start: string;
  end: string;
  currency: string;
  expected: number;
  /**
   * Invoices expected to pay at least one minor unit (one cent) in this week. An invoice whose payment
   * interval spans several weeks counts in each, and a week with a count of 0 expects 0.
   */
  invoices: number;
}

export interface ForecastCurrencyTotal {
  currency: string;
  openBalance: number;
  /** Expected cash in within the horizon. */
  expectedInHorizon: number;
  /** Open balance not expected within the horizon, including `doubtful`. */
  beyondHorizon: number;
  /** Balance of invoices so far past due that the forecast does not count on them. */
  doubtful?: number;
  /** Balance expected to arrive after the horizon: `beyondHorizon` without `doubtful`. */
  expectedAfterHorizon?: number;
}

/** An open invoice with less than an even chance of being paid within the horizon. */
export interface UnlikelyInvoice {
  invoiceId: string;
  customerId: string;
  name: string;
  currency: string;
  balance: number;
  probabilityInHorizon: number;
  expectedPaymentDate: string | null;
  /** True when the invoice is past the doubtful limit and left out of the weekly cash. */
  doubtful?: boolean;
}

export interface ForecastResult {
  asOf: string;
  /** Last day of the last forecast week. */
  horizonEnd?: string;
  weeks: ForecastWeek[];
  totals: ForecastCurrencyTotal[];
  unlikely: UnlikelyInvoice[];
  findings: Finding[];
}
