// Spawns the built CLI (node bin/riskpay.js) the way a user runs it. Run `npx tsc -p tsconfig.json` first.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/riskpay.js');
export const FIXTURE = join(ROOT, 'test/e2e/fixtures/invoices.csv');
/**
 * Folder of the real public exports that some tests read; they skip when it is absent. It defaults to
 * ../shared/data next to the repository, and RISKPAY_SHARED_DIR points elsewhere.
 */
export const SHARED_DATA_DIR = process.env.RISKPAY_SHARED_DIR ? resolve(process.env.RISKPAY_SHARED_DIR) : resolve(ROOT, '../shared/data');
export const IBM_FILE = join(SHARED_DATA_DIR, 'ibm-accounts-receivable.csv');

export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist/src/cli/main.js'))) throw new Error('dist/ is missing: run npx tsc -p tsconfig.json before the end-to-end tests');
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment of a plain user run: no colour, English, no RISKPAY_* settings from the caller. */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('RISKPAY_') && !key.startsWith('LC_')) env[key] = value;
  return { ...env, NO_COLOR: '1', LANG: 'C.UTF-8', ...extra };
}

export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: userEnv(options.env),
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a shell pipeline (for `| head -1`); returns the exit status of every stage. */
export function runShell(command: string, env: NodeJS.ProcessEnv = {}): CliRun & { statuses: number[] } {
  const result = spawnSync('bash', ['-c', `${command}; echo "STATUS:\${PIPESTATUS[*]}" >&2`], { cwd: ROOT, env: userEnv(env), encoding: 'utf8' });
  const match = /STATUS:([\d ]+)/.exec(result.stderr);
  const statuses = match ? match[1].trim().split(' ').map(Number) : [];
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.replace(/STATUS:[\d ]+\n?/, ''), statuses };
}

export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT) {
  return spawn(process.execPath, [BIN, ...args], { cwd, env: userEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'riskpay-e2e-'));
}
