// Turns a zod issue from the config schema into a finding that names the key, the value found and
// the values accepted there. The accepted values are read from the schema itself (type, whole number,
// bounds, choices), so every key gets the same kind of message in every output language.

import type { z } from 'zod';
import { globalRegistry } from 'zod';
import { finding, type Finding } from '../findings.js';
import { configSchema } from './schema.js';

/** The part of a zod schema definition this module reads. */
interface SchemaDef {
  type: string;
  innerType?: ZodLike;
  in?: ZodLike;
  shape?: Record<string, ZodLike>;
  valueType?: ZodLike;
  keyType?: ZodLike;
  element?: ZodLike;
  entries?: Record<string, string>;
  checks?: { _zod: { def: CheckDef } }[];
}

interface CheckDef {
  check: string;
  format?: string;
  value?: number;
  inclusive?: boolean;
}

interface ZodLike {
  _zod: { def: SchemaDef };
}

/** Wrappers that change what happens to a missing value but not which values are valid. */
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly']);

/**
 * Metadata a config schema attaches with `.meta()` where its checks alone cannot describe the valid
 * values, such as a date check: `expected` is an EXPECTED_* message code, `choices` fills `{choices}`.
 */
export interface ExpectedMeta {
  expected: string;
  choices?: readonly string[];
}

function metaOf(schema: ZodLike): ExpectedMeta | undefined {
  const meta = globalRegistry.get(schema as unknown as z.ZodType) as Partial<ExpectedMeta> | undefined;
  return typeof meta?.expected === 'string' ? (meta as ExpectedMeta) : undefined;
}

/** Returns the schema that validates the value at `path`, wrappers included, or undefined when the path leaves the schema. */
export function schemaAt(path: readonly PropertyKey[]): ZodLike | undefined {
  let schema: ZodLike | undefined = configSchema as unknown as ZodLike;
  for (const key of path) {
    const def: SchemaDef = innerSchema(schema)._zod.def;
    if (def.type === 'object') schema = def.shape?.[String(key)];
    else if (def.type === 'record') schema = def.valueType;
    else if (def.type === 'array') schema = def.element;
    else return undefined;
    if (schema === undefined) return undefined;
  }
  return schema;
}

