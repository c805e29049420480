// End-to-end: scoring with the model's work split over two threads writes the same bytes as scoring
// in one thread. Small inputs stay in one thread, so RISKPAY_TEST_THREADS_FROM_INVOICES=0 forces the
// second thread here and a limit above the ledger size keeps it out.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, IBM_FILE, ROOT, requireBuild, runCli, tempDir } from './helpers.js';

const ONE_THREAD = { RISKPAY_TEST_THREADS_FROM_INVOICES: '1000000000' };
const TWO_THREADS = { RISKPAY_TEST_THREADS_FROM_INVOICES: '0' };
const BUNDLED_MODEL = join(ROOT, 'models/default.json');

/** Runs score both ways and checks that both succeed with the same stdout and stderr. */
function expectSameBothWays(args: string[]): void {
  const one = runCli(['score', ...args], { env: ONE_THREAD });
  const two = runCli(['score', ...args], { env: TWO_THREADS });
  expect(one.code).toBe(0);
  expect(two.code).toBe(0);
  expect(two.stdout).toBe(one.stdout);
  expect(two.stderr).toBe(one.stderr);
}

let ledger: string;

beforeAll(() => {
  requireBuild();
  // A generated ledger has debtors with more than ten open invoices (ranked before explaining) and
  // debtors with nothing open (scored on their debtor row), so every step of the split runs.
  ledger = join(tempDir(), 'ledger.csv');
  const result = runNode(['dist/bench/ledger/main.js', '--out', ledger, '--invoices', '6000', '--debtors', '400', '--months', '36', '--seed', '3']);
  expect(result).toBe(0);
});

/** Runs a built script of the repository and returns its exit status. */
function runNode(args: string[]): number | null {
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }).status;
}

describe('score in two threads', () => {
  it('fixture json with trained model', () => {
    expectSameBothWays([FIXTURE, '--as-of', '2024-06-30', '--format', 'json']);
  });

  it('generated ledger with trained model', () => {
    expectSameBothWays([ledger, '--as-of', '2025-01-01', '--format', 'json', '--no-progress']);
  });

  it('generated ledger with bundled model', () => {
    expectSameBothWays([ledger, '--as-of', '2025-01-01', '--format', 'json', '--no-progress', '--model', BUNDLED_MODEL]);
  });

  it('generated ledger by invoice', () => {
    expectSameBothWays([ledger, '--as-of', '2025-01-01', '--by', 'invoice', '--format', 'csv', '--no-progress', '--model', BUNDLED_MODEL]);
  });

  it('bundled model at another late-after threshold', () => {
    // The thread that loaded the file has the model at the file's threshold, so scoring starts another.
    expectSameBothWays([ledger, '--as-of', '2025-01-01', '--format', 'json', '--no-progress', '--model', BUNDLED_MODEL, '--late-after', '12']);
  });

  it('generated ledger has both debtor kinds', () => {
    const run = runCli(['score', ledger, '--as-of', '2025-01-01', '--format', 'json', '--no-progress', '--model', BUNDLED_MODEL], { env: TWO_THREADS });
    expect(run.code).toBe(0);
    const debtors = (JSON.parse(run.stdout) as { debtors: { nothingOwed: boolean; openInvoices: number }[] }).debtors;
    expect(debtors.some((debtor) => debtor.nothingOwed)).toBe(true);
    expect(debtors.some((debtor) => debtor.openInvoices > 10)).toBe(true);
  });
});

describe.skipIf(!existsSync(IBM_FILE))('score in two threads with extra columns', () => {
  it('blends the late probability the same way', () => {
    // Trained on the whole IBM file, the model blends the forest with the delay model's late probability.
    const model = join(tempDir(), 'extras.json');
    const trained = runCli(['train', IBM_FILE, '--extra', 'Disputed,PaperlessBill', '-o', model, '--late-after', '0']);
    expect(trained.code).toBe(0);
    expect((JSON.parse(readFileSync(model, 'utf8')) as { tailWeight?: number }).tailWeight).toBeGreaterThan(0);

    expectSameBothWays([IBM_FILE, '--as-of', '2013-06-30', '--format', 'json', '--model', model, '--extra', 'Disputed,PaperlessBill']);
  });
});

/** Runs score both ways, checks that both fail with the same exit code and stderr, and returns stderr. */
function expectSameFailure(args: string[]): string {
  const oneThread = runCli(['score', ...args], { env: ONE_THREAD });
  const twoThreads = runCli(['score', ...args], { env: TWO_THREADS });
  expect(oneThread.code).toBe(2);
  expect(twoThreads.code).toBe(2);
  expect(twoThreads.stdout).toBe('');
  expect(twoThreads.stderr).toBe(oneThread.stderr);
  return twoThreads.stderr;
}

// With two threads the model thread loads the --model file while the ledger is read, and its errors
// must reach the user as if this thread had read the file.
describe('model file loaded by the model thread', () => {
  const folder = tempDir();
  const write = (name: string, text: string): string => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  };
  const bundled = () => JSON.parse(readFileSync(BUNDLED_MODEL, 'utf8')) as { classifier: { trees: unknown[] } };

  it('fails alike for a missing file', () => {
    expect(expectSameFailure([ledger, '--as-of', '2025-01-01', '--model', join(folder, 'missing.json')])).toContain('missing.json');
  });

  it('fails alike for a file that is not JSON', () => {
    expectSameFailure([ledger, '--as-of', '2025-01-01', '--model', write('not-json.json', 'InvoiceNo,Amount\n1,2\n')]);
  });

  it('fails alike for JSON that is not a model', () => {
    expect(expectSameFailure([ledger, '--as-of', '2025-01-01', '--model', write('other.json', '{"x": 1}')])).toContain('riskpay train');
  });

  it('fails alike for a model with broken trees', () => {
    const model = bundled();
    model.classifier.trees = [{ feature: [0], threshold: [1] }];
    expectSameFailure([ledger, '--as-of', '2025-01-01', '--model', write('broken.json', JSON.stringify(model))]);
  });

  it('fails alike when the ledger cannot be read', () => {
    // The run stops in the import, and the loading thread must not keep the process alive.
    expectSameFailure([join(folder, 'no-ledger.csv'), '--as-of', '2025-01-01', '--model', BUNDLED_MODEL]);
  });
});
