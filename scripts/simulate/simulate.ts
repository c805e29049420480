// A seeded simulator of small businesses' receivables: each business has its own invoice sizes, terms
// and debtors, and each debtor follows an archetype (see archetypes.ts). Used to train the bundled
// model, to write the sample export and to build benchmark files.

import { formatDay, parseIsoDay } from '../../src/dates.js';
import type { Invoice, Ledger, Payment } from '../../src/ingest/ledger.js';
import { ARCHETYPE_WEIGHTS, delayFor, type DebtorTraits } from './archetypes.js';
import { normal, pick, seededRandom, weighted } from './random.js';

export interface SimulationOptions {
  seed: number;
  businesses: number;
  /** Debtors per business: a fixed count or an inclusive range. */
  debtors: number | [number, number];
  years: number;
  /** First day of the simulated period, YYYY-MM-DD; default 2023-01-01. */
  start?: string;
  /** Facts after this day are unknown: later payments are left out and their invoices stay open. Default: end of period. */
  asOf?: string;
  /** Currency code on every invoice; default SEK. */
  currency?: string;
  /** Mean invoices per debtor and month: an inclusive range drawn per debtor; default [0.3, 4]. */
  invoicesPerMonth?: [number, number];
}

export interface SimulatedInvoice extends Invoice {
  business: number;
  archetype: DebtorTraits['archetype'];
}

const PAYMENT_TERMS = [10, 14, 15, 20, 30, 30, 30, 45, 60];
const COMPANY_WORDS = ['Alder', 'Birch', 'Cedar', 'Elm', 'Fjord', 'Granit', 'Hav', 'Lind', 'Norr', 'Sjö', 'Berg', 'Dal', 'Ek', 'Gran', 'Ljung', 'Mosse', 'Rönn', 'Strand', 'Vik', 'Älv'];
const COMPANY_FORMS = ['AB', 'Bygg AB', 'Konsult AB', 'Handel AB', '& Co', 'Service AB', 'Transport AB', 'Design AB'];

function drawTraits(random: () => number): DebtorTraits {
  const archetype = weighted(random, ARCHETYPE_WEIGHTS);
  const traits: DebtorTraits = {
    archetype,
    baseDelay: -3 + normal(random) * 2,
    spread: 2 + random() * 2,
    disputeRate: 0.02,
    drift: 0,
    slowMonths: [],
    defaultAt: 2,
    monthEndRun: random() < 0.2,
    partialRate: random() < 0.3 ? 0.05 + random() * 0.15 : 0,
  };
  switch (archetype) {
    case 'seasonal':
      traits.baseDelay = -1 + normal(random) * 2;
      traits.slowMonths = random() < 0.5 ? [7, 8] : [12, 1];
      break;
    case 'worsening':
      traits.baseDelay = normal(random) * 2;
      traits.drift = 20 + random() * 40;
      break;
    case 'chronic':
      traits.baseDelay = 8 + random() * 32;
      traits.spread = 5 + random() * 7;
      break;
    case 'disputing':
      traits.baseDelay = normal(random) * 3;
      traits.spread = 4;
      traits.disputeRate = 0.2 + random() * 0.2;
      break;
    case 'sudden_default':
      traits.baseDelay = normal(random) * 3;
      traits.defaultAt = 0.4 + random() * 0.55;
      break;
    case 'new_customer':
      traits.baseDelay = -3 + random() * 28;
      traits.spread = 3 + random() * 5;
      break;
    default:
      break;
  }
  return traits;
}

function monthEndOnOrAfter(day: number): number {
  const date = new Date(day * 86_400_000);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / 86_400_000);
}

