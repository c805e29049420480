// Locales, encodings, delimiters, number and date formats, terms and document types.

import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { importLedger } from '../../src/ingest/index.js';
import { categoryCode } from '../../src/ingest/invoice-rows.js';
import { balance, byId, codes, day, expectError, writeTemp } from './helpers.js';

const HEADER = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate\n';

describe('headers in other languages', () => {
  it('reads Spanish headers', async () => {
    const path = writeTemp(
      'Número de factura;Cliente;Fecha de emisión;Fecha de vencimiento;Importe;Fecha de pago;Moneda\n' +
        'A-1;Ferretería López SL;15/01/2024;14/02/2024;1.234,56;20/02/2024;EUR\n',
    );
    const invoice = (await importLedger([path])).ledger.invoices[0];
    expect(invoice.id).toBe('A-1');
    expect(invoice.customerName).toBe('Ferretería López SL');
    expect(invoice.amount).toBe(1234.56);
    expect(invoice.currency).toBe('EUR');
    expect(day(invoice.settledDate)).toBe('2024-02-20');
  });

  it('reads FreshBooks-style headers with --terms', async () => {
    const path = writeTemp('Client Name,Invoice #,Date Issued,Date Paid,Line Total,Currency\nX,0001,2024-01-10,,100.00,USD\n');
    const result = await importLedger([path], { terms: 'Net 30' });
    expect(result.ledger.invoices[0].id).toBe('0001');
    expect(day(result.ledger.invoices[0].dueDate)).toBe('2024-02-09');
    expect(codes(result.findings)).toContain('INGEST_TERMS_ASSUMED_ONE');
  });

  it('reads a due date column headed Due on', async () => {
    const path = writeTemp('InvoiceNo,Customer,Date,Due on,Amount\nF-1,A,2024-01-10,2024-02-09,100.00\n');
    const invoice = (await importLedger([path])).ledger.invoices[0];
    expect(day(invoice.dueDate)).toBe('2024-02-09');
  });

  it('leaves a Due column of amounts alone', async () => {
    const path = writeTemp('InvoiceNo,Customer,InvoiceDate,Terms,Amount,Due\n1,Alpha,2024-01-01,30,100.00,0.00\n');
    const invoice = (await importLedger([path])).ledger.invoices[0];
    expect(day(invoice.dueDate)).toBe('2024-01-31');
  });

  it('asks for --terms without due date or terms', async () => {
    const path = writeTemp('Client Name,Invoice #,Date Issued,Line Total\nX,0001,2024-01-10,100.00\n');
    expect((await expectError(importLedger([path]))).code).toBe('INGEST_DUE_DATE_MISSING');
  });

  it('reports a missing required column', async () => {
    const path = writeTemp('InvoiceNo,Customer,Amount\nF-1,A,100\n');
    const error = await expectError(importLedger([path], { terms: '30' }));
    expect(error.code).toBe('INGEST_COLUMN_MISSING');
    expect(error.args.field).toBe('issueDate');
    expect(error.args.example).toBe('--map issueDate=Header');
  });

  it('reports every missing column at once', async () => {
    const path = writeTemp('Customer,DueDate,Notes\nA,2024-02-09,x\n');
    const error = await expectError(importLedger([path]));
    expect(error.code).toBe('INGEST_COLUMNS_MISSING');
    expect(error.args.fields).toBe('invoiceId, issueDate, amount');
    expect(error.args.count).toBe(3);
    expect(error.args.headers).toBe('Customer, DueDate, Notes');
    expect(error.args.example).toBe('--map invoiceId=Header --map issueDate=Header --map amount=Header');
  });

  it('names the due date among missing columns', async () => {
    const path = writeTemp('InvoiceNo,Customer,Amount\nF-1,A,100\n');
    const error = await expectError(importLedger([path]));
    expect(error.code).toBe('INGEST_COLUMNS_MISSING_DUE_DATE');
    expect(error.args.fields).toBe('issueDate, dueDate');
    expect(error.args.count).toBe(2);
    expect(error.args.example).toBe('--map issueDate=Header --map dueDate=Header');
    expect(error.path).toEqual({ file: path, line: 1 });
  });

  it('reports every missing payments column', async () => {
    const invoices = writeTemp(`${HEADER}F-1,A,2024-01-10,2024-02-09,100,\n`);
    const payments = writeTemp('InvoiceNo,Customer,Note\nF-1,A,x\n');
    const error = await expectError(importLedger([invoices], { payments: [payments] }));
    expect(error.code).toBe('INGEST_COLUMNS_MISSING');
    expect(error.args.fields).toBe('paymentDate, amount');
    expect(error.args.example).toBe('--map paymentDate=Header --map amount=Header');
  });
});

