// Reads and validates riskpay.config.json (or --config FILE). Every problem becomes one finding that
// names the file, the JSON path and what is wrong, so the user can fix them all in one pass.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { finding, RiskpayError, type Finding } from '../findings.js';
import type { Lang } from '../i18n/catalog-type.js';
import { editDistance } from '../cli/suggest.js';
import { ruleFinding, valueFinding } from './issues.js';
import { findDuplicateKey } from './duplicate-keys.js';
import { jsonSyntaxError } from './json-syntax.js';
import { configSchema, type RiskpayConfig } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'riskpay.config.json';

/** Thrown when the config file has problems; carries one finding per problem. */
export class ConfigError extends RiskpayError {
  readonly problems: Finding[];

  constructor(file: string, problems: Finding[]) {
    super('CLI_CONFIG_INVALID_SUMMARY', { file, count: problems.length });
    this.problems = problems;
  }
}

/** Formats a zod issue path as a JSON path: `$.defaults.top`, `$.columns["Due date"]`, `$.flags[0]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let text = '$';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}

function localeErrorMap(lang: Lang) {
  return lang === 'sv' ? z.locales.sv().localeError : z.locales.en().localeError;
}

/** Validates parsed JSON against the config schema; throws ConfigError listing every problem. */
export function validateConfig(data: unknown, file: string, lang: Lang): RiskpayConfig {
  const result = configSchema.safeParse(data, { error: localeErrorMap(lang) });
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return unknownKeyFindings(file, issue.path, issue.keys);
    const path = jsonPath(issue.path);
    return [ruleFinding(issue, file, path) ?? valueFinding(issue, data, file, path) ?? finding('CLI_CONFIG_INVALID', 'error', { file, jsonPath: path, problem: issue.message })];
  });
  throw new ConfigError(file, problems);
}

/**
 * Returns the keys the config schema accepts at `path`: an object's keys, or the choices of a map with
 * a fixed set of keys such as `columns`. Returns [] where it accepts any key or none.
 */
export function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: unknown = configSchema;
  for (let step = 0; step <= path.length; step += 1) {
    // Optional, default and nullable wrappers contain the schema that defines the keys.
    let def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
    while (def.innerType) def = (def.innerType as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (step === path.length && def.type === 'record') return recordKeys(def);
    if (step === path.length) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    const key = path[step];
    if (def.type === 'object') schema = (def.shape as Record<string, unknown>)[String(key)];
    else if (def.type === 'record') schema = def.valueType;
    else if (def.type === 'array') schema = def.element;
    else return [];
    if (schema === undefined) return [];
  }
  return [];
}

/** Returns the keys of a map whose keys are an enum, such as the ledger fields of `columns`, or [] for any other map. */
function recordKeys(def: Record<string, unknown>): string[] {
  const keyDef = (def.keyType as { _zod: { def: { type: string; entries?: Record<string, string> } } } | undefined)?._zod.def;
  return keyDef?.type === 'enum' && keyDef.entries ? Object.values(keyDef.entries) : [];
}

/**
 * Returns the accepted key that `key` looks like a typo of: at most 2 edits, and fewer than half its
 * letters. Failing that, returns an accepted key that `key` extends or shortens by whole words, such as
 * `oldestOverdue` for `oldestOverdueDays` or `lateAfter` for `lateAfterDays`.
 */
function closestKey(key: string, known: readonly string[]): string | undefined {
  const typo = known.find((candidate) => {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    return distance <= 2 && distance < key.length / 2;
  });
  return typo ?? known.find((candidate) => extendsByWords(key, candidate) || extendsByWords(candidate, key));
}

/** Shortest key that counts as the stem of a longer one, so `to` does not match `top` or `total`. */
const MIN_STEM_LENGTH = 4;

/** True when `long` is `short` followed by whole words: `oldestOverdueDays` and `oldestOverdue`, `late_after` and `late`. */
function extendsByWords(long: string, short: string): boolean {
  if (short.length < MIN_STEM_LENGTH || long.length <= short.length) return false;
  if (!long.toLowerCase().startsWith(short.toLowerCase())) return false;
  // The rest starts a new word: a capital letter (camelCase), an underscore or a hyphen.
  return /^[A-Z_-]/.test(long.slice(short.length));
}

/** Returns one finding per unknown key, with the keys accepted there and the closest one when it looks like a typo. */
function unknownKeyFindings(file: string, path: readonly PropertyKey[], keys: readonly string[]): Finding[] {
  const known = knownKeysAt(path).filter((key) => key !== '$schema');
  // At the top level the path would be a bare "$", so those messages read "at the top level" instead.
  const code = path.length === 0 ? 'CLI_CONFIG_UNKNOWN_KEY_TOP' : 'CLI_CONFIG_UNKNOWN_KEY';
  return keys.map((key) => {
    const args = { file, jsonPath: jsonPath(path), key: JSON.stringify(key), known: known.join(', ') };
    // An option default at the top level, such as "asOf", belongs under "defaults".
    const optionKey = path.length === 0 ? closestKey(key, knownKeysAt(['defaults'])) : undefined;
    const guess = closestKey(key, known) ?? (optionKey === undefined ? undefined : `defaults.${optionKey}`);
    return guess === undefined ? finding(code, 'error', args) : finding(`${code}_GUESS`, 'error', { ...args, guess });
  });
}

export interface LoadedConfig {
  config: RiskpayConfig;
  /** The file read, or null when none was given and riskpay.config.json does not exist. */
  file: string | null;
}

/**
 * Loads the config: `explicitFile` must exist; otherwise riskpay.config.json in `cwd` is read when
 * present. No file gives an empty config. `source` names where `explicitFile` was given (`--config` or
 * `RISKPAY_CONFIG`), for the error when it does not exist.
 */
export function loadConfig(explicitFile: string | undefined, cwd: string, lang: Lang, source = '--config'): LoadedConfig {
  const file = explicitFile ?? DEFAULT_CONFIG_FILE;
  const fullPath = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(fullPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && explicitFile === undefined) return { config: {}, file: null };
    if (code === 'ENOENT') throw new RiskpayError('CLI_CONFIG_NOT_FOUND', { file, option: source });
    // The system error code (EISDIR, EACCES) is put into words in the output language when the message is shown.
    if (code !== undefined) throw new RiskpayError('CLI_CONFIG_READ_FAILED', { file, reason: code });
    throw new RiskpayError('CLI_FILE_READ_FAILED', { file, detail: (error as Error).message });
  }
  const json = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw jsonSyntaxError(file, json, error as SyntaxError);
  }
  const duplicate = findDuplicateKey(json);
  if (duplicate !== null) throw new RiskpayError('CLI_CONFIG_DUPLICATE_KEY', { file, ...duplicate });
  return { config: validateConfig(data, file, lang), file };
}
