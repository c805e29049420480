// The commands a first-time user ran, in-process against the real core and the small fixture.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { realCore } from '../../src/cli/real-core.js';
import { message } from '../../src/i18n/catalog.js';
import { displayWidth } from '../../src/report/wrap.js';
import { runInProcess } from '../report/stand-in.js';
import { FIXTURE } from './helpers.js';

const run = (argv: string[], env: NodeJS.ProcessEnv = {}) => runInProcess(argv, { core: realCore, env });

describe('evaluate and train options', () => {
  it('evaluate without --cutoff is a usage error', async () => {
    const result = await run(['evaluate', FIXTURE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message('en', 'CLI_CUTOFF_REQUIRED'));
  });

  it('evaluate prints every metric table', async () => {
    const result = await run(['evaluate', FIXTURE, '--cutoff', '2024-01-01']);
    expect(result.code).toBe(0);
    for (const head of ['HEAD_PR_AUC', 'HEAD_LOG_LOSS', 'HEAD_OBSERVED_LATE', 'HEAD_WITHIN_7_DAYS', 'HEAD_TEST_UNTIL']) {
      expect(result.stdout).toContain(message('en', head).split(' ')[0]);
    }
    expect(result.stdout).toContain(message('en', 'EVAL_SECTION_RELIABILITY'));
    expect(result.stdout).toContain(message('en', 'EVAL_LEGEND').slice(0, 40));
    const verdicts = ['EVAL_VERDICT_BETTER', 'EVAL_VERDICT_ABOUT_SAME', 'EVAL_VERDICT_NOT_BETTER'].map((key) => message('en', key).slice(0, 40));
    expect(verdicts.filter((start) => result.stdout.includes(start))).toHaveLength(1);
    expect(result.stdout).toContain(message('en', 'SCORER_MEAN_DAYS_LATE'));
  }, 120_000);

  it('train accepts --as-of', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'riskpay-train-')), 'model.json');
    const result = await run(['train', FIXTURE, '--as-of', '2023-12-31', '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2023-12-31');
  }, 120_000);
});

describe('features output', () => {
  it('writes dates and rounded values', async () => {
    const result = await run(['features', FIXTURE, '-f', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(message('en', 'STATUS_AS_OF_TODAY', { date: JSON.parse(result.stdout).asOf }));
    const document = JSON.parse(result.stdout) as { asOf: string; rows: Record<string, unknown>[] };
    expect(document.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const row of document.rows) {
      expect(row.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const value of Object.values(row)) if (typeof value === 'number' && value !== 0) expect(Math.abs(value)).toBeGreaterThan(1e-9);
    }
  });
});

describe('features amounts', () => {
  const asOf = ['--as-of', '2024-06-30'];

  /** Open balance per debtor key (customer id and currency) from `score -f json`. */
  async function scoredBalances(): Promise<Map<string, number>> {
    const result = await run(['score', FIXTURE, ...asOf, '-f', 'json']);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as { debtors: { customerId: string; currency: string; openBalance: number }[] };
    return new Map(document.debtors.map((debtor) => [`${debtor.customerId} ${debtor.currency}`, debtor.openBalance]));
  }

  it('JSON balances match score', async () => {
    const balances = await scoredBalances();
    const result = await run(['features', FIXTURE, ...asOf, '-f', 'json']);
    expect(result.code).toBe(0);
    const rows = (JSON.parse(result.stdout) as { rows: Record<string, number | string>[] }).rows;
    const owing = rows.filter((row) => balances.has(`${row.customerId} ${row.currency}`));
    expect(owing.length).toBeGreaterThan(0);
    for (const row of owing) expect(row.open_balance).toBe(balances.get(`${row.customerId} ${row.currency}`));
  }, 120_000);

  it('CSV balances match score', async () => {
    const balances = await scoredBalances();
    const result = await run(['features', FIXTURE, ...asOf, '-f', 'csv']);
    expect(result.code).toBe(0);
    const [header, ...lines] = result.stdout.trimEnd().split('\r\n');
    const names = header.split(',');
    const rows = lines.map((line) => Object.fromEntries(parse(line)[0].map((cell: string, index: number) => [names[index], cell])));
    const owing = rows.filter((row) => balances.has(`${row.customerId} ${row.currency}`));
    expect(owing.length).toBeGreaterThan(0);
    for (const row of owing) expect(Number(row.open_balance)).toBe(balances.get(`${row.customerId} ${row.currency}`));
  }, 120_000);

  it('table shows headline columns', async () => {
    const csv = await run(['features', FIXTURE, ...asOf, '-f', 'csv']);
    const total = csv.stdout.split('\r\n')[0].split(',').length;
    const result = await run(['features', FIXTURE, ...asOf]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(message('en', 'HEAD_PAID_INVOICES').split(' ')[0]);
    expect(result.stdout).not.toContain('settled_count');
    expect(result.stderr).toContain(message('en', 'STATUS_FEATURES_TABLE_PART', { shown: 9, total }));
  }, 120_000);

  it('table leaves out ids made from names', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'riskpay-names-')), 'names.csv');
    writeFileSync(file, 'Invoice,Customer,Invoice Date,Due Date,Amount,Paid Date\nA1,Alder Ltd,2024-01-01,2024-01-31,100,2024-02-01\nB1,Birch AB,2024-01-05,2024-02-04,70,\n');
    const result = await run(['features', file, '--as-of', '2024-06-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Alder Ltd');
    expect(result.stdout).not.toContain('alder ltd');
    expect(result.stdout).not.toContain(message('en', 'HEAD_CUSTOMER_ID'));
    expect(result.stderr).toContain(message('en', 'STATUS_FEATURES_TABLE_PART', { shown: 8, total: 50 }));
  });
});

