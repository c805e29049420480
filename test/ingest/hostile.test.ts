// Hostile and broken input: each is a RiskpayError naming file and line, or a counted skip.

import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { importLedger, inspectFiles } from '../../src/ingest/index.js';
import { expectError, writeTemp } from './helpers.js';

const HEADER = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate\n';
const ROW = 'F-1,A,2024-01-10,2024-02-09,100,\n';

describe('hostile input', () => {
  it('rejects an empty file', async () => {
    const path = writeTemp('');
    const error = await expectError(importLedger([path]));
    expect(error.code).toBe('INGEST_FILE_EMPTY');
    expect(error.path?.file).toBe(path);
  });

  it('rejects a header without rows', async () => {
    const error = await expectError(importLedger([writeTemp(HEADER)]));
    expect(error.code).toBe('INGEST_NO_ROWS');
    expect(error.path?.line).toBe(1);
  });

  it('rejects a binary file', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    expect((await expectError(importLedger([writeTemp(bytes)]))).code).toBe('INGEST_FILE_BINARY');
  });

  it('rejects a missing file', async () => {
    expect((await expectError(importLedger(['/nonexistent/riskpay.csv']))).code).toBe('INGEST_FILE_NOT_FOUND');
  });

  it('rejects a field over the limit', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const error = await expectError(importLedger([writeTemp(`${HEADER}F-1,"${big}",2024-01-10,2024-02-09,100,\n`)]));
    expect(error.code).toBe('INGEST_FIELD_TOO_LARGE');
    expect(error.path?.line).toBe(2);
  });

  it('applies a configured field limit', async () => {
    const error = await expectError(importLedger([writeTemp(`${HEADER}F-1,${'y'.repeat(200)},2024-01-10,2024-02-09,100,\n`)], { maxFieldBytes: 100 }));
    expect(error.code).toBe('INGEST_FIELD_TOO_LARGE');
  });

  it('rejects a line without an end', async () => {
    const error = await expectError(importLedger([writeTemp(`${HEADER}F-1,${'z'.repeat(300_000)}`)], { maxLineBytes: 100_000, maxFieldBytes: 100_000 }));
    expect(error.code).toBe('INGEST_LINE_TOO_LONG');
    expect(error.path?.line).toBe(2);
  });

  it('rejects a million columns', async () => {
    const error = await expectError(importLedger([writeTemp(`${HEADER}${'a,'.repeat(1_000_000)}\n`)]));
    expect(error.code).toBe('INGEST_TOO_MANY_COLUMNS');
    expect(error.path?.line).toBe(2);
  });

  it('names the line where an unclosed quote opened', async () => {
    const error = await expectError(importLedger([writeTemp(`${HEADER}${ROW}F-2,"Birch\nLtd,2024-01-10,2024-02-09,100,\nF-3,C,2024-01-10,2024-02-09,100,\n`)]));
    expect(error.code).toBe('INGEST_QUOTE_UNTERMINATED');
    expect(error.path?.line).toBe(3);
  });

  it('stops when the field count changes halfway', async () => {
    const good = Array.from({ length: 5 }, (_, i) => `F-${i},A,2024-01-10,2024-02-09,100,`).join('\n');
    const bad = Array.from({ length: 6 }, (_, i) => `G-${i},A,2024-01-10,2024-02-09,100,,x,y`).join('\n');
    const error = await expectError(importLedger([writeTemp(`${HEADER}${good}\n${bad}\n`)]));
    expect(error.code).toBe('INGEST_SHAPE_CHANGED');
    expect(error.path?.line).toBe(7);
  });

  it('counts a few broken rows and goes on', async () => {
    const result = await importLedger([writeTemp(`${HEADER}${ROW}F-2,A,2024-01-10,2024-02-09,1,000,\nF-3,A,2024-01-10,2024-02-09,100,\n`)]);
    expect(result.ledger.invoices.map((i) => i.id)).toEqual(['F-1', 'F-3']);
    expect(result.files[0].rowsSkipped).toBe(1);
    expect(result.files[0].rowsRead).toBe(3);
  });

  it('rejects a file without a known header', async () => {
    expect((await expectError(importLedger([writeTemp('a,b,c\n1,2,3\n')]))).code).toBe('INGEST_HEADER_NOT_FOUND');
  });

  it('rejects invalid options before reading', async () => {
    expect((await expectError(importLedger([writeTemp(HEADER + ROW)], { dateFormat: 'QQ' }))).code).toBe('INGEST_DATE_FORMAT_OPTION_INVALID');
    expect((await expectError(importLedger([writeTemp(HEADER + ROW)], { map: { nonsense: 'x' } }))).code).toBe('INGEST_MAP_FIELD_UNKNOWN');
    expect((await expectError(importLedger([writeTemp(HEADER + ROW)], { terms: 'soon' }))).code).toBe('INGEST_TERMS_OPTION_INVALID');
    expect((await expectError(importLedger([writeTemp(HEADER + ROW)], { encoding: 'klingon' }))).code).toBe('INGEST_ENCODING_UNKNOWN');
    expect((await expectError(importLedger([writeTemp(HEADER + ROW)], { preset: 'nope' }))).code).toBe('INGEST_PRESET_UNKNOWN');
  });
});

describe('standard input and inspect', () => {
  it('reads standard input', async () => {
    const stdin = Readable.from([Buffer.from(HEADER), Buffer.from(ROW)]);
    const result = await importLedger(['-'], { stdin });
    expect(result.files[0].file).toBe('<stdin>');
    expect(result.ledger.invoices).toHaveLength(1);
  });

  it('describes files for inspect', async () => {
    const path = writeTemp('sep=;\nReport\n\nInvoiceNo;Customer;CustomerNo;InvoiceDate;DueDate;Amount\nF-1;Alder AB;C-1;03/01/2024;02/02/2024;1.234,50\nF-2;Alder Oy;C-2;15/01/2024;14/02/2024;99,00\nTotal;;;;;1.333,50\n');
    const report = await inspectFiles([path]);
    expect(report.error).toBeUndefined();
    const file = report.files[0];
    expect(file).toMatchObject({ delimiter: ';', headerLine: 4, sepLine: 1, rowsRead: 3, rowsUsed: 2, rowsSkipped: 1 });
    expect(file.columns.find((c) => c.field === 'issueDate')?.format).toBe('DMY');
    expect(file.columns.find((c) => c.field === 'amount')?.format).toBe('decimal ,');
    expect(report.groups.find((g) => g.code === 'INGEST_TOTAL_ROW')?.lines).toEqual([7]);
    expect(report.nearDuplicates.map((d) => d.names.sort())).toEqual([['Alder AB', 'Alder Oy']]);
    expect(report.customers).toBe(2);
  });

  it('returns the stopping error from inspect', async () => {
    const report = await inspectFiles([writeTemp('Invoice,Customer,Date,Amount,Date\nF-1,A,2024-01-10,1,2024-02-09\n')]);
    expect(report.error?.code).toBe('INGEST_HEADER_DUPLICATE');
    expect(report.files[0].delimiter).toBe(',');
  });
});
