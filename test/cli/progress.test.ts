import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { createDiagnostics } from '../../src/cli/stderr.js';

function fakeIo(): { io: CliIo; stderr: () => string } {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const io: CliIo = { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: {}, cwd: '/', stdoutIsTty: false, stderrIsTty: true };
  return { io, stderr: () => text };
}

describe('progress lines', () => {
  it('counts lazy arguments only when the line is shown', () => {
    const { io, stderr } = fakeIo();
    let counted = 0;
    const count = () => {
      counted += 1;
      return { count: 7 };
    };

    createDiagnostics(io, 'en', false, false).progress('STATUS_PROGRESS_SCORING', count);
    expect(counted).toBe(0);

    createDiagnostics(io, 'en', false, true).progress('STATUS_PROGRESS_SCORING', count);
    expect(counted).toBe(1);
    expect(stderr()).toContain('Scoring 7 debtors...');
  });
});
