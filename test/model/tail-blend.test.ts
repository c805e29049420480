// Models with extra columns blend the calibrated forest with the delay model's late probability.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLabelledRows } from '../../src/features/index.js';
import { loadModel, saveModel, trainModel } from '../../src/model/index.js';
import { TAIL_WEIGHTS } from '../../src/model/train.js';
import { ForestRiskModel } from '../../src/model/risk-model.js';
import { explainRows } from '../../src/scoring/explain-batch.js';
import { simulateLedgers } from '../../scripts/simulate/simulate.js';
import { day } from '../features/ledger-helpers.js';

const FAST = { classifier: { nTrees: 20 }, regressor: false as const };

/** Simulates one business and sets Flag = 1 on every third invoice. */
function flaggedLedger() {
  const base = simulateLedgers({ seed: 7, businesses: 1, debtors: 25, years: 1.5, start: '2023-01-01' })[0];
  return { invoices: base.invoices.map((invoice, i) => ({ ...invoice, extra: { Flag: i % 3 === 0 ? 1 : 0 } })), extraColumns: ['Flag'] };
}

async function blendedModel(tailWeight: 'holdout' | number) {
  const ledger = flaggedLedger();
  const { model } = await trainModel(ledger, { lateAfter: 7, seed: 3, ...FAST, tailWeight });
  const rows = buildLabelledRows(ledger, { lateAfter: 7, knownBefore: day('2030-01-01'), checkpoints: false, adjustment: model.meta.delayAdjustment });
  return { model, rows };
}

describe('tail blend', () => {
  it('mixes forest and late probability', async () => {
    const { model, rows } = await blendedModel(0.5);
    const forestOnly = new ForestRiskModel({ meta: model.meta, classifier: model.classifier, calibration: model.calibration, regressor: null });
    const blended = model.predictLate(rows.X);
    const forest = forestOnly.predictLate(rows.X);
    const column = rows.featureNames.indexOf('extra_adjusted_late_prob');
    let mixedRows = 0;

    for (let r = 0; r < rows.X.rows; r += 1) {
      const tail = rows.X.data[r * rows.X.cols + column];
      const expected = tail >= 0 ? 0.5 * forest[r] + 0.5 * tail : forest[r];
      expect(blended[r]).toBeCloseTo(expected, 12);
      if (tail >= 0) mixedRows += 1;
    }
    expect(model.tailWeight).toBe(0.5);
    expect(mixedRows).toBeGreaterThan(0);
  });

  it('keeps explanations adding up', async () => {
    const { model, rows } = await blendedModel(0.5);
    const risks = model.predictLate(rows.X);
    const selected = Array.from({ length: Math.min(rows.X.rows, 300) }, (_, r) => r);
    const batched = explainRows(model, rows.X, selected);

    selected.forEach((r, i) => {
      const row = rows.X.data.subarray(r * rows.X.cols, (r + 1) * rows.X.cols);
      const single = model.explain(row);
      const sum = single.bias + single.values.reduce((total, value) => total + value, 0);
      expect(single.prediction).toBe(risks[r]);
      expect(sum).toBeCloseTo(single.prediction, 9);
      expect(batched[i].prediction).toBe(single.prediction);
      expect(Array.from(batched[i].values)).toEqual(Array.from(single.values));
    });
  });

  it('chooses a listed weight and saves it', async () => {
    const { model, rows } = await blendedModel('holdout');
    const folder = mkdtempSync(join(tmpdir(), 'riskpay-blend-'));
    const path = join(folder, 'model.json');
    saveModel(path, model);
    const loaded = loadModel(path);
    const written = JSON.parse(readFileSync(path, 'utf8')) as { tailWeight?: number };

    expect(TAIL_WEIGHTS).toContain(model.tailWeight);
    expect(loaded.tailWeight).toBe(model.tailWeight);
    expect(written.tailWeight).toBe(model.tailWeight > 0 ? model.tailWeight : undefined);
    expect(Array.from(loaded.predictLate(rows.X))).toEqual(Array.from(model.predictLate(rows.X)));
  });

  it('stays off without extra columns', async () => {
    const base = simulateLedgers({ seed: 7, businesses: 1, debtors: 25, years: 1.5, start: '2023-01-01' })[0];
    const { model } = await trainModel(base, { lateAfter: 7, seed: 3, ...FAST, tailWeight: 0.5 });
    const folder = mkdtempSync(join(tmpdir(), 'riskpay-blend-'));
    const path = join(folder, 'model.json');
    saveModel(path, model);

    expect(model.tailWeight).toBe(0);
    expect(model.tailColumn).toBe(-1);
    expect('tailWeight' in JSON.parse(readFileSync(path, 'utf8'))).toBe(false);
  });
});
