// Merges option values from their four sources. Precedence, lowest first: built-in defaults, the
// config file's `defaults`, RISKPAY_* environment variables, command-line flags.

import { parseIsoDay } from '../dates.js';
import { RiskpayError } from '../findings.js';
import type { RiskpayConfig } from '../config/schema.js';
import { basename, extname } from 'node:path';
import { optionsFor, resolveAlias, type CommandName, type OptionSpec, type OutputFormat } from './options.js';

export type OptionValue = string | number | boolean | string[];
/** Source of an option value; `extension` means --format was chosen from the --out file's extension. */
export type OptionSource = 'default' | 'config' | 'environment' | 'flag' | 'extension';

export interface ResolvedOptions {
  values: Record<string, OptionValue | undefined>;
  sources: Record<string, OptionSource>;
  /** Status notes about a format that was asked for but cannot be written, such as HTML from plan. */
  notes?: { code: string; args: Record<string, string> }[];
}

/** Names where an option's value came from, as messages show it: `RISKPAY_ENCODING`, `defaults.encoding` or `--encoding`. */
export function optionLabel(spec: OptionSpec, source: OptionSource): string {
  if (source === 'environment' && spec.env) return spec.env;
  if (source === 'config') return `defaults.${spec.key}`;
  return `--${spec.flag}`;
}

/** Builds the error for an unusable option value; `code` names what was expected, `args` fill it in. */
function invalid(spec: OptionSpec, source: OptionSource, value: unknown, code: string, args: Record<string, string | number> = {}): RiskpayError {
  return new RiskpayError(code, {
    option: optionLabel(spec, source),
    value: Array.isArray(value) ? value.join(',') : String(value),
    source,
    ...args,
  });
}

