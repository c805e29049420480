// Replays one customer's documents in date order and calls back at the requested days. Within a day the
// order is: documents issued, `issue`-moment queries, payments, settlements, `end`-moment queries. So an
// `issue` query sees the invoices issued that day but no payment dated that day, and an `end` query sees
// every fact dated on or before its day.

import type { Invoice, Ledger } from '../ingest/ledger.js';
import type { DelayAdjustment } from './delay-adjustment.js';
import { DebtorHistory, type Moment } from './history.js';
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
  // By customer first: one map lookup per invoice, and almost every customer has one currency.
  const byCustomer = new Map<string, Invoice[]>();
  for (const invoice of ledger.invoices) {
    const list = byCustomer.get(invoice.customerId);
    if (list) list.push(invoice);
    else byCustomer.set(invoice.customerId, [invoice]);
  }

  const groups = new Map<string, Invoice[]>();
  for (const [customerId, invoices] of byCustomer) {
    const first = invoices[0].currency;
    if (invoices.every((invoice) => invoice.currency === first)) {
      groups.set(`${customerId}\u0000${first}`, invoices);
      continue;
    }
    // Currencies in the order they first appear, as for customers.
    const byCurrency = new Map<string, Invoice[]>();
    for (const invoice of invoices) {
      const list = byCurrency.get(invoice.currency);
      if (list) list.push(invoice);
      else byCurrency.set(invoice.currency, [invoice]);
    }
    for (const [currency, list] of byCurrency) groups.set(`${customerId}\u0000${currency}`, list);
  }
  return groups;
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
  for (const invoice of invoices) capacity += 2 + invoice.payments.length;
  const days = new Float64Array(capacity);
  const orders = new Uint8Array(capacity);
  const indices = new Int32Array(capacity);
  const amounts = new Float64Array(capacity);
  // 1 for a payment whose day the export did not give (Payment.dateUnknown), else 0.
  const undated = new Uint8Array(capacity);
  let count = 0;
  const push = (day: number, order: number, index: number, amount: number, dateUnknown = false): void => {
    days[count] = day;
    orders[count] = order;
    indices[count] = index;
    amounts[count] = amount;
    undated[count] = dateUnknown ? 1 : 0;
    count++;
  };

  invoices.forEach((invoice, index) => {
    if (invoice.issueDate > lastDay) return;
    push(invoice.issueDate, ORDER_ISSUE, index, 0);
    for (const payment of invoice.payments) {
      const day = Math.max(payment.date, invoice.issueDate);
      if (day <= lastDay) push(day, ORDER_PAYMENT, index, payment.amount, payment.dateUnknown === true);
    }
    if (invoice.settledDate !== null) {
      const day = Math.max(invoice.settledDate, invoice.issueDate);
      if (day <= lastDay) push(day, ORDER_SETTLE, index, 0);
    }
  });
  queries.forEach((query, index) => {
    push(query.day, query.moment === 'issue' ? ORDER_ISSUE_QUERY : ORDER_END_QUERY, index, 0);
  });
  const order = eventOrder(days.subarray(0, count), orders, indices);

  const history = new DebtorHistory(customerId, extraColumns, adjustment);
  for (const e of order) {
    switch (orders[e]) {
      case ORDER_ISSUE:
        history.issue(invoices[indices[e]]);
        break;
      case ORDER_PAYMENT:
        history.pay(invoices[indices[e]].id, days[e], amounts[e], undated[e] === 0);
        break;
      case ORDER_SETTLE:
        history.settle(invoices[indices[e]].id, days[e]);
        break;
      default:
        onQuery(history, queries[indices[e]]);
    }
  }
  return history;
}

/**
 * Returns the event positions sorted by day, then order within the day, then document or query
 * index. Events were pushed by ascending index within each order, so the position breaks ties the
 * same way as the index, and (day, order, position) packs into one number that a typed array sorts
 * without a comparator. Spans too wide to pack fall back to a comparator sort.
 */
function eventOrder(days: Float64Array, orders: Uint8Array, indices: Int32Array): Int32Array {
  const count = days.length;
  let first = Infinity;
  let last = -Infinity;
  for (const day of days) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const slots = (last - first + 1) * ORDER_SLOTS;
  if (count === 0 || !Number.isSafeInteger(slots * count)) {
    return Int32Array.from(days, (_, i) => i).sort((a, b) => days[a] - days[b] || orders[a] - orders[b] || indices[a] - indices[b]);
  }

  const keys = new Float64Array(count);
  for (let e = 0; e < count; e++) keys[e] = ((days[e] - first) * ORDER_SLOTS + orders[e]) * count + e;
  keys.sort();
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = keys[i] % count;
  return order;
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
