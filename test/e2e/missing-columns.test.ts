// End-to-end: a file that lacks several required columns names all of them in one error.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, tempDir } from './helpers.js';

let file = '';

beforeAll(() => {
  requireBuild();
  file = join(tempDir(), 'few2.csv');
  writeFileSync(file, 'InvoiceNo,Customer,Amount\nF-1,Alder AB,100\n');
});

describe('several missing columns', () => {
  it('names each with its fix', () => {
    const run = runCli(['score', file, '--as-of', '2024-06-30']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`riskpay: error: ${file} line 1: No columns for 2 fields: issueDate, dueDate. The columns are: InvoiceNo, Customer, Amount.`);
    expect(run.stderr).toContain('Name them with --map issueDate=Header --map dueDate=Header.');
    expect(run.stderr).toContain('the payment terms can be given with --terms, for example --terms 30.');
  });

  it('names them in Swedish', () => {
    const run = runCli(['score', file, '--as-of', '2024-06-30', '--lang', 'sv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`riskpay: fel: ${file} rad 1: Kolumner saknas för 2 fält: issueDate, dueDate. Kolumnerna är: InvoiceNo, Customer, Amount.`);
    expect(run.stderr).toContain('Ange dem med --map issueDate=Rubrik --map dueDate=Rubrik.');
    expect(run.stderr).toContain('betalningsvillkoren med --terms, till exempel --terms 30.');
  });

  it('keeps the one-column message', () => {
    const run = runCli(['score', file, '--as-of', '2024-06-30', '--terms', '30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No column for issueDate. The columns are: InvoiceNo, Customer, Amount. Name it with --map issueDate=Header.');
  });
});
