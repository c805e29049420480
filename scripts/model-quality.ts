// Runs the time-split evaluation on the IBM accounts-receivable sample for every configuration that
// MODEL-QUALITY.md reports, and prints the Markdown tables.
// Usage: npx tsc -p tsconfig.json && node dist/scripts/model-quality.js [FILE] [--model FILE]
// FILE defaults to ../shared/data/ibm-accounts-receivable.csv. When the file is missing, the script
// prints that to stderr and exits 0.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseIsoDay } from '../src/dates.js';
import { importLedger } from '../src/ingest/index.js';
import type { Ledger } from '../src/ingest/ledger.js';
import { evaluate, type EvaluationResult } from '../src/model/evaluate.js';
import { loadBundledModel, loadModel } from '../src/model/model-file.js';

export const IBM_CUTOFF = '2013-01-01';

/** The reported configurations: extra columns and lateness threshold. */
export const CONFIGURATIONS: { extra: string[]; lateAfter: number }[] = [
  { extra: [], lateAfter: 0 },
  { extra: ['Disputed', 'PaperlessBill'], lateAfter: 0 },
  { extra: [], lateAfter: 10 },
  { extra: ['Disputed', 'PaperlessBill'], lateAfter: 10 },
];

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const fixed = (value: number | null | undefined, digits = 3): string => (value === null || value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits));

function table(result: EvaluationResult): string {
  const lines = ['| scorer | AUC | PR-AUC | Brier | log loss | precision at D | recall at D | lift top 10% debtors |', '|---|---|---|---|---|---|---|---|'];
  for (const scorer of result.scorers) {
    const m = scorer.metrics;
    lines.push(`| ${scorer.name} | ${fixed(m.auc)} | ${fixed(m.prAuc)} | ${fixed(m.brier)} | ${fixed(m.logLoss)} | ${fixed(scorer.atGradeD.precision)} | ${fixed(scorer.atGradeD.recall)} | ${fixed(scorer.liftTop10Debtors, 2)} |`);
  }
  return lines.join('\n');
}

/** Reads the file with the importer, as the CLI does; extra text columns become category codes. */
async function readLedger(file: string, extra: string[]): Promise<{ ledger: Ledger; reader: string }> {
  return { ledger: (await importLedger([file], { extra })).ledger, reader: 'the importer' };
}

async function main(): Promise<void> {
  const file = resolve(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '../shared/data/ibm-accounts-receivable.csv');
  if (!existsSync(file)) {
    process.stderr.write(`${file} not found; nothing to evaluate\n`);
    return;
  }
  const modelPath = argument('--model');
  const bundled = modelPath ? loadModel(modelPath) : loadBundledModel();
  const cutoff = parseIsoDay(IBM_CUTOFF) as number;

  for (const configuration of CONFIGURATIONS) {
    const { ledger, reader } = await readLedger(file, configuration.extra);
    const started = Date.now();
    const result = await evaluate(ledger, {
      cutoff,
      lateAfter: configuration.lateAfter,
      seed: 1,
      bundled: bundled.acceptsAnyLateAfter ? bundled.withLateAfter(configuration.lateAfter) : bundled,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const extras = configuration.extra.length > 0 ? `--extra ${configuration.extra.join(',')}` : 'no extra columns';
    process.stdout.write(`\n### --late-after ${configuration.lateAfter}, ${extras}\n\n`);
    process.stdout.write(`Read with ${reader}. Train rows ${result.trainRows}; test invoices ${result.testRows} (${result.testPositives} late); ${seconds} s.\n\n`);
    process.stdout.write(`${table(result)}\n\n`);
    if (result.backtest) {
      const folds = result.backtest.folds.map((fold) => `${fold.cutoff}: ${fixed(fold.modelAuc)} (mean_days_late ${fixed(fold.meanDaysLateAuc)})`).join('; ');
      process.stdout.write(`Rolling-origin backtest AUC: mean ${fixed(result.backtest.meanAuc)}, std ${fixed(result.backtest.stdAuc)}; mean_days_late mean ${fixed(result.backtest.meanNaiveAuc)}. Folds: ${folds}.\n\n`);
    }
    for (const payment of result.paymentDate) {
      process.stdout.write(`Payment date, ${payment.name}: within 3 days ${fixed(payment.within3Days * 100, 1)}%, within 7 days ${fixed(payment.within7Days * 100, 1)}%, mean absolute error ${fixed(payment.meanAbsoluteDays, 1)} days (${payment.rows} settled invoices)${payment.intervalCoverage === undefined ? '' : `; ${fixed(payment.intervalCoverage * 100, 1)}% inside the 80% interval`}.\n`);
    }
    const model = result.scorers.find((scorer) => scorer.name === 'model');
    if (model) {
      process.stdout.write('\nReliability (model): ' + model.reliability.filter((bin) => bin.rows > 0).map((bin) => `${bin.from.toFixed(1)}-${bin.to.toFixed(1)}: ${fixed(bin.meanPredicted, 2)} vs ${fixed(bin.observedLateShare, 2)} (${bin.rows})`).join('; ') + '\n');
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
