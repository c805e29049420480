// Trains the bundled model on simulated small-business ledgers and writes models/default.json.
// Usage: npx tsc -p tsconfig.json && node dist/scripts/train-bundled-model.js [--out FILE] [--businesses N]
// Deterministic: the same seed and settings give the same file.

import { resolve } from 'node:path';
import { parseIsoDay } from '../src/dates.js';
import { saveModel } from '../src/model/model-file.js';
import { DEFAULT_LATE_AFTER_DAYS, trainModel } from '../src/model/train.js';
import { simulateLedgers, type SimulationOptions } from './simulate/simulate.js';

/** Settings of the shipped model; models/README.md quotes them. */
export const BUNDLED_SIMULATION: SimulationOptions = { seed: 20240601, businesses: 30, debtors: [8, 40], years: 2.5, start: '2022-01-01' };

/** Thresholds stacked in training, so the model serves any --late-after (it reads the threshold as an input). */
export const BUNDLED_THRESHOLDS = [0, 3, 7, 14, 30];

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

async function main(): Promise<void> {
  const out = resolve(argument('--out', 'models/default.json'));
  const simulation = { ...BUNDLED_SIMULATION, businesses: Number(argument('--businesses', String(BUNDLED_SIMULATION.businesses))) };
  const ledgers = simulateLedgers(simulation);
  const invoices = ledgers.reduce((sum, ledger) => sum + ledger.invoices.length, 0);
  process.stderr.write(`simulated ${ledgers.length} businesses, ${invoices} invoices\n`);

  const started = Date.now();
  const asOf = (parseIsoDay(simulation.start ?? '2022-01-01') as number) + Math.round(simulation.years * 365) - 1;
  const { model, report } = await trainModel(ledgers, {
    asOf,
    lateAfter: DEFAULT_LATE_AFTER_DAYS,
    lateAfterValues: BUNDLED_THRESHOLDS,
    scaleFreeOnly: true,
    origin: 'bundled',
    seed: simulation.seed,
    maxRows: 120_000,
    // Shallow trees keep the file to a few MB; the simulated data has plenty of rows per leaf.
    classifier: { nTrees: 120, maxDepth: 9, minSamplesLeaf: 40 },
    regressor: { nTrees: 40, maxDepth: 8, minSamplesLeaf: 60 },
  });
  saveModel(out, model);
  process.stderr.write(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s; wrote ${out}\n`);
  process.stdout.write(`${JSON.stringify({ rows: report.rows, invoices: report.invoices, holdout: report.holdout, holdoutFrom: report.holdoutFrom, calibration: report.calibration, topFeatures: report.topFeatures }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
