// Process entry of the CLI: wires the real process and core to runCli and sets the exit code.

import { processIo } from './io.js';
import { realCore } from './real-core.js';
import { isEpipe, runCli } from './run.js';

/** A reader that closed stdout early (`riskpay score x.csv | head -1`) is a normal end, not an error. */
function exitQuietlyOnEpipe(error: Error): void {
  if (isEpipe(error)) process.exit(0);
  throw error;
}

export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', exitQuietlyOnEpipe);
  try {
    process.exitCode = await runCli(argv, processIo(), realCore);
  } catch (error) {
    if (isEpipe(error)) process.exit(0);
    throw error;
  }
}
