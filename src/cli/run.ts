// Runs one CLI invocation and returns its exit code: 0 success, 1 a --fail-on threshold was
// crossed, 2 bad input or usage. Nothing here calls process.exit, so tests can run it in-process.

import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config/load.js';
import type { RiskpayConfig } from '../config/schema.js';
import { finding, RiskpayError, type Finding } from '../findings.js';
import { hasMessage } from '../i18n/catalog.js';
import type { Lang } from '../i18n/catalog-type.js';
import { detectLang } from '../i18n/lang.js';
import { runFeatures, runEvaluate, runInspect, runTrain } from './commands/tables.js';
import { runForecast, runPlan } from './commands/plan-forecast.js';
import { runSchema } from './commands/schema.js';
import { runScore } from './commands/score.js';
import { checkOutputPaths, warnIgnoredCsvLocale, type CommandContext } from './context.js';
import type { Core } from './core.js';
import type { CliIo } from './io.js';
import { COMMANDS, type CommandName } from './options.js';
import { commandFirst, helpTopic, optionForFlag } from './argv-order.js';
import { buildProgram, type ParsedCommand } from './program.js';
import { outExtension, resolveOptions } from './resolve-options.js';
import { shellQuote } from '../shell-quote.js';
import { createDiagnostics } from './stderr.js';
import { suggestCommand, suggestOption, suggestProgramOption } from './suggest.js';

export const EXIT_USAGE = 2;
/** An unexpected failure inside riskpay (a bug), kept apart from bad input; 70 is EX_SOFTWARE in sysexits.h. */
export const EXIT_INTERNAL = 70;

const HANDLERS: Record<CommandName, (context: CommandContext) => Promise<number>> = {
  score: runScore,
  train: runTrain,
  evaluate: runEvaluate,
  inspect: runInspect,
  features: runFeatures,
  plan: runPlan,
  forecast: runForecast,
  schema: runSchema,
};

/** Reads the version from package.json, found by walking up from this module (src/cli or dist/src/cli). */
export function packageVersion(): string {
  for (const relative of ['../../package.json', '../../../package.json']) {
    try {
      const text = readFileSync(new URL(relative, import.meta.url), 'utf8');
      const parsed = JSON.parse(text) as { name?: string; version: string };
      if (parsed.name === 'riskpay') return parsed.version;
    } catch {
      // Not at this level; try the next one up.
    }
  }
  return '0.0.0';
}

/** Finds `--name VALUE` or `--name=VALUE` before commander runs, for the help language and the config file. */
function peekFlag(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return undefined;
}

/**
 * Turns a commander parse error into a catalog finding. Commander's own text is English only, so
 * only the quoted name and the suggested spelling (from showSuggestionAfterError) are taken from it.
 */
function usageFinding(error: CommanderError, command: string) {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  // Commander 14 appends "(Did you mean --as-of?)" or "(Did you mean one of --a, --b?)".
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'commander.unknownOption': {
      // `--as-off=2024-06-30` arrives whole; the value is not part of the option's name.
      const option = quoted.split('=')[0];
      if (command === '' && optionForFlag(option) !== undefined) {
        // A command's option with no command after it, such as `riskpay --lang sv`.
        return finding('CLI_OPTION_WITHOUT_COMMAND', 'error', { option });
      }
      if (command === '') {
        // An unknown option before any command, such as `riskpay -v`, has no command help to point to.
        const closest = suggestProgramOption(option);
        if (closest) return finding('CLI_UNKNOWN_PROGRAM_OPTION_SUGGESTION', 'error', { option, suggestion: closest });
        return finding('CLI_UNKNOWN_PROGRAM_OPTION', 'error', { option });
      }
      // `--quiet=1` names a known switch with a value, which commander reports as an unknown option.
      const spec = optionForFlag(option);
      if (quoted.includes('=') && spec !== undefined && spec.kind === 'boolean' && (spec.commands as readonly string[]).includes(command)) {
        return finding('CLI_OPTION_TAKES_NO_VALUE', 'error', { option, value: quoted.slice(option.length + 1), command });
      }
      const closest = suggestion ?? suggestOption(option, command);
      if (closest) return finding('CLI_UNKNOWN_OPTION_SUGGESTION', 'error', { option, suggestion: closest, command });
      return finding('CLI_UNKNOWN_OPTION', 'error', { option, command });
    }
    case 'commander.unknownCommand':
      return unknownCommandFinding(quoted, suggestion);
    case 'commander.optionMissingArgument':
      return finding('CLI_OPTION_MISSING_VALUE', 'error', { option: quoted });
    default:
      // The catalog text ends the sentence itself, so commander's own full stop goes.
      return finding('CLI_USAGE', 'error', { detail: error.message.replace(/^error: /, '').replace(/\.+$/, '') });
  }
}

/**
 * Returns the error for a command given the wrong number of arguments: schema reads no files, and
 * every other command needs at least one. Commander does not check this (see program.ts), so the
 * message can be in the language that the config file chooses.
 */
function argumentCountError(parsed: ParsedCommand): RiskpayError | null {
  if (parsed.command === 'schema') {
    if (parsed.files.length === 0) return null;
    return new RiskpayError('CLI_TOO_MANY_ARGUMENTS', { command: parsed.command, arguments: parsed.files.map(shellQuote).join(' ') });
  }
  return parsed.files.length === 0 ? new RiskpayError('CLI_MISSING_FILES', { command: parsed.command }) : null;
}

