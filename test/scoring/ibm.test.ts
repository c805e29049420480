// Scores the public IBM accounts-receivable sample as of 2013-06-30; skipped when the file is absent.

import { describe, expect, it } from 'vitest';

import { trainModel } from '../../src/model/train.js';
import { forecastCash } from '../../src/scoring/forecast.js';
import { planActions } from '../../src/scoring/plan.js';
import { scoreLedger } from '../../src/scoring/score.js';
import { scoringMessages } from '../../src/i18n/messages/scoring.js';
import { hasIbm, readIbmLedger } from '../features/ledger-helpers.js';
import { FAKE_CHOICE, day } from './helpers.js';

const AS_OF = day('2013-06-30');

function fill(text: string, args: Record<string, number | string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(args[key] ?? `{${key}}`));
}

describe.skipIf(!hasIbm)('IBM sample as of 2013-06-30', () => {
  it('explains and flags the top 10', async () => {
    const ledger = readIbmLedger();
    const { model } = await trainModel(ledger, { asOf: AS_OF, seed: 7, classifier: { nTrees: 60 }, regressor: { nTrees: 30 }, threads: 1 });
    const result = scoreLedger(ledger, model, FAKE_CHOICE, { asOf: AS_OF, asOfDefaulted: false, by: 'debtor' });
    const en = scoringMessages.en as Record<string, string>;

    if (process.env.SHOW) {
      for (const debtor of result.debtors.slice(0, 10)) {
        console.log(debtor.customerId, debtor.grade, debtor.risk.toFixed(3), debtor.expectedAtRisk, debtor.openBalance);
        for (const r of debtor.reasons) console.log('   reason:', fill(en[r.code], r.args), r.contribution, r.feature);
        for (const f of debtor.flags) console.log('   flag:', f.severity, fill(en[f.code], f.evidence));
      }
      const plan = planActions(result);
      console.log(plan.rows.length, 'plan rows');
      for (const row of plan.rows.slice(0, 12)) console.log(JSON.stringify(row));
      const forecast = forecastCash(result, { weeks: 8 });
      console.log(JSON.stringify(forecast.weeks), JSON.stringify(forecast.totals), forecast.unlikely.length);
      console.log(result.invoices.slice(0, 5).map((i) => [i.invoiceId, i.dueDate, i.daysOverdue, i.expectedPaymentDate, i.paymentDateLow, i.paymentDateHigh, i.paymentDateSource]));
    }

    expect(result.debtors.length).toBeGreaterThan(10);
    for (const debtor of result.debtors.slice(0, 10)) {
      expect(debtor.reasons.length, debtor.customerId).toBeGreaterThan(0);
      for (const reason of debtor.reasons) expect(en).toHaveProperty(reason.code);
      for (const flag of debtor.flags) {
        expect(Object.values(flag.evidence).some((value) => typeof value === 'number')).toBe(true);
      }
    }

    const plan = planActions(result);
    expect(plan.rows.length).toBeGreaterThan(0);
    expect(plan.rows.every((row) => row.date >= '2013-06-30')).toBe(true);

    const forecast = forecastCash(result, { weeks: 8 });
    const usd = forecast.totals.find((total) => total.currency === 'USD')!;
    const weekly = forecast.weeks.reduce((sum, week) => sum + week.expected, 0);
    expect(weekly).toBeCloseTo(usd.expectedInHorizon, 0);
    expect(usd.expectedInHorizon + usd.beyondHorizon).toBeCloseTo(usd.openBalance, 0);
  });
});
