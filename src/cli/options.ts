// Every command-line option in one table: the flag, its value type, default, help text key, the commands
// that take it and its environment variable. Commander help, the environment and config-file defaults
// and docs/options.md are all built from this table, so an option is added here and nowhere else.

import type { CliMessageKey } from '../i18n/messages/cli.js';
import { MAX_FORECAST_WEEKS } from '../scoring/config.js';

export const COMMANDS = ['score', 'train', 'evaluate', 'inspect', 'features', 'plan', 'forecast', 'schema'] as const;
export type CommandName = (typeof COMMANDS)[number];

export type OptionKind = 'string' | 'file' | 'date' | 'int' | 'enum' | 'list' | 'repeatable' | 'boolean' | 'threshold';

export interface OptionSpec {
  /** Long flag without dashes, e.g. `as-of`. */
  flag: string;
  /** Property name in parsed options, e.g. `asOf`. */
  key: string;
  short?: string;
  /** Placeholder shown in help, e.g. `DATE`; absent for booleans. */
  valueName?: string;
  kind: OptionKind;
  choices?: readonly string[];
  /** Smallest accepted value for `int` options. */
  min?: number;
  /** Largest accepted value for `int` options; absent means any safe integer. */
  max?: number;
  /** Default after config, environment and flags have all been consulted; absent means unset. */
  defaultValue?: string | number | boolean | string[];
  /** An `enum` of language codes that also accepts a code with a region, such as `sv-SE` for `sv`. */
  acceptsRegion?: boolean;
  /** Other spellings of `enum` choices, looked up in lower case, such as a real tab character for `tab`. */
  aliases?: Readonly<Record<string, string>>;
  /** A boolean option that is on by default and switched off with `--no-<flag>`. */
  negatable?: boolean;
  /**
   * The default as docs/options.md states it, where `defaultValue` alone would mislead: a `--no-<flag>`
   * option shown with the default `true` reads as "off by default". Required for negatable options.
   */
  defaultHelp?: CliMessageKey;
  help: CliMessageKey;
  /** Help text for commands where the option means something narrower than `help` says. */
  commandHelp?: Partial<Record<CommandName, CliMessageKey>>;
  commands: readonly CommandName[];
  /** Environment variable that sets the option, e.g. RISKPAY_AS_OF. */
  env?: string;
}

const DATA: CommandName[] = ['score', 'train', 'evaluate', 'inspect', 'features', 'plan', 'forecast'];
const SCORING: CommandName[] = ['score', 'plan', 'forecast'];
const ALL: CommandName[] = [...COMMANDS];

export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** CSV dialects: `rfc4180` is comma and decimal point without BOM; the language codes are spreadsheet variants. */
export const CSV_LOCALES = ['rfc4180', 'en', 'sv', 'de', 'fr', 'fi', 'nl', 'da', 'nb'] as const;
export type CsvLocale = (typeof CSV_LOCALES)[number];

/** Values of --delimiter: a comma, a semicolon, a pipe, or a tab written as `tab`, `\t` or a tab character. */
export const DELIMITER_CHOICES = [',', ';', '|', 'tab', '\\t'] as const;

/** Largest --seed: the random number generators take 32-bit seeds, so a larger seed would repeat a smaller one. */
const MAX_SEED = 2 ** 32 - 1;