describe('numbers', () => {
  const amountsOf = async (values: string[], delimiter = ';', options = {}) => {
    const rows = values.map((value, i) => `F-${i};Kund;2024-01-10;2024-02-09;${value};`).join('\n');
    const path = writeTemp(`Fakturanr;Kund;Fakturadatum;Förfallodatum;Belopp;Betaldatum\n${rows}\n`.replace(/;/g, delimiter));
    return (await importLedger([path], options)).ledger.invoices.map((i) => i.amount);
  };

  it('reads German amounts', async () => {
    expect(await amountsOf(['1.234,56 €', '12,50 €', '-3,00 €'])).toEqual([1234.56, 12.5, -3]);
  });

  it('reads French amounts with narrow spaces', async () => {
    expect(await amountsOf(['1\u202f234,56', '1\u00a0000,00', '2 500,10'])).toEqual([1234.56, 1000, 2500.1]);
  });

  it('reads Swiss amounts with apostrophes', async () => {
    expect(await amountsOf(["1'234.56", "CHF 12'000.00", '7.5'])).toEqual([1234.56, 12000, 7.5]);
  });

  it('reads Swedish kronor with trailing minus', async () => {
    expect(await amountsOf(['1 234,50 kr', '100,00-', '(50,00)'])).toEqual([1234.5, -100, -50]);
  });

  it('reads US amounts with codes', async () => {
    expect(await amountsOf(['"$1,234.56"', 'USD 12.50', '-$75.00'], ',')).toEqual([1234.56, 12.5, -75]);
  });

  it('stops on an ambiguous decimal column', async () => {
    const rows = ['1,234', '2,500'].map((value, i) => `F-${i};Kund;2024-01-10;2024-02-09;${value};`).join('\n');
    const path = writeTemp(`Fakturanr;Kund;Fakturadatum;Förfallodatum;Belopp;Betaldatum\n${rows}\n`);
    const error = await expectError(importLedger([path]));
    expect(error.code).toBe('INGEST_DECIMAL_AMBIGUOUS');
    expect(error.path?.column).toBe('Belopp');
    // Without a currency column the minor unit is unknown, so the amounts keep their digits.
    const withComma = await importLedger([path], { decimal: ',' });
    expect(withComma.ledger.invoices.map((i) => i.amount)).toEqual([1.234, 2.5]);
    const withPoint = await importLedger([path], { decimal: '.' });
    expect(withPoint.ledger.invoices.map((i) => i.amount)).toEqual([1234, 2500]);
  });

  it('decides an ambiguous value from a later one', async () => {
    // Read as 1.234 and kept, because the file has no currency column that gives the minor unit.
    expect(await amountsOf(['1,234', '99,90'])).toEqual([1.234, 99.9]);
  });

  it('stops on mixed decimal separators', async () => {
    const error = await expectError(amountsOf(['12,50', '12.50']));
    expect(error.code).toBe('INGEST_DECIMAL_CONFLICT');
    expect(error.path?.line).toBe(3);
  });

  it('rejects non-finite values by cell', async () => {
    const path = writeTemp(`${HEADER}F-1,A,2024-01-10,2024-02-09,1e999,\nF-2,A,2024-01-10,2024-02-09,NaN,\nF-3,A,2024-01-10,2024-02-09,Infinity,\nF-4,A,2024-01-10,2024-02-09,5.00,\n`);
    const result = await importLedger([path]);
    const bad = result.findings.filter((f) => f.code === 'INGEST_NUMBER_NOT_FINITE');
    expect(bad.map((f) => f.path?.line)).toEqual([2, 3, 4]);
    expect(bad[0].path?.column).toBe('Amount');
    expect(result.ledger.invoices.map((i) => i.id)).toEqual(['F-4']);
  });

  it('keeps identifiers as text', async () => {
    const path = writeTemp('InvoiceNo,CustomerNo,Customer,InvoiceDate,DueDate,Amount\n007,1E3,A,2024-01-10,2024-02-09,1\n4.68769E+17,0042,B,2024-01-10,2024-02-09,1\n');
    const result = await importLedger([path]);
    expect(result.ledger.invoices.map((i) => i.id)).toEqual(['007', '4.68769E+17']);
    expect(result.ledger.invoices.map((i) => i.customerId)).toEqual(['1E3', '0042']);
    const damaged = result.findings.filter((f) => f.code === 'INGEST_ID_SCIENTIFIC');
    expect(damaged).toHaveLength(1);
    expect(damaged[0].path?.line).toBe(3);
  });
});

