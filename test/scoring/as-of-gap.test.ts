// A run that defaulted its as-of date to today warns when the input's dates end long before today.

import { describe, expect, it } from 'vitest';

import { realCore } from '../../src/cli/real-core.js';
import { asOfAfterDataFinding, MAX_DAYS_AFTER_LATEST_DATE } from '../../src/scoring/as-of-gap.js';
import { scoreLedger } from '../../src/scoring/score.js';
import { FAKE_CHOICE, day, fakeModel, ledgerOf, type InvoiceSpec } from './helpers.js';

const model = fakeModel({ inv_days_overdue: 0.02 });

// The latest date is the payment on 2024-05-10, after the latest issue date 2024-04-01.
const SPECS: InvoiceSpec[] = [
  { id: 'F-1', customer: 'Alder AB', issued: '2024-03-01', due: '2024-03-31', amount: 100, paid: '2024-05-10' },
  { id: 'F-2', customer: 'Alder AB', issued: '2024-04-01', due: '2024-05-01', amount: 200 },
];

function codesOf(findings: { code: string }[]): string[] {
  return findings.map((item) => item.code);
}

describe('SCORE_AS_OF_AFTER_DATA', () => {
  it('names dates, gap and fix', () => {
    const result = scoreLedger(ledgerOf(SPECS), model, FAKE_CHOICE, { asOf: day('2024-07-11'), asOfDefaulted: true, by: 'debtor' });
    const warning = result.findings.find((item) => item.code === 'SCORE_AS_OF_AFTER_DATA');
    expect(warning?.severity).toBe('warning');
    expect(warning?.args).toEqual({ latest: '2024-05-10', asOf: '2024-07-11', days: 62, fix: '--as-of 2024-05-10' });
  });

  it('stays silent at the limit', () => {
    const asOf = day('2024-05-10') + MAX_DAYS_AFTER_LATEST_DATE;
    const result = scoreLedger(ledgerOf(SPECS), model, FAKE_CHOICE, { asOf, asOfDefaulted: true, by: 'debtor' });
    expect(codesOf(result.findings)).not.toContain('SCORE_AS_OF_AFTER_DATA');
  });

  it('warns one day past the limit', () => {
    const asOf = day('2024-05-10') + MAX_DAYS_AFTER_LATEST_DATE + 1;
    const result = scoreLedger(ledgerOf(SPECS), model, FAKE_CHOICE, { asOf, asOfDefaulted: true, by: 'debtor' });
    expect(codesOf(result.findings)).toContain('SCORE_AS_OF_AFTER_DATA');
  });

  it('stays silent for an explicit date', () => {
    const result = scoreLedger(ledgerOf(SPECS), model, FAKE_CHOICE, { asOf: day('2026-12-05'), asOfDefaulted: false, by: 'debtor' });
    expect(codesOf(result.findings)).not.toContain('SCORE_AS_OF_AFTER_DATA');
  });

  it('survives releasing the ledger', () => {
    const ledger = ledgerOf(SPECS);
    const result = scoreLedger(ledger, model, FAKE_CHOICE, { asOf: day('2026-12-05'), asOfDefaulted: true, by: 'debtor', releaseLedger: true });
    expect(ledger.invoices).toHaveLength(0);
    expect(result.findings.find((item) => item.code === 'SCORE_AS_OF_AFTER_DATA')?.args.latest).toBe('2024-05-10');
  });

  it('stays silent without invoices', () => {
    expect(asOfAfterDataFinding({ invoices: [], extraColumns: [] }, day('2026-12-05'), true)).toBeNull();
  });

  it('comes with the features table', async () => {
    const defaulted = await realCore.features(ledgerOf(SPECS), day('2026-12-05'), true);
    expect(codesOf(defaulted.findings)).toEqual(['SCORE_AS_OF_AFTER_DATA']);
    expect(defaulted.findings[0].args.days).toBe(day('2026-12-05') - day('2024-05-10'));

    const given = await realCore.features(ledgerOf(SPECS), day('2026-12-05'), false);
    expect(given.findings).toEqual([]);
  });
});
