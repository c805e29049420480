// Runs the built CLI (node bin/riskpay.js) as a user would, for the hostile-input, crash-safety and
// determinism tests. Build first with `npx tsc -p tsconfig.json`.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/riskpay.js');

export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist/src/cli/main.js'))) throw new Error('dist/ is missing: run npx tsc -p tsconfig.json first');
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment of a plain run: no colour, English, and no RISKPAY_* or LC_* settings from the caller. */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('RISKPAY_') && !key.startsWith('LC_')) env[key] = value;
  }
  return { ...env, NO_COLOR: '1', LANG: 'C.UTF-8', ...extra };
}

/** Runs the CLI to the end; a run longer than `timeoutMs` is killed and reported with its signal. */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number; input?: string | Buffer } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cliEnv(options.env),
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Lines of stderr that report an error ("riskpay: error: ..."). */
export function errorLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => line.startsWith('riskpay: error:'));
}

export function makeTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `riskpay-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
