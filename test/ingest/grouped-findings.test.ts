// Findings about one invoice each are summed up into one finding per file and code, and the note for
// findings beyond the limit per code carries the counts, so no printed text claims more than it counts.

import { describe, expect, it } from 'vitest';
import { importLedger } from '../../src/ingest/index.js';
import { Reporter } from '../../src/ingest/reporter.js';
import { ingestMessages } from '../../src/i18n/messages/ingest.js';
import { writeTemp } from './helpers.js';

const HEADER = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate\n';
const ROWS = 'F-1301,Alder Ltd,2024-01-10,2024-02-09,1000.00,\nF-1302,Alder Ltd,2024-02-09,2024-03-10,500.00,\nF-1303,Alder Ltd,2023-12-10,2024-01-09,800.00,2024-01-20\n';

/** Codes whose text names one invoice but that are only raised as errors, never summed up. */
const ERROR_ONLY = new Set(['INGEST_TERMS_INVALID', 'INGEST_INVOICE_CONFLICT', 'INGEST_INVOICE_CONFLICT_LINE_ITEMS']);

describe('duplicate rows of different invoices', () => {
  it('sum up into one finding with every invoice', async () => {
    const first = writeTemp(HEADER + ROWS);
    const copy = writeTemp(HEADER + ROWS);
    const result = await importLedger([first, copy]);
    const duplicates = result.findings.filter((finding) => finding.code.startsWith('INGEST_DUPLICATE_ROW'));
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0].code).toBe('INGEST_DUPLICATE_ROW_MANY');
    expect(duplicates[0].args).toMatchObject({ count: 3, invoices: 'F-1301, F-1302, F-1303', lines: '2, 3, 4' });
    expect(duplicates[0].path?.file).toBe(copy);
  });

  it('keep a single duplicate as it is', async () => {
    const result = await importLedger([writeTemp(HEADER + ROWS + 'F-1302,Alder Ltd,2024-02-09,2024-03-10,500.00,\n')]);
    const duplicate = result.findings.find((finding) => finding.code.startsWith('INGEST_DUPLICATE_ROW'));
    expect(duplicate?.code).toBe('INGEST_DUPLICATE_ROW');
    expect(duplicate?.args).toMatchObject({ invoiceId: 'F-1302', otherLine: 3 });
    expect(duplicate?.path?.line).toBe(5);
  });
});

describe('findings about one invoice', () => {
  it('sum up whatever their code', () => {
    const reporter = new Reporter(false);
    for (const [line, invoiceId] of [[2, 'A'], [3, 'B'], [4, 'C']] as const) {
      reporter.add('INGEST_PAYMENT_UNMATCHED', 'warning', { file: 'p.csv', line, invoiceId, amount: 10 }, { file: 'p.csv', line });
    }
    reporter.flushSummaries();
    expect(reporter.findings).toHaveLength(1);
    expect(reporter.findings[0]).toMatchObject({ code: 'INGEST_PAYMENT_UNMATCHED_MANY', args: { count: 3, invoices: 'A, B, C', lines: '2, 3, 4' } });
  });

  it('sum up customer names by name', () => {
    const reporter = new Reporter(false);
    reporter.add('INGEST_CUSTOMER_NAME_AMBIGUOUS', 'warning', { name: 'Alder', numbers: '1, 2', file: 'i.csv', line: 2 }, { file: 'i.csv', line: 2 });
    reporter.add('INGEST_CUSTOMER_NAME_AMBIGUOUS', 'warning', { name: 'Birch', numbers: '3, 4', file: 'i.csv', line: 7 }, { file: 'i.csv', line: 7 });
    reporter.flushSummaries();
    expect(reporter.findings[0]).toMatchObject({ code: 'INGEST_CUSTOMER_NAME_AMBIGUOUS_MANY', args: { count: 2, names: 'Alder, Birch', lines: '2, 7' } });
  });

  it('have a summed-up text in both languages', () => {
    for (const [code, text] of Object.entries(ingestMessages.en)) {
      // A _STRICT text is shown only for the one row that stopped a --strict run, so it is never grouped.
      if (!text.includes('{invoiceId}') || ERROR_ONLY.has(code) || code.endsWith('_MANY') || code.endsWith('_STRICT')) continue;
      expect(ingestMessages.en, code).toHaveProperty(`${code}_MANY`);
      expect(ingestMessages.sv, code).toHaveProperty(`${code}_MANY`);
    }
  });
});

describe('findings beyond the limit per code', () => {
  it('end in a note with the counts', () => {
    const reporter = new Reporter(false, 3);
    for (let line = 2; line <= 6; line++) {
      reporter.add('INGEST_DATE_IMPOSSIBLE', 'warning', { file: 'i.csv', line, column: 'InvoiceDate', value: '31/02/2024' }, { file: 'i.csv', line, column: 'InvoiceDate' });
    }
    reporter.flushSummaries();
    expect(reporter.findings.map((finding) => finding.code)).toEqual(['INGEST_DATE_IMPOSSIBLE', 'INGEST_DATE_IMPOSSIBLE', 'INGEST_DATE_IMPOSSIBLE', 'INGEST_MORE_FINDINGS_DATE']);
    expect(reporter.findings[3].args).toEqual({ code: 'INGEST_DATE_IMPOSSIBLE', listed: 3, more: 2, total: 5 });
    expect(reporter.findings[3].path).toEqual({ file: 'i.csv' });
  });

  it('name other kinds with their code', () => {
    const reporter = new Reporter(false, 1);
    for (let line = 2; line <= 3; line++) reporter.add('INGEST_TYPE_UNKNOWN', 'warning', { value: 'X' }, { file: 'i.csv', line });
    reporter.flushSummaries();
    expect(reporter.findings[1]).toMatchObject({ code: 'INGEST_MORE_FINDINGS_OTHER', args: { code: 'INGEST_TYPE_UNKNOWN', more: 1, total: 2 } });
  });

  it('count 1,100 bad dates in an import', async () => {
    const rows: string[] = [];
    for (let i = 1; i <= 3000; i++) rows.push(`F-${i},Alder Ltd,${i <= 1100 ? '2024-02-30' : '2024-01-02'},2024-03-01,10.00`);
    const file = writeTemp(`InvoiceNo,Customer,InvoiceDate,DueDate,Amount\n${rows.join('\n')}\n`);
    const result = await importLedger([file]);
    const note = result.findings.find((finding) => finding.code === 'INGEST_MORE_FINDINGS_DATE');
    expect(note?.args).toEqual({ code: 'INGEST_DATE_IMPOSSIBLE', listed: 1000, more: 100, total: 1100 });
  });
});

describe('skipped rows in total', () => {
  it('are one finding per file', async () => {
    const file = writeTemp(`${HEADER}${ROWS}F-1304,Alder Ltd,2024-02-30,2024-03-10,500.00,\n\n`);
    const result = await importLedger([file]);
    const totals = result.findings.filter((finding) => finding.code === 'INGEST_ROWS_SKIPPED_TOTAL');
    expect(totals).toHaveLength(1);
    expect(totals[0].args).toEqual({ file, skipped: 2, rows: 5, used: 3 });
  });

  it('are left out when no row was skipped', async () => {
    const result = await importLedger([writeTemp(HEADER + ROWS)]);
    expect(result.findings.some((finding) => finding.code === 'INGEST_ROWS_SKIPPED_TOTAL')).toBe(false);
  });
});
