// cli-table3 0.6.5 truncates every cell's whole content to 10 characters on every line it draws, only
// to build a debug message that is never printed (Cell#draw in src/cell.js). For a cell with several
// lines that truncation removes one character at a time and measures the rest each time, so a table of
// 50,000 debtors took many minutes. Real lines reach `truncate` one at a time, without a line break.
// So a string with a line break can only be that debug preview, and it is cut at its first line break
// before truncation. The printed table stays byte for byte the same.
// NOTE: upstream pull request cli-table/cli-table3#362 makes the preview lazy; once a release has it,
// this file can go.

import { createRequire } from 'node:module';

type Truncate = (text: unknown, width: number, ellipsis?: string) => string;

const require = createRequire(import.meta.url);

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