describe('dates', () => {
  const datesOf = async (issue: string[], options = {}) => {
    const rows = issue.map((value, i) => `F-${i},A,${value},,100,`).join('\n');
    const path = writeTemp(`${HEADER}${rows}\n`);
    const result = await importLedger([path], { terms: 30, ...options });
    return result.ledger.invoices.map((i) => day(i.issueDate));
  };

  it('reads month-first dates from evidence', async () => {
    expect(await datesOf(['03/04/2024', '12/25/2024'])).toEqual(['2024-03-04', '2024-12-25']);
  });

  it('asks for --date-format when nothing settles the order', async () => {
    const error = await expectError(datesOf(['03/04/2024', '05/06/2024']));
    expect(error.code).toBe('INGEST_DATE_ORDER_AMBIGUOUS');
    expect(await datesOf(['03/04/2024'], { dateFormat: 'DD/MM/YYYY' })).toEqual(['2024-04-03']);
    expect(await datesOf(['03/04/2024'], { dateFormat: 'MDY' })).toEqual(['2024-03-04']);
  });

  it('stops on conflicting orders in a column', async () => {
    const error = await expectError(datesOf(['13/01/2024', '01/13/2024']));
    expect(error.code).toBe('INGEST_DATE_ORDER_CONFLICT');
  });

  it('reads dotted, named-month and two-digit-year dates', async () => {
    expect(await datesOf(['05.02.2024', '5-Jan-24', '3 mars 2024', '7 de enero de 2024', '"Feb 9, 2024"', '12 okt. 2023', '1 dic 2023'])).toEqual([
      '2024-02-05', '2024-01-05', '2024-03-03', '2024-01-07', '2024-02-09', '2023-10-12', '2023-12-01',
    ]);
  });

  it('keeps the written day of timestamps', async () => {
    expect(await datesOf(['2024-01-31T23:30:00-05:00', '2024-02-01 00:15:00+14:00', '2024-03-01T00:00:00Z'])).toEqual([
      '2024-01-31', '2024-02-01', '2024-03-01',
    ]);
  });

  it('rejects years out of range and serials outside date range', async () => {
    const path = writeTemp(`${HEADER}F-1,A,1899-12-31,,100,\nF-2,A,2101-01-01,,100,\nF-3,A,12,,100,\nF-4,A,2024-01-01,,100,\n`);
    const result = await importLedger([path], { terms: 30 });
    expect(result.findings.filter((f) => f.code === 'INGEST_DATE_OUT_OF_RANGE').map((f) => f.path?.line)).toEqual([2, 3, 4]);
    expect(result.ledger.invoices.map((i) => i.id)).toEqual(['F-4']);
  });

  it('treats null, NULL, dash and empty as no date', async () => {
    const path = writeTemp(`${HEADER}F-1,A,2024-01-01,2024-01-31,100,null\nF-2,A,2024-01-01,2024-01-31,100,NULL\nF-3,A,2024-01-01,2024-01-31,100,-\nF-4,A,2024-01-01,2024-01-31,100,\n`);
    const result = await importLedger([path]);
    expect(result.ledger.invoices.every((i) => i.settledDate === null && i.payments.length === 0)).toBe(true);
  });
});

