import { fileURLToPath } from 'node:url';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLabelledRows, outcomeOf } from '../../src/features/index.js';
import { RiskpayError } from '../../src/findings.js';
import { chooseModel, evaluate, loadModel, saveModel, trainModel } from '../../src/model/index.js';
import { fitPlatt } from '../../src/model/calibration.js';
import { lastFactDay } from '../../src/model/train.js';
import { simulateLedgers } from '../../scripts/simulate/simulate.js';
import { day, invoiceOf, ledgerOf, readCaseLedger } from '../features/ledger-helpers.js';

// The project's own copies of the field cases, so these tests run without ../shared.
const CASES = fileURLToPath(new URL('../cases', import.meta.url));
const FAST = { classifier: { nTrees: 20 }, regressor: { nTrees: 10 } };

function codeOf(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return error instanceof RiskpayError ? error.finding.code : `not a RiskpayError: ${String(error)}`;
  }
}

async function asyncCodeOf(action: () => Promise<unknown>): Promise<string | null> {
  try {
    await action();
    return null;
  } catch (error) {
    return error instanceof RiskpayError ? error.finding.code : `not a RiskpayError: ${String(error)}`;
  }
}

/** Simulates one business with enough late and on-time invoices to train quickly. */
function simulatedLedger() {
  return simulateLedgers({ seed: 7, businesses: 1, debtors: 25, years: 1.5, start: '2023-01-01' })[0];
}

describe('labels', () => {
  it('late, on time and censored', () => {
    const onTime = invoiceOf({ id: 'A', customer: 'X', issued: '2024-01-01', due: '2024-01-31', amount: 100, paid: '2024-02-05' });
    const open = invoiceOf({ id: 'B', customer: 'X', issued: '2024-01-01', due: '2024-01-31', amount: 100 });
    const credit = invoiceOf({ id: 'C', customer: 'X', issued: '2024-01-01', due: '2024-01-01', amount: -50 });

    expect(outcomeOf(onTime, 7, day('2024-03-01'))).toEqual({ late: false, knownOn: day('2024-02-05') });
    expect(outcomeOf(onTime, 0, day('2024-03-01'))).toEqual({ late: true, knownOn: day('2024-02-01') });
    // Unpaid on 2024-02-05 with 7 days of grace: not known yet, so left out rather than labelled on time.
    expect(outcomeOf(open, 7, day('2024-02-05'))).toBeNull();
    expect(outcomeOf(open, 7, day('2024-02-08'))).toEqual({ late: true, knownOn: day('2024-02-08') });
    expect(outcomeOf(credit, 0, day('2024-03-01'))).toBeNull();
  });

  it('checkpoint rows stop at the threshold', () => {
    const ledger = ledgerOf([{ id: 'A', customer: 'X', issued: '2024-01-01', due: '2024-01-31', amount: 100, paid: '2024-03-20' }]);
    const rows = buildLabelledRows(ledger, { lateAfter: 20, knownBefore: day('2024-06-01') });

    expect(Array.from(rows.rowDays)).toEqual([day('2024-01-01'), day('2024-01-24'), day('2024-01-31'), day('2024-02-15')]);
    expect(Array.from(rows.y)).toEqual([1, 1, 1, 1]);
  });
});

