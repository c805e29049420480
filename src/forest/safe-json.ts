// JSON parsing for files a user hands us (model files). JSON.parse never runs code, but a parsed
// object with a "__proto__" or "constructor" key can pollute prototypes once code merges or spreads
// it, and deep nesting or huge text can exhaust memory or the stack of later recursive code. This
// parser rejects all three before the caller sees the value.

import { RiskpayError } from '../findings.js';

export interface JsonLimits {
  /** Longest accepted text in UTF-16 code units; default 512 Mi. */
  maxLength?: number;
  /** Deepest accepted nesting of arrays and objects; default 64. */
  maxDepth?: number;
}

export const DEFAULT_JSON_LIMITS: Required<JsonLimits> = { maxLength: 512 * 1024 * 1024, maxDepth: 64 };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Returns the deepest nesting of brackets outside strings, stopping early above `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return deepest;
}

/** Throws JSON_FORBIDDEN_KEY for the first object key that could reach a prototype. */
function checkKeys(root: unknown): void {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '$' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) stack.push({ value: item, path: `${path}[${i}]` });
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) throw new RiskpayError('JSON_FORBIDDEN_KEY', { key, path });
        const item: unknown = (value as Record<string, unknown>)[key];
        if (typeof item === 'object' && item !== null) stack.push({ value: item, path: `${path}.${key}` });
      }
    }
  }
}

/** Characters of a non-JSON file's start that JSON_NOT_JSON quotes. */
const START_SHOWN = 20;

/**
 * Returns the error for text that JSON.parse rejected, without the engine's own wording. It is
 * JSON_EMPTY for blank text, JSON_NOT_JSON when the text does not start like JSON and JSON_TRUNCATED
 * when it ends too early. Otherwise it is JSON_SYNTAX with the line and column of the first character
 * that no JSON can have.
 */
function syntaxError(text: string): RiskpayError {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start !== '' && !/^[[{"0-9tfn-]/.test(start)) {
    return new RiskpayError('JSON_NOT_JSON', { start: start.slice(0, START_SHOWN).split(/\r?\n/)[0] });
  }
  if (start === '') return new RiskpayError('JSON_EMPTY', {});
  if (isJsonPrefix(text)) return new RiskpayError('JSON_TRUNCATED', {});

  // Every prefix of a valid prefix is one too, so the first bad character is found by bisection: the
  // engine names no position for some errors ("Unexpected token"), and its wording differs by version.
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (isJsonPrefix(text.slice(0, middle))) good = middle;
    else bad = middle;
  }
  const before = text.slice(0, bad - 1);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return new RiskpayError('JSON_SYNTAX', { line, column });
}

/** True when `text` is JSON or the start of some JSON text: its only fault is ending too early. */
function isJsonPrefix(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch (error) {
    const engineMessage = (error as Error).message;
    if (/end of JSON/i.test(engineMessage)) return true;
    const position = /at position (\d+)/.exec(engineMessage);
    return position !== null && Number(position[1]) >= text.length;
  }
}

/**
 * Parses JSON text within size and depth limits and rejects the keys __proto__, constructor and
 * prototype anywhere in it. Throws RiskpayError JSON_TOO_LARGE, JSON_TOO_DEEP, JSON_NOT_JSON,
 * JSON_EMPTY, JSON_TRUNCATED, JSON_SYNTAX or JSON_FORBIDDEN_KEY.
 */
export function parseJsonSafely(text: string, limits: JsonLimits = {}): unknown {
  const maxLength = limits.maxLength ?? DEFAULT_JSON_LIMITS.maxLength;
  const maxDepth = limits.maxDepth ?? DEFAULT_JSON_LIMITS.maxDepth;

  if (text.length > maxLength) {
    throw new RiskpayError('JSON_TOO_LARGE', { length: text.length, limit: maxLength });
  }
  if (nestingDepth(text, maxDepth) > maxDepth) {
    throw new RiskpayError('JSON_TOO_DEEP', { limit: maxDepth });
  }

  // A byte order mark is not JSON, but editors on Windows add one; the text after it is what counts.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw syntaxError(body);
  }
  checkKeys(value);
  return value;
}