/** Drops a region from a language tag, so `sv-SE` and `sv_SE` become `sv`. Other text is returned unchanged. */
export function withoutRegion(text: string): string {
  const tag = /^([A-Za-z]{2})[-_][A-Za-z]{2}$/.exec(text.trim());
  return tag ? tag[1].toLowerCase() : text;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off', '']);

/** Parses one option value given as text (a flag or an environment variable). */
export function parseOptionText(spec: OptionSpec, raw: string | string[] | boolean, source: OptionSource): OptionValue {
  if (spec.kind === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    const word = String(raw).trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    throw invalid(spec, source, raw, 'CLI_INVALID_BOOLEAN_VALUE');
  }
  if (spec.kind === 'repeatable') {
    // Environment variables carry several values separated by semicolons; headers may contain commas.
    const values = Array.isArray(raw) ? raw : String(raw).split(';');
    return values.map((value) => value.trim()).filter((value) => value !== '');
  }
  const text = Array.isArray(raw) ? raw[raw.length - 1] : String(raw);
  switch (spec.kind) {
    case 'date':
      if (parseIsoDay(text) === null) throw invalid(spec, source, text, 'CLI_INVALID_DATE_VALUE');
      return text.trim();
    case 'int': {
      const value = Number(text);
      const min = spec.min ?? 0;
      const inRange = Number.isSafeInteger(value) && value >= min && (spec.max === undefined || value <= spec.max);
      if (!/^\s*\d+\s*$/.test(text) || !inRange) {
        if (spec.max !== undefined) throw invalid(spec, source, text, 'CLI_INVALID_INT_RANGE_VALUE', { min, max: spec.max });
        throw invalid(spec, source, text, 'CLI_INVALID_INT_VALUE', { min });
      }
      return value;
    }
    case 'enum': {
      const choice = spec.acceptsRegion ? withoutRegion(text) : resolveAlias(spec, text);
      if (!spec.choices?.includes(choice)) throw invalid(spec, source, text, 'CLI_INVALID_ENUM_VALUE', { choices: choiceList(spec.choices ?? []) });
      return choice;
    }
    case 'list':
      return text.split(',').map((value) => value.trim()).filter((value) => value !== '');
    case 'threshold':
      parseThreshold(text, () => invalid(spec, source, text, 'CLI_INVALID_THRESHOLD_VALUE'));
      return text.trim().toUpperCase();
    default:
      if (text.trim() === '') throw invalid(spec, source, text, 'CLI_EMPTY_OPTION_VALUE');
      return text;
  }
}

/** Lists the values of an enum option, quoting a value such as the `,` of --delimiter that would blur the list. */
function choiceList(choices: readonly string[]): string {
  return choices.map((choice) => (choice.includes(',') ? `"${choice}"` : choice)).join(', ');
}

export type Threshold = { kind: 'grade'; grade: 'A' | 'B' | 'C' | 'D' } | { kind: 'risk'; risk: number };

/**
 * Parses --fail-on: a grade letter, a probability between 0 and 1, or a percentage between 0% and
 * 100% as the table shows risk (70% is 0.7).
 */
export function parseThreshold(text: string, onError: () => Error): Threshold {
  const trimmed = text.trim().toUpperCase();
  if (/^[ABCD]$/.test(trimmed)) return { kind: 'grade', grade: trimmed as 'A' | 'B' | 'C' | 'D' };
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  const risk = percent ? Number(percent[1]) / 100 : Number(trimmed);
  if (trimmed !== '' && Number.isFinite(risk) && risk >= 0 && risk <= 1) return { kind: 'risk', risk };
  throw onError();
}

/** Converts a config default (already validated by the config schema) to the option's value type. */
function fromConfig(spec: OptionSpec, value: unknown): OptionValue {
  if (spec.kind === 'threshold') return String(value).toUpperCase();
  if (spec.kind === 'enum' && spec.acceptsRegion && typeof value === 'string') return withoutRegion(value);
  return value as OptionValue;
}

/**
 * Resolves every option of a command. `flags` holds only the options given on the command line
 * (commander's defaults are not used, so a flag's absence is visible).
 */
export function resolveOptions(
  command: CommandName,
  flags: Record<string, string | string[] | boolean | undefined>,
  env: NodeJS.ProcessEnv,
  config: RiskpayConfig,
): ResolvedOptions {
  const values: ResolvedOptions['values'] = {};
  const sources: ResolvedOptions['sources'] = {};
  const notes: NonNullable<ResolvedOptions['notes']> = [];
  const configDefaults = (config.defaults ?? {}) as Record<string, unknown>;

  for (const spec of optionsFor(command)) {
    let value: OptionValue | undefined = spec.defaultValue;
    let source: OptionSource = 'default';
    if (configDefaults[spec.key] !== undefined) {
      value = fromConfig(spec, configDefaults[spec.key]);
      source = 'config';
    }
    const envText = spec.env ? env[spec.env] : undefined;
    const flag = flags[spec.key];
    // A flag overrides the variable, so a stale variable that a flag replaces is not read at all.
    if (envText !== undefined && envText !== '' && flag === undefined) {
      value = parseOptionText(spec, envText, 'environment');
      source = 'environment';
    }
    if (flag !== undefined) {
      value = parseOptionText(spec, flag, 'flag');
      source = 'flag';
    }
    // Only score has an HTML report, so a flag requesting it elsewhere is an error. A standing default
    // (environment or config file) is meant for score, so the other commands keep their table.
    if (spec.key === 'format' && value === 'html' && command !== 'score') {
      if (source === 'flag') throw invalid(spec, source, value, 'CLI_FORMAT_HTML_SCORE_ONLY', { command });
      // A note on stderr reports it, and the --out extension may still choose the format.
      notes.push({ code: 'STATUS_HTML_DEFAULT_IGNORED', args: { option: optionLabel(spec, source), command } });
      value = 'table';
      source = 'default';
    }
    values[spec.key] = value;
    sources[spec.key] = source;
  }
  const inferred = formatFromOut(command, { values, sources });
  if (inferred !== undefined) {
    values.format = inferred;
    sources.format = 'extension';
  } else {
    const problem = outExtensionError(command, { values, sources });
    if (problem) throw problem;
  }
  return { values, sources, notes };
}

/** Extension of a file that gets the text table: `.txt`, or none at all (`-o report`). */
const TABLE_EXTENSION = '.txt';

/** Output formats that an --out file extension names. */
const FORMAT_BY_EXTENSION: Readonly<Record<string, OutputFormat>> = { '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv', '.html': 'html' };

/**
 * Returns the extension of an --out file name as written (`.JSON` stays upper case). A dot-file whose
 * whole name is an extension that riskpay recognizes, such as `.json`, counts as that extension, although
 * extname() gives '' for it. Other dot-files (`.report`) have no extension.
 */
export function outExtension(file: string): string {
  const extension = extname(file);
  if (extension !== '') return extension;

  const name = basename(file);
  const lowerName = name.toLowerCase();
  return lowerName === TABLE_EXTENSION || FORMAT_BY_EXTENSION[lowerName] !== undefined ? name : '';
}

/**
 * Returns the error for an --out file whose extension names no format that this command and view
 * writes, when nothing set --format: an unknown extension (`.xlsx`, `.pdf`), or `.html` anywhere
 * but score by debtor. Writing the text table there would leave a file that its program cannot open,
 * and a user who asked for `out.xlsx` or `plan.html` expects that kind of file, so nothing is written.
 */
function outExtensionError(command: CommandName, resolved: ResolvedOptions): RiskpayError | null {
  const out = resolved.values.out;
  // train and schema write a model or a schema whatever the name, and have no --format at all.
  if (command === 'train' || command === 'schema') return null;
  if (resolved.sources.format !== 'default' || typeof out !== 'string' || out === '-') return null;
  const extension = outExtension(out);
  const format = FORMAT_BY_EXTENSION[extension.toLowerCase()];
  const writesHtml = writesHtmlReport(command, resolved);
  if (extension === '' || extension === '.' || extension.toLowerCase() === TABLE_EXTENSION) return null;
  if (format !== undefined && (format !== 'html' || writesHtml)) return null;

  const extensions = new Map<OutputFormat, string[]>();
  for (const [known, knownFormat] of Object.entries(FORMAT_BY_EXTENSION)) {
    if (knownFormat !== 'html' || writesHtml) extensions.set(knownFormat, [...(extensions.get(knownFormat) ?? []), known]);
  }
  const formats = [...extensions].map(([known, names]) => `${known} (${names.join(', ')})`).join(', ');
  const view = command === 'score' && !writesHtml ? 'score --by invoice' : command;
  const code = format === 'html' ? 'CLI_OUT_HTML_SCORE_ONLY' : 'CLI_OUT_EXTENSION_UNKNOWN';
  return new RiskpayError(code, { file: out, extension, command: view, formats });
}

/** True for the one view with an HTML report: score by debtor. */
function writesHtmlReport(command: CommandName, resolved: ResolvedOptions): boolean {
  return command === 'score' && resolved.values.by !== 'invoice';
}

/**
 * Returns the format that the --out file's extension names when no flag, environment variable or
 * config file set --format, or undefined to keep the default. HTML is inferred only where it can be
 * written: for score by debtor. An .html file elsewhere stops the run in outExtensionError.
 */
function formatFromOut(command: CommandName, resolved: ResolvedOptions): OutputFormat | undefined {
  const out = resolved.values.out;
  if (resolved.sources.format !== 'default' || typeof out !== 'string' || out === '-') return undefined;
  const format = FORMAT_BY_EXTENSION[outExtension(out).toLowerCase()];
  if (format === 'html' && !writesHtmlReport(command, resolved)) return undefined;
  return format;
}
