// The process around a CLI run, passed in so tests can run the CLI in-process with captured output.

import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
  /** Width of the terminal in characters when stdout is one. */
  stdoutColumns?: number;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    stdoutColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
}
