// End-to-end: a paid amount without a payment date gives a known outcome only when it was on time for certain.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, tempDir } from './helpers.js';

let file = '';

beforeAll(() => {
  requireBuild();
  file = join(tempDir(), 'pnd2.csv');
  // F-1 and F-3 count as paid on 2024-03-01, the file's latest date. That is after F-1's due date
  // (lateness unknown) and before F-3's (on time). F-4 is not yet due on 2024-03-20.
  writeFileSync(
    file,
    [
      'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidAmount',
      'F-1,Alder Ltd,2024-01-05,2024-02-04,100.00,100.00',
      'F-3,Birch Ltd,2024-02-05,2024-03-06,300.00,300.00',
      'F-4,Birch Ltd,2024-03-01,2024-03-31,300.00,0',
      '',
    ].join('\n'),
  );
});

describe('paid amounts without a payment date', () => {
  it('count only the certain on-time invoice', () => {
    const run = runCli(['score', file, '--as-of', '2024-03-20']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('(0 late and 1 on-time invoices with a known outcome;');
    expect(run.stderr).toContain('count as paid on 2024-03-01, the latest invoice or payment date in the file');
  });
});
