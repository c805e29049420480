// Options written before the command name. Many tools accept `tool --flag VALUE command`, and people
// type riskpay the same way (`riskpay --lang sv score FILE`). Commander reads options only after the
// command, so they are moved there before parsing.

import { OPTIONS, type OptionSpec } from './options.js';

/** Options of riskpay itself, which commander handles before any command. */
const PROGRAM_FLAGS = new Set(['-h', '--help', '-V', '--version']);

/** Returns the option spec a flag such as `--lang`, `--lang=sv`, `-q` or `--no-color` names, or undefined. */
export function optionForFlag(arg: string): OptionSpec | undefined {
  const name = arg.split('=')[0];
  if (name.startsWith('--no-')) return OPTIONS.find((spec) => spec.negatable === true && spec.flag === name.slice(5));
  if (name.startsWith('--')) return OPTIONS.find((spec) => spec.flag === name.slice(2));
  return OPTIONS.find((spec) => spec.short !== undefined && `-${spec.short}` === name);
}

/**
 * Returns the arguments with the options written before the command moved after it, so
 * `--lang sv score FILE` parses as `score --lang sv FILE`. The word after the leading options counts as
 * the command even when it is misspelt, so commander then reports it as an unknown command. The
 * arguments stay as they are when they start with a program option (--help, --version), with an
 * unknown option, or with no word after the options.
 */
export function commandFirst(argv: readonly string[]): string[] {
  let at = 0;
  while (at < argv.length && argv[at].startsWith('-') && argv[at] !== '-') {
    const arg = argv[at];
    if (PROGRAM_FLAGS.has(arg)) return [...argv];
    const spec = optionForFlag(arg);
    if (spec === undefined) return [...argv];
    // A boolean takes no value, and a value given as `--flag=value` is part of the argument itself.
    at += spec.kind === 'boolean' || arg.includes('=') ? 1 : 2;
  }
  if (at === 0 || at >= argv.length) return [...argv];
  return [argv[at], ...argv.slice(0, at), ...argv.slice(at + 1)];
}

/**
 * Returns the word after `help` in arguments ordered by commandFirst, such as `scroe` in
 * `help scroe`, skipping options and their values. Returns undefined when the command is not `help`
 * or no word follows it.
 */
export function helpTopic(args: readonly string[]): string | undefined {
  if (args[0] !== 'help') return undefined;
  let at = 1;
  while (at < args.length && args[at].startsWith('-') && args[at] !== '-') {
    const spec = optionForFlag(args[at]);
    at += spec === undefined || spec.kind === 'boolean' || args[at].includes('=') ? 1 : 2;
  }
  return args[at];
}
