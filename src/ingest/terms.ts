// Payment terms written as text, used when a row has no due date.
//
// Rule for end-of-month terms (`EOM`, `Net 30 EOM`, `30 dagar netto månadsslut`, `30 días fin de
// mes`): the due date is the last day of the invoice's month plus the number of days, so `Net 30
// EOM` on an invoice of 10 March is due 30 April, and `EOM` alone is due 31 March.

import { dayFromParts, formatDay } from '../dates.js';

export interface Terms {
  days: number;
  endOfMonth: boolean;
}

/** Words that mean "due at once". */
const IMMEDIATE = /^(due on receipt|due upon receipt|upon receipt|on receipt|immediate(ly)?|cash|prepaid|kontant|kontant betalning|vid leverans|omgaende|pagadero a la recepcion|al contado|contado|pago inmediato|a la vista)$/;
const END_OF_MONTH = /\b(eom|end of month|manadsslut|manadens slut|fin de mes)\b/;
/** Words around the number that do not change its meaning. */
const NOISE = /\b(net|netto|neto|days?|dagar|dgr|dag|d|dias?|plazo|a|de|payment|betalning|within|inom|pago|terms?|villkor)\b|\+/g;

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,:;()]/g, ' ')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses terms text or a plain number of days; returns null when the text cannot be read. */
export function parseTerms(raw: string | number): Terms | null {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 && raw <= 3650 ? { days: raw, endOfMonth: false } : null;
  const text = fold(raw);
  if (text === '') return null;
  if (IMMEDIATE.test(text)) return { days: 0, endOfMonth: false };
  const endOfMonth = END_OF_MONTH.test(text);
  const rest = text.replace(END_OF_MONTH, ' ').replace(NOISE, ' ').replace(/\s+/g, ' ').trim();
  if (rest === '') return endOfMonth ? { days: 0, endOfMonth: true } : null;
  if (!/^\d{1,4}$/.test(rest)) return null;
  const days = Number(rest);
  if (days > 3650) return null;
  return { days, endOfMonth };
}

/** Returns the due date of an invoice issued on `issueDay` under the terms. */
export function dueDateFromTerms(issueDay: number, terms: Terms): number {
  if (!terms.endOfMonth) return issueDay + terms.days;
  const [year, month] = formatDay(issueDay).split('-').map(Number);
  const firstOfNext = month === 12 ? dayFromParts(year + 1, 1, 1)! : dayFromParts(year, month + 1, 1)!;
  return firstOfNext - 1 + terms.days;
}
