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
