// Replays one customer's documents in date order and calls back at the requested days. Within a day the
// order is: documents issued, `issue`-moment queries, payments, settlements, `end`-moment queries. So an
// `issue` query sees the invoices issued that day but no payment dated that day, and an `end` query sees
// every fact dated on or before its day.

import type { Invoice, Ledger } from '../ingest/ledger.js';
import type { DelayAdjustment } from './delay-adjustment.js';
import { DebtorHistory, type Moment, type Tracked } from './history.js';
import { upperBound } from './sorted.js';

export interface ReplayQuery {
  day: number;
  moment: Moment;
  /** Caller's index for the query, passed back to the callback. */
  tag: number;
}

const ORDER_ISSUE = 0;
const ORDER_ISSUE_QUERY = 1;
const ORDER_PAYMENT = 2;
const ORDER_SETTLE = 3;
const ORDER_END_QUERY = 4;
/** Distinct order values within a day. */
const ORDER_SLOTS = 5;

/**
 * Groups a ledger's documents by debtor: customer key and currency, because amounts in different
 * currencies are never added together, so a customer billed in two currencies is two debtors. Keeps
 * the ledger order inside each group. The map key sorts like the customer key, then the currency.
 */
export function groupByCustomer(ledger: Ledger): Map<string, Invoice[]> {
  // Two passes: number the customers and count their documents, then put each document in a list made
  // at its customer's size, because growing 50,000 lists one push at a time showed in profiles. The
  // first pass also notes a customer's first currency and whether any other currency follows it.
  const invoices = ledger.invoices;
  const numbers = new Map<string, number>();
  const customerOf = new Int32Array(invoices.length);
  const counts: number[] = [];
  const firstCurrency: string[] = [];
  const mixed: boolean[] = [];
  for (let i = 0; i < invoices.length; i += 1) {
    const invoice = invoices[i];
    let customer = numbers.get(invoice.customerId);
    if (customer === undefined) {
      customer = counts.length;
      numbers.set(invoice.customerId, customer);
      counts.push(0);
      firstCurrency.push(invoice.currency);
      mixed.push(false);
    } else if (invoice.currency !== firstCurrency[customer]) mixed[customer] = true;
    customerOf[i] = customer;
    counts[customer] += 1;
  }
  const lists = counts.map((count) => new Array<Invoice>(count));
  const filled = new Int32Array(counts.length);
  for (let i = 0; i < invoices.length; i += 1) {
    const customer = customerOf[i];
    lists[customer][filled[customer]] = invoices[i];
    filled[customer] += 1;
  }

  // By customer in order of first appearance; almost every customer has one currency.
  const groups = new Map<string, Invoice[]>();
  for (const [customerId, customer] of numbers) {
    if (!mixed[customer]) {
      groups.set(`${customerId}\u0000${firstCurrency[customer]}`, lists[customer]);
      continue;
    }
    // Currencies in the order they first appear, as for customers.
    const byCurrency = new Map<string, Invoice[]>();
    for (const invoice of lists[customer]) {
      const list = byCurrency.get(invoice.currency);
      if (list) list.push(invoice);
      else byCurrency.set(invoice.currency, [invoice]);
    }
    for (const [currency, list] of byCurrency) groups.set(`${customerId}\u0000${currency}`, list);
  }
  return groups;
}

/** Parallel arrays of one replay's events and their sorted order; see takeEvents. */
interface EventArrays {
  days: Float64Array;
  orders: Uint8Array;
  indices: Int32Array;
  amounts: Float64Array;
  /** 1 for a payment whose day the export did not give (Payment.dateUnknown), else 0. */
  undated: Uint8Array;
  /** Sort keys and the sorted event positions (eventOrder). */
  keys: Float64Array;
  order: Int32Array;
}

/** Largest event arrays kept for the next replay (events), so one huge debtor does not hold memory. */
const MAX_SPARE_EVENTS = 1 << 16;

/**
 * Event arrays left by the last replay. A ledger replays tens of thousands of debtors, and seven new
 * typed arrays per debtor showed in profiles. A replay takes them while it runs, so a replay started
 * from inside a callback gets arrays of its own.
 */
