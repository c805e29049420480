// End-to-end: inspect lists every warning, and with --strict it ends with exit code 2 when there is one.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, tempDir } from './helpers.js';

let blankAmount: string;
let clean: string;

beforeAll(() => {
  requireBuild();
  const folder = tempDir();
  blankAmount = join(folder, 'blank-amount.csv');
  clean = join(folder, 'clean.csv');
  writeFileSync(blankAmount, 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate\nF-1,Alder Ltd,2024-01-10,2024-02-09,100,2024-02-01\nF-2,Alder Ltd,2024-01-11,2024-02-10,,\n');
  writeFileSync(clean, 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate\nF-1,Alder Ltd,2024-01-10,2024-02-09,100,2024-02-01\n');
});

describe('inspect --strict', () => {
  it('lists the warning and exits 2', () => {
    const run = runCli(['inspect', blankAmount, '--strict', '--format', 'json']);
    expect(run.code).toBe(2);
    const document = JSON.parse(run.stdout) as { findings: { code: string }[] };
    expect(document.findings.map((item) => item.code)).toContain('INGEST_VALUE_EMPTY');
    expect(run.stderr).toContain('--strict');
  });

  it('exits 0 without --strict', () => {
    expect(runCli(['inspect', blankAmount, '--format', 'json']).code).toBe(0);
  });

  it('exits 0 with --strict on a clean file', () => {
    expect(runCli(['inspect', clean, '--strict', '--format', 'json']).code).toBe(0);
  });
});
