// An --extra column that records the outcome draws a warning from train, evaluate and score. The
// IBM tests skip when the public export is absent.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IBM_FILE, requireBuild, runCli, tempDir } from './helpers.js';

/** Returns day `offset` after 2023-01-01 as YYYY-MM-DD. */
function dateAfter(offset: number): string {
  return new Date(Date.UTC(2023, 0, 1 + offset)).toISOString().slice(0, 10);
}

/** 120 paid invoices, every third 20 days late; DaysLate records that, Noise does not. */
function leakyCsv(): string {
  const lines = ['InvoiceNo,Customer,InvoiceDate,DueDate,Amount,PaidDate,DaysLate,Noise'];
  for (let i = 0; i < 120; i += 1) {
    const issued = i * 3;
    const daysLate = i % 3 === 0 ? 20 : -2;
    lines.push(`F-${i},Customer ${i % 8},${dateAfter(issued)},${dateAfter(issued + 30)},${100 + i},${dateAfter(issued + 30 + daysLate)},${daysLate},${(i * 7919) % 101}`);
  }
  return `${lines.join('\n')}\n`;
}

let dir = '';
let ledgerFile = '';

beforeAll(() => {
  requireBuild();
  dir = tempDir();
  ledgerFile = join(dir, 'leaky.csv');
  writeFileSync(ledgerFile, leakyCsv());
});

describe('extra column leak warning', () => {
  it('train names the outcome column', () => {
    const run = runCli(['train', ledgerFile, '--extra', 'DaysLate,Noise', '-o', join(dir, 'model.json')]);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: The extra column DaysLate alone ranks late against on-time invoices with AUC 1 on 120 training invoices');
    expect(run.stderr).toContain('Leave DaysLate out of --extra.');
    expect(run.stderr).not.toContain('The extra column Noise');
  });

  it('train warns in Swedish', () => {
    const run = runCli(['train', ledgerFile, '--extra', 'DaysLate', '-o', join(dir, 'model-sv.json'), '--lang', 'sv']);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Den extra kolumnen DaysLate ensam rangordnar sena mot i tid betalda fakturor med AUC 1');
  });

  it('train stays quiet about noise', () => {
    const run = runCli(['train', ledgerFile, '--extra', 'Noise', '-o', join(dir, 'model-noise.json')]);

    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('alone ranks late');
  });

  it('score names the outcome column', () => {
    const run = runCli(['score', ledgerFile, '--extra', 'DaysLate', '--as-of', '2024-03-01', '--format', 'json']);

    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { findings: { code: string; args: Record<string, unknown> }[] };
    const leak = document.findings.find((item) => item.code === 'MODEL_EXTRA_COLUMN_LEAK');
    expect(leak?.args.column).toBe('DaysLate');
  });
});

describe.skipIf(!existsSync(IBM_FILE))('extra column leak warning on IBM', () => {
  it('evaluate names DaysLate', () => {
    const run = runCli(['evaluate', IBM_FILE, '--cutoff', '2013-01-01', '--extra', 'DaysLate', '--format', 'json']);

    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { findings: { code: string; args: Record<string, unknown> }[] };
    const leak = document.findings.find((item) => item.code === 'MODEL_EXTRA_COLUMN_LEAK');
    expect(leak?.args.column).toBe('DaysLate');
    expect(leak?.args.auc).toBe(1);
    expect(run.stderr).toContain('warning: The extra column DaysLate alone ranks late');
  });
});
