// Checks what subsampling costs `riskpay train`: trains on one ledger twice, once with the given row
// cap and once on every row, and prints both holdout AUCs and wall times as JSON.
//   node dist/bench/pipeline/subsample-auc.js LEDGER.csv [MAX_ROWS]
// MAX_ROWS defaults to train's own cap (DEFAULT_MAX_ROWS). Both fits use seed 1.

import { importLedger } from '../../src/ingest/index.js';
import { DEFAULT_MAX_ROWS, trainModel } from '../../src/model/train.js';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('subsample-auc: usage: subsample-auc.js LEDGER.csv [MAX_ROWS]\n');
  process.exit(2);
}
const cap = process.argv[3] === undefined ? DEFAULT_MAX_ROWS : Number(process.argv[3]);
if (!Number.isSafeInteger(cap) || cap < 1) {
  process.stderr.write(`subsample-auc: MAX_ROWS must be a whole number of at least 1, got "${process.argv[3]}"\n`);
  process.exit(2);
}

const { ledger } = await importLedger([file]);

async function fit(maxRows: number) {
  const started = performance.now();
  const { report } = await trainModel(ledger, { seed: 1, maxRows, regressor: false });
  return {
    maxRows: Number.isFinite(maxRows) ? maxRows : 'all',
    rows: report.rows,
    holdoutAuc: report.holdout?.auc ?? null,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

const capped = await fit(cap);
const all = await fit(Infinity);
const difference = capped.holdoutAuc !== null && all.holdoutAuc !== null ? all.holdoutAuc - capped.holdoutAuc : null;
process.stdout.write(`${JSON.stringify({ file, capped, all, aucLostBySubsampling: difference })}\n`);
