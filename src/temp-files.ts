// Temporary files of atomic writes: the new content goes to `.<name>.<pid>.<ms>.tmp` beside the target
// and is renamed over it when complete. A process killed with SIGKILL cannot remove its temporary
// file, so the next write to the same target removes the ones whose process has ended.

import { lstatSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Maximum symlinks followed from an output path. A longer chain is reported as a loop (ELOOP). */
const MAX_SYMLINK_HOPS = 40;

/** The file an atomic write replaces, after following symlinks. */
export interface WriteTarget {
  /** Path of the real file: the temporary file goes beside it and is renamed over it. */
  path: string;
  /** Permission bits of the existing file, which the new file keeps; null when no file exists yet. */
  mode: number | null;
  /** True when the path (after following symlinks) is a folder, which cannot be written as a file. */
  isFolder: boolean;
}

/**
 * Follows `target` through any symlinks to the file an atomic write must replace. Renaming over the
 * link itself would turn it into a regular file, so the write goes to the link's real target and the
 * link stays. A dangling link resolves to the path it points to. Throws an error with code ELOOP after
 * MAX_SYMLINK_HOPS links.
 */
export function resolveWriteTarget(target: string): WriteTarget {
  let path = target;
  for (let hops = 0; hops <= MAX_SYMLINK_HOPS; hops += 1) {
    let stats;
    try {
      stats = lstatSync(path);
    } catch {
      // Nothing there yet, or a folder on the way that cannot be read: the write itself reports the cause.
      return { path, mode: null, isFolder: false };
    }
    if (!stats.isSymbolicLink()) {
      return { path, mode: stats.isFile() ? stats.mode & 0o777 : null, isFolder: stats.isDirectory() };
    }
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw Object.assign(new Error(`too many levels of symbolic links: ${target}`), { code: 'ELOOP' });
}

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