describe('terms', () => {
  const dueOf = async (terms: string, issue = '2024-03-10') => {
    const path = writeTemp(`InvoiceNo;Customer;InvoiceDate;DueDate;Terms;Amount\nF-1;A;${issue};;${terms};100\n`);
    const result = await importLedger([path]);
    return day(result.ledger.invoices[0]?.dueDate ?? null);
  };

  it('reads terms text in three languages', async () => {
    expect(await dueOf('30 dagar')).toBe('2024-04-09');
    expect(await dueOf('Net 30')).toBe('2024-04-09');
    expect(await dueOf('NET30')).toBe('2024-04-09');
    expect(await dueOf('30 días')).toBe('2024-04-09');
    expect(await dueOf('netto 10')).toBe('2024-03-20');
    expect(await dueOf('14 dgr')).toBe('2024-03-24');
    expect(await dueOf('Due on Receipt')).toBe('2024-03-10');
  });

  it('reads end-of-month terms', async () => {
    expect(await dueOf('EOM')).toBe('2024-03-31');
    expect(await dueOf('Net 30 EOM')).toBe('2024-04-30');
    expect(await dueOf('30 dagar netto månadsslut')).toBe('2024-04-30');
    expect(await dueOf('30 días fin de mes', '2024-12-05')).toBe('2025-01-30');
  });

  it('rejects unreadable terms without a due date', async () => {
    const path = writeTemp('InvoiceNo;Customer;InvoiceDate;DueDate;Terms;Amount\nF-2;A;2024-03-10;;30;100\nF-1;A;2024-03-10;;snart;100\n');
    const error = await expectError(importLedger([path]));
    expect(error.code).toBe('INGEST_TERMS_INVALID');
    expect(error.path?.line).toBe(3);
    expect(error.path?.column).toBe('Terms');
    expect(error.args.value).toBe('snart');
    expect(error.args.invoiceId).toBe('F-1');
  });

  it('uses --terms for unreadable terms', async () => {
    const path = writeTemp('InvoiceNo;Customer;InvoiceDate;DueDate;Terms;Amount\nF-1;A;2024-03-10;;snart;100\n');
    const result = await importLedger([path], { terms: 20 });
    expect(day(result.ledger.invoices[0].dueDate)).toBe('2024-03-30');
    const used = result.findings.find((f) => f.code === 'INGEST_TERMS_INVALID_OPTION_USED');
    expect(used?.severity).toBe('warning');
    expect(used?.path?.line).toBe(2);
  });

  it('ignores unreadable terms when the due date is given', async () => {
    const path = writeTemp('InvoiceNo;Customer;InvoiceDate;DueDate;Terms;Amount\nF-1;A;2024-03-10;2024-04-01;snart;100\n');
    const result = await importLedger([path]);
    expect(day(result.ledger.invoices[0].dueDate)).toBe('2024-04-01');
    expect(codes(result.findings)).toEqual(['INGEST_NO_PAYMENT_COLUMNS', 'INGEST_TERMS_INVALID_DUE_DATE_USED']);
  });

  it('takes a due date before the invoice date as due on receipt', async () => {
    const path = writeTemp('InvoiceNo;Customer;InvoiceDate;DueDate;Amount;PaidDate\nF-1;A;2024-03-10;2024-03-01;100;2024-03-01\nF-2;A;2024-03-12;2024-03-02;100;2024-03-20\n');
    const result = await importLedger([path]);
    const [first, second] = result.ledger.invoices;
    expect(day(first.dueDate)).toBe('2024-03-10');
    expect(day(first.settledDate)).toBe('2024-03-10');
    expect(day(second.dueDate)).toBe('2024-03-12');
    expect(second.settledDate! - second.dueDate).toBe(8);
    const summary = result.findings.find((f) => f.code === 'INGEST_DUE_BEFORE_ISSUE_MANY');
    expect(summary?.args.count).toBe(2);
    expect(summary?.args.invoices).toBe('F-1, F-2');
    expect(summary?.args.lines).toBe('2, 3');
  });

  it('replaces a due date before the invoice date when terms are known', async () => {
    const path = writeTemp('InvoiceNo;Customer;InvoiceDate;DueDate;Terms;Amount\nF-1;A;2024-03-10;2024-03-01;30 dagar;100\n');
    const result = await importLedger([path]);
    expect(day(result.ledger.invoices[0].dueDate)).toBe('2024-04-09');
    expect(codes(result.findings)).toContain('INGEST_DUE_BEFORE_ISSUE');
  });
});

describe('encodings', () => {
  const text = 'Fakturanr;Kund;Fakturadatum;Förfallodatum;Belopp\n1;Åkesson & Söner;2024-01-10;2024-02-09;100\n';

  it('detects Windows-1252', async () => {
    const result = await importLedger([writeTemp(iconv.encode(text, 'windows-1252'))]);
    expect(result.files[0].encoding).toBe('windows-1252');
    expect(result.ledger.invoices[0].customerName).toBe('Åkesson & Söner');
    expect(codes(result.findings)).toContain('INGEST_ENCODING_GUESSED');
  });

  it('rejects a file invalid in the chosen encoding', async () => {
    const error = await expectError(importLedger([writeTemp(iconv.encode(text, 'windows-1252'))], { encoding: 'utf-8' }));
    expect(error.code).toBe('INGEST_ENCODING_INVALID');
    // The ö of the header is the first byte that is not UTF-8.
    expect(error.args.line).toBe(1);
  });

  it('reads UTF-16 LE and BE with BOM', async () => {
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const bom = encoding === 'utf-16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]);
      const body = encoding === 'utf-16le' ? Buffer.from(text, 'utf16le') : iconv.encode(text, 'utf-16be');
      const result = await importLedger([writeTemp(Buffer.concat([bom, body]))]);
      expect(result.files[0].encoding).toBe(encoding);
      expect(result.ledger.invoices[0].customerName).toBe('Åkesson & Söner');
    }
  });

  it('reads latin1 when asked', async () => {
    const result = await importLedger([writeTemp(iconv.encode(text, 'latin1'))], { encoding: 'latin1' });
    expect(result.ledger.invoices[0].customerName).toBe('Åkesson & Söner');
  });
});

