// A file of one row reads "the only row", never "1 rows", in English and Swedish.

import { describe, expect, it } from 'vitest';
import { importLedger } from '../../src/ingest/index.js';
import { formatFinding } from '../../src/i18n/catalog.js';
import { expectError, writeTemp } from './helpers.js';

const HEADER = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\n';
const INVOICES = HEADER + 'A1,Acme,2024-01-01,2024-01-31,10\n';

describe('one-row messages', () => {
  it.each([
    ['A1,Acme,2024-01-01,2024-01-31,abc', 'INGEST_ALL_ROWS_SKIPPED_NUMBER', 'is not a number'],
    ['A1,Acme,not a date,2024-01-31,10', 'INGEST_ALL_ROWS_SKIPPED_DATE', 'is not a valid date'],
    ['A1,Acme,2024-01-01,2024-01-31,', 'INGEST_ALL_ROWS_SKIPPED_EMPTY', 'is empty'],
    ['A1,Acme,2024-01-01', 'INGEST_ALL_ROWS_SKIPPED_FIELD_COUNT', 'has another number of fields'],
  ])('all skipped: %s', async (row, code, reason) => {
    const error = await expectError(importLedger([writeTemp(`${HEADER}${row}\n`)]));
    expect(error.code).toBe(code);
    expect(error.args).toMatchObject({ rows: 1, count: 1 });
    const english = formatFinding(error, 'en');
    expect(english).toContain('The only row of the file was skipped');
    expect(english).toContain(reason);
    expect(english).not.toContain('1 rows');
    const swedish = formatFinding(error, 'sv');
    expect(swedish).toContain('Filens enda rad hoppades över');
    expect(swedish).not.toContain('Alla 1 rader');
  });

  it('many rows keep the plural', async () => {
    const error = await expectError(importLedger([writeTemp(`${HEADER}A1,Acme,2024-01-01,2024-01-31,abc\nA2,Acme,2024-01-01,2024-01-31,x\n`)]));
    expect(formatFinding(error, 'en')).toContain('2 rows, all skipped');
    expect(formatFinding(error, 'sv')).toContain('Alla 2 rader hoppades över');
  });

  it('payments file of one row', async () => {
    const payments = writeTemp('InvoiceNo,PaymentDate,Amount\nA1,not a date,10\n', 'payments.csv');
    const error = await expectError(importLedger([writeTemp(INVOICES)], { payments: [payments] }));
    expect(error.code).toBe('INGEST_PAYMENTS_ALL_SKIPPED_ONE_ROW');
    expect(formatFinding(error, 'en')).toContain('The only row of this payments file was skipped');
    expect(formatFinding(error, 'sv')).toContain('Den enda raden i den här betalningsfilen hoppades över');
  });

  it('payments reason in one of many rows', async () => {
    const payments = writeTemp('InvoiceNo,PaymentDate,Amount\nA1,not a date,10\nA1,2024-01-10,x\n', 'payments.csv');
    const error = await expectError(importLedger([writeTemp(INVOICES)], { payments: [payments] }));
    expect(error.code).toBe('INGEST_PAYMENTS_ALL_SKIPPED');
    expect(error.args).toMatchObject({ rows: 2, count: 1 });
    expect(formatFinding(error, 'en')).toContain('in 1 of the rows');
    expect(formatFinding(error, 'sv')).toContain('på 1 av raderna');
  });

  it('left-out file of one row', async () => {
    const result = await importLedger([writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Status\nA1,Acme,2024-01-01,2024-01-31,10,Draft\n')]);
    const leftOut = result.findings.find((finding) => finding.code === 'INGEST_ALL_ROWS_LEFT_OUT');
    expect(leftOut).toBeDefined();
    expect(formatFinding(leftOut!, 'en')).toContain('The only invoice row of this file was left out');
    expect(formatFinding(leftOut!, 'sv')).toContain('Filens enda fakturarad togs inte med');
  });

  it('skipped total of one row', async () => {
    const result = await importLedger([writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Status\nA1,Acme,2024-01-01,2024-01-31,10,Draft\n')]);
    const codes = result.findings.map((finding) => finding.code);
    expect(codes).toContain('INGEST_ROWS_SKIPPED_TOTAL_ONE');
    expect(codes).not.toContain('INGEST_ROWS_SKIPPED_TOTAL');
    const total = result.findings.find((finding) => finding.code === 'INGEST_ROWS_SKIPPED_TOTAL_ONE')!;
    expect(formatFinding(total, 'en')).toContain('The only row of this file was skipped.');
    expect(formatFinding(total, 'sv')).toContain('Filens enda rad hoppades över.');
  });
});

describe('one-field messages', () => {
  it('names one field in the singular', async () => {
    // One row of a single field among good rows: skipped with a warning, not an error.
    const result = await importLedger([writeTemp(`${INVOICES}A2\nA3,Acme,2024-01-01,2024-01-31,10\n`)]);
    const skipped = result.findings.find((item) => item.code === 'INGEST_FIELD_COUNT');
    expect(skipped?.args).toMatchObject({ fields: 1, expected: 5 });
    expect(formatFinding(skipped!, 'en')).toContain('1 field, header has 5');
    expect(formatFinding(skipped!, 'en')).not.toContain('1 fields');
    expect(formatFinding(skipped!, 'sv')).toContain('1 fält, rubrikraden har 5');
  });

  it('keeps the plural for two fields', async () => {
    const result = await importLedger([writeTemp(`${INVOICES}A2,Acme\nA3,Acme,2024-01-01,2024-01-31,10\n`)]);
    const skipped = result.findings.find((item) => item.code === 'INGEST_FIELD_COUNT');
    expect(formatFinding(skipped!, 'en')).toContain('2 fields, header has 5');
  });
});
