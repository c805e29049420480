// The system errors of writing an output file become plain messages with the fix, in both languages.
// EROFS and ENOSPC need a read-only or full file system, which a test cannot count on, so these build
// the errors the system would give.

import { describe, expect, it } from 'vitest';
import { writeError } from '../../src/cli/atomic-write.js';
import { message } from '../../src/i18n/catalog.js';

const TEMP = '/data/.out.json.123.456.tmp';

function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, open '${TEMP}'`), { code });
}

describe('writeError', () => {
  it.each([
    ['EACCES', 'CLI_OUT_PERMISSION_DENIED'],
    ['EPERM', 'CLI_OUT_PERMISSION_DENIED'],
    ['EROFS', 'CLI_OUT_READ_ONLY'],
    ['ENOENT', 'CLI_OUT_FOLDER_REJECTS_FILES'],
    ['ENOTDIR', 'CLI_OUT_FOLDER_REJECTS_FILES'],
    ['ENOSPC', 'CLI_OUT_DISK_FULL'],
    ['EDQUOT', 'CLI_OUT_DISK_FULL'],
  ])('maps %s to %s', (errno, code) => {
    const error = writeError(systemError(errno), 'out.json', '/data', TEMP);
    expect(error.finding.code).toBe(code);
    expect(error.finding.args).toEqual({ file: 'out.json', folder: '/data' });
  });

  it('keeps other errors with the named file', () => {
    const error = writeError(systemError('EIO'), 'out.json', '/data', TEMP);
    expect(error.finding.code).toBe('CLI_WRITE_FAILED');
    expect(error.finding.args.detail).toBe("EIO: failed, open 'out.json'");
  });

  it('messages name the fix in both languages', () => {
    const args = { file: 'out.json', folder: '/data' };
    expect(message('en', 'CLI_OUT_READ_ONLY', args)).toBe('Cannot write out.json: the folder /data is on a read-only file system. Give a path on a writable disk.');
    expect(message('sv', 'CLI_OUT_READ_ONLY', args)).toBe('Kan inte skriva out.json: mappen /data ligger i ett skrivskyddat filsystem. Ange en sökväg på en disk som går att skriva på.');
    expect(message('en', 'CLI_OUT_DISK_FULL', args)).toContain('Free some space, or give a path on another disk.');
    expect(message('sv', 'CLI_OUT_DISK_FULL', args)).toContain('Frigör utrymme, eller ange en sökväg på en annan disk.');
  });
});
