// The bundled model must be what its committed script trains today. models/README.md promises that
// anyone can rebuild models/default.json byte for byte. A training change without a retrain would
// leave the shipped model describing code that no longer exists.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

describe('bundled model', () => {
  it('is rebuilt byte for byte by scripts/train-bundled-model.ts', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'riskpay-bundled-')), 'default.json');
    const run = spawnSync(process.execPath, [join(ROOT, 'dist/scripts/train-bundled-model.js'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);

    // Compared as text: a mismatch report of two 1.7 MB buffers would be unreadable.
    const rebuilt = readFileSync(out, 'utf8');
    const shipped = readFileSync(join(ROOT, 'models/default.json'), 'utf8');
    expect(rebuilt.length).toBe(shipped.length);
    expect(rebuilt === shipped).toBe(true);
  }, 120_000);
});
