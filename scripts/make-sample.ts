// Writes fixtures/sample-invoices.csv: a Swedish-style export (semicolons, Swedish headers, decimal
// comma, ISO dates) of one simulated business with 28 debtors over two years. Score it as of
// SAMPLE_AS_OF: invoices paid after that day appear unpaid, so the file has a realistic open ledger.
// Usage: npx tsc -p tsconfig.json && node dist/scripts/make-sample.js

import { writeFileSync } from 'node:fs';
import { formatDay } from '../src/dates.js';
import { simulateBusiness, type SimulationOptions } from './simulate/simulate.js';

/** The as-of date that matches the sample: the last day with facts in the file. */
export const SAMPLE_AS_OF = '2024-12-31';

export const SAMPLE_SIMULATION: SimulationOptions = {
  seed: 46,
  businesses: 1,
  debtors: 28,
  years: 2,
  start: '2023-01-01',
  asOf: SAMPLE_AS_OF,
  currency: 'SEK',
  invoicesPerMonth: [0.3, 2],
};

const HEADER = 'Fakturanr;Kundnr;Kund;Fakturadatum;Förfallodatum;Belopp;Valuta;Betaldatum';

/** Returns the CSV text of the sample export. */
export function sampleCsv(): string {
  const lines = [HEADER];
  for (const invoice of simulateBusiness(SAMPLE_SIMULATION, 0)) {
    const paid = invoice.settledDate === null ? '' : formatDay(invoice.settledDate);
    const amount = invoice.amount.toFixed(2).replace('.', ',');
    lines.push([invoice.id, invoice.customerId, invoice.customerName, formatDay(invoice.issueDate), formatDay(invoice.dueDate), amount, invoice.currency, paid].join(';'));
  }
  return `${lines.join('\n')}\n`;
}

const isMain = process.argv[1]?.endsWith('make-sample.js');
if (isMain) {
  writeFileSync('fixtures/sample-invoices.csv', sampleCsv());
  process.stderr.write(`wrote fixtures/sample-invoices.csv (score it with --as-of ${SAMPLE_AS_OF})\n`);
}
