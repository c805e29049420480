// Builds the commander program from the option table, with every help text from the catalog in the
// chosen language. Commander only parses here: the command handlers run in run.ts.

import { Command, Option } from 'commander';
import type { Lang } from '../i18n/catalog-type.js';
import { hasMessage, message } from '../i18n/catalog.js';
import type { CliMessageKey } from '../i18n/messages/cli.js';
import { COMMANDS, optionHelpKey, optionsFor, type CommandName, type OptionSpec } from './options.js';

const COMMAND_HELP: Record<CommandName, { description: CliMessageKey; examples: CliMessageKey }> = {
  score: { description: 'HELP_CMD_SCORE', examples: 'HELP_EXAMPLES_SCORE' },
  train: { description: 'HELP_CMD_TRAIN', examples: 'HELP_EXAMPLES_TRAIN' },
  evaluate: { description: 'HELP_CMD_EVALUATE', examples: 'HELP_EXAMPLES_EVALUATE' },
  inspect: { description: 'HELP_CMD_INSPECT', examples: 'HELP_EXAMPLES_INSPECT' },
  features: { description: 'HELP_CMD_FEATURES', examples: 'HELP_EXAMPLES_FEATURES' },
  plan: { description: 'HELP_CMD_PLAN', examples: 'HELP_EXAMPLES_PLAN' },
  forecast: { description: 'HELP_CMD_FORECAST', examples: 'HELP_EXAMPLES_FORECAST' },
  schema: { description: 'HELP_CMD_SCHEMA', examples: 'HELP_EXAMPLES_SCHEMA' },
};

/** Commander's section titles in Swedish; commander passes them to styleTitle. */
const SWEDISH_TITLES: Record<string, string> = {
  'Usage:': 'Användning:',
  'Options:': 'Alternativ:',
  'Commands:': 'Kommandon:',
  'Arguments:': 'Argument:',
  'Global Options:': 'Globala alternativ:',
};

/** Help text of one option in one command: what it sets, then its default and environment variable. */
export function optionHelp(spec: OptionSpec, lang: Lang, command?: CommandName): string {
  const parts = [message(lang, optionHelpKey(spec, command))];
  if (spec.max !== undefined) parts.push(message(lang, 'HELP_RANGE', { min: spec.min ?? 0, max: spec.max }));
  if (spec.defaultValue !== undefined && spec.kind !== 'boolean') {
    parts.push(message(lang, 'HELP_DEFAULT', { value: String(spec.defaultValue) }));
  }
  if (spec.env) parts.push(message(lang, 'HELP_ENV', { name: spec.env }));
  return parts.join('; ');
}

/**
 * Returns an option's flags with its value placeholder in the output language, such as
 * `--as-of <DATUM>` in Swedish: each capitalised word of the placeholder is looked up as PLACEHOLDER_<WORD>.
 */
export function optionFlags(spec: OptionSpec, lang: Lang = 'en'): string {
  const long = spec.negatable ? `--no-${spec.flag}` : `--${spec.flag}`;
  const placeholder = spec.valueName?.replace(/[A-Z]+/g, (word) => (hasMessage(`PLACEHOLDER_${word}`) ? message(lang, `PLACEHOLDER_${word}`) : word));
  const value = placeholder ? ` <${placeholder}>` : '';
  return spec.short ? `-${spec.short}, ${long}${value}` : `${long}${value}`;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function commanderOption(spec: OptionSpec, lang: Lang, command: CommandName): Option {
  const option = new Option(optionFlags(spec, lang), optionHelp(spec, lang, command));
  if (spec.kind === 'repeatable') option.argParser(collect);
  // Values are validated in resolve-options.ts so flags, environment and config give the same errors.
  return option;
}

export interface ParsedCommand {
  command: CommandName;
  /** The arguments after the command: input files, or for schema, which reads none, what was given by mistake. */
  files: string[];
  /** Only options given on the command line, by option key. */
  flags: Record<string, string | string[] | boolean | undefined>;
}

/**
 * Builds the program, and `onCommand` receives each parsed command. Help and version output go to
 * `writeOut`, and help after a usage error goes to `writeErr`. Parse errors are thrown as
 * CommanderError (exitOverride) for run.ts to report.
 */
export function buildProgram(
  lang: Lang,
  version: string,
  writeOut: (text: string) => void,
  writeErr: (text: string) => void,
  onCommand: (parsed: ParsedCommand) => void): Command {
  const program = new Command('riskpay');
  const configure = (command: Command) => {
    command
      .exitOverride()
      .showSuggestionAfterError(true)
      .configureOutput({ writeOut, writeErr, outputError: () => undefined })
      .configureHelp({
        styleTitle: (title) => (lang === 'sv' ? (SWEDISH_TITLES[title] ?? title) : title),
        // Commander writes "[options]" in English in the command list; our usage text is translated.
        subcommandTerm: (sub) => `${sub.name()} ${sub.usage()}`,
      })
      .helpOption('-h, --help', message(lang, 'HELP_HELP'));
  };

  configure(program);
  program
    .description(message(lang, 'HELP_PROGRAM'))
    .version(version, '-V, --version', message(lang, 'HELP_VERSION'))
    .usage(message(lang, 'HELP_USAGE_PROGRAM'))
    .helpCommand(message(lang, 'HELP_HELP_COMMAND_NAME'), message(lang, 'HELP_HELP_COMMAND'))
    .addHelpText('after', `\n${message(lang, 'HELP_EXIT_CODES')}`);

  for (const name of COMMANDS) {
    const help = COMMAND_HELP[name];
    const command = program.command(name).description(message(lang, help.description));
    configure(command);
    // The argument's name is shown in help only; the files arrive by position in processedArgs. Commander
    // does not check their count, because its messages are English only and come before the config file
    // sets the language. run.ts checks it (argumentCountError), and the usage line still marks files required.
    if (name === 'schema') command.allowExcessArguments(true);
    else command.argument(`[${message(lang, 'HELP_ARG_FILES_NAME')}...]`, message(lang, 'HELP_ARG_FILES'));
    command.usage(message(lang, name === 'schema' ? 'HELP_USAGE_NO_FILES' : 'HELP_USAGE_FILES'));
    for (const spec of optionsFor(name)) command.addOption(commanderOption(spec, lang, name));
    // Only score has --fail-on, so only its help lists exit code 1.
    const exitCodes = message(lang, name === 'score' ? 'HELP_EXIT_CODES' : 'HELP_EXIT_CODES_PLAIN');
    command.addHelpText('after', `\n${message(lang, 'HELP_EXAMPLES')}\n${message(lang, help.examples)}\n\n${exitCodes}`);
    command.action(() => {
      const flags: ParsedCommand['flags'] = {};
      const values = command.opts();
      for (const spec of optionsFor(name)) {
        if (command.getOptionValueSource(spec.key) === 'cli') flags[spec.key] = values[spec.key] as string | string[] | boolean;
      }
      const files = name === 'schema' ? command.args : ((command.processedArgs[0] as string[] | undefined) ?? []);
      onCommand({ command: name, files, flags });
    });
  }
  return program;
}
