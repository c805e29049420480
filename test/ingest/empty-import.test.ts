// An import that keeps no invoice: an error when rows were skipped for bad values, a finding when
// every row was left out on purpose.

import { describe, expect, it } from 'vitest';
import { importLedger, inspectFiles } from '../../src/ingest/index.js';
import { codes, expectError, writeTemp } from './helpers.js';

const HEADER = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\n';

describe('import without invoices', () => {
  it('stops when every amount is unreadable', async () => {
    const path = writeTemp(HEADER + 'A1,Alder,2024-01-01,2024-01-31,abc\nA2,Birch,2024-01-02,2024-02-01,12.5.3\n');
    const error = await expectError(importLedger([path]));
    expect(error.code).toBe('INGEST_ALL_ROWS_SKIPPED_NUMBER');
    expect(error.args.file).toBe(path);
    expect(error.args.rows).toBe(2);
    expect(error.args.count).toBe(2);
    expect(error.args.line).toBe(2);
    expect(error.args.column).toBe('Amount');
    expect(error.args.value).toBe('abc');
    expect(error.path).toEqual({ file: path, line: 2, column: 'Amount' });
  });

  it('names the largest reason and counts the rest', async () => {
    const path = writeTemp(
      HEADER + 'A1,Alder,2024-13-45,2024-01-31,10\nA2,Birch,not a date,2024-02-01,10\nA3,Cedar,2024-01-03,2024-02-02,x\n\n',
    );
    const error = await expectError(importLedger([path]));
    expect(error.code).toBe('INGEST_ALL_ROWS_SKIPPED_DATE_MIXED');
    expect(error.args.rows).toBe(4);
    expect(error.args.count).toBe(2);
    expect(error.args.others).toBe(2);
    expect(error.args.line).toBe(2);
    expect(error.args.column).toBe('InvoiceDate');
  });

  it('counts skipped rows for the report', async () => {
    const path = writeTemp(HEADER + 'A1,Alder,2024-01-01,2024-01-31,abc\nA2,Birch,2024-01-02,2024-02-01,12.5.3\n');
    const result = await inspectFiles([path]);
    expect(result.error?.code).toBe('INGEST_ALL_ROWS_SKIPPED_NUMBER');
    expect(result.files[0].skipped.INGEST_NUMBER_INVALID).toMatchObject({ count: 2, lines: [2, 3], header: 'Amount', value: 'abc', values: ['abc', '12.5.3'] });
  });

  it('keeps going when another file has invoices', async () => {
    const bad = writeTemp(HEADER + 'A1,Alder,2024-01-01,2024-01-31,abc\n');
    const good = writeTemp(HEADER + 'B1,Birch,2024-01-02,2024-02-01,10\n');
    const result = await importLedger([bad, good]);
    expect(result.ledger.invoices.map((invoice) => invoice.id)).toEqual(['B1']);
    expect(codes(result.findings)).toContain('INGEST_NUMBER_INVALID');
  });

  it('reports a file of drafts without an error', async () => {
    const path = writeTemp('InvoiceNo,Status,Customer,InvoiceDate,DueDate,Amount\nF-1,Draft,A,2024-01-10,2024-02-09,100\nF-2,Void,B,2024-01-11,2024-02-10,50\n');
    const result = await importLedger([path]);
    expect(result.ledger.invoices).toEqual([]);
    const leftOut = result.findings.filter((f) => f.code === 'INGEST_ALL_ROWS_LEFT_OUT');
    expect(leftOut).toHaveLength(1);
    expect(leftOut[0].args.count).toBe(2);
    expect(leftOut[0].args.values).toBe('Draft, Void');
    expect(leftOut[0].args.invoices).toBe('F-1, F-2');
    expect(leftOut[0].path).toEqual({ file: path });
    expect(codes(result.findings)).not.toContain('INGEST_ROW_NOT_RECEIVABLE_MANY');
  });

  it('keeps the per-row finding when some rows are used', async () => {
    const path = writeTemp('InvoiceNo,Status,Customer,InvoiceDate,DueDate,Amount\nF-1,Draft,A,2024-01-10,2024-02-09,100\nF-2,Sent,B,2024-01-11,2024-02-10,50\n');
    const result = await importLedger([path]);
    expect(codes(result.findings)).toContain('INGEST_ROW_NOT_RECEIVABLE');
    expect(codes(result.findings)).not.toContain('INGEST_ALL_ROWS_LEFT_OUT');
  });
});