export const OPTIONS: readonly OptionSpec[] = [
  { flag: 'as-of', key: 'asOf', valueName: 'DATE', kind: 'date', help: 'HELP_OPT_AS_OF', commandHelp: { train: 'HELP_OPT_AS_OF_TRAIN' }, commands: [...SCORING, 'features', 'train'], env: 'RISKPAY_AS_OF' },
  { flag: 'cutoff', key: 'cutoff', valueName: 'DATE', kind: 'date', help: 'HELP_OPT_CUTOFF', commands: ['evaluate'], env: 'RISKPAY_CUTOFF' },
  { flag: 'top', key: 'top', valueName: 'N', kind: 'int', min: 1, help: 'HELP_OPT_TOP', commandHelp: { plan: 'HELP_OPT_TOP_PLAN' }, commands: ['score', 'plan'], env: 'RISKPAY_TOP' },
  { flag: 'format', key: 'format', short: 'f', valueName: 'FORMAT', kind: 'enum', choices: OUTPUT_FORMATS, defaultValue: 'table', help: 'HELP_OPT_FORMAT', commandHelp: { inspect: 'HELP_OPT_FORMAT_INSPECT' }, commands: [...SCORING, 'evaluate', 'inspect', 'features'], env: 'RISKPAY_FORMAT' },
  { flag: 'by', key: 'by', valueName: 'UNIT', kind: 'enum', choices: ['debtor', 'invoice'], defaultValue: 'debtor', help: 'HELP_OPT_BY', commands: ['score'], env: 'RISKPAY_BY' },
  { flag: 'model', key: 'model', valueName: 'FILE', kind: 'file', help: 'HELP_OPT_MODEL', commands: [...SCORING], env: 'RISKPAY_MODEL' },
  { flag: 'late-after', key: 'lateAfter', valueName: 'DAYS', kind: 'int', min: 0, help: 'HELP_OPT_LATE_AFTER', commands: [...SCORING, 'train', 'evaluate', 'features'], env: 'RISKPAY_LATE_AFTER' },
  { flag: 'payments', key: 'payments', valueName: 'FILE', kind: 'repeatable', help: 'HELP_OPT_PAYMENTS', commands: DATA, env: 'RISKPAY_PAYMENTS' },
  { flag: 'map', key: 'map', valueName: 'FIELD=HEADER', kind: 'repeatable', help: 'HELP_OPT_MAP', commands: DATA, env: 'RISKPAY_MAP' },
  { flag: 'encoding', key: 'encoding', valueName: 'NAME', kind: 'string', help: 'HELP_OPT_ENCODING', commands: DATA, env: 'RISKPAY_ENCODING' },
  { flag: 'delimiter', key: 'delimiter', valueName: 'CHAR', kind: 'enum', choices: DELIMITER_CHOICES, aliases: { '\t': 'tab', tab: 'tab' }, help: 'HELP_OPT_DELIMITER', commands: DATA, env: 'RISKPAY_DELIMITER' },
  { flag: 'decimal', key: 'decimal', valueName: 'SEP', kind: 'enum', choices: ['.', ','], help: 'HELP_OPT_DECIMAL', commands: DATA, env: 'RISKPAY_DECIMAL' },
  { flag: 'date-format', key: 'dateFormat', valueName: 'PATTERN', kind: 'string', help: 'HELP_OPT_DATE_FORMAT', commands: DATA, env: 'RISKPAY_DATE_FORMAT' },
  { flag: 'terms', key: 'terms', valueName: 'DAYS', kind: 'int', min: 0, help: 'HELP_OPT_TERMS', commands: DATA, env: 'RISKPAY_TERMS' },
  { flag: 'extra', key: 'extra', valueName: 'COL,COL', kind: 'list', help: 'HELP_OPT_EXTRA', commands: [...SCORING, 'train', 'evaluate', 'features', 'inspect'], env: 'RISKPAY_EXTRA' },
  { flag: 'max-field-chars', key: 'maxFieldChars', valueName: 'N', kind: 'int', min: 1, help: 'HELP_OPT_MAX_FIELD_CHARS', commands: DATA, env: 'RISKPAY_MAX_FIELD_CHARS' },
  { flag: 'max-line-chars', key: 'maxLineChars', valueName: 'N', kind: 'int', min: 1, help: 'HELP_OPT_MAX_LINE_CHARS', commands: DATA, env: 'RISKPAY_MAX_LINE_CHARS' },
  { flag: 'max-columns', key: 'maxColumns', valueName: 'N', kind: 'int', min: 1, help: 'HELP_OPT_MAX_COLUMNS', commands: DATA, env: 'RISKPAY_MAX_COLUMNS' },
  { flag: 'strict', key: 'strict', kind: 'boolean', defaultValue: false, help: 'HELP_OPT_STRICT', commands: DATA, env: 'RISKPAY_STRICT' },
  { flag: 'rates', key: 'rates', valueName: 'FILE', kind: 'file', help: 'HELP_OPT_RATES', commands: [...SCORING], env: 'RISKPAY_RATES' },
  { flag: 'out', key: 'out', short: 'o', valueName: 'FILE', kind: 'file', help: 'HELP_OPT_OUT', commandHelp: { train: 'HELP_OPT_OUT_NO_FORMAT', schema: 'HELP_OPT_OUT_NO_FORMAT' }, commands: [...SCORING, 'train', 'evaluate', 'inspect', 'features', 'schema'], env: 'RISKPAY_OUT' },
  { flag: 'fail-on', key: 'failOn', valueName: 'GRADE|RISK', kind: 'threshold', help: 'HELP_OPT_FAIL_ON', commands: ['score'], env: 'RISKPAY_FAIL_ON' },
  { flag: 'state', key: 'state', valueName: 'FILE', kind: 'file', help: 'HELP_OPT_STATE', commands: ['score'], env: 'RISKPAY_STATE' },
  { flag: 'only-changes', key: 'onlyChanges', kind: 'boolean', defaultValue: false, help: 'HELP_OPT_ONLY_CHANGES', commands: ['score'], env: 'RISKPAY_ONLY_CHANGES' },
  { flag: 'csv-locale', key: 'csvLocale', valueName: 'LOCALE', kind: 'enum', choices: CSV_LOCALES, acceptsRegion: true, defaultValue: 'rfc4180', help: 'HELP_OPT_CSV_LOCALE', commands: [...SCORING, 'features'], env: 'RISKPAY_CSV_LOCALE' },
  { flag: 'weeks', key: 'weeks', valueName: 'N', kind: 'int', min: 1, max: MAX_FORECAST_WEEKS, defaultValue: 8, help: 'HELP_OPT_WEEKS', commands: ['forecast'], env: 'RISKPAY_WEEKS' },
  { flag: 'seed', key: 'seed', valueName: 'N', kind: 'int', min: 0, max: MAX_SEED, defaultValue: 1, help: 'HELP_OPT_SEED', commands: [...SCORING, 'train', 'evaluate'], env: 'RISKPAY_SEED' },
  { flag: 'lang', key: 'lang', valueName: 'LANG', kind: 'enum', choices: ['en', 'sv'], help: 'HELP_OPT_LANG', commands: ALL, env: 'RISKPAY_LANG' },
  { flag: 'color', key: 'color', kind: 'boolean', negatable: true, defaultValue: true, defaultHelp: 'HELP_DEFAULT_COLOR', help: 'HELP_OPT_NO_COLOR', commands: ALL, env: 'RISKPAY_COLOR' },
  { flag: 'progress', key: 'progress', kind: 'boolean', negatable: true, defaultValue: true, defaultHelp: 'HELP_DEFAULT_PROGRESS', help: 'HELP_OPT_NO_PROGRESS', commands: DATA, env: 'RISKPAY_PROGRESS' },
  { flag: 'quiet', key: 'quiet', short: 'q', kind: 'boolean', defaultValue: false, help: 'HELP_OPT_QUIET', commands: ALL, env: 'RISKPAY_QUIET' },
  { flag: 'config', key: 'config', valueName: 'FILE', kind: 'file', help: 'HELP_OPT_CONFIG', commands: ALL, env: 'RISKPAY_CONFIG' },
];

/** Returns the options of one command, in table order. */
export function optionsFor(command: CommandName): OptionSpec[] {
  return OPTIONS.filter((option) => option.commands.includes(command));
}

/** Returns the help text key of an option as one command uses it. */
export function optionHelpKey(spec: OptionSpec, command: CommandName | undefined): CliMessageKey {
  return (command && spec.commandHelp?.[command]) ?? spec.help;
}

export function optionByKey(key: string): OptionSpec | undefined {
  return OPTIONS.find((option) => option.key === key);
}

/** Returns an `enum` option's value with an alias replaced by its choice; other values stay as they are. */
export function resolveAlias(spec: OptionSpec, value: string): string {
  return spec.aliases?.[value.toLowerCase()] ?? value;
}
