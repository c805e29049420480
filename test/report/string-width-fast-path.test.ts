// The fast path that cli-table-patch puts in front of string-width must measure every string as
// string-width itself does.

import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withFastPath, type StringWidth } from '../../src/report/cli-table-patch.js';

const require = createRequire(import.meta.url);

/** Loads a fresh copy of string-width as cli-table3 resolves it, because the patch replaced the cached one. */
function originalStringWidth(): StringWidth {
  const path = require.resolve('string-width', { paths: [dirname(require.resolve('cli-table3/package.json'))] });
  const cached = require.cache[path];
  delete require.cache[path];
  try {
    return require(path) as StringWidth;
  } finally {
    if (cached) require.cache[path] = cached;
  }
}

const original = originalStringWidth();
const fast = withFastPath(original);

/** Characters that tables print, and the kinds that string-width treats apart. */
const PIECES = ['a', 'Z', '7', ' ', '\u00a0', 'å', 'Ö', 'é', '©', '®', '\u00ad', '─', '│', '…', '€', '−', '漢', '😀', '👍🏽', 'e\u0301', '\u001b[31m', '\u001b[0m', '\t', '\u0085', '\u007f', '\n'];

describe('string-width fast path', () => {
  it('measures like string-width', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(fast(text)).toBe(original(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('measures every Latin-1 character alone', () => {
    for (let code = 0; code <= 0xff; code++) {
      const text = String.fromCharCode(code);
      expect({ code, width: fast(text) }).toEqual({ code, width: original(text) });
    }
  });

  it('is what cli-table3 uses once the table module loads', async () => {
    await import('../../src/report/table.js');
    const utils = require('cli-table3/src/utils.js') as { strlen: (text: string) => number };
    const path = require.resolve('string-width', { paths: [dirname(require.resolve('cli-table3/package.json'))] });
    expect((require.cache[path]?.exports as StringWidth).fastPath).toBe(true);
    expect(utils.strlen('Björk AB\u00a0')).toBe(9);
  });

  it('passes other values through', () => {
    expect(fast(undefined)).toBe(original(undefined));
    expect(fast('')).toBe(0);
  });
});
