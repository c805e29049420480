// Signal handlers for half-written output exist only while a write is pending, so that Ctrl-C or
// SIGTERM ends a long computation at once instead of waiting for the event loop.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pendingTempFiles, writeFileAtomic } from '../../src/cli/atomic-write.js';

describe('signal handlers', () => {
  it('are installed only during a write', async () => {
    const before = process.listenerCount('SIGTERM');
    const during: number[] = [];
    function* pieces(): Generator<string> {
      during.push(process.listenerCount('SIGTERM'), process.listenerCount('SIGINT'), pendingTempFiles.size);
      yield 'a,b\n';
    }
    const target = join(mkdtempSync(join(tmpdir(), 'riskpay-signal-')), 'out.csv');

    await writeFileAtomic(target, pieces());

    expect(during).toEqual([before + 1, process.listenerCount('SIGINT') + 1, 1]);
    expect(process.listenerCount('SIGTERM')).toBe(before);
    expect(pendingTempFiles.size).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('a,b\n');
  });
});
