// Expected cash in per week and currency. Each open invoice's payment day is spread over its expected
// payment interval with a triangular distribution (low, expected, high), and each week receives the
// balance times the probability that the payment day falls in that week. A week's invoice count is the
// invoices whose expected payment in it is at least one minor unit (one cent), so an invoice whose
// interval spans several weeks counts in each of them, and a week with an amount has a count.

import { formatDay, parseIsoDay } from '../dates.js';
import { RiskpayError, finding, type Finding } from '../findings.js';
import { forecastSettingsSchema } from './config.js';
import { compareText } from './compare.js';
import { apportionMinorUnits, exactMinorUnits, fromMinorUnits, toMinorUnits } from '../money.js';
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

    if (doubtful) {
      total.doubtful = (total.doubtful ?? 0) + invoice.balance;
    } else {
      for (let week = 1; week <= weekCount; week += 1) {
        const start = asOf + 7 * (week - 1);
        const probability = paymentProbability(invoice, start, start + 6);
        if (probability <= 0) continue;
        const entry = weeks.get(`${invoice.currency}\u0000${week}`)!;
        const share = invoice.balance * probability;
        entry.expected += share;
        if (exactMinorUnits(share, invoice.currency) >= 1) entry.invoices += 1;
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
    ...roundedWeeksAndTotals([...weeks.values()], [...totals.values()]),
    unlikely: unlikely.sort(
      (a, b) => b.balance - a.balance || compareText(a.customerId, b.customerId) || compareText(a.invoiceId, b.invoiceId),
    ),
    findings,
  };
}

/**
 * Rounds each currency's weeks and totals to its minor unit so that the printed amounts add up: the
 * weeks sum to `expectedInHorizon`, and `expectedInHorizon`, `expectedAfterHorizon` and `doubtful` sum to
 * `openBalance`. The open balance is split over the weeks and after the horizon by largest remainder,
 * so each printed week differs from its exact expected amount by less than one minor unit. A week that
 * no invoice pays a whole minor unit into, and so has a count of 0, gets nothing: its fractions of a
 * minor unit go to the other parts, so no week shows an amount without an invoice.
 */
function roundedWeeksAndTotals(
  weeks: readonly ForecastWeek[],
  totals: readonly ForecastCurrencyTotal[],
): { weeks: ForecastWeek[]; totals: ForecastCurrencyTotal[] } {
  const roundedWeeks = new Map<ForecastWeek, number>();
  const roundedTotals = totals.map((total): ForecastCurrencyTotal => {
    const currency = total.currency;
    const currencyWeeks = weeks.filter((week) => week.currency === currency);
    const openUnits = toMinorUnits(total.openBalance, currency);
    const doubtfulUnits = toMinorUnits(total.doubtful ?? 0, currency);
    const exactAfter = total.beyondHorizon - (total.doubtful ?? 0);
    const countedWeeks = currencyWeeks.filter((week) => week.invoices > 0);
    const exactUnits = [...countedWeeks.map((week) => week.expected), exactAfter].map((amount) => exactMinorUnits(amount, currency));
    const parts = apportionMinorUnits(exactUnits, openUnits - doubtfulUnits);

    countedWeeks.forEach((week, index) => roundedWeeks.set(week, parts[index]));
    const inHorizonUnits = parts.slice(0, -1).reduce((sum, units) => sum + units, 0);
    const afterUnits = parts.at(-1)!;
    return {
      ...total,
      openBalance: fromMinorUnits(openUnits, currency),
      expectedInHorizon: fromMinorUnits(inHorizonUnits, currency),
      beyondHorizon: fromMinorUnits(afterUnits + doubtfulUnits, currency),
      doubtful: fromMinorUnits(doubtfulUnits, currency),
      expectedAfterHorizon: fromMinorUnits(afterUnits, currency),
    };
  });
  return {
    weeks: weeks.map((week) => ({ ...week, expected: fromMinorUnits(roundedWeeks.get(week) ?? 0, week.currency) })),
    totals: roundedTotals,
  };
}
