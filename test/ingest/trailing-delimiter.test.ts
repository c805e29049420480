// A delimiter at the end of a line: dropped when every row has it, reported when one row is the odd
// one out, because an unquoted thousands separator then hides behind the empty last field.

import { describe, expect, it } from 'vitest';
import { importLedger } from '../../src/ingest/index.js';
import { regularRowWidth } from '../../src/ingest/sniff.js';
import { byId, expectError, writeTemp } from './helpers.js';

const HEADER = 'Invoice,Customer,InvoiceDate,DueDate,Amount,Note\n';

describe('trailing delimiter', () => {
  it('skips 1,234.00 with a trailing comma', async () => {
    const file = writeTemp(`${HEADER}F-1,Alder AB,2024-01-01,2024-01-31,250.00,ok\nF-2,Birch AB,2024-02-01,2024-03-02,1,234.00,\n`);
    const result = await importLedger([file]);
    expect(result.ledger.invoices.map((invoice) => invoice.id)).toEqual(['F-1']);
    const wrong = result.findings.find((finding) => finding.code === 'INGEST_FIELD_COUNT');
    expect(wrong?.args).toMatchObject({ line: 3, fields: 7, expected: 6 });
    expect(result.files[0].rowsSkipped).toBe(1);
    expect(result.files[0].skipped.INGEST_FIELD_COUNT?.count).toBe(1);
  });

  it('skips 1234,50 with a trailing comma', async () => {
    const file = writeTemp(`${HEADER}F-1,Alder AB,2024-01-01,2024-01-31,250.00,ok\nF-2,Alder AB,2024-02-01,2024-03-02,1234,50,\nF-3,Alder AB,2024-02-01,2024-03-02,99.90,\n`);
    const result = await importLedger([file]);
    expect(result.ledger.invoices.map((invoice) => invoice.id)).toEqual(['F-1', 'F-3']);
    expect(byId(result.ledger.invoices, 'F-3').amount).toBe(99.9);
    expect(result.findings.find((finding) => finding.code === 'INGEST_FIELD_COUNT')?.path?.line).toBe(3);
  });

  it('stops at the odd row with strict', async () => {
    const file = writeTemp(`${HEADER}F-1,Alder AB,2024-01-01,2024-01-31,250.00,ok\nF-2,Birch AB,2024-02-01,2024-03-02,1,234.00,\n`);
    const error = await expectError(importLedger([file], { strict: true }));
    expect(error.code).toBe('INGEST_FIELD_COUNT');
    expect(error.path?.line).toBe(3);
  });

  it('drops it when every row has one', async () => {
    const file = writeTemp(`${HEADER}F-1,Alder AB,2024-01-01,2024-01-31,250.00,ok,\nF-2,Birch AB,2024-02-01,2024-03-02,1234.00,,\nF-3,Birch AB,2024-02-01,2024-03-02,75.00,late,\n`);
    const result = await importLedger([file], { strict: true });
    expect(result.ledger.invoices.map((invoice) => invoice.amount)).toEqual([250, 1234, 75]);
    expect(result.files[0].rowsSkipped).toBe(0);
  });

  it('skips a row with one field too many where every row has one', async () => {
    // The regular rows have 7 fields; `1,234.00,,` has 8 and must not read as 1.
    const file = writeTemp(`${HEADER}F-1,Alder AB,2024-01-01,2024-01-31,250.00,ok,\nF-2,Birch AB,2024-02-01,2024-03-02,1,234.00,,\nF-3,Birch AB,2024-02-01,2024-03-02,75.00,late,\n`);
    const result = await importLedger([file]);
    expect(result.ledger.invoices.map((invoice) => invoice.id)).toEqual(['F-1', 'F-3']);
    expect(result.findings.find((finding) => finding.code === 'INGEST_FIELD_COUNT')?.args).toMatchObject({ line: 3, fields: 8, expected: 6 });
  });

  it('reads a header that ends with the delimiter too', async () => {
    const file = writeTemp('Invoice,Customer,InvoiceDate,DueDate,Amount,\nF-1,Alder AB,2024-01-01,2024-01-31,250.00,\nF-2,Birch AB,2024-02-01,2024-03-02,1234.00,\n');
    const result = await importLedger([file], { strict: true });
    expect(result.ledger.invoices.map((invoice) => invoice.amount)).toEqual([250, 1234]);
  });
});

describe('regularRowWidth', () => {
  const rows = (...lines: string[]) => lines.map((line) => ({ fields: line.split(',') }));

  it('keeps the header width for one odd row', () => {
    expect(regularRowWidth(rows('a,b,c', 'a,b,c,'), 3)).toBe(3);
  });

  it('takes the width most rows have', () => {
    expect(regularRowWidth(rows('a,b,c,', 'a,b,,', 'a,b,c'), 3)).toBe(4);
  });

  it('ignores blank rows', () => {
    expect(regularRowWidth(rows('a,b,c,', ',,', ''), 3)).toBe(4);
  });

  it('ignores rows whose extra fields hold text', () => {
    expect(regularRowWidth(rows('a,b,c,d', 'a,b,c,d'), 3)).toBe(3);
  });
});