/** Strips optional, default and similar wrappers, and the transform of a pipe, down to the schema that checks the value. */
function innerSchema(schema: ZodLike): ZodLike {
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    if (metaOf(current)) return current;
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** True when the key at `path` may be left out: it is optional or has a default, or it is one entry of a map such as `columns`. */
function isRemovable(path: readonly PropertyKey[], schema: ZodLike): boolean {
  const type = schema._zod.def.type;
  if (WRAPPERS.has(type) && type !== 'nullable') return true;
  const parent = path.length > 0 ? schemaAt(path.slice(0, -1)) : undefined;
  return parent !== undefined && innerSchema(parent)._zod.def.type === 'record';
}

/** Writes choices as they appear in JSON: `"table", "json", "csv"`. */
function jsonChoices(choices: readonly string[]): string {
  return choices.map((choice) => JSON.stringify(choice)).join(', ');
}

/** Returns the EXPECTED_* message code and its arguments that describe what `schema` accepts. */
export function describeExpected(schema: ZodLike): { expected: string; [name: string]: string } {
  const inner = innerSchema(schema);
  const meta = metaOf(inner);
  if (meta) return { expected: meta.expected, choices: jsonChoices(meta.choices ?? []) };
  const def = inner._zod.def;
  switch (def.type) {
    case 'number':
      return describeNumber(def.checks?.map((check) => check._zod.def) ?? []);
    case 'string':
      return { expected: def.checks?.some((check) => check._zod.def.check === 'min_length') ? 'EXPECTED_TEXT_NOT_EMPTY' : 'EXPECTED_TEXT' };
    case 'boolean':
      return { expected: 'EXPECTED_BOOLEAN' };
    case 'enum':
      return { expected: 'EXPECTED_ONE_OF', choices: jsonChoices(Object.values(def.entries ?? {})) };
    case 'array':
      return innerSchema(def.element!)._zod.def.type === 'string' ? { expected: 'EXPECTED_TEXT_LIST' } : { expected: 'EXPECTED_LIST' };
    case 'object':
      return { expected: 'EXPECTED_OBJECT', keys: Object.keys(def.shape ?? {}).filter((key) => key !== '$schema').join(', ') };
    case 'record': {
      const keys = def.keyType ? innerSchema(def.keyType)._zod.def.entries : undefined;
      return keys ? { expected: 'EXPECTED_OBJECT', keys: Object.values(keys).join(', ') } : { expected: 'EXPECTED_MAP' };
    }
    default:
      return { expected: 'EXPECTED_VALID' };
  }
}

/** Describes a number schema from its checks: whole or not, and its lower and upper bounds. */
function describeNumber(checks: readonly CheckDef[]): { expected: string; [name: string]: string } {
  const whole = checks.some((check) => check.check === 'number_format' && (check.format === 'safeint' || check.format === 'int32'));
  const lower = checks.find((check) => check.check === 'greater_than');
  const upper = checks.find((check) => check.check === 'less_than');
  const min = String(lower?.value);
  const max = String(upper?.value);
  const kind = whole ? 'WHOLE' : 'NUMBER';
  if (lower && upper) return { expected: `EXPECTED_${kind}_RANGE`, min, max };
  if (lower && !lower.inclusive) return { expected: 'EXPECTED_NUMBER_ABOVE', min };
  if (lower) return { expected: `EXPECTED_${kind}_MIN`, min };
  return { expected: `EXPECTED_${kind}` };
}

/** Returns the value at `path` in the parsed JSON, or undefined when it is absent. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Maximum length of a value quoted in a message; a longer one is cut and ends with an ellipsis. */
const MAX_QUOTED_VALUE = 40;

/** Writes a value as it appears in the JSON file, shortened when long. */
export function quoteValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_QUOTED_VALUE ? `${text.slice(0, MAX_QUOTED_VALUE - 1)}…` : text;
}

/**
 * Returns the finding for one issue of a value of the wrong type or out of range, or null when the
 * schema at the issue's path cannot be described (the caller then falls back to zod's own text).
 */
export function valueFinding(issue: z.core.$ZodIssue, data: unknown, file: string, jsonPath: string): Finding | null {
  const schema = schemaAt(issue.path);
  if (schema === undefined) return null;
  // A custom check on a described value (a date, a choice with aliases) is a value error. Other custom
  // checks are rules between several keys, such as the order of the grade cuts, and have their own text.
  if (issue.code === 'custom' && !metaOf(innerSchema(schema))) return null;
  const expected = describeExpected(schema);
  if (expected.expected === 'EXPECTED_VALID') return null;
  const value = valueAt(data, issue.path);
  if (value === undefined) return finding('CLI_CONFIG_MISSING_VALUE', 'error', { file, jsonPath, ...expected });
  const code = isRemovable(issue.path, schema) ? 'CLI_CONFIG_INVALID_VALUE' : 'CLI_CONFIG_INVALID_VALUE_REQUIRED';
  return finding(code, 'error', { file, jsonPath, value: quoteValue(value), ...expected });
}

/**
 * Returns the finding for a broken rule between keys, such as grade cuts out of order: a custom issue
 * whose `params.code` names its catalog message and whose other params fill it. Returns null for any
 * other issue.
 */
export function ruleFinding(issue: z.core.$ZodIssue, file: string, jsonPath: string): Finding | null {
  if (issue.code !== 'custom') return null;
  const { code, ...values } = (issue.params ?? {}) as Record<string, unknown>;
  if (typeof code !== 'string') return null;
  const args: Record<string, string | number> = { file, jsonPath };
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number') args[name] = value;
  }
  return finding(code, 'error', args);
}
