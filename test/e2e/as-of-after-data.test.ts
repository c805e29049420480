// End-to-end: a run without an as-of date on an old export warns that today is long after the file's dates.
// The file's dates are fixed in 2020, so with the real clock the gap is always more than the 60-day limit.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, tempDir } from './helpers.js';

let file = '';

const WARNING_START = 'riskpay: warning: The as-of date defaulted to today';
const WARNING_DATES = 'days after the latest invoice or payment date in the input (2020-06-15)';
const WARNING_FIX = 'If the file is an older export, give --as-of 2020-06-15.';

beforeAll(() => {
  requireBuild();
  file = join(tempDir(), 'old-export.csv');
  // The latest date is F-1's payment on 2020-06-15, after the latest issue date 2020-06-01.
  writeFileSync(
    file,
    [
      'InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate',
      'F-1,Alder AB,2020-05-01,2020-05-31,100,2020-06-15',
      'F-2,Alder AB,2020-06-01,2020-07-01,200,',
      'F-3,Birch AB,2020-05-20,2020-06-19,300,',
      '',
    ].join('\n'),
  );
});

describe('as-of date defaulted on an old export', () => {
  for (const command of ['score', 'plan', 'forecast', 'features']) {
    it(`${command} warns and exits 0`, () => {
      const run = runCli([command, file]);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(WARNING_START);
      expect(run.stderr).toContain(WARNING_DATES);
      expect(run.stderr).toContain(WARNING_FIX);
    });
  }

  it('warns in Swedish', () => {
    const run = runCli(['score', file, '--lang', 'sv']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('riskpay: varning: Bedömningsdagen blev dagens datum');
    expect(run.stderr).toContain('efter det senaste faktura- eller betaldatumet i indata (2020-06-15)');
    expect(run.stderr).toContain('ange --as-of 2020-06-15.');
  });

  it('lists the warning in score JSON', () => {
    const run = runCli(['score', file, '--format', 'json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { findings: { code: string }[] };
    expect(document.findings.map((item) => item.code)).toContain('SCORE_AS_OF_AFTER_DATA');
  });

  it('stays silent with --as-of', () => {
    const run = runCli(['score', file, '--as-of', '2026-12-05']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('defaulted to today');
  });

  it('stays silent with RISKPAY_AS_OF', () => {
    const run = runCli(['forecast', file], { env: { RISKPAY_AS_OF: '2026-12-05' } });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('defaulted to today');
  });

  it('stays silent with defaults.asOf', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'riskpay.config.json'), '{ "defaults": { "asOf": "2026-12-05" } }\n');
    const run = runCli(['features', file], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('defaulted to today');
  });
});