describe('trainModel', () => {
  it('rejects history without late invoices', async () => {
    const ledger = readCaseLedger(`${CASES}/26-training-single-class/input.csv`);
    const code = await asyncCodeOf(() => trainModel(ledger, { lateAfter: 0, ...FAST }));
    expect(code).toBe('MODEL_NO_LATE_INVOICES');
  });

  it('rejects an empty ledger', async () => {
    const code = await asyncCodeOf(() => trainModel({ invoices: [], extraColumns: [] }, { lateAfter: 0, ...FAST }));
    expect(code).toBe('MODEL_NO_INVOICES');
  });

  it('evaluate rejects an empty test period', async () => {
    const code = await asyncCodeOf(() => evaluate(simulatedLedger(), { cutoff: day('2030-01-01'), lateAfter: 7, backtest: false, train: FAST }));
    expect(code).toBe('MODEL_EVALUATE_NO_TEST_INVOICES');
  });

  it('rejects too few of a class', async () => {
    const specs = Array.from({ length: 30 }, (_, i) => ({
      id: `F-${i}`,
      customer: `C${i % 3}`,
      issued: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      due: `2024-02-${String(1 + (i % 28)).padStart(2, '0')}`,
      amount: 100,
      // Three invoices paid 20 days late, the rest early.
      paid: i < 3 ? `2024-02-${String(21 + (i % 7)).padStart(2, '0')}` : `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
    }));
    const code = await asyncCodeOf(() => trainModel(ledgerOf(specs), { lateAfter: 0, ...FAST }));
    expect(code).toBe('MODEL_TOO_FEW_INVOICES');
  });

  it('trains with holdout metrics', async () => {
    const { model, report } = await trainModel(simulatedLedger(), { lateAfter: 7, seed: 3, ...FAST });

    expect(report.holdout).not.toBeNull();
    expect(report.holdout!.auc).toBeGreaterThan(0.7);
    expect(report.rows.holdout).toBeGreaterThan(0);
    expect(model.meta.label.lateAfterDays).toBe(7);
    expect(model.meta.origin).toBe('user');
  });

  it('calibrates on out-of-bag holdout votes', async () => {
    const ledger = simulatedLedger();
    const { model, report } = await trainModel(ledger, { lateAfter: 7, seed: 3, ...FAST });
    // The same rows trainModel builds for one ledger, in the same order as the forest's votes.
    const rows = buildLabelledRows(ledger, { lateAfter: 7, knownBefore: lastFactDay(ledger) + 1, checkpoints: true, maxRows: 200_000, seed: 3 });
    const votes = model.classifier.oobPredictions!;
    expect(votes.length).toBe(rows.X.rows);

    const from = day(report.holdoutFrom);
    const labels: number[] = [];
    const picked: number[] = [];
    for (let r = 0; r < rows.X.rows; r += 1) {
      if (rows.rowDays[r] < from || rows.atIssue[r] !== 1 || Number.isNaN(votes[r])) continue;
      labels.push(rows.y[r]);
      picked.push(votes[r]);
    }
    expect(labels.length).toBeGreaterThan(20);
    expect(report.calibration).toEqual(fitPlatt(labels, picked));

    // The earlier choice fits the first fit's predictions instead, which gives another curve.
    const before = await trainModel(ledger, { lateAfter: 7, seed: 3, ...FAST, calibration: 'holdout', calibrateOnIssueRows: false });
    expect(before.report.calibration).not.toEqual(report.calibration);
    expect(Array.from(before.model.predictLate(rows.X))).not.toEqual(Array.from(model.predictLate(rows.X)));
  });
});

describe('model files', () => {
  it('save and load predict the same', async () => {
    const ledger = simulatedLedger();
    const { model } = await trainModel(ledger, { lateAfter: 7, seed: 3, ...FAST });
    const folder = mkdtempSync(join(tmpdir(), 'riskpay-model-'));
    const path = join(folder, 'model.json');
    saveModel(path, model);
    const loaded = loadModel(path);
    const rows = buildLabelledRows(ledger, { lateAfter: 7, knownBefore: day('2030-01-01'), checkpoints: false });

    expect(Array.from(loaded.predictLate(rows.X))).toEqual(Array.from(model.predictLate(rows.X)));
    expect(loaded.predictDaysLate(rows.X)[0]).toEqual(model.predictDaysLate(rows.X)[0]);
    expect(loaded.meta).toEqual(model.meta);
    // Only the model file is left: the temporary file was renamed over it.
    expect(readdirSync(folder)).toEqual(['model.json']);
  });

  it('keep the extra columns\' effect', async () => {
    const base = simulatedLedger();
    // Every third invoice is flagged, so the column varies within debtors.
    const ledger = { invoices: base.invoices.map((invoice, i) => ({ ...invoice, extra: { Flag: i % 3 === 0 ? 1 : 0 } })), extraColumns: ['Flag'] };
    const { model } = await trainModel(ledger, { lateAfter: 7, seed: 3, ...FAST });
    const folder = mkdtempSync(join(tmpdir(), 'riskpay-model-'));
    const path = join(folder, 'model.json');
    saveModel(path, model);
    const loaded = loadModel(path);
    const adjustment = loaded.meta.delayAdjustment;
    const rows = buildLabelledRows(ledger, { lateAfter: 7, knownBefore: day('2030-01-01'), checkpoints: false, adjustment });

    expect(adjustment?.columns).toEqual(['Flag']);
    expect(adjustment?.lateAfterDays).toBe(7);
    expect(Number.isFinite(adjustment?.coefficients[0])).toBe(true);
    expect(loaded.meta.featureNames).toContain('extra_adjusted_late_prob');
    expect(Array.from(loaded.predictLate(rows.X))).toEqual(Array.from(model.predictLate(rows.X)));

    const json = JSON.parse(readFileSync(path, 'utf8'));
    json.meta.delayAdjustment.coefficients = [];
    writeFileSync(path, JSON.stringify(json));
    expect(codeOf(() => loadModel(path))).toBe('MODEL_INVALID');
  });

  it('newer version is rejected', async () => {
    const { model } = await trainModel(simulatedLedger(), { lateAfter: 7, seed: 3, ...FAST });
    const folder = mkdtempSync(join(tmpdir(), 'riskpay-model-'));
    const path = join(folder, 'model.json');
    saveModel(path, model);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    json.meta.version = 99;
    writeFileSync(path, JSON.stringify(json));

    expect(codeOf(() => loadModel(path))).toBe('MODEL_VERSION_UNSUPPORTED');
  });

  it('broken files are rejected', () => {
    const folder = mkdtempSync(join(tmpdir(), 'riskpay-model-'));
    const notModel = join(folder, 'other.json');
    writeFileSync(notModel, '{"hello": 1}');
    const truncated = join(folder, 'truncated.json');
    writeFileSync(truncated, '{"meta": {"format": "riskpay-model", "version": 1');

    expect(codeOf(() => loadModel(notModel))).toBe('MODEL_NOT_A_MODEL');
    expect(codeOf(() => loadModel(truncated))).toBe('JSON_TRUNCATED');
    expect(codeOf(() => loadModel(join(folder, 'missing.json')))).toBe('MODEL_FILE_NOT_FOUND');
  });

  it('save into a missing folder fails cleanly', async () => {
    const { model } = await trainModel(simulatedLedger(), { lateAfter: 7, seed: 3, ...FAST });
    expect(codeOf(() => saveModel('/nonexistent-riskpay-folder/model.json', model))).toBe('MODEL_FILE_NOT_WRITTEN');
  });
});

describe('explain', () => {
  it('contributions add up to the prediction', async () => {
    const ledger = simulatedLedger();
    const { model } = await trainModel(ledger, { lateAfter: 7, seed: 3, ...FAST });
    const rows = buildLabelledRows(ledger, { lateAfter: 7, knownBefore: day('2030-01-01'), checkpoints: false });
    const predictions = model.predictLate(rows.X);

    for (const r of [0, 5, 50]) {
      const row = rows.X.data.subarray(r * rows.X.cols, (r + 1) * rows.X.cols);
      const explained = model.explain(row);
      const total = explained.bias + explained.values.reduce((sum, value) => sum + value, 0);
      expect(explained.values.length).toBe(rows.X.cols);
      expect(total).toBeCloseTo(explained.prediction, 9);
      expect(explained.prediction).toBeCloseTo(predictions[r], 9);
    }
  });
});

describe('chooseModel', () => {
  it('falls back to bundled when training cannot learn', async () => {
    const bundledSource = await trainModel(simulatedLedger(), { lateAfter: 7, seed: 3, ...FAST, scaleFreeOnly: true, origin: 'bundled' });
    const ledger = readCaseLedger(`${CASES}/26-training-single-class/input.csv`);
    const { model, choice } = await chooseModel(ledger, { asOf: day('2024-04-01'), lateAfter: 7, bundled: bundledSource.model, train: FAST });

    expect(choice.source).toBe('bundled');
    expect(choice.reason.code).toBe('MODEL_CHOICE_BUNDLED_CANNOT_TRAIN');
    expect(choice.reason.args.cause).toBe('MODEL_NO_LATE_INVOICES');
    expect(model).toBe(bundledSource.model);
  });

  it('uses a model file when given', async () => {
    const { model } = await trainModel(simulatedLedger(), { lateAfter: 7, seed: 3, ...FAST });
    const path = join(mkdtempSync(join(tmpdir(), 'riskpay-model-')), 'model.json');
    saveModel(path, model);
    const { choice } = await chooseModel(simulatedLedger(), { asOf: day('2024-06-01'), modelPath: path, lateAfter: 7 });

    expect(choice.source).toBe('file');
    expect(choice.path).toBe(path);
  });

  it('rejects a model file for another threshold', async () => {
    const { model } = await trainModel(simulatedLedger(), { lateAfter: 7, seed: 3, ...FAST });
    const path = join(mkdtempSync(join(tmpdir(), 'riskpay-model-')), 'model.json');
    saveModel(path, model);
    const kept = await chooseModel(simulatedLedger(), { asOf: day('2024-06-01'), modelPath: path });

    expect(kept.model.meta.label.lateAfterDays).toBe(7);
    await expect(chooseModel(simulatedLedger(), { asOf: day('2024-06-01'), modelPath: path, lateAfter: 0 })).rejects.toMatchObject({
      finding: { code: 'MODEL_LATE_AFTER_MISMATCH', args: { model: 7, requested: 0 } },
    });
  });

  it('compares on the same holdout', async () => {
    const ledger = simulatedLedger();
    const bundledSource = await trainModel(simulateLedgers({ seed: 99, businesses: 1, debtors: 25, years: 1.5, start: '2023-01-01' })[0], {
      lateAfter: 7,
      seed: 3,
      ...FAST,
      scaleFreeOnly: true,
      origin: 'bundled',
    });
    const { choice } = await chooseModel(ledger, { asOf: day('2024-06-30'), lateAfter: 7, bundled: bundledSource.model, train: FAST });

    expect(['trained', 'bundled']).toContain(choice.source);
    expect(typeof choice.reason.args.auc).toBe('number');
    expect(typeof choice.reason.args.bundledAuc).toBe('number');
    const better = (choice.reason.args.auc as number) > (choice.reason.args.bundledAuc as number);
    expect(choice.source).toBe(better ? 'trained' : 'bundled');
  });
});
