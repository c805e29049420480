// A small ScoreResult and a stand-in Core for testing the CLI and reporters without the model.

import { PassThrough, Readable } from 'node:stream';
import type { Core } from '../../src/cli/core.js';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { finding } from '../../src/findings.js';
import { planActions } from '../../src/scoring/index.js';
import type { DebtorScore, ScoreResult } from '../../src/scoring/types.js';

export const INJECTION_NAME = '=HYPERLINK("x")';

function debtor(overrides: Partial<DebtorScore>): DebtorScore {
  return {
    customerId: 'C1',
    name: 'Alder AB',
    currency: 'SEK',
    grade: 'A',
    risk: 0.1,
    openBalance: 1234.5,
    overdueBalance: 0,
    expectedAtRisk: 123.45,
    openInvoices: 1,
    oldestOverdueDays: null,
    recentDaysLate: [0, 2, -1],
    trendDays: 1,
    noHistory: false,
    flags: [],
    reasons: [{ code: 'REASON_NO_HISTORY', feature: 'settled_count', contribution: 0.05, args: {} }],
    ...overrides,
  };
}

/** Three debtors: a safe one, a grade-D one with a formula-like name, and one without history. */
export function sampleResult(): ScoreResult {
  return {
    asOf: '2024-06-30',
    asOfDefaulted: false,
    model: { source: 'bundled', reason: { code: 'MODEL_BUNDLED', args: {} } },
    debtors: [
      debtor({
        customerId: 'C2',
        name: INJECTION_NAME,
        grade: 'D',
        risk: 0.82,
        openBalance: 50000,
        overdueBalance: 40000,
        expectedAtRisk: 41000,
        openInvoices: 3,
        oldestOverdueDays: 95,
        recentDaysLate: [5, 12, 30, 44],
        trendDays: 20,
        flags: [{ code: 'FLAG_OLDEST_OVERDUE', severity: 'critical', evidence: { oldestOverdueDays: 95, limitDays: 60, overdueBalance: 40000, currency: 'SEK' } }],
      }),
      debtor({ customerId: 'C1' }),
      debtor({ customerId: 'C3', name: 'Björk & Co <b>', grade: 'C', risk: 0.4, noHistory: true, recentDaysLate: [], trendDays: null }),
    ],
    invoices: [
      {
        invoiceId: 'F-1',
        customerId: 'C2',
        name: INJECTION_NAME,
        currency: 'SEK',
        issueDate: '2024-02-01',
        dueDate: '2024-03-01',
        balance: 40000,
        daysOverdue: 121,
        risk: 0.9,
        grade: 'D',
      },
      {
        invoiceId: '@F-2',
        customerId: 'C1',
        name: 'Alder AB',
        currency: 'SEK',
        issueDate: '2024-06-01',
        dueDate: '2024-07-01',
        balance: 1234.5,
        daysOverdue: -1,
        risk: 0.1,
        grade: 'A',
      },
    ],
    totals: [{ currency: 'SEK', openBalance: 51234.5, overdueBalance: 40000, expectedAtRisk: 41123.45 }],
    findings: [
      finding('INGEST_ROW_SKIPPED', 'warning', { reason: 'x' }, { file: 'a.csv', line: 4, column: 'Amount' }),
      finding('INGEST_ROW_SKIPPED', 'warning', { reason: 'x' }, { file: 'a.csv', line: 9, column: 'Amount' }),
    ],
  };
}

/** A Core whose score() returns `result()` and plan() runs the real planner; the rest is unused by the tests. */
export function standInCore(result: () => ScoreResult = sampleResult): Core {
  const unused = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  return {
    importLedger: async () => ({ ledger: { invoices: [], extraColumns: [] }, files: [], findings: [] }),
    inspect: unused,
    score: async () => result(),
    plan: async (result, request) => planActions(result, {}, request.asOf),
    forecast: unused,
    train: unused,
    evaluate: unused,
    features: unused,
  };
}

export interface RunOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with captured stdout and stderr. */
export async function runInProcess(
  argv: string[],
  options: { core?: Core; env?: NodeJS.ProcessEnv; cwd?: string; stdin?: string; terminalColumns?: number } = {},
): Promise<RunOutput> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const io: CliIo = {
    stdout,
    stderr,
    stdin: Readable.from([options.stdin ?? '']),
    env: { NO_COLOR: '1', LANG: 'C', ...options.env },
    cwd: options.cwd ?? process.cwd(),
    // A terminal width makes stdout act as a terminal, as a user at a terminal of that width sees it.
    stdoutIsTty: options.terminalColumns !== undefined,
    stdoutColumns: options.terminalColumns,
    stderrIsTty: false,
  };
  const code = await runCli(argv, io, options.core ?? standInCore());
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
