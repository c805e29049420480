// A small generated ledger as CSV text, for tests that need valid input to break or to train on.

import { DEFAULT_SPEC, generateLedger, type LedgerSpec } from '../../bench/ledger/generate.js';

export const SMALL_SPEC: LedgerSpec = { ...DEFAULT_SPEC, invoices: 3000, debtors: 120, months: 24, seed: 7 };

/** Last fact day of SMALL_SPEC's ledger plus one: the export day. */
export const SMALL_EXPORT_DATE = '2024-01-01';

export async function smallLedgerCsv(spec: LedgerSpec = SMALL_SPEC): Promise<string> {
  let text = '';
  await generateLedger(spec, (chunk) => {
    text += chunk;
  });
  return text;
}
