// End-to-end: a forecast with no open invoice prints its note and no empty tables.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, tempDir } from './helpers.js';

let file = '';

beforeAll(() => {
  requireBuild();
  file = join(tempDir(), 'all-paid.csv');
  writeFileSync(file, 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate\nF-1,Alder AB,2024-01-10,2024-02-09,100,2024-02-01\nF-2,Birch AB,2024-01-12,2024-02-11,200,2024-02-20\n');
});

describe('forecast with nothing open', () => {
  it('prints the note and no tables', () => {
    const run = runCli(['forecast', file, '--as-of', '2024-12-31']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No open invoices on 2024-12-31, so no cash is expected.');
    expect(run.stderr).not.toContain('scored on their history only');
  });

  it('keeps the JSON document', () => {
    const run = runCli(['forecast', file, '--as-of', '2024-12-31', '--format', 'json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { weeks: unknown[]; findings: { code: string }[] };
    expect(document.findings.map((item) => item.code)).toEqual(['FORECAST_NO_OPEN_INVOICES']);
  });
});
