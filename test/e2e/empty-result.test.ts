// Nothing to score has two causes with two different hints: the import kept no invoice (every row a
// draft), or every invoice is dated after the as-of day. Both are bad input: exit 2, nothing on stdout,
// and no model-choice line before the error, where it would read as the cause.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../src/i18n/catalog.js';
import { SHARED_DATA_DIR, requireBuild, runCli, tempDir } from './helpers.js';

const HEADER = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,Status\n';
const COMMANDS = ['score', 'features', 'plan', 'forecast'];
/** A public Zoho Invoice export whose rows are all drafts. */
const ZOHO_FILE = join(SHARED_DATA_DIR, 'zoho-invoices.csv');
/** Matches the model-choice status lines ("Bundled model: …", "Model trained on your own history …"). */
const MODEL_LINE = /^riskpay: (Bundled model|Model )/m;

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

  it.each(COMMANDS)('%s names the as-of date', (command) => {
    const file = join(dir, `later-${command}.csv`);
    writeFileSync(file, `${HEADER}F1,A,2024-05-01,2024-05-31,100,Sent\n`);
    const run = runCli([command, file, '--as-of', '2024-03-01', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message('en', 'SCORE_NO_DEBTORS', { asOf: '2024-03-01' }));
    expect(run.stderr).not.toMatch(MODEL_LINE);
  });

  it.each(COMMANDS)('%s shows no model before the import error', (command) => {
    const file = join(dir, `drafts-${command}.csv`);
    writeFileSync(file, `${HEADER}F1,A,2024-01-01,2024-01-31,100,Draft\n`);
    const run = runCli([command, file, '--as-of', '2024-03-01']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message('en', 'SCORE_NO_INVOICES'));
    expect(run.stderr).not.toMatch(MODEL_LINE);
  });

  it.skipIf(!existsSync(ZOHO_FILE))('score shows no model for an all-draft export', () => {
    const run = runCli(['score', ZOHO_FILE, '--as-of', '2021-12-31']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message('en', 'SCORE_NO_INVOICES'));
    expect(run.stderr).not.toMatch(MODEL_LINE);
  });

  it('score still shows the model when it scores', () => {
    const file = join(dir, 'sent.csv');
    writeFileSync(file, `${HEADER}F1,A,2024-01-01,2024-01-31,100,Sent\n`);
    const run = runCli(['score', file, '--as-of', '2024-03-01']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(MODEL_LINE);
  });
});