describe('delimiters and structure', () => {
  it('reads tab and pipe delimiters', async () => {
    for (const delimiter of ['\t', '|']) {
      const path = writeTemp(HEADER.replace(/,/g, delimiter) + ['F-1', 'A, Inc.', '2024-01-10', '2024-02-09', '100.50', ''].join(delimiter) + '\n');
      const result = await importLedger([path]);
      expect(result.files[0].delimiter).toBe(delimiter);
      expect(result.ledger.invoices[0].customerName).toBe('A, Inc.');
      expect(result.ledger.invoices[0].amount).toBe(100.5);
    }
  });

  it('counts physical lines after multi-line fields', async () => {
    const path = writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Note\nF-1,A,2024-01-10,2024-02-09,1,"a\nb\nc"\nF-2,A,2024-01-10,2024-02-09,oops,x\n');
    const result = await importLedger([path]);
    expect(result.findings.find((f) => f.code === 'INGEST_NUMBER_INVALID')?.path?.line).toBe(5);
  });

  it('skips void invoices and reads credit note types', async () => {
    const path = writeTemp('InvoiceNo,Type,Status,Customer,InvoiceDate,DueDate,Amount\nF-1,Faktura,,A,2024-01-10,2024-02-09,100\nK-1,Kreditfaktura,,A,2024-01-12,2024-01-12,40\nF-2,Invoice,Void,A,2024-01-10,2024-02-09,100\n');
    const result = await importLedger([path]);
    expect(result.ledger.invoices.map((i) => [i.id, i.kind, i.amount])).toEqual([['F-1', 'invoice', 100], ['K-1', 'credit', -40]]);
    const left = result.findings.find((f) => f.code === 'INGEST_ROW_NOT_RECEIVABLE');
    expect(left?.severity).toBe('warning');
    expect(left?.args.invoiceId).toBe('F-2');
    expect(left?.path?.line).toBe(4);
    expect(result.files[0].rowsSkipped).toBe(1);
  });

  it('leaves out drafts in three languages', async () => {
    const path = writeTemp(
      'InvoiceNo,Status,Customer,InvoiceDate,DueDate,Amount\n' +
        'F-1,Sent,A,2024-01-10,2024-02-09,100\nF-2,Draft,A,2024-01-10,2024-02-09,100\nF-3,Utkast,B,2024-01-11,2024-02-10,50\n' +
        'F-4,Borrador,B,2024-01-12,2024-02-11,70\nF-5,Makulerad,B,2024-01-12,2024-02-11,70\nF-6,Anulada,B,2024-01-12,2024-02-11,70\n',
    );
    const result = await importLedger([path]);
    expect(result.ledger.invoices.map((i) => i.id)).toEqual(['F-1']);
    expect(result.files[0].rowsSkipped).toBe(5);
    const summary = result.findings.filter((f) => f.code === 'INGEST_ROW_NOT_RECEIVABLE_MANY');
    expect(summary).toHaveLength(1);
    expect(summary[0].args.count).toBe(5);
    expect(summary[0].args.values).toBe('Draft, Utkast, Borrador, Makulerad, Anulada');
    expect(summary[0].args.invoices).toBe('F-2, F-3, F-4, F-5, F-6');
    expect(summary[0].args.lines).toBe('3, 4, 5, 6, 7');
  });
});

