// Debtor archetypes of the simulator. Each returns the days from due date to payment for one invoice,
// or null when the debtor never pays it (a default).

import { normal } from './random.js';

export type Archetype = 'punctual' | 'seasonal' | 'worsening' | 'chronic' | 'disputing' | 'sudden_default' | 'new_customer';

/** What the simulator tells an archetype about an invoice. */
export interface InvoiceContext {
  issueDay: number;
  dueDay: number;
  /** 0 at the start of the simulated period, 1 at its end. */
  progress: number;
  /** Calendar month of the due date, 1-12. */
  dueMonth: number;
  disputed: boolean;
}

/** Per-debtor parameters drawn once. */
export interface DebtorTraits {
  archetype: Archetype;
  /** Typical days after due (negative = early) when nothing special happens. */
  baseDelay: number;
  /** Spread of the delay in days. */
  spread: number;
  /** Probability that an invoice is disputed. */
  disputeRate: number;
  /** For worsening debtors: extra days late by the end of the period. */
  drift: number;
  /** Months in which a seasonal debtor pays late. */
  slowMonths: number[];
  /** For sudden defaults: progress (0-1) after which nothing is paid. */
  defaultAt: number;
  /** Pays in a monthly payment run at month end instead of on the day. */
  monthEndRun: boolean;
  /** Probability of paying in two parts. */
  partialRate: number;
}

/**
 * Mix of archetypes among debtors; the weights are a judgement for small-business receivables, not
 * measured shares.
 */
export const ARCHETYPE_WEIGHTS: Record<Archetype, number> = {
  punctual: 0.38,
  seasonal: 0.1,
  worsening: 0.1,
  chronic: 0.17,
  disputing: 0.1,
  sudden_default: 0.05,
  new_customer: 0.1,
};

/** Days late of one invoice for a debtor, or null when it is never paid. */
export function delayFor(traits: DebtorTraits, invoice: InvoiceContext, random: () => number): number | null {
  const noise = normal(random) * traits.spread;
  let delay = traits.baseDelay + noise;
  switch (traits.archetype) {
    case 'seasonal':
      if (traits.slowMonths.includes(invoice.dueMonth)) delay += 15 + random() * 25;
      break;
    case 'worsening':
      delay += traits.drift * invoice.progress * invoice.progress;
      break;
    case 'sudden_default':
      if (invoice.progress >= traits.defaultAt) return null;
      break;
    default:
      break;
  }
  if (invoice.disputed) delay += 20 + random() * 40;
  return Math.round(delay);
}
