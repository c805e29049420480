// A file that ends in the middle of its last line is a half-written export: the import stops with
// INGEST_FILE_TRUNCATED instead of skipping the short row and scoring the rest.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importLedger } from '../../src/ingest/index.js';
import { expectError, writeTemp } from './helpers.js';

const SAMPLE = fileURLToPath(new URL('../../fixtures/sample-invoices.csv', import.meta.url));
const HEADER = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\n';

describe('cut-off file', () => {
  it('stops at a short last line without a line break', async () => {
    // The first 3,000 bytes of the sample end inside line 40, after 3 of its 8 fields.
    const file = writeTemp(readFileSync(SAMPLE).subarray(0, 3000));
    const error = await expectError(importLedger([file]));
    expect(error.code).toBe('INGEST_FILE_TRUNCATED');
    expect(error.args).toMatchObject({ line: 40, fields: 3, expected: 8 });
    expect(error.path?.line).toBe(40);
  });

  it('skips the same short row when a line break ends the file', async () => {
    const text = readFileSync(SAMPLE).subarray(0, 3000).toString('utf8');
    const result = await importLedger([writeTemp(`${text}\n`)]);
    expect(result.findings.find((finding) => finding.code === 'INGEST_FIELD_COUNT')?.path?.line).toBe(40);
    expect(result.files[0].rowsSkipped).toBe(1);
  });

  it('stops at a short quoted last line', async () => {
    const file = writeTemp(`${HEADER}F-1,Alder Ltd,2024-01-02,2024-02-01,100.00\nF-2,"Birch Ltd",2024-01-0`);
    const error = await expectError(importLedger([file]));
    expect(error.code).toBe('INGEST_FILE_TRUNCATED');
    expect(error.args).toMatchObject({ line: 3, fields: 3, expected: 5 });
  });

  it('reads a complete last line without a line break', async () => {
    const file = writeTemp(`${HEADER}F-1,Alder Ltd,2024-01-02,2024-02-01,100.00\nF-2,"Birch Ltd",2024-01-03,2024-02-02,980.00`);
    const result = await importLedger([file]);
    expect(result.ledger.invoices.map((invoice) => invoice.amount)).toEqual([100, 980]);
  });

  it('skips a short summary row at the end', async () => {
    const file = writeTemp(`${HEADER}F-1,Alder Ltd,2024-01-02,2024-02-01,100.00\nTotal,100.00`);
    const result = await importLedger([file]);
    expect(result.findings.find((finding) => finding.code === 'INGEST_TOTAL_ROW')?.path?.line).toBe(3);
    expect(result.ledger.invoices).toHaveLength(1);
  });

  it('stops at a cut past the first 64 KiB', async () => {
    // Larger than the sample that detection reads, so the cut row comes through the streaming path.
    const rows: string[] = [];
    for (let i = 1; i <= 3000; i++) rows.push(`F-${i},Customer ${i % 40},2024-01-02,2024-02-01,${i}.00`);
    const text = `${HEADER}${rows.join('\n')}\nF-3001,Customer 1,2024-01`;
    expect(text.length).toBeGreaterThan(65_536);
    const error = await expectError(importLedger([writeTemp(text)]));
    expect(error.code).toBe('INGEST_FILE_TRUNCATED');
    expect(error.args).toMatchObject({ line: 3002, fields: 3, expected: 5 });
  });
});