describe('line items and duplicates', () => {
  it('sums line totals of one invoice', async () => {
    const path = writeTemp('Invoice #,Client Name,Date Issued,Item Name,Line Total\n1,X,2024-01-10,a,650.00\n1,X,2024-01-10,b,490.00\n1,X,2024-01-10,b,490.00\n');
    const result = await importLedger([path], { terms: 30 });
    expect(result.ledger.invoices).toHaveLength(1);
    expect(result.ledger.invoices[0].amount).toBe(1630);
    expect(result.files[0].rowsUsed).toBe(3);
  });

  it('rejects conflicting invoice-level fields', async () => {
    const path = writeTemp('Invoice #,Client Name,Date Issued,Item Name,Line Total\n1,X,2024-01-10,a,650.00\n1,Y,2024-01-10,b,490.00\n');
    const error = await expectError(importLedger([path], { terms: 30 }));
    expect(error.code).toBe('INGEST_INVOICE_CONFLICT');
    expect(error.path?.line).toBe(3);
    expect(error.path?.column).toBe('Client Name');
  });

  it('drops exact duplicate invoice rows with a warning', async () => {
    const path = writeTemp(`${HEADER}F-1,A,2024-01-10,2024-02-09,100,\nF-1,A,2024-01-10,2024-02-09,100,\n`);
    const result = await importLedger([path]);
    expect(result.ledger.invoices).toHaveLength(1);
    expect(result.findings.find((f) => f.code === 'INGEST_DUPLICATE_ROW')?.path?.line).toBe(3);
  });

  it('rejects conflicting duplicate invoice numbers', async () => {
    const path = writeTemp(`${HEADER}F-1,A,2024-01-10,2024-02-09,100,\nF-1,A,2024-01-10,2024-02-09,200,\n`);
    const error = await expectError(importLedger([path]));
    expect(error.code).toBe('INGEST_INVOICE_CONFLICT_LINE_ITEMS');
    expect(error.args.example).toBe('--map lineTotal=Amount');
  });

  it('suggests line totals for amount conflicts', async () => {
    const path = writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Item,Invoice Amount\nF-1,A,2024-01-10,2024-02-09,Bolts,100\nF-1,A,2024-01-10,2024-02-09,Nuts,50\n');
    const error = await expectError(importLedger([path]));
    expect(error.code).toBe('INGEST_INVOICE_CONFLICT_LINE_ITEMS');
    expect(error.args.column).toBe('Invoice Amount');
    expect(error.args.example).toBe("--map lineTotal='Invoice Amount'");
    expect(error.path).toMatchObject({ line: 3, column: 'Invoice Amount' });

    // The suggested option reads the file: one invoice of the two lines added up.
    const result = await importLedger([path], { map: { lineTotal: 'Invoice Amount' } });
    expect(result.ledger.invoices.map((i) => [i.id, i.amount])).toEqual([['F-1', 150]]);
  });

  it('keeps the plain conflict for other columns', async () => {
    const path = writeTemp(`${HEADER}F-1,A,2024-01-10,2024-02-09,100,\nF-1,A,2024-01-11,2024-02-09,100,\n`);
    const error = await expectError(importLedger([path]));
    expect(error.code).toBe('INGEST_INVOICE_CONFLICT');
    expect(error.path?.column).toBe('InvoiceDate');
  });

  // The draft store keeps no lookup map while invoice numbers ascend. A repeat must still be found
  // after an ascending run, far from its first row, or in another file.
  it('finds a repeated number after an ascending run', async () => {
    const rows = ['F-1', 'F-2', 'F-3', 'F-4', 'F-2', 'F-5'].map((id) => `${id},A,2024-01-10,2024-02-09,100,\n`).join('');
    const result = await importLedger([writeTemp(`${HEADER}${rows}`)]);
    expect(result.ledger.invoices.map((invoice) => invoice.id)).toEqual(['F-1', 'F-2', 'F-3', 'F-4', 'F-5']);
    expect(result.findings.find((f) => f.code === 'INGEST_DUPLICATE_ROW')?.path?.line).toBe(6);
  });

  it('finds a number repeated in a second file', async () => {
    const first = writeTemp(`${HEADER}F-1,A,2024-01-10,2024-02-09,100,\nF-2,A,2024-01-10,2024-02-09,100,\n`);
    const second = writeTemp(`${HEADER}F-3,A,2024-01-10,2024-02-09,100,\nF-1,A,2024-01-10,2024-02-09,300,\n`);
    const error = await expectError(importLedger([first, second]));
    expect(error.code).toBe('INGEST_INVOICE_CONFLICT');
    expect(error.path).toMatchObject({ file: second, line: 3 });
  });
});

