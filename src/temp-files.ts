// Temporary files of atomic writes: the new content goes to `.<name>.<pid>.<ms>.tmp` beside the target
// and is renamed over it when complete. A process killed with SIGKILL cannot remove its temporary
// file, so the next write to the same target removes the ones whose process has ended.

import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Returns a new temporary path beside `target`, named for this process. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
}

/** True when a process with this id exists (one of another user counts as existing). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes the temporary files that earlier writes to `target` left behind when their process was
 * killed. A file whose process still runs (or whose id was reused) is left alone. Returns how many
 * were removed; a folder that cannot be read removes nothing.
 */
export function removeStaleTempFiles(target: string): number {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return 0;
  }

  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const match = /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || processExists(pid)) continue;
    try {
      rmSync(join(dirname(target), name), { force: true });
      removed += 1;
    } catch {
      // A file another user owns stays; it is theirs to remove.
    }
  }
  return removed;
}
