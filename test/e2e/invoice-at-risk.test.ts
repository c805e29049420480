// The invoice view of score gives each invoice's expected amount at risk, and for every debtor the
// amounts of its invoice rows add up to the debtor row's amount, in every output format.

import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../src/i18n/catalog.js';
import { requireBuild, ROOT, runCli } from './helpers.js';

const SAMPLE = join(ROOT, 'fixtures/sample-invoices.csv');
const SCORE = ['score', SAMPLE, '--as-of', '2024-12-31'];

interface AmountRow {
  customerId: string;
  currency: string;
  expectedAtRisk: number;
}

/** Returns the rows' amounts at risk summed per debtor, in whole cents so that sums compare exactly. */
function centsByDebtor(rows: readonly AmountRow[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.customerId} ${row.currency}`;
    sums.set(key, (sums.get(key) ?? 0) + Math.round(row.expectedAtRisk * 100));
  }
  return sums;
}

function jsonRows(args: string[], key: 'debtors' | 'invoices'): AmountRow[] {
  const result = runCli([...SCORE, ...args, '--format', 'json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout)[key] as AmountRow[];
}

describe('invoice amount at risk', () => {
  let debtorCents: Map<string, number>;

  beforeAll(() => {
    requireBuild();
    debtorCents = centsByDebtor(jsonRows([], 'debtors'));
  });

  it('sums to the debtor (json)', () => {
    const invoices = jsonRows(['--by', 'invoice'], 'invoices');
    expect(invoices.every((invoice) => typeof invoice.expectedAtRisk === 'number')).toBe(true);
    expect(centsByDebtor(invoices)).toEqual(new Map([...debtorCents].filter(([, cents]) => cents !== 0)));
  });

  it('sums to the debtor (csv)', () => {
    const result = runCli([...SCORE, '--by', 'invoice', '--format', 'csv']);
    expect(result.code).toBe(0);
    const records = parse(result.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0])).toContain('expected_at_risk');
    const rows = records.map((record) => ({ customerId: record.customer_id, currency: record.currency, expectedAtRisk: Number(record.expected_at_risk) }));
    for (const [key, cents] of centsByDebtor(rows)) expect(cents, key).toBe(debtorCents.get(key));
  });

  it('sums to the debtor (ndjson)', () => {
    const result = runCli([...SCORE, '--by', 'invoice', '--format', 'ndjson']);
    expect(result.code).toBe(0);
    const rows = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as AmountRow);
    for (const [key, cents] of centsByDebtor(rows)) expect(cents, key).toBe(debtorCents.get(key));
  });

  for (const lang of ['en', 'sv'] as const) {
    it(`has a table heading (${lang})`, () => {
      const result = runCli([...SCORE, '--by', 'invoice', '--top', '3', '--lang', lang]);
      expect(result.code).toBe(0);
      const headingLine = result.stdout.split('\n')[1];
      expect(headingLine).toContain(message(lang, 'HEAD_AT_RISK'));
    });
  }

  it('is in the schema', () => {
    const result = runCli(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { properties: { invoices: { items: { required: string[] } } } };
    expect(schema.properties.invoices.items.required).toContain('expectedAtRisk');
  });
});
