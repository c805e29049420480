// Nothing to score has two causes with two different hints: the import kept no invoice (every row a
// draft), or every invoice is dated after the as-of day. Both are bad input: exit 2, nothing on stdout.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../src/i18n/catalog.js';
import { requireBuild, runCli, tempDir } from './helpers.js';

const HEADER = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Status\n';


describe('nothing to score', () => {
  let dir = '';
  beforeAll(() => {
    requireBuild();
    dir = tempDir();
  });

  it('names the import when it kept no invoice', () => {
    const file = join(dir, 'drafts.csv');
    writeFileSync(file, `${HEADER}F1,A,2024-01-01,2024-01-31,100,Draft\nF2,B,2024-01-02,2024-02-01,200,Draft\n`);
    const run = runCli(['score', file, '--as-of', '2024-03-01', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message('en', 'SCORE_NO_INVOICES'));
    expect(run.stderr).toContain('Draft');
  });

  it.each(['score', 'features', 'plan', 'forecast'])('%s names the as-of date', (command) => {
    const file = join(dir, `later-${command}.csv`);
    writeFileSync(file, `${HEADER}F1,A,2024-05-01,2024-05-31,100,Sent\n`);
    const run = runCli([command, file, '--as-of', '2024-03-01', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message('en', 'SCORE_NO_DEBTORS', { asOf: '2024-03-01' }));
  });
});
