// Expected cash in per week and currency. Each open invoice's payment day is spread over its expected
// payment interval with a triangular distribution (low, expected, high), and each week receives the
// balance times the probability that the payment day falls in that week. A week's invoice count is the
// invoices whose expected payment date falls in it, so each invoice is counted once at most.

import { formatDay, parseIsoDay } from '../dates.js';
import { RiskpayError, finding, type Finding } from '../findings.js';
import { forecastSettingsSchema } from './config.js';
import { compareText } from './compare.js';
import type { ForecastCurrencyTotal, ForecastResult, ForecastWeek, InvoiceScore, ScoreResult, UnlikelyInvoice } from './types.js';

export interface ForecastOptions {
  /** First day of week 1, as a UTC day number; defaults to the score result's as-of day. */
  asOf?: number;
  weeks: number;
  /** Invoices more than this many days past due are not counted on; default 120. Both are validated. */
  doubtfulAfterDays?: number;
}

/** Below this chance of arriving within the horizon, an invoice is listed as unlikely. */
const UNLIKELY_BELOW = 0.5;

function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Cumulative probability at x of a triangular distribution on [a, c] with mode b. Day d covers [d, d+1),
 * so callers pass the interval's high day plus one as c.
 */
export function triangularCdf(x: number, a: number, b: number, c: number): number {
  if (x <= a) return 0;
  if (x >= c) return 1;
  if (x <= b) return b === a ? 0 : ((x - a) * (x - a)) / ((c - a) * (b - a));
  return 1 - ((c - x) * (c - x)) / ((c - a) * (c - b));
}

/** Probability that an invoice is paid on a day in [fromDay, toDay], from its expected payment interval. */
export function paymentProbability(invoice: InvoiceScore, fromDay: number, toDay: number): number {
  const low = parseIsoDay(invoice.paymentDateLow ?? '');
  const expected = parseIsoDay(invoice.expectedPaymentDate ?? '');
  const high = parseIsoDay(invoice.paymentDateHigh ?? '');
  if (low === null || expected === null || high === null) return 0;

  const a = low;
  const c = high + 1;
  const b = Math.min(Math.max(expected + 0.5, a), c);
  return Math.max(0, triangularCdf(toDay + 1, a, b, c) - triangularCdf(fromDay, a, b, c));
}

/** Forecasts cash in per week for the coming weeks from a score result's open invoices. */
export function forecastCash(result: ScoreResult, options: ForecastOptions): ForecastResult {
  const asOf = options.asOf ?? parseIsoDay(result.asOf);
  if (asOf === null) throw new Error(`invalid as-of date in score result: ${result.asOf}`);
  const settings = forecastSettingsSchema.safeParse({ weeks: options.weeks, doubtfulAfterDays: options.doubtfulAfterDays });
  if (!settings.success) {
    const issue = settings.error.issues[0];
    throw new RiskpayError('SCORING_CONFIG_INVALID', { setting: `forecast.${issue.path.join('.')}`, problem: issue.message });
  }
  const { weeks: weekCount, doubtfulAfterDays } = settings.data;
  const horizonEnd = asOf + 7 * weekCount - 1;
  const findings: Finding[] = [];

  const weeks = new Map<string, ForecastWeek>();
  const totals = new Map<string, ForecastCurrencyTotal>();
  const unlikely: UnlikelyInvoice[] = [];
  const currencies = [...new Set(result.invoices.map((invoice) => invoice.currency))].sort(compareText);

  for (const currency of currencies) {
    totals.set(currency, { currency, openBalance: 0, expectedInHorizon: 0, beyondHorizon: 0, doubtful: 0 });
    for (let week = 1; week <= weekCount; week += 1) {
      const start = asOf + 7 * (week - 1);
      weeks.set(`${currency}\u0000${week}`, {
        week,
        start: formatDay(start),
        end: formatDay(start + 6),
        currency,
        expected: 0,
        invoices: 0,
      });
    }
  }

  for (const invoice of result.invoices) {
    const total = totals.get(invoice.currency)!;
    total.openBalance += invoice.balance;
    const doubtful = invoice.daysOverdue > doubtfulAfterDays;
    let inHorizon = 0;
    const expectedDay = parseIsoDay(invoice.expectedPaymentDate ?? '');

    if (doubtful) {
      total.doubtful = (total.doubtful ?? 0) + invoice.balance;
    } else {
      for (let week = 1; week <= weekCount; week += 1) {
        const start = asOf + 7 * (week - 1);
        const probability = paymentProbability(invoice, start, start + 6);
        if (probability <= 0) continue;
        const entry = weeks.get(`${invoice.currency}\u0000${week}`)!;
        entry.expected += invoice.balance * probability;
        if (expectedDay !== null && expectedDay >= start && expectedDay <= start + 6) entry.invoices += 1;
        inHorizon += probability;
      }
    }

    inHorizon = Math.min(1, inHorizon);
    total.expectedInHorizon += invoice.balance * inHorizon;
    total.beyondHorizon += invoice.balance * (1 - inHorizon);
    if (inHorizon < UNLIKELY_BELOW) {
      unlikely.push({
        invoiceId: invoice.invoiceId,
        customerId: invoice.customerId,
        name: invoice.name,
        currency: invoice.currency,
        balance: invoice.balance,
        probabilityInHorizon: Math.round(inHorizon * 1000) / 1000,
        expectedPaymentDate: invoice.expectedPaymentDate ?? null,
        doubtful,
      });
    }
  }

  if (result.invoices.length === 0) findings.push(finding('FORECAST_NO_OPEN_INVOICES', 'info', { asOf: formatDay(asOf) }));

  return {
    asOf: formatDay(asOf),
    horizonEnd: formatDay(horizonEnd),
    weeks: [...weeks.values()].map((week) => ({ ...week, expected: roundMoney(week.expected) })),
    totals: [...totals.values()].map((total) => ({
      ...total,
      openBalance: roundMoney(total.openBalance),
      expectedInHorizon: roundMoney(total.expectedInHorizon),
      beyondHorizon: roundMoney(total.beyondHorizon),
      doubtful: roundMoney(total.doubtful ?? 0),
      expectedAfterHorizon: roundMoney(total.beyondHorizon - (total.doubtful ?? 0)),
    })),
    unlikely: unlikely.sort(
      (a, b) => b.balance - a.balance || compareText(a.customerId, b.customerId) || compareText(a.invoiceId, b.invoiceId),
    ),
    findings,
  };
}
