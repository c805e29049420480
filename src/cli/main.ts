// Process entry of the CLI: wires the real process and core to runCli and sets the exit code.

import { pendingTempFiles } from './atomic-write.js';
import { processIo } from './io.js';
import { realCore } from './real-core.js';
import { isEpipe, runCli } from './run.js';
import { unlinkSync } from 'node:fs';

/** A reader that closed stdout early (`riskpay score x.csv | head -1`) is a normal end, not an error. */
function exitQuietlyOnEpipe(error: Error): void {
  if (isEpipe(error)) process.exit(0);
  throw error;
}

/** Removes a half-written --out temporary file when interrupted, then exits as the signal would. */
function removeTempFilesOn(signal: NodeJS.Signals, exitCode: number): void {
  process.on(signal, () => {
    for (const file of pendingTempFiles) {
      try {
        unlinkSync(file);
      } catch {
        // Already renamed or removed: nothing to clean up.
      }
    }
    process.exit(exitCode);
  });
}

export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', exitQuietlyOnEpipe);
  removeTempFilesOn('SIGINT', 130);
  removeTempFilesOn('SIGTERM', 143);
  try {
    process.exitCode = await runCli(argv, processIo(), realCore);
  } catch (error) {
    if (isEpipe(error)) process.exit(0);
    throw error;
  }
}