let spareEvents: EventArrays | null = null;

function takeEvents(capacity: number): EventArrays {
  const spare = spareEvents;
  spareEvents = null;
  if (spare !== null && spare.days.length >= capacity) return spare;
  const size = Math.max(capacity, 2 * (spare?.days.length ?? 128));
  return {
    days: new Float64Array(size),
    orders: new Uint8Array(size),
    indices: new Int32Array(size),
    amounts: new Float64Array(size),
    undated: new Uint8Array(size),
    keys: new Float64Array(size),
    order: new Int32Array(size),
  };
}

function giveBackEvents(events: EventArrays): void {
  if (events.days.length <= MAX_SPARE_EVENTS) spareEvents = events;
}

function addEvent(events: EventArrays, at: number, day: number, order: number, index: number, amount: number, undated: boolean): void {
  events.days[at] = day;
  events.orders[at] = order;
  events.indices[at] = index;
  events.amounts[at] = amount;
  events.undated[at] = undated ? 1 : 0;
}

/**
 * Replays a customer's documents and calls `onQuery` for each query with the history as of that query.
 * Facts dated after `lastDay` are ignored, so nothing after the last query day is ever seen. Payments
 * and settlements dated before the issue date are moved to the issue date.
 */
export function replayCustomer(
  customerId: string,
  invoices: readonly Invoice[],
  extraColumns: readonly string[],
  queries: readonly ReplayQuery[],
  lastDay: number,
  onQuery: (history: DebtorHistory, query: ReplayQuery) => void,
  adjustment?: DelayAdjustment,
): DebtorHistory {
  // Events live in parallel typed arrays (no object per event), because a large ledger has millions.
  // Each document gives at most an issue, its payments and a settlement, and each query one event.
  let capacity = queries.length;
  for (let index = 0; index < invoices.length; index += 1) capacity += 2 + invoices[index].payments.length;
  const events = takeEvents(capacity);
  let count = 0;

  for (let index = 0; index < invoices.length; index += 1) {
    const invoice = invoices[index];
    if (invoice.issueDate > lastDay) continue;
    addEvent(events, count++, invoice.issueDate, ORDER_ISSUE, index, 0, false);
    for (const payment of invoice.payments) {
      const day = Math.max(payment.date, invoice.issueDate);
      if (day <= lastDay) addEvent(events, count++, day, ORDER_PAYMENT, index, payment.amount, payment.dateUnknown === true);
    }
    if (invoice.settledDate !== null) {
      const day = Math.max(invoice.settledDate, invoice.issueDate);
      if (day <= lastDay) addEvent(events, count++, day, ORDER_SETTLE, index, 0, false);
    }
  }
  for (let index = 0; index < queries.length; index += 1) {
    const query = queries[index];
    addEvent(events, count++, query.day, query.moment === 'issue' ? ORDER_ISSUE_QUERY : ORDER_END_QUERY, index, 0, false);
  }
  sortEvents(events, count);

  const { days, orders, indices, amounts, undated, order } = events;
  const history = new DebtorHistory(customerId, extraColumns, adjustment);
  // Documents by their index in `invoices`, set when issued: every payment and settlement comes later.
  const documents = new Array<Tracked>(invoices.length);
  for (let i = 0; i < count; i += 1) {
    const e = order[i];
    switch (orders[e]) {
      case ORDER_ISSUE:
        documents[indices[e]] = history.issue(invoices[indices[e]]);
        break;
      case ORDER_PAYMENT:
        history.payDocument(documents[indices[e]], days[e], amounts[e], undated[e] === 0);
        break;
      case ORDER_SETTLE:
        history.settleDocument(documents[indices[e]], days[e]);
        break;
      default:
        onQuery(history, queries[indices[e]]);
    }
  }
  giveBackEvents(events);
  return history;
}

/**
 * Fills `events.order` with the first `count` event positions sorted by day, then order within the
 * day, then document or query index. Events were pushed by ascending index within each order, so the
 * position breaks ties the same way as the index, and (day, order, position) packs into one number
 * that a typed array sorts without a comparator. Spans too wide to pack fall back to a comparator sort.
 */
