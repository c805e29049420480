// cli-table3 0.6.5 truncates every cell's whole content to 10 characters on every line it draws, only
// to build a debug message that is never printed (Cell#draw in src/cell.js). For a cell with several
// lines that truncation removes one character at a time and measures the rest each time, so a table of
// 50,000 debtors took many minutes. Real lines reach `truncate` one at a time, without a line break.
// So a string with a line break can only be that debug preview, and it is cut at its first line break
// before truncation. The printed table stays byte for byte the same.
// NOTE: upstream pull request cli-table/cli-table3#362 makes the preview lazy; once a release has it,
// that part can go.
//
// cli-table3 also measures every line of every cell several times with string-width 4, which builds
// two regular expressions (ANSI codes, emoji) on each call: a quarter of the time of a 2,000-debtor
// table. Text made only of characters that string-width counts as one column each is measured here by
// its length, and anything else still goes to string-width. This module replaces string-width in
// require's cache, so it must be imported before cli-table3 loads.

import { createRequire } from 'node:module';
import { dirname } from 'node:path';

type Truncate = (text: unknown, width: number, ellipsis?: string) => string;

const require = createRequire(import.meta.url);

export type StringWidth = ((text: unknown) => number) & { default?: unknown; fastPath?: true };

/**
 * Returns string-width with a fast path for text whose characters each measure 1. Which characters of
 * U+0020 to U+00FF do is asked of `original` itself, so the result is the same for every string.
 */
export function withFastPath(original: StringWidth): StringWidth {
  // 1 for each code unit up to U+00FF that string-width counts as one column on its own.
  const single = new Uint8Array(256);
  for (let code = 0x20; code <= 0xff; code++) single[code] = original(String.fromCharCode(code)) === 1 ? 1 : 0;

  const stringWidth: StringWidth = (text) => {
    if (typeof text !== 'string') return original(text);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0xff || single[code] === 0) return original(text);
    }
    return text.length;
  };
  stringWidth.default = stringWidth;
  stringWidth.fastPath = true;
  return stringWidth;
}

/** Puts withFastPath(string-width), as cli-table3 resolves it, in require's cache; does nothing when it cannot be found. */
function speedUpStringWidth(): void {
  let path: string;
  let original: StringWidth;
  try {
    path = require.resolve('string-width', { paths: [dirname(require.resolve('cli-table3/package.json'))] });
    original = require(path) as StringWidth;
  } catch {
    return;
  }
  const cached = require.cache[path];
  if (typeof original !== 'function' || original.fastPath || cached === undefined) return;
  cached.exports = withFastPath(original);
}

speedUpStringWidth();

/** Replaces cli-table3's `truncate` once, and does nothing when its internals are not where 0.6.5 has them. */
export function speedUpCellPreview(): void {
  let utils: { truncate?: Truncate & { fastPreview?: true } };
  try {
    utils = require('cli-table3/src/utils.js') as typeof utils;
  } catch {
    return;
  }
  const original = utils.truncate;
  if (typeof original !== 'function' || original.fastPreview) return;

  const truncate: Truncate & { fastPreview?: true } = (text, width, ellipsis) => {
    const lineBreak = typeof text === 'string' ? text.indexOf('\n') : -1;
    return original(lineBreak === -1 ? text : (text as string).slice(0, lineBreak), width, ellipsis);
  };
  truncate.fastPreview = true;
  utils.truncate = truncate;
}
