// The --state file: the last run's grade, risk and flags per debtor, so the next run can report only
// what is new or worse (--only-changes).

import { readFileSync } from 'node:fs';
import { RiskpayError } from '../findings.js';
import type { ScoreResult } from '../scoring/types.js';
import type { DebtorChange } from '../report/score-document.js';
import { writeFileAtomic } from './atomic-write.js';

export interface DebtorState {
  grade: string;
  risk: number;
  flags: string[];
}

export interface RunState {
  format: 'riskpay-state';
  version: 1;
  asOf: string;
  debtors: Record<string, DebtorState>;
}

/** A rise in risk smaller than this (5 percentage points) within the same grade is noise, not "worse". */
const WORSE_RISK_STEP = 0.05;

const GRADE_ORDER = ['A', 'B', 'C', 'D'];

/** Reads the state file; a missing file is a first run and returns null. */
export function readState(file: string): RunState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new RiskpayError('CLI_FILE_READ_FAILED', { file, detail: (error as Error).message });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RiskpayError('CLI_STATE_INVALID', { file, detail: (error as Error).message });
  }
  const state = data as Partial<RunState>;
  if (state?.format !== 'riskpay-state' || state.version !== 1 || typeof state.debtors !== 'object' || state.debtors === null) {
    throw new RiskpayError('CLI_STATE_INVALID', { file, detail: 'format riskpay-state version 1 expected' });
  }
  return state as RunState;
}

export function stateOf(result: ScoreResult): RunState {
  const debtors: Record<string, DebtorState> = {};
  for (const debtor of result.debtors) {
    debtors[debtor.customerId] = { grade: debtor.grade, risk: debtor.risk, flags: debtor.flags.map((flag) => flag.code) };
  }
  return { format: 'riskpay-state', version: 1, asOf: result.asOf, debtors };
}

export async function writeState(file: string, state: RunState): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(state, null, 2) + '\n');
}

/** Compares each debtor with the previous run. Without a previous run every debtor is new. */
export function compareWithState(result: ScoreResult, previous: RunState | null): Map<string, DebtorChange> {
  const changes = new Map<string, DebtorChange>();
  for (const debtor of result.debtors) {
    const before = previous?.debtors[debtor.customerId];
    if (!before) {
      changes.set(debtor.customerId, 'new');
      continue;
    }
    const gradeStep = GRADE_ORDER.indexOf(debtor.grade) - GRADE_ORDER.indexOf(before.grade);
    const newFlags = debtor.flags.some((flag) => !before.flags.includes(flag.code));
    if (gradeStep > 0 || (gradeStep === 0 && debtor.risk - before.risk >= WORSE_RISK_STEP)) changes.set(debtor.customerId, 'worse');
    else if (newFlags) changes.set(debtor.customerId, 'new-flags');
    else if (gradeStep < 0) changes.set(debtor.customerId, 'better');
    else changes.set(debtor.customerId, 'unchanged');
  }
  return changes;
}
