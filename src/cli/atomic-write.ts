// Writes an output file atomically: the text goes to a temporary file in the same folder, which is
// flushed and then renamed over the target. A crash or kill leaves either the old file or the new one,
// never a half-written file. Only SIGKILL or a power cut can leave the temporary file behind, and the
// next write to the same target removes it. The new file keeps the old file's permission bits, and a
// symlink target is written through: the link's real target is replaced and the link stays.

import { closeSync, openSync, statSync, unlinkSync } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { RiskpayError } from '../findings.js';
import { removeStaleTempFiles, resolveWriteTarget, tempPathFor } from '../temp-files.js';
import { shellQuote } from '../shell-quote.js';

/** Chunk size of the write loop, so a signal can arrive between chunks of a large report. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Chunk writes in flight at most. The next piece of a report is rendered while earlier ones are written
 * in libuv's thread pool: a 132 MB JSON report waited about 0.27 s for its writes one at a time.
 */
const MAX_PENDING_WRITES = 4;

/** Temporary files being written, removed on SIGINT or SIGTERM. */
export const pendingTempFiles = new Set<string>();

/** Exit codes a shell gives a process ended by these signals (128 plus the signal number). */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** Removes the half-written temporary files, then exits as the signal would. */
function removeTempFilesAndExit(signal: NodeJS.Signals): void {
  for (const file of pendingTempFiles) {
    try {
      unlinkSync(file);
    } catch {
      // Already renamed or removed: nothing to clean up.
    }
  }
  process.exit(SIGNAL_EXIT_CODES[signal as keyof typeof SIGNAL_EXIT_CODES]);
}

/**
 * Tracks a temporary file, with the signal handlers installed only while one is pending. A handler
 * runs only when the event loop is free, so one installed for the whole run would keep Ctrl-C from
 * stopping a long computation. Without a handler, the signal ends the process at once.
 */
function trackTempFile(temp: string): void {
  if (pendingTempFiles.size === 0) for (const signal of Object.keys(SIGNAL_EXIT_CODES)) process.on(signal, removeTempFilesAndExit);
  pendingTempFiles.add(temp);
}

function untrackTempFile(temp: string): void {
  pendingTempFiles.delete(temp);
  if (pendingTempFiles.size === 0) for (const signal of Object.keys(SIGNAL_EXIT_CODES)) process.off(signal, removeTempFilesAndExit);
}

/** Encodes the content as UTF-8 buffers, one string of a sequence at a time. */
function* contentBuffers(content: string | Buffer | Iterable<string>): Generator<Buffer> {
  if (typeof content === 'string') yield Buffer.from(content, 'utf8');
  else if (Buffer.isBuffer(content)) yield content;
  else for (const piece of content) yield Buffer.from(piece, 'utf8');
}

/** Writes `length` bytes of `data` from `offset` at file `position`, repeating after a short write. */
async function writeFully(handle: FileHandle, data: Buffer, offset: number, length: number, position: number): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesWritten } = await handle.write(data, offset + done, length - done, position + done);
    if (bytesWritten === 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    done += bytesWritten;
  }
}

/**
 * Returns the error for an output path that cannot be written as a file, or null when it can be
 * written. The path may name a folder, or its folder may be missing, be a file, or refuse new files.
 * `typedPath` is the path as the user typed it, and `exampleName` is a file name to suggest inside a
 * folder given by mistake. An existing file at the path is never opened or changed.
 */
export function outputPathError(target: string, typedPath: string, exampleName: string): RiskpayError | null {
  let destination;
  try {
    destination = resolveWriteTarget(target);
  } catch (error) {
    return new RiskpayError('CLI_WRITE_FAILED', { file: typedPath, detail: (error as Error).message });
  }
  if (destination.isFolder) return new RiskpayError('CLI_OUT_IS_FOLDER', { file: typedPath, example: shellQuote(join(typedPath, exampleName)) });

  // Through a symlink the folder that matters is the real target's, so that one is named.
  const folder = dirname(destination.path);
  const typedFolder = destination.path === target ? dirname(typedPath) : folder;
  try {
    if (!statSync(folder).isDirectory()) return new RiskpayError('CLI_OUT_FOLDER_IS_FILE', { file: typedPath, folder: typedFolder });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new RiskpayError('CLI_OUT_FOLDER_MISSING', { file: typedPath, folder: typedFolder, fix: `mkdir -p ${shellQuote(typedFolder)}` });
    if (code === 'ENOTDIR') return new RiskpayError('CLI_OUT_FOLDER_IS_FILE', { file: typedPath, folder: typedFolder });
  }
  return probeFolderError(destination.path, typedPath, typedFolder);
}