/** Simulates one business; `index` makes its random stream independent of the others. */
export function simulateBusiness(options: SimulationOptions, index: number): SimulatedInvoice[] {
  const random = seededRandom((options.seed * 1_000_003 + index * 7919) >>> 0);
  const start = parseIsoDay(options.start ?? '2023-01-01') as number;
  const end = start + Math.round(options.years * 365) - 1;
  const asOf = options.asOf ? (parseIsoDay(options.asOf) as number) : end;
  const lastIssue = Math.min(end, asOf);
  const currency = options.currency ?? 'SEK';
  const [lowRate, highRate] = options.invoicesPerMonth ?? [0.3, 4];
  const debtorCount = typeof options.debtors === 'number' ? options.debtors : options.debtors[0] + Math.floor(random() * (options.debtors[1] - options.debtors[0] + 1));

  // Business scale: median invoice from about 1,000 to 60,000 in the currency.
  const medianAmount = Math.exp(Math.log(8000) + normal(random) * 1.0);
  const businessTerms = pick(random, PAYMENT_TERMS);
  const invoices: SimulatedInvoice[] = [];
  let invoiceNumber = 1000;

  for (let d = 0; d < debtorCount; d += 1) {
    const traits = drawTraits(random);
    const customerId = `${index + 1}-${1000 + d}`;
    const customerName = `${pick(random, COMPANY_WORDS)}${pick(random, COMPANY_WORDS).toLowerCase()} ${pick(random, COMPANY_FORMS)}`;
    const debtorScale = medianAmount * Math.exp(normal(random) * 0.7);
    const terms = random() < 0.8 ? businessTerms : pick(random, PAYMENT_TERMS);
    const ratePerDay = (lowRate + random() * (highRate - lowRate)) / 30.4;
    const firstDay = traits.archetype === 'new_customer' ? start + Math.floor((0.3 + random() * 0.6) * (end - start)) : start + Math.floor(random() * 60);

    let day = firstDay + Math.floor(-Math.log(Math.max(random(), 1e-9)) / ratePerDay);
    while (day <= lastIssue) {
      const dueDate = day + terms;
      const disputed = random() < traits.disputeRate;
      const progress = (day - start) / Math.max(end - start, 1);
      const delay = delayFor(traits, { issueDay: day, dueDay: dueDate, progress, dueMonth: new Date(dueDate * 86_400_000).getUTCMonth() + 1, disputed }, random);
      const amount = Math.max(Math.round(debtorScale * Math.exp(normal(random) * 0.5) * 100) / 100, 1);

      let payDay = delay === null ? null : Math.max(dueDate + delay, day);
      if (payDay !== null && traits.monthEndRun) payDay = monthEndOnOrAfter(payDay);
      const payments: Payment[] = [];
      if (payDay !== null && random() < traits.partialRate && payDay - day > 2) {
        const firstPart = day + 1 + Math.floor(random() * (payDay - day - 1));
        const part = Math.round(amount * (0.3 + random() * 0.4) * 100) / 100;
        if (firstPart <= asOf) payments.push({ date: firstPart, amount: part });
        if (payDay <= asOf) payments.push({ date: payDay, amount: Math.round((amount - part) * 100) / 100 });
      } else if (payDay !== null && payDay <= asOf) {
        payments.push({ date: payDay, amount });
      }
      const settledDate = payDay !== null && payDay <= asOf ? payDay : null;

      invoiceNumber += 1;
      invoices.push({
        business: index,
        archetype: traits.archetype,
        id: `${index + 1}-${invoiceNumber}`,
        customerId,
        customerName,
        issueDate: day,
        dueDate,
        amount,
        currency,
        kind: 'invoice',
        payments,
        settledDate,
        termsDays: terms,
        disputed,
        extra: {},
        source: { file: `simulated-business-${index + 1}` },
      });
      day += 1 + Math.floor(-Math.log(Math.max(random(), 1e-9)) / ratePerDay);
    }
  }
  invoices.sort((a, b) => a.issueDate - b.issueDate || (a.id < b.id ? -1 : 1));
  return invoices;
}

/** Simulates every business; each comes back as its own ledger. */
export function simulateLedgers(options: SimulationOptions): Ledger[] {
  return Array.from({ length: options.businesses }, (_, index) => ({ invoices: simulateBusiness(options, index), extraColumns: [] }));
}

/** Simulates every business into one list of invoices. */
export function simulateLedger(options: SimulationOptions): SimulatedInvoice[] {
  const all: SimulatedInvoice[] = [];
  for (let index = 0; index < options.businesses; index += 1) {
    for (const invoice of simulateBusiness(options, index)) all.push(invoice);
  }
  return all;
}

/** Header of the CSV lines that simulateCsvLines yields (comma, ISO dates, decimal point). */
export const CSV_HEADER = 'InvoiceNo,CustomerNo,Customer,InvoiceDate,DueDate,Amount,Currency,PaidDate';

/**
 * Yields a CSV export line by line, one business at a time, so a benchmark file of a million invoices
 * never sits in memory. A partly paid invoice shows as open (no paid date) until its last payment.
 */
export function* simulateCsvLines(options: SimulationOptions): Generator<string> {
  yield CSV_HEADER;
  for (let index = 0; index < options.businesses; index += 1) {
    for (const invoice of simulateBusiness(options, index)) {
      const paid = invoice.settledDate === null ? '' : formatDay(invoice.settledDate);
      const name = invoice.customerName.includes(',') ? `"${invoice.customerName}"` : invoice.customerName;
      yield `${invoice.id},${invoice.customerId},${name},${formatDay(invoice.issueDate)},${formatDay(invoice.dueDate)},${invoice.amount.toFixed(2)},${invoice.currency},${paid}`;
    }
  }
}
