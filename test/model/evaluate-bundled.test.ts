// evaluate compares the bundled model at the evaluation's own lateness threshold. The bundled model
// reads the threshold as an input, so an unbound one would predict for its default of 7 days.

import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/dates.js';
import { importLedger } from '../../src/ingest/index.js';
import { evaluate } from '../../src/model/evaluate.js';
import { loadBundledModel } from '../../src/model/model-file.js';

const SAMPLE = join(resolve(import.meta.dirname, '../..'), 'fixtures/sample-invoices.csv');

describe('evaluate with the bundled model', () => {
  it('binds it to the threshold', async () => {
    const { ledger } = await importLedger([SAMPLE]);
    const bundled = loadBundledModel();
    const options = { cutoff: parseIsoDay('2024-07-01')!, lateAfter: 0, seed: 1 };
    const unbound = await evaluate(ledger, { ...options, bundled });
    const bound = await evaluate(ledger, { ...options, bundled: bundled.withLateAfter(0) });

    const bundledOf = (result: typeof bound) => result.scorers.find((scorer) => scorer.name === 'bundled')!.metrics;
    expect(bundled.meta.label.lateAfterDays).toBe(7);
    expect(bundledOf(unbound)).toEqual(bundledOf(bound));
  }, 120_000);
});
