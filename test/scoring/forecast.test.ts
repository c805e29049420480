import { describe, expect, it } from 'vitest';

import { forecastCash, paymentProbability, triangularCdf } from '../../src/scoring/forecast.js';
import type { InvoiceScore, ScoreResult } from '../../src/scoring/types.js';
import { FAKE_CHOICE, day } from './helpers.js';

const AS_OF = '2024-07-01';

function invoice(id: string, currency: string, balance: number, low: string, expected: string, high: string, daysOverdue = 0): InvoiceScore {
  return {
    invoiceId: id,
    customerId: `c-${id}`,
    name: id,
    currency,
    issueDate: '2024-06-01',
    dueDate: '2024-07-01',
    balance,
    daysOverdue,
    risk: 0.3,
    grade: 'B',
    expectedPaymentDate: expected,
    paymentDateLow: low,
    paymentDateHigh: high,
    paymentDateSource: 'model',
  };
}

function result(invoices: InvoiceScore[]): ScoreResult {
  return { asOf: AS_OF, asOfDefaulted: false, model: FAKE_CHOICE, debtors: [], invoices, totals: [], findings: [] };
}

describe('triangularCdf', () => {
  it('runs from 0 to 1 and is 0.5 at a central mode', () => {
    expect(triangularCdf(0, 0, 5, 10)).toBe(0);
    expect(triangularCdf(5, 0, 5, 10)).toBe(0.5);
    expect(triangularCdf(10, 0, 5, 10)).toBe(1);
    expect(triangularCdf(2.5, 0, 5, 10)).toBe(0.125);
  });

  it('handles a mode at either end', () => {
    expect(triangularCdf(5, 0, 0, 10)).toBeCloseTo(0.75, 10);
    expect(triangularCdf(5, 0, 10, 10)).toBeCloseTo(0.25, 10);
  });
});

describe('paymentProbability', () => {
  it('puts a one-day interval in its week', () => {
    const single = invoice('a', 'SEK', 100, '2024-07-03', '2024-07-03', '2024-07-03');
    expect(paymentProbability(single, day('2024-07-01'), day('2024-07-07'))).toBeCloseTo(1, 10);
    expect(paymentProbability(single, day('2024-07-08'), day('2024-07-14'))).toBe(0);
  });
});

describe('forecastCash', () => {
  it('splits cash over weeks per currency', () => {
    const forecast = forecastCash(
      result([
        invoice('a', 'SEK', 700, '2024-07-03', '2024-07-03', '2024-07-03'),
        invoice('b', 'SEK', 1400, '2024-07-01', '2024-07-07', '2024-07-14'),
        invoice('c', 'EUR', 50, '2024-07-08', '2024-07-10', '2024-07-12'),
      ]),
      { weeks: 4 },
    );
    expect(forecast.weeks).toHaveLength(8);
    const sek = forecast.weeks.filter((w) => w.currency === 'SEK');
    const eur = forecast.weeks.filter((w) => w.currency === 'EUR');
    expect(sek[0].start).toBe('2024-07-01');
    expect(sek[0].end).toBe('2024-07-07');
    expect(sek.reduce((sum, w) => sum + w.expected, 0)).toBeCloseTo(2100, 1);
    expect(sek[0].expected).toBeGreaterThan(700);
    expect(sek[0].expected).toBeLessThan(2100);
    expect(eur[1].expected).toBe(50);
    expect(forecast.totals.map((t) => t.currency)).toEqual(['EUR', 'SEK']);
    expect(forecast.totals.find((t) => t.currency === 'SEK')!.expectedInHorizon).toBeCloseTo(2100, 1);
    expect(forecast.unlikely).toEqual([]);
    expect(forecast.horizonEnd).toBe('2024-07-28');
  });

  it('lists invoices expected after the horizon', () => {
    const forecast = forecastCash(result([invoice('late', 'SEK', 500, '2024-08-20', '2024-09-01', '2024-09-15')]), { weeks: 4 });
    const sek = forecast.totals[0];
    expect(sek.expectedInHorizon).toBe(0);
    expect(sek.beyondHorizon).toBe(500);
    expect(forecast.unlikely.map((u) => u.invoiceId)).toEqual(['late']);
    expect(forecast.unlikely[0].probabilityInHorizon).toBe(0);
  });

  it('leaves doubtful invoices out of the weeks', () => {
    const old = invoice('old', 'SEK', 900, '2024-07-01', '2024-07-05', '2024-07-10', 200);
    const forecast = forecastCash(result([old]), { weeks: 4 });
    expect(forecast.weeks.every((w) => w.expected === 0)).toBe(true);
    expect(forecast.totals[0].doubtful).toBe(900);
    expect(forecast.totals[0].beyondHorizon).toBe(900);
    expect(forecast.unlikely[0].doubtful).toBe(true);

    const counted = forecastCash(result([old]), { weeks: 4, doubtfulAfterDays: 365 });
    expect(counted.totals[0].expectedInHorizon).toBeCloseTo(900, 1);
  });

  it('reports no open invoices', () => {
    const forecast = forecastCash(result([]), { weeks: 2 });
    expect(forecast.weeks).toEqual([]);
    expect(forecast.findings.map((f) => f.code)).toEqual(['FORECAST_NO_OPEN_INVOICES']);
  });
});

describe('forecast week counts', () => {
  it('counts the invoice of a partial week', () => {
    // The interval starts on the last day of week 1, so about EUR 2 of 1,000 is expected that week,
    // although the expected date is in week 3.
    const forecast = forecastCash(result([invoice('a', 'EUR', 1000, '2024-07-07', '2024-07-20', '2024-08-10')]), { weeks: 6 });
    const first = forecast.weeks[0];
    expect(first.expected).toBeGreaterThan(0);
    expect(first.invoices).toBe(1);
    for (const week of forecast.weeks) expect(week.invoices > 0, `week ${week.week}`).toBe(week.expected > 0);
  });

  it('shows no amount without an invoice', () => {
    // On a balance of EUR 3, week 1 expects about 0.6 of a cent: below one cent, so it counts no invoice,
    // and rounding gives that fraction to the other weeks instead of printing EUR 0.01 there.
    const forecast = forecastCash(result([invoice('a', 'EUR', 3, '2024-07-07', '2024-07-20', '2024-08-10')]), { weeks: 6 });
    const first = forecast.weeks[0];
    expect(first.invoices).toBe(0);
    expect(first.expected).toBe(0);

    const [total] = forecast.totals;
    const weekCents = forecast.weeks.reduce((sum, week) => sum + Math.round(week.expected * 100), 0);
    expect(weekCents).toBe(Math.round(total.expectedInHorizon * 100));
    expect(weekCents + Math.round(total.expectedAfterHorizon! * 100)).toBe(300);
  });
});
