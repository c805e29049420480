// writeFileAtomic keeps several chunk writes in flight, each at its own file position, so the file
// must hold every piece in order whatever order the writes finish in.

import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/atomic-write.js';

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'riskpay-atomic-'));
}

describe('writeFileAtomic', () => {
  it('writes many pieces in order', async () => {
    // Pieces of uneven sizes, some larger than a 64 KiB write chunk, with multi-byte characters.
    const pieces = Array.from({ length: 300 }, (_, i) => `${i}:${'åß€x'.repeat((i * 977) % 40_000)}\n`);
    const folder = tempFolder();
    const target = join(folder, 'out.json');

    await writeFileAtomic(target, pieces);

    expect(readFileSync(target, 'utf8')).toBe(pieces.join(''));
    expect(readdirSync(folder)).toEqual(['out.json']);
  });

  it('writes one large buffer', async () => {
    const content = Buffer.alloc(5 * 1024 * 1024 + 17, 'riskpay ');
    const target = join(tempFolder(), 'out.csv');

    await writeFileAtomic(target, content);

    expect(readFileSync(target).equals(content)).toBe(true);
  });

  it('writes an empty sequence', async () => {
    const target = join(tempFolder(), 'empty.csv');

    await writeFileAtomic(target, []);

    expect(readFileSync(target, 'utf8')).toBe('');
  });
});
