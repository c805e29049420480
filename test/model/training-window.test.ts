// Training and evaluation windows without history: the cutoff or as-of date before the first invoice,
// and invoices whose outcome is not known yet. Each has its own code, and so does the score fallback to the bundled model.

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RiskpayError } from '../../src/findings.js';
import { chooseModel, evaluate, trainModel } from '../../src/model/index.js';
import { day, ledgerOf, readCaseLedger } from '../features/ledger-helpers.js';

const CASES = fileURLToPath(new URL('../cases', import.meta.url));
const FAST = { classifier: { nTrees: 20 }, regressor: { nTrees: 10 } };

async function errorOf(action: () => Promise<unknown>): Promise<RiskpayError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof RiskpayError) return error;
    throw error;
  }
  throw new Error('expected a RiskpayError');
}

/** Three invoices from 2024-01-05; the first is paid 2024-03-20, more than 7 days after its due date. */
function pointInTimeLedger() {
  return readCaseLedger(`${CASES}/28-point-in-time-features/input.csv`);
}

describe('trainModel without history', () => {
  it('rejects an as-of date before the first invoice', async () => {
    const error = await errorOf(() => trainModel(pointInTimeLedger(), { asOf: day('2023-12-31'), lateAfter: 7, ...FAST }));

    expect(error.finding.code).toBe('MODEL_AS_OF_BEFORE_FIRST_INVOICE');
    expect(error.finding.args.asOf).toBe('2023-12-31');
    expect(error.finding.args.first).toBe('2024-01-05');
  });

  it('rejects invoices without a known outcome', async () => {
    // By 2024-02-08 two invoices are issued; neither is paid, and F-1 is only 4 days past due.
    const error = await errorOf(() => trainModel(pointInTimeLedger(), { asOf: day('2024-02-08'), lateAfter: 7, ...FAST }));

    expect(error.finding.code).toBe('MODEL_NO_KNOWN_OUTCOMES');
    expect(error.finding.args.count).toBe(2);
    expect(error.finding.args.asOf).toBe('2024-02-08');
    expect(error.finding.args.lateAfter).toBe(7);
  });

  it('keeps the class check once outcomes are known', async () => {
    // F-1 is known late from 2024-02-12; no invoice is on time yet.
    const error = await errorOf(() => trainModel(pointInTimeLedger(), { asOf: day('2024-02-12'), lateAfter: 7, ...FAST }));

    expect(error.finding.code).toBe('MODEL_NO_ON_TIME_INVOICES');
  });
});

describe('evaluate without history', () => {
  it('rejects a cutoff on the first invoice date', async () => {
    const error = await errorOf(() => evaluate(pointInTimeLedger(), { cutoff: day('2024-01-05'), lateAfter: 7, backtest: false, train: FAST }));

    expect(error.finding.code).toBe('MODEL_EVALUATE_CUTOFF_BEFORE_FIRST_INVOICE');
    expect(error.finding.args.cutoff).toBe('2024-01-05');
    expect(error.finding.args.first).toBe('2024-01-05');
  });

  it('rejects a cutoff before any known outcome', async () => {
    const error = await errorOf(() => evaluate(pointInTimeLedger(), { cutoff: day('2024-02-01'), lateAfter: 7, backtest: false, train: FAST }));

    expect(error.finding.code).toBe('MODEL_EVALUATE_NO_KNOWN_OUTCOMES');
    expect(error.finding.args.cutoff).toBe('2024-02-01');
    expect(error.finding.args.count).toBe(1);
  });

  it('names the cutoff when one class is missing', async () => {
    // F-1 is known late from 2024-02-12, and no invoice is known on time before 2024-02-13.
    const error = await errorOf(() => evaluate(pointInTimeLedger(), { cutoff: day('2024-02-13'), lateAfter: 7, backtest: false, train: FAST }));

    expect(error.finding.code).toBe('MODEL_EVALUATE_NO_ON_TIME_INVOICES');
    expect(error.finding.args.cutoff).toBe('2024-02-13');
    expect(error.finding.args.late).toBe(1);
  });
});

describe('chooseModel without history', () => {
  const bundledOf = async () => {
    const specs = Array.from({ length: 60 }, (_, i) => ({
      id: `B-${i}`,
      customer: `C${i % 6}`,
      issued: `2023-${String(1 + (i % 12)).padStart(2, '0')}-01`,
      due: `2023-${String(1 + (i % 12)).padStart(2, '0')}-28`,
      amount: 100,
      paid: i % 2 === 0 ? `2023-${String(1 + (i % 12)).padStart(2, '0')}-20` : undefined,
    }));
    return (await trainModel(ledgerOf(specs), { asOf: day('2024-06-30'), lateAfter: 7, ...FAST, scaleFreeOnly: true, origin: 'bundled' })).model;
  };

  it('names invoices without a known outcome', async () => {
    const bundled = await bundledOf();
    const { choice } = await chooseModel(pointInTimeLedger(), { asOf: day('2024-02-08'), lateAfter: 7, bundled, train: FAST });

    expect(choice.source).toBe('bundled');
    expect(choice.reason.code).toBe('MODEL_CHOICE_BUNDLED_NO_OUTCOMES');
    expect(choice.reason.args.count).toBe(2);
    expect(choice.reason.args.cause).toBe('MODEL_NO_KNOWN_OUTCOMES');
  });

  it('names a scoring day before the first invoice', async () => {
    const bundled = await bundledOf();
    const { choice } = await chooseModel(pointInTimeLedger(), { asOf: day('2023-06-30'), lateAfter: 7, bundled, train: FAST });

    expect(choice.reason.code).toBe('MODEL_CHOICE_BUNDLED_NO_HISTORY');
    expect(choice.reason.args.asOf).toBe('2023-06-30');
  });
});
