// Types and limits that scoring carries from the model rows to the ranking: the scored invoices, their
// explanations and the bounds of a shown risk. Shared by score.ts, which runs the model, and rank.ts.

import type { DebtorSnapshot, OpenInvoice } from '../features/types.js';
import type { Contributions, Matrix } from '../forest/types.js';
import type { PaymentDatePrediction } from '../model/types.js';
import type { ScoringConfig } from './config.js';

/**
 * Lowest and highest risk shown. A forest's vote share can be exactly 0 or 1 even after calibration, and
 * no debtor is certain to pay on time or late, so the shown risk stays inside [0.01, 0.99].
 */
export const MIN_RISK = 0.01;
export const MAX_RISK = 0.99;

export function clipRisk(risk: number): number {
  return Math.min(MAX_RISK, Math.max(MIN_RISK, risk));
}

/** A debtor's snapshot with its credit applied: the invoices that carry risk and their balances after credit. */
export interface CreditedDebtor {
  /** The snapshot with overdue stats recomputed after credit; flags and reason words read this one. */
  snapshot: DebtorSnapshot;
  /** Invoices (not credit notes) with money still owed after credit, with that amount as `balance`. */
  scorable: OpenInvoice[];
  /** Per scorable invoice, the snapshot's own open invoice it was made from, whose balance is before credit. */
  ledgerOpen: OpenInvoice[];
}

export interface ScoredInvoice {
  snapshot: DebtorSnapshot;
  /** The invoice with its balance after credit; the model row is built from the ledger's own balance. */
  open: OpenInvoice;
  /** The model row: a view into row `index` of the invoice matrix. */
  row: Float64Array;
  index: number;
  /** Clipped calibrated risk of the model; NaN until predicted or explained (see collectExplanations). */
  risk: number;
  /** Unpaid more than the model's lateAfterDays after the due date, so shown at MAX_RISK whatever `risk` is. */
  alreadyLate: boolean;
  prediction: PaymentDatePrediction | null;
}

/** Returns the risk shown for an invoice: MAX_RISK when it is already late, else the model's risk. */
export function shownRisk(scored: ScoredInvoice): number {
  return scored.alreadyLate ? MAX_RISK : scored.risk;
}

/** A debtor with nothing open, scored on its debtor row. */
export interface DebtorRowScore {
  row: Float64Array;
  risk: number;
  contributions: Contributions;
}

/** Contributions of every explained invoice and every debtor scored on its debtor row. */
export interface Explanations {
  /** Per debtor with open invoices: its explained invoices and their contributions. */
  invoices: Map<DebtorSnapshot, Map<ScoredInvoice, Contributions>>;
  debtorRows: Map<DebtorSnapshot, DebtorRowScore>;
}

/** Invoice rows and snapshots ready for the model, before any prediction. */
export interface PreparedScoring {
  config: ScoringConfig;
  featureNames: string[];
  credited: Map<DebtorSnapshot, CreditedDebtor>;
  scored: ScoredInvoice[];
  invoiceMatrix: Matrix;
  invoicesByDebtor: Map<DebtorSnapshot, ScoredInvoice[]>;
  /** Debtors with no scorable invoice, scored on their debtor row. */
  debtorRowSnapshots: DebtorSnapshot[];
}