function sortEvents(events: EventArrays, count: number): void {
  const { days, orders, indices, keys, order } = events;
  let first = Infinity;
  let last = -Infinity;
  for (let e = 0; e < count; e += 1) {
    const day = days[e];
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const slots = (last - first + 1) * ORDER_SLOTS;
  if (count === 0 || !Number.isSafeInteger(slots * count)) {
    const sorted = Int32Array.from({ length: count }, (_, i) => i).sort((a, b) => days[a] - days[b] || orders[a] - orders[b] || indices[a] - indices[b]);
    order.set(sorted);
    return;
  }

  for (let e = 0; e < count; e += 1) keys[e] = ((days[e] - first) * ORDER_SLOTS + orders[e]) * count + e;
  keys.subarray(0, count).sort();
  for (let i = 0; i < count; i += 1) order[i] = keys[i] % count;
}

/**
 * Total open receivables per currency over time, for each debtor's share of them. Built once per ledger
 * from every document's balance changes, then read by binary search.
 */
export class ReceivablesTimeline {
  private readonly byCurrency = new Map<string, { issueDays: Float64Array; issueTotals: Float64Array; payDays: Float64Array; payTotals: Float64Array }>();

  constructor(ledger: Ledger) {
    // Per currency: net amount issued and net amount paid per day. Days are few compared with
    // documents, so summing per day first leaves only a short list to sort.
    const issues = new Map<string, Map<number, number>>();
    const payments = new Map<string, Map<number, number>>();
    const add = (map: Map<string, Map<number, number>>, currency: string, day: number, delta: number): void => {
      let byDay = map.get(currency);
      if (!byDay) {
        byDay = new Map();
        map.set(currency, byDay);
      }
      byDay.set(day, (byDay.get(day) ?? 0) + delta);
    };

    for (const invoice of ledger.invoices) {
      // Each document adds its amount on its issue day and removes it by payments, then by what is left
      // on its settlement day, so a settled document contributes zero afterwards (as in DebtorHistory).
      add(issues, invoice.currency, invoice.issueDate, invoice.amount);
      let paid = 0;
      for (const payment of invoice.payments) {
        const day = Math.max(payment.date, invoice.issueDate);
        if (invoice.settledDate !== null && day > Math.max(invoice.settledDate, invoice.issueDate)) continue;
        add(payments, invoice.currency, day, payment.amount);
        paid += payment.amount;
      }
      if (invoice.settledDate !== null) {
        add(payments, invoice.currency, Math.max(invoice.settledDate, invoice.issueDate), invoice.amount - paid);
      }
    }

    const cumulate = (byDay: Map<number, number> | undefined): { days: Float64Array; totals: Float64Array } => {
      const days = Float64Array.from(byDay ? byDay.keys() : []).sort();
      const totals = new Float64Array(days.length);
      let total = 0;
      days.forEach((day, i) => {
        total += (byDay as Map<number, number>).get(day) as number;
        totals[i] = total;
      });
      return { days, totals };
    };

    for (const currency of new Set([...issues.keys(), ...payments.keys()])) {
      const issued = cumulate(issues.get(currency));
      const paid = cumulate(payments.get(currency));
      this.byCurrency.set(currency, { issueDays: issued.days, issueTotals: issued.totals, payDays: paid.days, payTotals: paid.totals });
    }
  }

  /** Open receivables in a currency on `day`, as the same moment of a replay sees them; never negative. */
  totalAt(currency: string, day: number, moment: Moment): number {
    const series = this.byCurrency.get(currency);
    if (!series) return 0;
    const issued = cumulativeAt(series.issueDays, series.issueTotals, day);
    const paid = cumulativeAt(series.payDays, series.payTotals, moment === 'issue' ? day - 1 : day);
    return Math.max(issued - paid, 0);
  }
}

function cumulativeAt(days: Float64Array, totals: Float64Array, day: number): number {
  const count = upperBound(days, day);
  return count > 0 ? totals[count - 1] : 0;
}
