// Spelling suggestions for unknown options that commander cannot make itself: commander compares the
// whole argument, so `--as-off=2024-06-30` is too far from `--as-of` for its suggestion.

import { COMMANDS, optionsFor, type CommandName } from './options.js';

/** Largest edit distance suggested, so a flag with two typos still gets a suggestion. */
const MAX_SUGGESTION_DISTANCE = 2;

/**
 * Computes the optimal string alignment distance: insertions, deletions, substitutions and swaps of
 * two neighbouring characters each cost one.
 */
export function editDistance(left: string, right: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= left.length; i += 1) rows.push([i, ...new Array<number>(right.length).fill(0)]);
  for (let j = 0; j <= right.length; j += 1) rows[0][j] = j;

  for (let i = 1; i <= left.length; i += 1) {
    for (let j = 1; j <= right.length; j += 1) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
  }
  return rows[left.length][right.length];
}

/** Returns the long flags `command` accepts, such as `--as-of` and `--no-color`. */
function longFlags(command: CommandName): string[] {
  const flags = optionsFor(command).map((spec) => (spec.negatable ? `--no-${spec.flag}` : `--${spec.flag}`));
  return [...flags, '--help'];
}

/** Returns the closest long flag of `command` to `option`, or undefined when none is close. */
export function suggestOption(option: string, command: string): string | undefined {
  if (!(COMMANDS as readonly string[]).includes(command)) return undefined;
  let best: { flag: string; distance: number } | undefined;
  for (const flag of longFlags(command as CommandName)) {
    const distance = editDistance(option, flag);
    if (distance <= MAX_SUGGESTION_DISTANCE && (best === undefined || distance < best.distance)) best = { flag, distance };
  }
  return best?.flag;
}

/** Options of `riskpay` itself, before a command name. */
const PROGRAM_FLAGS = ['--version', '--help'];
const PROGRAM_SHORT_FLAGS = ['-V', '-h'];

/** Returns the option of `riskpay` itself closest to `option` (`-v` gives `-V`), or undefined when none is close. */
export function suggestProgramOption(option: string): string | undefined {
  const short = PROGRAM_SHORT_FLAGS.find((flag) => flag.toLowerCase() === option.toLowerCase());
  if (short !== undefined) return short;
  return PROGRAM_FLAGS.find((flag) => editDistance(option, flag) <= MAX_SUGGESTION_DISTANCE);
}

/** Returns the command closest to `name` (`scroe` gives `score`), or undefined when none is close. */
export function suggestCommand(name: string): string | undefined {
  let best: { command: string; distance: number } | undefined;
  for (const command of COMMANDS) {
    const distance = editDistance(name.toLowerCase(), command);
    if (distance <= MAX_SUGGESTION_DISTANCE && (best === undefined || distance < best.distance)) best = { command, distance };
  }
  return best?.command;
}