/**
 * Creates and removes an empty temporary file beside `path`, named as the atomic write names its own,
 * and returns the error when the folder does not accept it. The probe is created with `wx`, so it never
 * opens an existing file, and it is removed on every path.
 */
function probeFolderError(path: string, typedPath: string, typedFolder: string): RiskpayError | null {
  const probe = tempPathFor(path);
  let descriptor;
  try {
    descriptor = openSync(probe, 'wx');
  } catch (error) {
    return writeError(error as NodeJS.ErrnoException, typedPath, typedFolder, probe);
  }
  try {
    closeSync(descriptor);
  } finally {
    try {
      unlinkSync(probe);
    } catch {
      // Already removed by another process: nothing to clean up.
    }
  }
  return null;
}

/** Message codes for the system errors of creating a file in a folder, so the user reads a plain reason. */
const WRITE_ERROR_CODES: Readonly<Record<string, string>> = {
  EACCES: 'CLI_OUT_PERMISSION_DENIED',
  EPERM: 'CLI_OUT_PERMISSION_DENIED',
  EROFS: 'CLI_OUT_READ_ONLY',
  // The folder exists, so these mean a folder such as /proc that contains no ordinary files.
  ENOENT: 'CLI_OUT_FOLDER_REJECTS_FILES',
  ENOTDIR: 'CLI_OUT_FOLDER_REJECTS_FILES',
  ENOSPC: 'CLI_OUT_DISK_FULL',
  EDQUOT: 'CLI_OUT_DISK_FULL',
};

/**
 * Returns the error for a failed write in an existing folder: a plain message for the common system
 * errors, else the system message with `temp` replaced by the file the user named.
 */
export function writeError(error: NodeJS.ErrnoException, typedPath: string, typedFolder: string, temp: string): RiskpayError {
  const code = error.code === undefined ? undefined : WRITE_ERROR_CODES[error.code];
  if (code) return new RiskpayError(code, { file: typedPath, folder: typedFolder });
  return new RiskpayError('CLI_WRITE_FAILED', { file: typedPath, detail: error.message.split(temp).join(typedPath) });
}

/**
 * Writes `content` to `target` atomically. A sequence of strings (for example a report rendered
 * piece by piece) is written in order without joining it first. `chunkDelayMs` slows the write down
 * between chunks; the end-to-end test of a kill during the write sets it through RISKPAY_TEST_WRITE_DELAY_MS.
 */
export async function writeFileAtomic(target: string, content: string | Buffer | Iterable<string>, chunkDelayMs = 0): Promise<void> {
  // The command checked the path before its work; this catches a folder removed or created meanwhile.
  const problem = outputPathError(target, target, basename(target));
  if (problem) throw problem;
  const destination = resolveWriteTarget(target);
  removeStaleTempFiles(destination.path);
  const temp = tempPathFor(destination.path);
  trackTempFile(temp);
  try {
    const handle = await open(temp, 'wx', destination.mode ?? 0o644);
    try {
      // The mode given to open passes through the umask, so an existing file's bits are set exactly here.
      if (destination.mode !== null) await handle.chmod(destination.mode);
      // Each chunk is written at its own position, so writes in flight may finish in any order.
      const pending: Promise<void>[] = [];
      let position = 0;
      try {
        for (const data of contentBuffers(content)) {
          for (let offset = 0; offset < data.length; offset += CHUNK_BYTES) {
            const length = Math.min(CHUNK_BYTES, data.length - offset);
            const written = writeFully(handle, data, offset, length, position);
            position += length;
            if (chunkDelayMs > 0) {
              await written;
              await new Promise((resolve) => setTimeout(resolve, chunkDelayMs));
              continue;
            }
            // The handler keeps a failed write from counting as unhandled until it is awaited below.
            written.catch(() => undefined);
            pending.push(written);
            if (pending.length >= MAX_PENDING_WRITES) await pending.shift();
          }
        }
        for (const written of pending.splice(0)) await written;
      } finally {
        // No write may still run when the handle closes, whatever failed.
        await Promise.allSettled(pending);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, destination.path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    // The system message names the temporary file, which the user never asked for: show the target.
    throw writeError(error as NodeJS.ErrnoException, target, dirname(target), temp);
  } finally {
    untrackTempFile(temp);
  }
}
