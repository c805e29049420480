// Command line of the ledger generator:
//   node dist/bench/ledger/main.js --out ledger.csv [--invoices N] [--debtors N] [--months N] [--seed N]
// Prints what it wrote as JSON on stderr.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { DEFAULT_SPEC, generateLedger, type LedgerSpec } from './generate.js';

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    process.stderr.write(`generate: --${name} must be a whole number of at least 1, got "${text}"\n`);
    process.exit(2);
  }
  return value;
}

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    invoices: { type: 'string' },
    debtors: { type: 'string' },
    months: { type: 'string' },
    seed: { type: 'string' },
  },
});
if (values.out === undefined) {
  process.stderr.write('generate: --out FILE is required\n');
  process.exit(2);
}

const spec: LedgerSpec = {
  ...DEFAULT_SPEC,
  invoices: positiveInteger('invoices', values.invoices, DEFAULT_SPEC.invoices),
  debtors: positiveInteger('debtors', values.debtors, DEFAULT_SPEC.debtors),
  months: positiveInteger('months', values.months, DEFAULT_SPEC.months),
  seed: positiveInteger('seed', values.seed, DEFAULT_SPEC.seed),
};

const stream = createWriteStream(values.out);
const summary = await generateLedger(spec, async (chunk) => {
  if (!stream.write(chunk)) await once(stream, 'drain');
});
stream.end();
await once(stream, 'finish');
process.stderr.write(`${JSON.stringify({ file: values.out, ...spec, ...summary })}\n`);