describe('payments and currencies', () => {
  it('applies partial, multiple and refund payments', async () => {
    const invoices = writeTemp(`InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF-1,A,2024-01-10,2024-02-09,100\nF-2,A,2024-01-10,2024-02-09,50\n`);
    const payments = writeTemp('Invoice Number,Amount,Date\nF-1,$60.00 ,2/1/2024\nF-1,$40.00 ,2/15/2024\nF-2,$50.00,2/1/2024\nF-2,($50.00),2/3/2024\nF-2,$50.00,2/20/2024\n');
    const result = await importLedger([invoices], { payments: [payments] });
    const first = byId(result.ledger.invoices, 'F-1');
    expect(day(first.settledDate)).toBe('2024-02-15');
    const second = byId(result.ledger.invoices, 'F-2');
    expect(day(second.settledDate)).toBe('2024-02-01');
    expect(balance(second)).toBe(0);
    expect(second.payments.map((p) => p.amount)).toEqual([50, -50, 50]);
  });

  it('keeps mixed currencies apart', async () => {
    const path = writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Currency\nF-1,A,2024-01-10,2024-02-09,100,EUR\nF-2,A,2024-01-10,2024-02-09,1000,SEK\n');
    const result = await importLedger([path]);
    expect(result.ledger.invoices.map((i) => i.currency)).toEqual(['EUR', 'SEK']);
  });

  it('converts with a rates file', async () => {
    const path = writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Currency,PaidDate\nF-1,A,2024-01-10,2024-02-09,100,EUR,2024-02-01\nF-2,A,2024-01-10,2024-02-09,1000,SEK,\n');
    const rates = writeTemp('currency,rate\nSEK,1\nEUR,11.5\n', 'rates.csv');
    const result = await importLedger([path], { rates });
    expect(result.ledger.invoices.map((i) => [i.amount, i.currency])).toEqual([[1150, 'SEK'], [1000, 'SEK']]);
    expect(result.ledger.invoices[0].payments[0].amount).toBe(1150);
    const missing = writeTemp('currency,rate\nSEK,1\n', 'rates.csv');
    expect((await expectError(importLedger([path], { rates: missing }))).code).toBe('INGEST_RATE_MISSING');
  });
});

describe('extra columns and strict mode', () => {
  const path = () => writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Disputed,Visits,Channel\nF-1,A,2024-01-10,2024-02-09,100,Yes,3,Paper\nF-2,A,2024-01-10,2024-02-09,100,Nej,0,Email\n');

  it('encodes yes/no and numbers', async () => {
    const result = await importLedger([path()], { extra: ['Disputed', 'Visits'] });
    expect(result.ledger.extraColumns).toEqual(['Disputed', 'Visits']);
    expect(result.ledger.invoices.map((i) => i.extra)).toEqual([{ Disputed: 1, Visits: 3 }, { Disputed: 0, Visits: 0 }]);
    expect(result.ledger.invoices.map((i) => i.disputed)).toEqual([true, false]);
  });

  it('encodes a text extra column as stable categories', async () => {
    const result = await importLedger([path()], { extra: ['Channel'] });
    const codes = result.ledger.invoices.map((i) => i.extra.Channel);
    expect(codes).toEqual([categoryCode('Paper'), categoryCode('Email')]);
    expect(codes[0]).not.toBe(codes[1]);
    expect(categoryCode(' PAPER ')).toBe(codes[0]);
    expect(codes[0]).toBeGreaterThanOrEqual(2);
    expect(codes[0]).toBeLessThan(3);
  });

  it('turns warnings into errors in strict mode', async () => {
    const file = writeTemp(`${HEADER}F-1,A,2024-01-10,2024-02-09,,\nF-2,A,2024-01-11,2024-02-10,5,\n`);
    expect((await importLedger([file])).ledger.invoices.map((i) => i.id)).toEqual(['F-2']);
    const error = await expectError(importLedger([file], { strict: true }));
    expect(error.code).toBe('INGEST_VALUE_EMPTY');
    expect(error.path).toMatchObject({ line: 2, column: 'Amount' });
  });
});

describe('date format option', () => {
  const slashed = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF-1,A,03/04/2024,03/05/2024,100\n';

  it('accepts patterns and orders', async () => {
    for (const format of ['DD/MM/YYYY', 'dd/mm/yyyy', 'DMY']) {
      const result = await importLedger([writeTemp(slashed)], { dateFormat: format });
      expect(day(result.ledger.invoices[0].issueDate)).toBe('2024-04-03');
    }
    for (const format of ['MM/DD/YYYY', 'MDY']) {
      const result = await importLedger([writeTemp(slashed)], { dateFormat: format });
      expect(day(result.ledger.invoices[0].issueDate)).toBe('2024-03-04');
    }
    const dotted = await importLedger([writeTemp(slashed.replaceAll('/', '.'))], { dateFormat: 'DD.MM.YYYY' });
    expect(day(dotted.ledger.invoices[0].dueDate)).toBe('2024-05-03');
  });

  it('rejects a pattern with another separator', async () => {
    const error = await expectError(importLedger([writeTemp(slashed)], { dateFormat: 'dd.mm.yyyy' }));
    expect(error.code).toBe('INGEST_DATE_SEPARATOR_MISMATCH');
    expect(error.path?.line).toBe(2);
    expect(error.args.column).toBe('InvoiceDate');
    expect(error.args.value).toBe('03/04/2024');
    expect(error.args.example).toBe('DD/MM/YYYY');
  });

  it('suggests year first for ISO dates', async () => {
    const iso = writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF-1,Alder,2024-04-03,2024-05-03,100\n');
    const error = await expectError(importLedger([iso], { dateFormat: 'DD/MM/YYYY' }));
    expect(error.code).toBe('INGEST_DATE_SEPARATOR_MISMATCH');
    expect(error.args.example).toBe('YYYY-MM-DD');
  });

  it('rejects an unknown pattern', async () => {
    for (const format of ['DD/MM', 'DD/DD/YYYY', 'soon']) {
      expect((await expectError(importLedger([writeTemp(slashed)], { dateFormat: format }))).code).toBe('INGEST_DATE_FORMAT_OPTION_INVALID');
    }
  });
});

