// End-to-end: --delimiter overrides the detected delimiter, from the flag or from RISKPAY_DELIMITER,
// and an unknown value is a usage error.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../src/i18n/catalog.js';
import { requireBuild, runCli, tempDir } from './helpers.js';

interface InspectJson {
  files: { delimiter: string; rowsUsed: number; rowsSkipped: number }[];
  error?: { code: string };
}

beforeAll(requireBuild);

describe('--delimiter', () => {
  const dir = tempDir();
  const semicolons = join(dir, 'semicolons.csv');
  writeFileSync(semicolons, 'InvoiceNo;Customer;InvoiceDate;DueDate;Amount\nF-1;Alder AB;2024-01-02;2024-02-01;100,50\nF-2;Birch AB;2024-01-03;2024-02-02;980,00\n');
  const tabs = join(dir, 'tabs.csv');
  writeFileSync(tabs, 'InvoiceNo\tCustomer\tInvoiceDate\tDueDate\tAmount\nF-1\tAlder, Inc.\t2024-01-02\t2024-02-01\t100.50\n');

  it('reads the file with the given delimiter', () => {
    const run = runCli(['inspect', semicolons, '--delimiter', ';', '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as InspectJson;
    expect(json.files[0]).toMatchObject({ delimiter: ';', rowsUsed: 2, rowsSkipped: 0 });
  });

  it('overrides the detection', () => {
    // Split by commas, the semicolon file has no header with known column names, and the error names
    // the semicolon that finds one.
    const run = runCli(['score', semicolons, '--delimiter', ',', '--as-of', '2024-03-01']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message('en', 'INGEST_DELIMITER_OPTION_MISMATCH', { file: semicolons, given: ',', detected: ';' }));
  });

  it.each(['tab', '\\t'])('takes a tab as %s', (value) => {
    const run = runCli(['inspect', tabs, '--delimiter', value, '--format', 'json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as InspectJson).files[0]).toMatchObject({ delimiter: '\t', rowsUsed: 1 });
  });

  it('comes from RISKPAY_DELIMITER', () => {
    const run = runCli(['score', semicolons, '--as-of', '2024-03-01'], { env: { RISKPAY_DELIMITER: ',' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message('en', 'INGEST_DELIMITER_OPTION_MISMATCH', { file: semicolons, given: ',', detected: ';' }));
  });

  it('rejects an unknown value', () => {
    const run = runCli(['score', semicolons, '--delimiter', 'x', '--as-of', '2024-03-01']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--delimiter');
    expect(run.stderr).toContain(message('en', 'CLI_INVALID_ENUM_VALUE', { option: '--delimiter', value: 'x', source: 'flag', choices: '",", ;, |, tab, \\t' }));
  });

  it('is in the help of score', () => {
    const run = runCli(['score', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--delimiter <CHAR>');
    expect(run.stdout).toContain('RISKPAY_DELIMITER');
  });
});
