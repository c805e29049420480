// SIGKILL during `riskpay train -o` and `riskpay score --out`, at several moments of the run: the
// output file must afterwards be byte-identical to the old one or to the complete new one, never
// empty, half-written or a mix.

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, cliEnv, makeTempDir, requireBuild, runCli } from './cli.js';
import { SMALL_EXPORT_DATE, smallLedgerCsv } from './small-ledger.js';

/** Points in a run, as shares of a full run's wall time, at which the process is killed. */
const KILL_SHARES = [0.05, 0.3, 0.6, 0.85, 0.95, 1.0, 1.05];

const temp = makeTempDir('killed-write');
const ledgerPath = join(temp.dir, 'ledger.csv');

beforeAll(async () => {
  requireBuild();
  writeFileSync(ledgerPath, await smallLedgerCsv());
});

afterAll(() => temp.remove());

/** Runs the CLI to the end and returns its wall time in milliseconds. */
function timedRun(args: string[]): number {
  const started = performance.now();
  const run = runCli(args, { timeoutMs: 300_000 });
  expect(run.code).toBe(0);
  return performance.now() - started;
}

/** Starts the CLI, sends SIGKILL after `delayMs` unless it ended first; resolves when it is gone. */
function killAfter(args: string[], delayMs: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(), stdio: 'ignore' });
    let killed = false;
    const timer = setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, delayMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ killed: killed && code === null, code });
    });
  });
}

/**
 * Kills `args` (which write `target`) at each share of the full run time and checks that `target`
 * is then either `before` or `after`, byte for byte. Returns how many runs were killed midway.
 */
async function killAtEveryShare(args: string[], target: string, before: Buffer, after: Buffer, fullMs: number): Promise<number> {
  let killedMidway = 0;
  for (const share of KILL_SHARES) {
    writeFileSync(target, before);
    const outcome = await killAfter(args, Math.round(fullMs * share));
    const now = readFileSync(target);
    const intact = now.equals(before) || now.equals(after);
    expect(intact, `output after SIGKILL at ${Math.round(share * 100)}% of the run`).toBe(true);
    if (outcome.killed) killedMidway++;
  }
  return killedMidway;
}

/**
 * Starts the CLI and sends SIGKILL as soon as a temporary file for `target` (`.<name>.*.tmp` in the
 * same folder) appears, so the kill lands inside the write itself. Resolves with whether it did.
 */
function killDuringWrite(args: string[], target: string, env: NodeJS.ProcessEnv = {}): Promise<boolean> {
  const folder = dirname(target);
  const prefix = `.${basename(target)}.`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(env), stdio: 'ignore' });
    let killed = false;
    const poll = setInterval(() => {
      if (readdirSync(folder).some((name) => name.startsWith(prefix) && name.endsWith('.tmp'))) {
        killed = child.kill('SIGKILL');
        clearInterval(poll);
      }
    }, 2);
    child.on('exit', () => {
      clearInterval(poll);
      resolve(killed);
    });
  });
}

describe('killed writes', { timeout: 900_000 }, () => {
  it('train -o keeps old or new model', async () => {
    const oldModel = join(temp.dir, 'old-model.json');
    const newModel = join(temp.dir, 'new-model.json');
    timedRun(['train', ledgerPath, '-o', oldModel, '--seed', '1', '-q']);
    const fullMs = timedRun(['train', ledgerPath, '-o', newModel, '--seed', '2', '-q']);
    const before = readFileSync(oldModel);
    const after = readFileSync(newModel);
    expect(before.equals(after)).toBe(false);

    const target = join(temp.dir, 'model.json');
    const killed = await killAtEveryShare(['train', ledgerPath, '-o', target, '--seed', '2', '-q'], target, before, after, fullMs);
    expect(killed).toBeGreaterThan(0);
  });

  it('score --out keeps old or new output', async () => {
    const model = join(temp.dir, 'score-model.json');
    timedRun(['train', ledgerPath, '-o', model, '--seed', '1', '-q']);
    const oldOut = join(temp.dir, 'old-score.json');
    const newOut = join(temp.dir, 'new-score.json');
    timedRun(['score', ledgerPath, '--model', model, '--as-of', '2023-06-30', '--format', 'json', '--out', oldOut, '-q']);
    const args = ['score', ledgerPath, '--model', model, '--as-of', SMALL_EXPORT_DATE, '--format', 'json', '--out', newOut, '-q'];
    const fullMs = timedRun(args);
    const before = readFileSync(oldOut);
    const after = readFileSync(newOut);
    expect(before.equals(after)).toBe(false);

    const target = join(temp.dir, 'score.json');
    copyFileSync(oldOut, target);
    const killArgs = args.map((arg) => (arg === newOut ? target : arg));
    const killed = await killAtEveryShare(killArgs, target, before, after, fullMs);
    expect(killed).toBeGreaterThan(0);
  });

  it('the next write removes a killed write\'s temporary file', async () => {
    const target = join(temp.dir, 'stale-model.json');
    const killed = await killDuringWrite(['train', ledgerPath, '-o', target, '--seed', '4', '-q'], target);
    const prefix = `.${basename(target)}.`;
    const leftovers = () => readdirSync(temp.dir).filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
    // A write that finished between two polls leaves nothing to clean; the check below still holds.
    if (killed) expect(leftovers()).toHaveLength(1);

    // A leftover of a process that has ended goes too; one of a process that still runs (this test's
    // own runner) must stay.
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(temp.dir, `${prefix}${ended}.1.tmp`), 'partial');
    const live = join(temp.dir, `${prefix}${process.pid}.1.tmp`);
    writeFileSync(live, 'partial');
    const run = runCli(['train', ledgerPath, '-o', target, '--seed', '4', '-q'], { timeoutMs: 300_000 });
    expect(run.code).toBe(0);
    expect(leftovers()).toEqual([basename(live)]);
    expect(() => JSON.parse(readFileSync(target, 'utf8'))).not.toThrow();
  });

  it('kill inside the model write keeps old model', async () => {
    const oldModel = join(temp.dir, 'inside-old.json');
    timedRun(['train', ledgerPath, '-o', oldModel, '--seed', '1', '-q']);
    const before = readFileSync(oldModel);
    const target = join(temp.dir, 'inside-model.json');
    writeFileSync(target, before);

    const killed = await killDuringWrite(['train', ledgerPath, '-o', target, '--seed', '4', '-q'], target);
    const now = readFileSync(target);
    // Killed inside the write, the old model must remain. If the write finished between two polls,
    // the file must be a whole model that loads as JSON.
    if (killed) expect(now.equals(before)).toBe(true);
    else expect(() => JSON.parse(now.toString('utf8'))).not.toThrow();
  });

  it('kill inside the score write keeps old output', async () => {
    const model = join(temp.dir, 'inside-score-model.json');
    timedRun(['train', ledgerPath, '-o', model, '--seed', '1', '-q']);
    const target = join(temp.dir, 'inside-score.json');
    timedRun(['score', ledgerPath, '--model', model, '--as-of', '2023-06-30', '--format', 'json', '--out', target, '-q']);
    const before = readFileSync(target);

    // The test hook slows the chunked write down, so the poll sees the temporary file.
    const args = ['score', ledgerPath, '--model', model, '--as-of', SMALL_EXPORT_DATE, '--format', 'json', '--out', target, '-q'];
    const killed = await killDuringWrite(args, target, { RISKPAY_TEST_WRITE_DELAY_MS: '50' });
    expect(killed).toBe(true);
    expect(readFileSync(target).equals(before)).toBe(true);
  });
});