describe('payments file and paid columns', () => {
  it('notes that paid columns are not used', async () => {
    const invoices = writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate\nF-1,A,2024-01-10,2024-02-09,100,2024-02-01\nF-2,A,2024-01-11,2024-02-10,50,\n');
    const payments = writeTemp('InvoiceNo,PaymentDate,Amount\nF-1,2024-02-20,100\n');
    const result = await importLedger([invoices], { payments: [payments] });
    const ignored = result.findings.filter((f) => f.code === 'INGEST_PAID_COLUMNS_IGNORED');
    expect(ignored).toHaveLength(1);
    expect(ignored[0].args.columns).toBe('PaidDate');
    expect(ignored[0].path?.file).toBe(invoices);
    expect(day(byId(result.ledger.invoices, 'F-1').settledDate)).toBe('2024-02-20');
  });

  it('notes once when a file has no payment columns', async () => {
    const invoices = writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF-1,A,2024-01-10,2024-02-09,100\nF-2,A,2024-01-11,2024-02-10,50\n');
    const result = await importLedger([invoices]);
    const warned = result.findings.filter((f) => f.code === 'INGEST_NO_PAYMENT_COLUMNS');

    expect(warned).toHaveLength(1);
    expect(warned[0].severity).toBe('info');
    expect(warned[0].path?.file).toBe(invoices);
  });

  it('does not warn when payments come from their own file', async () => {
    const invoices = writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF-1,A,2024-01-10,2024-02-09,100\n');
    const payments = writeTemp('InvoiceNo,PaymentDate,Amount\nF-1,2024-02-20,100\n');
    const result = await importLedger([invoices], { payments: [payments] });

    expect(result.findings.map((f) => f.code)).not.toContain('INGEST_NO_PAYMENT_COLUMNS');
  });
});

describe('column formats', () => {
  // A number column whose rows were all left out (drafts here) saw no value, so it has no format to
  // report rather than "integer".
  it('names no format for a column without values', async () => {
    const path = writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Status\nF1,A,2024-01-10,2024-02-09,489.75,Draft\n');
    const result = await importLedger([path]);
    const amount = result.files[0].columns.find((column) => column.field === 'amount');
    expect(amount?.format).toBeUndefined();

    const withAmount = await importLedger([writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF1,A,2024-01-10,2024-02-09,100\n')]);
    expect(withAmount.files[0].columns.find((column) => column.field === 'amount')?.format).toBe('integer');
  });
});

describe('mixed encodings', () => {
  const HEAD = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\n';

  // Rows pasted from a UTF-8 source and a Windows-1252 source: reading all as Windows-1252 would turn
  // "Åsa" into "Ã…sa" without a word, so the import stops and names both lines.
  it('stops a file that mixes UTF-8 and Windows-1252', async () => {
    const utf8 = Buffer.from(`${HEAD}F1,Åsa AB,2024-01-01,2024-01-31,100\n`, 'utf8');
    const cp1252 = Buffer.from('F2,M\xf6lle AB,2024-01-01,2024-01-31,100\n', 'latin1');
    const error = await expectError(importLedger([writeTemp(Buffer.concat([utf8, cp1252]))]));
    expect(error.code).toBe('INGEST_ENCODING_MIXED');
    expect(error.args.utf8Line).toBe(2);
    expect(error.path?.line).toBe(3);
  });

  it('still reads a file that is all Windows-1252', async () => {
    const result = await importLedger([writeTemp(Buffer.from(`${HEAD}F1,M\xf6lle \xc5kesson AB,2024-01-01,2024-01-31,100\n`, 'latin1'))]);
    expect(result.files[0].encoding).toBe('windows-1252');
    expect(result.ledger.invoices[0].customerName).toBe('Mölle Åkesson AB');
  });
});