/** Returns the error for an unknown command name, with the closest command when there is one. */
function unknownCommandFinding(command: string, suggestion: string | undefined): Finding {
  if (suggestion) return finding('CLI_UNKNOWN_COMMAND_SUGGESTION', 'error', { command, suggestion });
  return finding('CLI_UNKNOWN_COMMAND', 'error', { command });
}

export async function runCli(argv: readonly string[], io: CliIo, core: Core): Promise<number> {
  const version = packageVersion();
  const envLang = io.env.RISKPAY_LANG;
  const peekedLang = peekFlag(argv, 'lang') ?? (envLang || undefined);
  let lang: Lang = detectLang(peekedLang, io.env);
  let quiet = argv.includes('--quiet') || argv.includes('-q');
  const earlyDiagnostics = () => createDiagnostics(io, lang, quiet, false);

  let parsed: ParsedCommand | undefined;
  const program = buildProgram(lang, version, (text) => io.stdout.write(text), (text) => io.stderr.write(text), (result) => {
    parsed = result;
  });

  const ordered = commandFirst(argv);
  // For `help scroe` commander prints the general help, which does not say that scroe is unknown.
  const topic = helpTopic(ordered);
  if (topic !== undefined && topic !== 'help' && !(COMMANDS as readonly string[]).includes(topic)) {
    earlyDiagnostics().error(unknownCommandFinding(topic, suggestCommand(topic)));
    return EXIT_USAGE;
  }

  try {
    await program.parseAsync(ordered, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    // `riskpay help score` is a request for help, which commander reports with exit code 0. `riskpay` with no
    // command prints the same help with exit code 1, and that is a usage error.
    if (error.code === 'commander.help' && error.exitCode === 0) return 0;
    if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') return EXIT_USAGE;
    // The first command name in the arguments; an option value such as the `sv` of `--lang sv` is not one.
    const command = argv.find((arg) => (COMMANDS as readonly string[]).includes(arg)) ?? '';
    earlyDiagnostics().error(usageFinding(error, command));
    return EXIT_USAGE;
  }
  if (!parsed) return EXIT_USAGE;

  let strictRun = false;
  try {
    let config: RiskpayConfig = {};
    const configFlag = parsed.flags.config as string | undefined;
    const configFile = configFlag ?? (io.env.RISKPAY_CONFIG || undefined);
    config = loadConfig(configFile, io.cwd, lang, configFlag === undefined ? 'RISKPAY_CONFIG' : '--config').config;
    const resolved = resolveOptions(parsed.command, parsed.flags, io.env, config);
    lang = detectLang(resolved.values.lang as string | undefined, io.env);
    const countError = argumentCountError(parsed);
    if (countError) throw countError;
    quiet = resolved.values.quiet === true;
    strictRun = resolved.values.strict === true;
    const showProgress = io.stderrIsTty && resolved.values.progress !== false && !quiet;
    const context: CommandContext = {
      command: parsed.command,
      files: parsed.files,
      options: resolved.values,
      sources: resolved.sources,
      config,
      lang,
      io,
      core,
      version,
      diagnostics: createDiagnostics(io, lang, quiet, showProgress),
    };
    for (const note of resolved.notes ?? []) context.diagnostics.status(note.code, note.args);
    if (resolved.sources.format === 'extension') {
      const out = resolved.values.out as string;
      context.diagnostics.status('STATUS_FORMAT_FROM_EXTENSION', { format: resolved.values.format as string, file: out, extension: outExtension(out) });
    }
    warnIgnoredCsvLocale(context, resolved.sources.csvLocale);
    checkOutputPaths(context);
    return await HANDLERS[parsed.command](context);
  } catch (error) {
    const diagnostics = earlyDiagnostics();
    if (error instanceof ConfigError) {
      for (const problem of error.problems) diagnostics.error(problem);
      diagnostics.error(error.finding);
      return EXIT_USAGE;
    }
    if (error instanceof RiskpayError) {
      // With --strict the importer raises the first bad row's finding. Its usual text describes what a normal
      // run does with the row, so the `_STRICT` text without that part is shown, then that the run stopped.
      const stoppedAtRow = strictRun && isRowError(error);
      diagnostics.error(stoppedAtRow ? strictVariant(error.finding) : error.finding);
      if (stoppedAtRow) diagnostics.status('CLI_STRICT_STOPPED');
      return EXIT_USAGE;
    }
    if (isEpipe(error)) throw error;
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    diagnostics.error(finding('CLI_INTERNAL_ERROR', 'error', { detail }));
    return EXIT_INTERNAL;
  }
}

/** True for an import error about one row of an input file, the kind --strict stops at. */
function isRowError(error: RiskpayError): boolean {
  return error.finding.code.startsWith('INGEST_') && error.finding.path?.line !== undefined;
}

/** Returns the finding with its `_STRICT` code when the catalog has one, else the finding itself. */
function strictVariant(rowFinding: Finding): Finding {
  const code = `${rowFinding.code}_STRICT`;
  return hasMessage(code) ? { ...rowFinding, code } : rowFinding;
}

export function isEpipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}
