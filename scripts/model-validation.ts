// Validation inside 2012 for choosing model settings without looking at the 2013 test period. The IBM
// sample is cut to what was known at the end of 2012: later invoices and payments are dropped, and
// later settlements turn open. Each variant is trained before three cutoffs as trainModel does and
// scored on the invoices issued from each cutoff on. Prints mean AUC and Brier per variant.
// Usage: npx tsc -p tsconfig.json && node dist/scripts/model-validation.js [FILE]
//          [--variants current,oob] [--late-after 0,7,10] [--extras both|none|with] [--seeds 1,2,3]
// FILE defaults to ../shared/data/ibm-accounts-receivable.csv; a missing file is reported, exit 0.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseIsoDay } from '../src/dates.js';
import { importLedger } from '../src/ingest/index.js';
import type { Ledger } from '../src/ingest/ledger.js';
import { featureNames } from '../src/features/catalog.js';
import { buildLabelledRows, selectRows } from '../src/features/training-rows.js';
import { testRows } from '../src/model/evaluate.js';
import { classifierMetrics } from '../src/model/metrics.js';
import { lastFactDay, trainModel, type TrainOptions } from '../src/model/train.js';

/** Facts dated after this day are removed before any validation run. */
export const VALIDATION_END = '2012-12-31';

/** Cutoffs inside 2012: train on what was known before each, test on invoices issued from it on. */
export const VALIDATION_CUTOFFS = ['2012-07-01', '2012-09-01', '2012-10-15'];

const EXTRAS = ['Disputed', 'PaperlessBill'];

/** trainModel options on top of the defaults, or a function of the ledger that returns them. */
type Variant = Partial<TrainOptions> | ((ledger: Ledger) => Partial<TrainOptions>);

/** The variants. */
const VARIANTS: Record<string, Variant> = {
  // The model before the third round: Platt on the first fit's predictions for all holdout rows.
  before: { calibration: 'holdout', calibrateOnIssueRows: false },
  'issue-calibration': { calibration: 'holdout' },
  oob: { calibration: 'oob', calibrateOnIssueRows: false },
  'oob-holdout': { calibrateOnIssueRows: false },
  'oob-issue': { calibration: 'oob' },
  // trainModel as it is now: the final forest's out-of-bag votes on holdout issue-date rows.
  current: {},
  // Without the combined extra-column features (expected days late through the columns' pooled effect).
  'no-adjusted': (ledger) => ({ columns: featureNames(ledger.extraColumns).filter((name) => !ADJUSTED.includes(name)) }),
  'tail-0': { tailWeight: 0 },
  'tail-half': { tailWeight: 0.5 },
  'leaf-5': { classifier: { minSamplesLeaf: 5 } },
  'no-checkpoints': { checkpoints: false },
  // More candidate columns per split, so that strong single columns are tried more often.
  'features-third': (ledger) => ({ classifier: { maxFeatures: Math.floor(featureNames(ledger.extraColumns).length / 3) } }),
};

const ADJUSTED = ['extra_adjusted_days_late', 'extra_adjusted_std_days', 'extra_adjusted_late_prob'];

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

/** Returns the ledger as it was known at the end of `lastDay`. */
export function ledgerKnownUntil(ledger: Ledger, lastDay: number): Ledger {
  const invoices = ledger.invoices
    .filter((invoice) => invoice.issueDate <= lastDay)
    .map((invoice) => {
      const payments = invoice.payments.filter((payment) => payment.date <= lastDay);
      const settledDate = invoice.settledDate !== null && invoice.settledDate <= lastDay ? invoice.settledDate : null;
      return { ...invoice, payments, settledDate };
    });
  return { ...ledger, invoices };
}

interface Score {
  auc: number;
  brier: number;
  /** Brier score on rows at later checkpoints of the test invoices (open invoices scored after issue). */
  laterBrier: number;
}

/** Trains before each cutoff and returns the test AUC and Brier score per cutoff. */
async function runVariant(ledger: Ledger, lateAfter: number, seed: number, variant: Variant): Promise<Score[]> {
  const scores: Score[] = [];
  const options = typeof variant === 'function' ? variant(ledger) : variant;
  for (const text of VALIDATION_CUTOFFS) {
    const cutoff = parseIsoDay(text) as number;
    const { model } = await trainModel(ledger, { asOf: cutoff - 1, lateAfter, seed, regressor: false, ...options });
    const adjustment = model.meta.delayAdjustment;
    const rows = testRows(ledger, lateAfter, cutoff, Infinity, adjustment);
    const metrics = classifierMetrics(rows.y, model.predictLate(rows.X));
    const withCheckpoints = buildLabelledRows(ledger, { lateAfter, knownBefore: lastFactDay(ledger) + 1, issuedFrom: cutoff, checkpoints: true, adjustment });
    const later: number[] = [];
    for (let r = 0; r < withCheckpoints.X.rows; r += 1) if (withCheckpoints.atIssue[r] === 0) later.push(r);
    const laterRows = selectRows(withCheckpoints, later);
    const laterMetrics = classifierMetrics(laterRows.y, model.predictLate(laterRows.X));
    scores.push({ auc: metrics.auc, brier: metrics.brier, laterBrier: laterMetrics.brier });
  }
  return scores;
}

async function main(): Promise<void> {
  const file = resolve(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '../shared/data/ibm-accounts-receivable.csv');
  if (!existsSync(file)) {
    process.stderr.write(`${file} not found; nothing to validate\n`);
    return;
  }
  const variants = argument('--variants', 'current').split(',');
  const thresholds = argument('--late-after', '0,7,10').split(',').map(Number);
  const seeds = argument('--seeds', '1').split(',').map(Number);
  const extrasChoice = argument('--extras', 'both');
  let extraSets: string[][] = [[], EXTRAS];
  if (extrasChoice === 'none') extraSets = [[]];
  if (extrasChoice === 'with') extraSets = [EXTRAS];
  const unknown = variants.filter((name) => !(name in VARIANTS));
  if (unknown.length > 0) throw new Error(`unknown variant ${unknown.join(', ')}; known: ${Object.keys(VARIANTS).join(', ')}`);

  const end = parseIsoDay(VALIDATION_END) as number;
  process.stdout.write(`| variant | extras | late-after | AUC | Brier | later-row Brier | per cutoff AUC |\n|---|---|---|---|---|---|---|\n`);
  for (const extra of extraSets) {
    const ledger = ledgerKnownUntil((await importLedger([file], { extra })).ledger, end);
    for (const lateAfter of thresholds) {
      for (const name of variants) {
        const all: Score[] = [];
        for (const seed of seeds) all.push(...(await runVariant(ledger, lateAfter, seed, VARIANTS[name])));
        const mean = (pick: (score: Score) => number): number => all.reduce((sum, score) => sum + pick(score), 0) / all.length;
        const perCutoff = all.map((score) => score.auc.toFixed(3)).join(' ');
        process.stdout.write(`| ${name} | ${extra.length > 0 ? 'yes' : 'no'} | ${lateAfter} | ${mean((s) => s.auc).toFixed(4)} | ${mean((s) => s.brier).toFixed(4)} | ${mean((s) => s.laterBrier).toFixed(4)} | ${perCutoff} |\n`);
      }
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
