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
  /** Days late of the most recent settled invoices, oldest first (for sparklines). */
  recentDaysLate: number[];
  /** Recent minus earlier mean days late; null without enough history. */
  trendDays: number | null;
  noHistory: boolean;
  flags: Flag[];
  reasons: Reason[];
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
}

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
}
