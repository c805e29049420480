// Rates files without exactly one base currency (rate 1): the error lists what the file has and how
// to fix it, and --rates help states the rule.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { optionHelp } from '../../src/cli/program.js';
import { optionByKey } from '../../src/cli/options.js';
import { RiskpayError, type Finding } from '../../src/findings.js';
import { message } from '../../src/i18n/catalog.js';
import { loadRates } from '../../src/ingest/rates.js';

/** Writes `text` as a rates file and returns the finding loadRates throws for it. */
async function ratesError(text: string): Promise<Finding> {
  const file = join(mkdtempSync(join(tmpdir(), 'riskpay-rates-')), 'rates.csv');
  writeFileSync(file, text);
  try {
    await loadRates(file);
  } catch (error) {
    if (error instanceof RiskpayError) return error.finding;
    throw error;
  }
  throw new Error('loadRates accepted the file');
}

describe('rates file base currency', () => {
  it('lists the currencies when none has rate 1', async () => {
    const problem = await ratesError('currency,rate\nEUR,11.5\nUSD,10\n');
    expect(problem.code).toBe('INGEST_RATES_NO_BASE');
    expect(problem.args.currencies).toBe('EUR, USD');
    const text = message('en', problem.code, problem.args);
    expect(text).toContain('The file lists EUR, USD.');
    expect(text).toContain('Add a line for the base currency with rate 1, such as "SEK,1"');
    expect(message('sv', problem.code, problem.args)).toContain('Filen innehåller EUR, USD.');
  });

  it('says an empty file lists nothing', async () => {
    const problem = await ratesError('currency,rate\n');
    expect(problem.code).toBe('INGEST_RATES_EMPTY');
    expect(message('en', problem.code, problem.args)).toBe(
      'The rates file lists no currencies. Write one "currency,rate" line per currency, with rate 1 for the base currency, such as "SEK,1" and "EUR,11.5".',
    );
  });

  it('names several currencies at rate 1', async () => {
    const problem = await ratesError('SEK,1\nEUR,1\nUSD,10\n');
    expect(problem.code).toBe('INGEST_RATES_SEVERAL_BASES');
    expect(problem.args.bases).toBe('SEK, EUR');
  });

  it('accepts one base currency', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'riskpay-rates-')), 'rates.csv');
    writeFileSync(file, 'SEK,1\nEUR,11.5\n');
    expect((await loadRates(file)).base).toBe('SEK');
  });

  it('help states the rate-1 rule', () => {
    const spec = optionByKey('rates')!;
    expect(optionHelp(spec, 'en')).toContain('the base currency has rate 1');
    expect(optionHelp(spec, 'sv')).toContain('basvalutan har kursen 1');
  });
});

/** Writes `text` as a rates file and returns the rates loadRates reads from it. */
async function ratesOf(text: string): Promise<Map<string, number>> {
  const file = join(mkdtempSync(join(tmpdir(), 'riskpay-rates-')), 'rates.csv');
  writeFileSync(file, text);
  return (await loadRates(file)).rates;
}

describe('rates file lines', () => {
  it('reads decimal commas after a semicolon', async () => {
    const rates = await ratesOf('valuta;kurs\nSEK;1\nEUR;11,5\nJPY;0,0712\n');
    expect([...rates]).toEqual([['SEK', 1], ['EUR', 11.5], ['JPY', 0.0712]]);
  });

  it('reads a decimal comma after the first comma', async () => {
    const rates = await ratesOf('"currency","rate"\n"SEK","1"\nEUR,11,5\n');
    expect(rates.get('EUR')).toBe(11.5);
  });

  it('names a rate that is not a number', async () => {
    const problem = await ratesError('SEK,1\nEUR,abc\n');
    expect(problem.code).toBe('INGEST_RATES_RATE_INVALID');
    expect(problem.args).toMatchObject({ line: 2, currency: 'EUR', rate: 'abc' });
    expect(message('en', problem.code, problem.args)).toContain('The rate "abc" for EUR on line 2');
  });

  it('names a rate that is not positive', async () => {
    const problem = await ratesError('SEK,1\nEUR,-2\n');
    expect(problem.code).toBe('INGEST_RATES_RATE_INVALID');
  });

  it('names a currency that is not a code', async () => {
    const problem = await ratesError('SEK,1\nEuro,11.5\n');
    expect(problem.code).toBe('INGEST_RATES_CURRENCY_INVALID');
    expect(problem.args).toMatchObject({ line: 2, currency: 'Euro' });
    expect(message('sv', problem.code, problem.args)).toContain('börjar med "Euro"');
  });

  it('rejects a line without a delimiter', async () => {
    const problem = await ratesError('SEK,1\nEUR 11.5\n');
    expect(problem.code).toBe('INGEST_RATES_INVALID');
    expect(problem.args.line).toBe(2);
  });
});

describe('rates file repeats', () => {
  it('rejects one currency with two rates', async () => {
    const problem = await ratesError('SEK,1\nEUR,11.5\nEUR,12\n');
    expect(problem.code).toBe('INGEST_RATES_DUPLICATE');
    expect(problem.args).toMatchObject({ currency: 'EUR', line: 3, otherLine: 2, rate: 12, otherRate: 11.5 });
    expect(message('en', problem.code, problem.args)).toContain('11.5 on line 2 and 12 on line 3');
  });

  it('accepts one currency repeated with its rate', async () => {
    const rates = await ratesOf('SEK,1\nEUR,11.5\neur,11.5\n');
    expect(rates.get('EUR')).toBe(11.5);
  });

  it('rejects standard input', async () => {
    await expect(loadRates('-')).rejects.toMatchObject({ finding: { code: 'INGEST_RATES_STDIN' } });
  });
});
