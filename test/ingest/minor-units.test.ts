// Import rounds amounts, paid amounts and balances to the minor unit of each invoice's currency.

import { describe, expect, it } from 'vitest';
import { importLedger } from '../../src/ingest/index.js';
import { byId, day, writeTemp } from './helpers.js';

const HEADER = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidAmount,Balance,PaidDate,Currency\n';

// `10.005` alone could be ten thousand and five, so the tests name the decimal point.
async function importRows(rows: string[], header = HEADER) {
  return (await importLedger([writeTemp(header + rows.join('\n') + '\n')], { decimal: '.' })).ledger.invoices;
}

describe('import minor units', () => {
  it('keeps three decimals for KWD', async () => {
    const invoices = await importRows(['K1,A,2024-01-01,2024-01-31,10.005,,,,KWD', 'K2,A,2024-01-02,2024-02-01,0.001,,,,KWD']);
    expect(byId(invoices, 'K1').amount).toBe(10.005);
    expect(byId(invoices, 'K2').amount).toBe(0.001);
  });

  it('leaves a 0.001 KWD invoice open', async () => {
    const invoices = await importRows(['K2,A,2024-01-02,2024-02-01,0.001,,,,KWD']);
    expect(byId(invoices, 'K2').settledDate).toBeNull();
  });

  it('rounds KWD to three decimals', async () => {
    const invoices = await importRows(['K3,A,2024-01-01,2024-01-31,10.0054,,,,KWD']);
    expect(byId(invoices, 'K3').amount).toBe(10.005);
  });

  it('keeps KWD paid amounts and balances', async () => {
    const invoices = await importRows([
      'K4,A,2024-01-01,2024-01-31,10.005,0.002,,2024-01-20,KWD',
      'K5,A,2024-01-01,2024-01-31,10.005,,0.001,2024-01-20,KWD',
    ]);
    expect(byId(invoices, 'K4').payments.map((payment) => payment.amount)).toEqual([0.002]);
    expect(byId(invoices, 'K5').payments.map((payment) => payment.amount)).toEqual([10.004]);
    expect(byId(invoices, 'K5').settledDate).toBeNull();
  });

  it('rounds JPY half away from zero', async () => {
    const invoices = await importRows(['J1,A,2024-01-01,2024-01-31,1234.5,,,,JPY', 'J2,A,2024-01-02,2024-02-01,-1234.5,,,,JPY']);
    expect(byId(invoices, 'J1').amount).toBe(1235);
    expect(byId(invoices, 'J2').amount).toBe(-1235);
  });

  it('rounds JPY paid amounts to whole yen', async () => {
    const invoices = await importRows(['J3,A,2024-01-01,2024-01-31,1000,999.6,,2024-01-20,JPY']);
    const invoice = byId(invoices, 'J3');
    expect(invoice.payments.map((payment) => payment.amount)).toEqual([1000]);
    expect(day(invoice.settledDate)).toBe('2024-01-20');
  });

  it('rounds SEK to the cent', async () => {
    // 1.005 is stored as 1.00499999999999989...; the amount still rounds up.
    const invoices = await importRows(['S1,A,2024-01-01,2024-01-31,1.005,,,,SEK', 'S2,A,2024-01-01,2024-01-31,10.0049,,,,SEK']);
    expect(byId(invoices, 'S1').amount).toBe(1.01);
    expect(byId(invoices, 'S2').amount).toBe(10);
  });

  it('rounds SEK balances to the cent', async () => {
    const invoices = await importRows(['S3,A,2024-01-01,2024-01-31,100,,40.004,2024-01-20,SEK']);
    expect(byId(invoices, 'S3').payments.map((payment) => payment.amount)).toEqual([60]);
  });

  it('keeps the digits without a currency column', async () => {
    const invoices = await importRows(['N1,A,2024-01-01,2024-01-31,10.005', 'N2,A,2024-01-01,2024-01-31,0.001'], 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\n');
    expect(byId(invoices, 'N1').amount).toBe(10.005);
    expect(byId(invoices, 'N2').amount).toBe(0.001);
  });

  it('rounds payments-file amounts to the invoice currency', async () => {
    const invoicesFile = writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Currency\nK6,A,2024-01-01,2024-01-31,10.005,KWD\nJ4,A,2024-01-01,2024-01-31,500,JPY\n');
    const paymentsFile = writeTemp('InvoiceNo,PaymentDate,Amount\nK6,2024-01-20,0.001\nJ4,2024-01-20,0.4\n', 'payments.csv');
    const invoices = (await importLedger([invoicesFile], { payments: [paymentsFile], decimal: '.' })).ledger.invoices;
    expect(byId(invoices, 'K6').payments.map((payment) => payment.amount)).toEqual([0.001]);
    expect(byId(invoices, 'J4').payments).toEqual([]);
  });
});

describe('rounded amounts warning', () => {
  async function findingsOf(rows: string[], header = HEADER) {
    return (await importLedger([writeTemp(header + rows.join('\n') + '\n')], { decimal: '.' })).findings;
  }

  it('names the first rounded amount', async () => {
    const findings = await findingsOf(['S1,A,2024-01-01,2024-01-31,12.345,,,,SEK', 'S2,A,2024-01-02,2024-02-01,10,,,,SEK', 'J1,A,2024-01-03,2024-02-02,1234.5,,,,JPY']);
    const rounded = findings.filter((item) => item.code === 'INGEST_AMOUNTS_ROUNDED');
    expect(rounded).toHaveLength(1);
    expect(rounded[0].severity).toBe('warning');
    expect(rounded[0].args).toMatchObject({ count: 2, line: 2, value: '12.345', rounded: '12.35', currency: 'SEK', digits: 2 });
    expect(rounded[0].path).toMatchObject({ line: 2 });
  });

  it('counts paid amounts and balances', async () => {
    const findings = await findingsOf(['S1,A,2024-01-01,2024-01-31,100,50.005,,2024-01-20,SEK', 'S2,A,2024-01-01,2024-01-31,100,,20.001,2024-01-20,SEK']);
    const rounded = findings.find((item) => item.code === 'INGEST_AMOUNTS_ROUNDED');
    expect(rounded?.args).toMatchObject({ count: 2, value: '50.005', rounded: '50.01' });
  });

  it('stays silent for amounts that fit', async () => {
    const findings = await findingsOf(['S1,A,2024-01-01,2024-01-31,12.34,,,,SEK', 'K1,A,2024-01-02,2024-02-01,10.005,,,,KWD', 'J1,A,2024-01-03,2024-02-02,1234,,,,JPY']);
    expect(findings.map((item) => item.code)).not.toContain('INGEST_AMOUNTS_ROUNDED');
  });

  it('stays silent without a currency', async () => {
    const findings = await findingsOf(['N1,A,2024-01-01,2024-01-31,10.005'], 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\n');
    expect(findings.map((item) => item.code)).not.toContain('INGEST_AMOUNTS_ROUNDED');
  });

  it('ignores float noise of summed lines', async () => {
    const header = 'InvoiceNo,Customer,InvoiceDate,DueDate,Currency,LineTotal\n';
    const result = await importLedger([writeTemp(header + 'L1,A,2024-01-01,2024-01-31,SEK,0.1\nL1,A,2024-01-01,2024-01-31,SEK,0.2\n')], { decimal: '.' });
    expect(byId(result.ledger.invoices, 'L1').amount).toBe(0.3);
    expect(result.findings.map((item) => item.code)).not.toContain('INGEST_AMOUNTS_ROUNDED');
  });
});
