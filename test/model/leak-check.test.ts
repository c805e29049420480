// Extra columns that give the outcome away: training, evaluation and the score's model choice warn
// about a column that alone ranks late against on-time invoices, and stay quiet about a noise column.

import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { chooseModel, evaluate, trainModel } from '../../src/model/index.js';
import { EXTRA_COLUMN_LEAK, LEAK_AUC } from '../../src/model/leak-check.js';
import { day, ledgerOf, type SimpleInvoice } from '../features/ledger-helpers.js';

const FAST = { classifier: { nTrees: 20 }, regressor: { nTrees: 10 }, threads: 1 };

function isoDay(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/**
 * 120 paid invoices over 2023, every third one paid 20 days late and the rest 2 days early. The extra
 * column days_late records the outcome, and noise is a fixed pseudo-random number.
 */
function leakyLedger() {
  const specs: SimpleInvoice[] = Array.from({ length: 120 }, (_, i) => {
    const issued = day('2023-01-01') + i * 3;
    const due = issued + 30;
    const daysLate = i % 3 === 0 ? 20 : -2;
    return {
      id: `F-${i}`,
      customer: `C${i % 8}`,
      issued: isoDay(issued),
      due: isoDay(due),
      amount: 100 + i,
      paid: isoDay(due + daysLate),
      extra: { days_late: daysLate, noise: (i * 7919) % 101 },
    };
  });
  return ledgerOf(specs, ['days_late', 'noise']);
}

function leaks(findings: Finding[]): Finding[] {
  return findings.filter((one) => one.code === EXTRA_COLUMN_LEAK);
}

describe('extra column leak check', () => {
  it('train warns about the outcome column', async () => {
    const { report } = await trainModel(leakyLedger(), { lateAfter: 7, seed: 1, ...FAST });
    const found = leaks(report.findings);

    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].args.column).toBe('days_late');
    expect(found[0].args.auc).toBe(1);
    expect(found[0].args.invoices).toBe(120);
  });

  it('train ignores a noise column', async () => {
    const ledger = leakyLedger();
    const { report } = await trainModel({ ...ledger, extraColumns: ['noise'] }, { lateAfter: 7, seed: 1, ...FAST });

    expect(leaks(report.findings)).toEqual([]);
  });

  it('evaluate passes the warning on', async () => {
    const result = await evaluate(leakyLedger(), { cutoff: day('2023-10-01'), lateAfter: 7, backtest: false, train: FAST });

    expect(result.findings.map((one) => one.args.column)).toEqual(['days_late']);
    expect(result.findings[0].args.auc).toBeGreaterThanOrEqual(LEAK_AUC);
  });

  it('score model choice passes the warning on', async () => {
    const { findings } = await chooseModel(leakyLedger(), { asOf: day('2024-03-01'), lateAfter: 7, bundled: null, train: FAST });

    expect(findings.map((one) => one.code)).toEqual([EXTRA_COLUMN_LEAK]);
    expect(findings[0].args.column).toBe('days_late');
  });
});
