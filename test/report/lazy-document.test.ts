// The JSON output of score makes its rows a group at a time, and its text must equal the full document's.

import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';
import { LazyRows } from '../../src/report/lazy-rows.js';
import { buildScoreDocument, lazyScoreDocument, type ScoreDocumentOptions } from '../../src/report/score-document.js';
import type { DebtorChange } from '../../src/report/score-document.js';
import { planActions } from '../../src/scoring/index.js';
import type { ScoreResult } from '../../src/scoring/types.js';
import { sampleResult } from './stand-in.js';

/** Returns the sample result with `copies` times its debtors and invoices, each copy under new customer numbers. */
function largeResult(copies: number): ScoreResult {
  const sample = sampleResult();
  const result = { ...sample, debtors: [] as ScoreResult['debtors'], invoices: [] as ScoreResult['invoices'] };
  for (let copy = 0; copy < copies; copy++) {
    for (const debtor of sample.debtors) result.debtors.push({ ...debtor, customerId: `${debtor.customerId}-${copy}` });
    for (const invoice of sample.invoices) result.invoices.push({ ...invoice, customerId: `${invoice.customerId}-${copy}`, invoiceId: `${invoice.invoiceId}-${copy}` });
  }
  return result;
}

function lazyText(result: ScoreResult, options: ScoreDocumentOptions): string {
  return [...renderJsonChunks({ ...lazyScoreDocument(result, options) })].join('');
}

describe('lazy score document', () => {
  const result = largeResult(400);
  const plan = planActions(result, {}, undefined, true).rows;
  const changes = new Map<string, DebtorChange>(result.debtors.map((debtor, i) => [`${debtor.customerId}\u0000${debtor.currency}`, (['new', 'same', 'worse', 'better'] as const)[i % 4]]));
  const cases: [string, ScoreDocumentOptions][] = [
    ['debtor view', { lang: 'en', version: '0', by: 'debtor', plan }],
    ['invoice view', { lang: 'sv', version: '0', by: 'invoice' }],
    ['debtor view with --top', { lang: 'en', version: '0', by: 'debtor', top: 7 }],
    ['invoice view with --top', { lang: 'en', version: '0', by: 'invoice', top: 300 }],
    ['only changes', { lang: 'en', version: '0', by: 'debtor', changes, onlyChanges: true, previousAsOf: '2024-05-31' }],
    ['only changes with --top', { lang: 'en', version: '0', by: 'debtor', changes, onlyChanges: true, previousAsOf: null, top: 5 }],
  ];

  for (const [name, options] of cases) {
    it(`matches the full document: ${name}`, () => {
      expect(lazyText(result, options)).toBe(renderJson(buildScoreDocument(result, options)));
    });
  }

  it('renders no rows as empty lists', () => {
    const empty = { ...sampleResult(), debtors: [], invoices: [] };
    const options: ScoreDocumentOptions = { lang: 'en', version: '0', by: 'debtor' };
    expect(lazyText(empty, options)).toBe(renderJson(buildScoreDocument(empty, options)));
  });
});

describe('LazyRows', () => {
  it('makes only the requested range', () => {
    const calls: number[] = [];
    const rows = new LazyRows(10, (start, end) => {
      calls.push(start, end);
      return Array.from({ length: end - start }, (_, i) => start + i);
    });
    expect(rows.rows(8, 20)).toEqual([8, 9]);
    expect(calls).toEqual([8, 10]);
    expect(rows.rows(10, 12)).toEqual([]);
    expect(rows.all()).toHaveLength(10);
  });
});
