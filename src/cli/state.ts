// The --state file: the last run's grade, risk and flags per debtor, so the next run can report only
// what is new or worse (--only-changes).

import { readFileSync } from 'node:fs';
import { RiskpayError } from '../findings.js';
import type { ScoreResult } from '../scoring/types.js';
import { debtorKey, type DebtorChange } from '../report/score-document.js';
import { writeFileAtomic } from './atomic-write.js';

export interface DebtorState {
  grade: string;
  risk: number;
  flags: string[];
  /** The debtor's currency; absent in files written before debtors were split by currency. */
  currency?: string;
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

type Debtor = ScoreResult['debtors'][number];

/**
 * Returns the state-file key of each debtor: the customer key, and for a customer billed in more than
 * one currency (one debtor per currency) the customer key with the currency after a space. Keys of
 * single-currency customers are the same as in earlier state files.
 */
function stateKeys(result: ScoreResult): Map<Debtor, string> {
  const currencies = new Map<string, number>();
  for (const debtor of result.debtors) currencies.set(debtor.customerId, (currencies.get(debtor.customerId) ?? 0) + 1);
  return new Map(result.debtors.map((debtor) => [debtor, (currencies.get(debtor.customerId) ?? 0) > 1 ? `${debtor.customerId} ${debtor.currency}` : debtor.customerId]));
}

export function stateOf(result: ScoreResult): RunState {
  const debtors: Record<string, DebtorState> = {};
  for (const [debtor, key] of stateKeys(result)) {
    debtors[key] = { grade: debtor.grade, risk: debtor.risk, flags: debtor.flags.map((flag) => flag.code), currency: debtor.currency };
  }
  return { format: 'riskpay-state', version: 1, asOf: result.asOf, debtors };
}

export async function writeState(file: string, state: RunState): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(state, null, 2) + '\n');
}

/**
 * Compares each debtor with the previous run, keyed by debtorKey. Without a previous run every debtor
 * is new.
 */
export function compareWithState(result: ScoreResult, previous: RunState | null): Map<string, DebtorChange> {
  const changes = new Map<string, DebtorChange>();
  const saved = previous?.debtors ?? {};
  const lookup = (key: string): DebtorState | undefined => (Object.hasOwn(saved, key) ? saved[key] : undefined);
  for (const [debtor, key] of stateKeys(result)) {
    // A customer that gained or lost a currency since the last run changed key form ("id" or "id CUR").
    // The other form still finds its entry when that entry is for the same currency.
    const otherForm = key === debtor.customerId ? `${debtor.customerId} ${debtor.currency}` : debtor.customerId;
    const moved = lookup(otherForm);
    const before = lookup(key) ?? (moved?.currency === debtor.currency ? moved : undefined);
    changes.set(debtorKey(debtor), changeOf(debtor, before));
  }
  return changes;
}

function changeOf(debtor: Debtor, before: DebtorState | undefined): DebtorChange {
  if (!before) return 'new';
  const gradeStep = GRADE_ORDER.indexOf(debtor.grade) - GRADE_ORDER.indexOf(before.grade);
  const newFlags = debtor.flags.some((flag) => !before.flags.includes(flag.code));
  if (gradeStep > 0 || (gradeStep === 0 && debtor.risk - before.risk >= WORSE_RISK_STEP)) return 'worse';
  if (newFlags) return 'new-flags';
  if (gradeStep < 0) return 'better';
  return 'unchanged';
}
