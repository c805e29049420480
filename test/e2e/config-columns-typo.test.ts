// A misspelt ledger field in the config's `columns` section: the error names the nearest field and
// lists every field that `columns` accepts, in English and Swedish.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, ROOT, runCli, tempDir } from './helpers.js';

const SAMPLE = join(ROOT, 'fixtures/sample-invoices.csv');

describe('config columns typo', () => {
  let folder: string;

  beforeAll(() => {
    requireBuild();
    folder = tempDir();
    writeFileSync(join(folder, 'riskpay.config.json'), JSON.stringify({ columns: { duedate: 'Due Date' } }));
  });

  it('suggests the field (en)', () => {
    const result = runCli(['score', SAMPLE, '--as-of', '2024-12-31'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('$.columns: unknown key "duedate"; did you mean dueDate?');
    expect(result.stderr).toMatch(/The keys allowed here are: invoiceId, customerId, customerName, issueDate, dueDate, amount, [^\n]*paidDate/);
    expect(result.stdout).toBe('');
  });

  it('suggests the field (sv)', () => {
    const result = runCli(['score', SAMPLE, '--as-of', '2024-12-31', '--lang', 'sv'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('$.columns: okänd nyckel "duedate"; menade du dueDate?');
    expect(result.stderr).toMatch(/Tillåtna nycklar här: invoiceId, customerId, customerName, issueDate, dueDate, amount, [^\n]*paidDate/);
  });
});
