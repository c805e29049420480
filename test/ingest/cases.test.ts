// The shared cases of inputs that broke tools like this one, each with its right result.

import { describe, expect, it } from 'vitest';
import { importLedger, inspectFiles } from '../../src/ingest/index.js';
import { balance, byId, casePath, codes, day, expectError } from './helpers.js';

describe('shared cases', () => {
  it('01 BOM and quoted header', async () => {
    const result = await importLedger([casePath('01-bom-quoted-header')]);
    expect(result.files[0].encoding).toBe('utf-8-bom');
    expect(result.files[0].columns[0]).toMatchObject({ header: 'InvoiceNo', field: 'invoiceId' });
    const invoices = result.ledger.invoices;
    expect(invoices).toHaveLength(2);
    expect(new Set(invoices.map((i) => i.customerId)).size).toBe(1);
    const paid = byId(invoices, 'F-1001');
    expect(paid.dueDate - paid.settledDate!).toBe(3);
    expect(byId(invoices, 'F-1002').settledDate).toBeNull();
    expect(balance(byId(invoices, 'F-1002'))).toBe(800);
  });

  it('03 semicolon delimiter', async () => {
    const result = await importLedger([casePath('03-semicolon-delimiter')]);
    expect(result.files[0].delimiter).toBe(';');
    const invoices = result.ledger.invoices;
    expect(invoices).toHaveLength(2);
    expect(new Set(invoices.map((i) => i.customerId)).size).toBe(2);
    const late = byId(invoices, '5001');
    expect(late.settledDate! - late.dueDate).toBe(8);
    expect(byId(invoices, '5002').settledDate).toBeNull();
  });

  it('04 preamble lines', async () => {
    const result = await importLedger([casePath('04-preamble-lines')]);
    expect(result.files[0].headerLine).toBe(4);
    expect(result.files[0].delimiter).toBe(';');
    const invoices = result.ledger.invoices;
    expect(invoices).toHaveLength(2);
    expect(byId(invoices, '5001').settledDate! - byId(invoices, '5001').dueDate).toBe(0);
    expect(byId(invoices, '5002').settledDate).toBeNull();
  });

  it('05 total and empty rows', async () => {
    const result = await importLedger([casePath('05-total-and-empty-rows')]);
    const invoices = result.ledger.invoices;
    expect(invoices).toHaveLength(2);
    expect(invoices.reduce((sum, i) => sum + balance(i), 0)).toBe(1500);
    expect(invoices.some((i) => i.customerName.toLowerCase() === 'total')).toBe(false);
    const total = result.findings.find((f) => f.code === 'INGEST_TOTAL_ROW');
    expect(total?.path?.line).toBe(5);
    expect(result.files[0].rowsSkipped).toBe(2);
  });

  it('06 unquoted thousands and multi-line field', async () => {
    const result = await importLedger([casePath('06-unquoted-thousands-and-multiline')]);
    const wrong = result.findings.find((f) => f.code === 'INGEST_FIELD_COUNT');
    expect(wrong?.args).toMatchObject({ line: 2, fields: 7, expected: 6 });
    expect(result.ledger.invoices.map((i) => i.id)).toEqual(['F-3002']);
    expect(byId(result.ledger.invoices, 'F-3002').amount).toBe(980);
    expect(result.files[0].rowsSkipped).toBe(1);
  });

  it('06 strict mode stops at line 2', async () => {
    const error = await expectError(importLedger([casePath('06-unquoted-thousands-and-multiline')], { strict: true }));
    expect(error.code).toBe('INGEST_FIELD_COUNT');
    expect(error.path?.line).toBe(2);
  });

  it('07 duplicate header names', async () => {
    const error = await expectError(importLedger([casePath('07-duplicate-header-names')]));
    expect(error.code).toBe('INGEST_HEADER_DUPLICATE');
    expect(error.args.header).toBe('Date');
    expect(error.args.columns).toBe('3, 5');
    expect(error.args.example).toBe('--map issueDate=#3 --map dueDate=#5');
  });

  it('07 resolved with --map by column number', async () => {
    const result = await importLedger([casePath('07-duplicate-header-names')], { map: { issueDate: '#3', dueDate: '#5' } });
    const invoice = result.ledger.invoices[0];
    expect(day(invoice.issueDate)).toBe('2024-01-10');
    expect(day(invoice.dueDate)).toBe('2024-02-09');
  });

  it('08 decimal comma', async () => {
    const result = await importLedger([casePath('08-decimal-comma')]);
    const invoices = result.ledger.invoices;
    expect(invoices.map((i) => i.amount)).toEqual([1234.56, 12500, 99.9]);
    expect(balance(byId(invoices, '5102'))).toBe(12500);
    expect(byId(invoices, '5102').settledDate).toBeNull();
  });

  it('10 currency symbols and parentheses', async () => {
    const result = await importLedger([casePath('10-currency-symbols-and-parentheses')]);
    const invoices = result.ledger.invoices;
    expect(invoices.map((i) => i.amount)).toEqual([1234.56, -200, -75]);
    const alder = invoices.filter((i) => i.customerName === 'Alder Ltd');
    expect(alder.reduce((sum, i) => sum + balance(i), 0)).toBeCloseTo(1034.56, 2);
    const warning = result.findings.find((f) => f.code === 'INGEST_NEGATIVE_INVOICE');
    expect(warning?.severity).toBe('warning');
    expect(warning?.path?.line).toBe(4);
  });

  it('11 blank amount', async () => {
    const result = await importLedger([casePath('11-blank-amount')]);
    const empty = result.findings.find((f) => f.code === 'INGEST_VALUE_EMPTY');
    expect(empty?.path).toMatchObject({ line: 3, column: 'Amount' });
    expect(result.ledger.invoices.map((i) => i.id)).toEqual(['F-6001']);
    expect(byId(result.ledger.invoices, 'F-6001').payments).toEqual([]);
  });

  it('13 day-month order from evidence', async () => {
    const result = await importLedger([casePath('13-day-month-order')]);
    const first = byId(result.ledger.invoices, 'F-7001');
    expect(day(first.issueDate)).toBe('2024-04-03');
    expect(day(first.dueDate)).toBe('2024-05-03');
    expect(day(first.settledDate)).toBe('2024-05-02');
    const second = byId(result.ledger.invoices, 'F-7002');
    expect(second.settledDate! - second.dueDate).toBe(5);
  });

  it('15 spreadsheet serial dates', async () => {
    const result = await importLedger([casePath('15-excel-serial-dates')]);
    const invoice = byId(result.ledger.invoices, 'F-8001');
    expect(day(invoice.issueDate)).toBe('2024-04-01');
    expect(day(invoice.dueDate)).toBe('2024-05-01');
    expect(day(invoice.settledDate)).toBe('2024-04-28');
    expect(codes(result.findings)).toContain('INGEST_DATE_SERIAL_MIXED');
  });

  it('17 impossible dates and null', async () => {
    const result = await importLedger([casePath('17-impossible-dates-and-null')]);
    const impossible = result.findings.find((f) => f.code === 'INGEST_DATE_IMPOSSIBLE');
    expect(impossible?.path).toMatchObject({ line: 2, column: 'InvoiceDate' });
    expect(impossible?.args.value).toBe('2024-02-31');
    const open = byId(result.ledger.invoices, 'F-9002');
    expect(open.settledDate).toBeNull();
    expect(open.payments).toEqual([]);
    expect(result.files[0].columns.find((c) => c.header === 'Reference')?.field).toBeNull();
  });

  it('18 credit notes', async () => {
    const result = await importLedger([casePath('18-credit-notes')]);
    const invoices = result.ledger.invoices;
    expect(invoices.reduce((sum, i) => sum + balance(i), 0)).toBe(450);
    expect(byId(invoices, 'K-0003').kind).toBe('credit');
    const warning = result.findings.find((f) => f.code === 'INGEST_NEGATIVE_INVOICE');
    expect(warning?.path?.line).toBe(4);
  });

  it('19 separate payments file', async () => {
    const result = await importLedger([casePath('19-separate-payments-file', 'invoices.csv')], {
      payments: [casePath('19-separate-payments-file', 'payments.csv')],
    });
    const settled = byId(result.ledger.invoices, 'F-1201');
    expect(day(settled.settledDate)).toBe('2024-02-20');
    expect(settled.settledDate! - settled.dueDate).toBe(11);
    const partial = byId(result.ledger.invoices, 'F-1202');
    expect(balance(partial)).toBe(300);
    expect(partial.settledDate).toBeNull();
    const unmatched = result.findings.find((f) => f.code === 'INGEST_PAYMENT_UNMATCHED');
    expect(unmatched?.args.invoiceId).toBe('F-9999');
    expect(unmatched?.path?.line).toBe(5);
  });

  it('21 date order and terms', async () => {
    const result = await importLedger([casePath('21-date-order-and-terms')]);
    const invoices = result.ledger.invoices;
    const dueBefore = result.findings.filter((f) => f.code === 'INGEST_DUE_BEFORE_ISSUE');
    expect(dueBefore.map((f) => f.args.invoiceId)).toEqual(['5201']);
    expect(day(byId(invoices, '5202').dueDate)).toBe('2024-03-01');
    expect(byId(invoices, '5202').settledDate! - byId(invoices, '5202').dueDate).toBe(4);
    expect(day(byId(invoices, '5203').dueDate)).toBe('2024-02-14');
    expect(byId(invoices, '5203').settledDate).toBeNull();
    expect(day(byId(invoices, '5201').dueDate)).toBe('2024-03-10');
    // 5201 (paid 2024-03-05) and 5204 (paid 2024-01-25) are both paid before their invoice date.
    const prepaid = result.findings.filter((f) => f.code === 'INGEST_PAYMENT_BEFORE_ISSUE_MANY');
    expect(prepaid).toHaveLength(1);
    expect(prepaid[0].severity).toBe('warning');
    expect(prepaid[0].args.count).toBe(2);
    expect(prepaid[0].args.invoices).toBe('5201, 5204');
    expect(prepaid[0].args.lines).toBe('2, 5');
    const prepayment = byId(invoices, '5204');
    expect(day(prepayment.settledDate)).toBe('2024-02-01');
    expect(prepayment.settledDate! - prepayment.dueDate).toBe(-30);
  });

  it('21 unreadable terms are an error', async () => {
    const error = await expectError(importLedger([casePath('21-date-order-and-terms', 'unreadable-terms.csv')]));
    expect(error.code).toBe('INGEST_TERMS_INVALID');
    expect(error.severity).toBe('error');
    expect(error.path?.line).toBe(3);
    expect(error.args.value).toBe('snart');
    expect(error.args.invoiceId).toBe('5205');
  });

  it('22 open invoices', async () => {
    const result = await importLedger([casePath('22-open-invoices-as-of')]);
    const invoices = result.ledger.invoices;
    expect(day(byId(invoices, 'F-1301').dueDate)).toBe('2024-02-09');
    expect(byId(invoices, 'F-1301').settledDate).toBeNull();
    expect(byId(invoices, 'F-1303').settledDate! - byId(invoices, 'F-1303').dueDate).toBe(11);
  });

  it('24 customer identity', async () => {
    const result = await importLedger([casePath('24-customer-identity')]);
    const invoices = result.ledger.invoices;
    const c17 = ['F-1401', 'F-1402', 'F-1404'].map((id) => byId(invoices, id).customerId);
    expect(new Set(c17)).toEqual(new Set(['C-17']));
    expect(byId(invoices, 'F-1403').customerId).toBe('C-42');
    expect(invoices.filter((i) => i.customerId === 'C-17').reduce((sum, i) => sum + balance(i), 0)).toBe(1700);
  });

  it('25 and 28 parse', async () => {
    const newcomer = await importLedger([casePath('25-new-customer-no-history')]);
    expect(newcomer.ledger.invoices).toHaveLength(3);
    expect(byId(newcomer.ledger.invoices, 'F-1503').payments).toEqual([]);
    const pointInTime = await importLedger([casePath('28-point-in-time-features')]);
    expect(pointInTime.ledger.invoices).toHaveLength(3);
    expect(day(byId(pointInTime.ledger.invoices, 'F-1').settledDate)).toBe('2024-03-20');
  });
});

describe('inspect of shared cases', () => {
  it('24 lists unmerged near-duplicate names', async () => {
    const result = await inspectFiles([casePath('24-customer-identity')]);
    expect(result.customers).toBe(2);
    expect(result.nearDuplicates).toEqual([{ names: ['Alder AB', 'Alder Oy'], customerIds: ['C-17', 'C-42'] }]);
  });
});
