// Customer identity: the customer number wins where a row has one; otherwise the name is compared
// after trimming and case folding, never fuzzily. A name-only row joins the customer number that the
// same folded name has elsewhere, when exactly one number has it.

import type { Invoice } from './ledger.js';
import type { Reporter } from './reporter.js';

/** Trims, collapses spaces and case-folds a customer name. */
export function foldName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** foldName with a cache, since a customer's name repeats on each of its invoices. */
function makeFolder(): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let folded = cache.get(name);
    if (folded === undefined) {
      folded = foldName(name);
      if (cache.size < 1_000_000) cache.set(name, folded);
    }
    return folded;
  };
}

/** Sets each invoice's customerId and a customerName that is the same on all of a customer's invoices. */
export function resolveCustomers(invoices: Invoice[], reporter: Reporter): void {
  const fold = makeFolder();
  const numbersByName = new Map<string, Set<string>>();
  const nameOnly = invoices.some((invoice) => invoice.customerId === '');
  for (const invoice of nameOnly ? invoices : []) {
    if (invoice.customerId === '' || invoice.customerName === '') continue;
    const key = fold(invoice.customerName);
    const set = numbersByName.get(key) ?? new Set<string>();
    set.add(invoice.customerId);
    numbersByName.set(key, set);
  }

  const reportedAmbiguous = new Set<string>();
  for (const invoice of invoices) {
    if (invoice.customerId !== '') continue;
    const key = fold(invoice.customerName);
    const numbers = numbersByName.get(key);
    if (numbers && numbers.size === 1) {
      invoice.customerId = [...numbers][0];
      continue;
    }
    if (numbers && numbers.size > 1 && !reportedAmbiguous.has(key)) {
      reportedAmbiguous.add(key);
      reporter.add('INGEST_CUSTOMER_NAME_AMBIGUOUS', 'warning', { name: invoice.customerName, numbers: [...numbers].join(', '), file: invoice.source.file, line: invoice.source.line ?? 0 }, invoice.source);
    }
    invoice.customerId = key;
  }

  // One display name per customer: the first one seen.
  const names = new Map<string, string>();
  for (const invoice of invoices) {
    const name = names.get(invoice.customerId);
    if (name === undefined) names.set(invoice.customerId, invoice.customerName || invoice.customerId);
    invoice.customerName = names.get(invoice.customerId)!;
  }
}

/** Company-form words left out when looking for near-duplicate names. */
const COMPANY_FORMS = new Set(['ab', 'aktiebolag', 'hb', 'kb', 'oy', 'as', 'a/s', 'asa', 'aps', 'ltd', 'limited', 'plc',
  'llc', 'inc', 'corp', 'co', 'company', 'gmbh', 'ag', 'kg', 'sa', 'sl', 'slu', 'srl', 'bv', 'nv', 'sarl', 'sas', 'spa', 'the']);

/** Simplifies a name for comparison by removing accents, punctuation and company forms. */
function nameStem(name: string): string {
  return foldName(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9/ ]/g, ' ')
    .split(' ')
    .filter((word) => word !== '' && !COMPANY_FORMS.has(word))
    .join(' ');
}

/** Up to this many customers, names are also compared by edit distance (quadratic work). */
const EDIT_DISTANCE_LIMIT = 3000;

export interface NearDuplicate {
  names: string[];
  customerIds: string[];
}

/**
 * Lists customers whose names look alike but were kept apart: same stem after removing company
 * forms, or (for short lists) at most two edits apart. For inspect output only; nothing is merged.
 */
export function findNearDuplicateNames(invoices: Invoice[]): NearDuplicate[] {
  const customers = new Map<string, string>();
  for (const invoice of invoices) if (!customers.has(invoice.customerId)) customers.set(invoice.customerId, invoice.customerName);
  const entries = [...customers.entries()].map(([id, name]) => ({ id, name, stem: nameStem(name) }));

  const groups = new Map<string, typeof entries>();
  for (const entry of entries) {
    if (entry.stem === '') continue;
    const list = groups.get(entry.stem) ?? [];
    list.push(entry);
    groups.set(entry.stem, list);
  }
  const result: NearDuplicate[] = [];
  const paired = new Set<string>();
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    result.push({ names: list.map((e) => e.name), customerIds: list.map((e) => e.id) });
    for (const e of list) paired.add(e.id);
  }
  if (entries.length <= EDIT_DISTANCE_LIMIT) {
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const a = entries[i];
        const b = entries[j];
        if (a.stem === b.stem || a.stem.length < 5 || b.stem.length < 5) continue;
        if (paired.has(a.id) && paired.has(b.id)) continue;
        if (Math.abs(a.stem.length - b.stem.length) <= 2 && editDistance(a.stem, b.stem, 2) <= 2) {
          result.push({ names: [a.name, b.name], customerIds: [a.id, b.id] });
        }
      }
    }
  }
  return result;
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}