describe('inspect in Swedish', () => {
  it('names fields and formats in Swedish', async () => {
    const result = await run(['inspect', FIXTURE, '--lang', 'sv']);
    expect(result.code).toBe(0);
    const issueDate = message('sv', 'VALUE_FIELD_WITH_LABEL', { field: 'issueDate', label: message('sv', 'FIELD_LABEL_ISSUE_DATE') });
    expect(result.stdout).toContain(issueDate);
    expect(result.stdout).toContain(message('sv', 'FORMAT_DECIMAL', { separator: '.' }));
    expect(result.stdout).not.toContain('ISO or month name');
  });

  it('names a whole-number column in Swedish', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'riskpay-amounts-')), 'whole-amounts.csv');
    writeFileSync(file, 'Invoice,Customer,Invoice Date,Due Date,Amount,Paid Date\nA1,Alder Ltd,2024-01-01,2024-01-31,100,2024-02-01\nB1,Birch AB,2024-01-05,2024-02-04,70,\n');
    const result = await run(['inspect', file, '--lang', 'sv']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(message('sv', 'FORMAT_INTEGER'));
    expect(result.stdout).not.toMatch(/\binteger\b/);
  });

  it('keeps the format text in JSON', async () => {
    const result = await run(['inspect', FIXTURE, '--lang', 'sv', '-f', 'json']);
    const formats = (JSON.parse(result.stdout) as { files: { columns: { format?: string }[] }[] }).files[0].columns.map((column) => column.format);
    expect(formats).toContain('decimal .');
  });
});

describe('score output', () => {
  it('gives flags and next action in words in CSV', async () => {
    const result = await run(['score', FIXTURE, '--as-of', '2024-06-30', '-f', 'csv']);
    const [header, ...lines] = result.stdout.trimEnd().split('\r\n');
    const rows = lines.map((line) => Object.fromEntries(parse(line)[0].map((cell: string, index: number) => [header.split(',')[index], cell])));
    const flagged = rows.find((row) => row.flags !== '')!;
    expect(flagged.flags_text.length).toBeGreaterThan(flagged.flags.length);
    expect(flagged.flags_text).not.toContain('FLAG_');
    const acted = rows.find((row) => row.next_action !== '')!;
    expect(acted.next_action_text).not.toContain('ACTION_');
    expect(acted.next_action_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('table fits a 120-column terminal', async () => {
    const result = await runInProcess(['score', FIXTURE, '--as-of', '2024-06-30'], { core: realCore, terminalColumns: 120 });
    expect(result.code).toBe(0);
    for (const line of result.stdout.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(120);
    expect(result.stdout).toContain(message('en', 'HEAD_ACTION'));
  }, 120_000);

  it('piped table keeps every column', async () => {
    const result = await run(['score', FIXTURE, '--as-of', '2024-06-30']);
    expect(result.code).toBe(0);
    for (const head of ['HEAD_ACTION', 'HEAD_AT_RISK', 'HEAD_REASONS']) expect(result.stdout).toContain(message('en', head));
  }, 120_000);

  it('JSON has next actions and rounded days', async () => {
    const result = await run(['score', FIXTURE, '--as-of', '2024-06-30', '-f', 'json']);
    const document = JSON.parse(result.stdout) as { debtors: { trendDays: number | null; nextAction?: { code: string } }[] };
    expect(document.debtors.some((debtor) => debtor.nextAction?.code.startsWith('ACTION_'))).toBe(true);
    for (const debtor of document.debtors) if (debtor.trendDays !== null) expect(Math.round(debtor.trendDays * 10) / 10).toBe(debtor.trendDays);
  }, 120_000);

  it('write error names the target, not the temporary file', async () => {
    const result = await run(['score', FIXTURE, '--as-of', '2024-06-30', '--out', '/nonexistent-dir/report.txt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('/nonexistent-dir/report.txt');
    expect(result.stderr).not.toContain('.tmp');
  }, 120_000);
});

describe('Swedish output', () => {
  it('help has no English usage words', async () => {
    const result = await run(['score', '--help', '--lang', 'sv']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('[options]');
    expect(result.stdout).not.toContain('files...');
  });

  it('evaluate table has no snake_case metrics', async () => {
    const result = await run(['evaluate', FIXTURE, '--cutoff', '2024-01-01', '--lang', 'sv']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/auc_model|late_after_days|train_rows/);
    expect(result.stdout).toContain('Log-förlust');
    expect(result.stdout).not.toMatch(/log loss/i);
  }, 120_000);

  it('plan shows no raw flag codes', async () => {
    const result = await run(['plan', FIXTURE, '--as-of', '2024-06-30', '--lang', 'sv']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/FLAG_[A-Z_]+/);
  }, 120_000);
});

describe('forecast help', () => {
  it('lists neither --top nor --fail-on', async () => {
    const result = await run(['forecast', '--help']);
    expect(result.stdout).not.toContain('--top');
    expect(result.stdout).not.toContain('--fail-on');
  });
});

describe('inspect output', () => {
  it('lists similar names not merged', async () => {
    const input = fileURLToPath(new URL('../cases/24-customer-identity/input.csv', import.meta.url));
    const result = await run(['inspect', input]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(message('en', 'HEAD_SIMILAR_NAMES').split(' ')[0]);
    expect(result.stdout).toContain('Alder AB / Alder Oy');
    expect(result.stdout).toContain('C-17 / C-42');
  });
});
