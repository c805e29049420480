// Score trains on the user's history on every run. On a large history it trains on a sample, and the
// choice reason then names the sample with its row counts.

import { describe, expect, it } from 'vitest';
import { modelMessages } from '../../src/i18n/messages/model.js';
import { chooseModel, trainModel } from '../../src/model/index.js';
import { simulateLedgers } from '../../scripts/simulate/simulate.js';

const FAST = { classifier: { nTrees: 20 }, regressor: { nTrees: 10 }, threads: 1 };

function simulatedLedger() {
  return simulateLedgers({ seed: 7, businesses: 1, debtors: 25, years: 1.5, start: '2023-01-01' })[0];
}

describe('model choice on a sampled history', () => {
  it('capped training names the sample', async () => {
    const ledger = simulatedLedger();
    const asOf = Math.max(...ledger.invoices.map((invoice) => invoice.issueDate));
    const full = await trainModel(ledger, { asOf, seed: 1, ...FAST });
    const available = full.report.rows.train + full.report.rows.holdout;

    for (const bundled of [null, full.model]) {
      const { choice } = await chooseModel(ledger, { asOf, bundled, train: { ...FAST, maxRows: 400 } });
      expect(choice.reason.code.endsWith('_SAMPLED')).toBe(true);
      expect(choice.reason.args.sampled).toBe(400);
      expect(Number(choice.reason.args.of)).toBeGreaterThan(available);
      expect(modelMessages.en).toHaveProperty(choice.reason.code);
      expect(modelMessages.sv).toHaveProperty(choice.reason.code);
    }
  });

  it('full training keeps plain reason', async () => {
    const ledger = simulatedLedger();
    const asOf = Math.max(...ledger.invoices.map((invoice) => invoice.issueDate));
    const { choice } = await chooseModel(ledger, { asOf, bundled: null, train: FAST });
    expect(choice.reason.code).toBe('MODEL_CHOICE_TRAINED_NO_BUNDLED');
    expect(choice.reason.args).not.toHaveProperty('sampled');
  });
});

describe('model choice on an empty ledger', () => {
  it('names the missing history', async () => {
    const bundled = (await trainModel(simulatedLedger(), { lateAfter: 7, seed: 1, ...FAST, origin: 'bundled' })).model;
    const { choice } = await chooseModel({ invoices: [], extraColumns: [] }, { asOf: 19_800, bundled, train: FAST });
    expect(choice.reason.code).toBe('MODEL_CHOICE_BUNDLED_NO_HISTORY');
    expect(choice.reason.args).toMatchObject({ asOf: '2024-03-18', cause: 'MODEL_NO_INVOICES' });
  });
});
