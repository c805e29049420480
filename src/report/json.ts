// JSON output: one document, pretty-printed, keys in stable English.

import { LazyRows } from './lazy-rows.js';

export function renderJson(document: unknown): string {
  return JSON.stringify(document, null, 2) + '\n';
}

/** Size of the strings renderJsonChunks yields, so a writer makes few calls without one huge string. */
const CHUNK_CHARS = 64 * 1024;

/** Returns `JSON.stringify(value, null, 2)` with every line after the first indented by `indent` more spaces. */
function stringifyIndented(value: unknown, indent: string): string {
  // JSON escapes newlines inside strings, so every "\n" in the text is a line break of the layout.
  return JSON.stringify(value, null, 2).replaceAll('\n', '\n' + indent);
}

/**
 * Array elements stringified in one call. 32 debtor rows of a score make about 85 KB of text, below the
 * size (about 128 KB, measured) from which V8 puts a string in its large-object space. The score JSON of
 * the 1M-invoice benchmark then took about 0.1 s less to render and write than with groups of 256, and
 * groups of 16 and 64 were in between (measured).
 */
const GROUP_ELEMENTS = 32;
const WRAPPER_OPEN = '{\n  "k": [\n';
const WRAPPER_CLOSE = '\n  ]\n}';

/**
 * Returns the elements as JSON.stringify(document, null, 2) writes them inside a top-level array,
 * joined by ",\n". Stringifying them inside a one-key wrapper object puts them at that depth already,
 * so no line needs indenting afterwards.
 */
function elementsText(elements: unknown[]): string {
  const text = JSON.stringify({ k: elements }, null, 2);
  return text.slice(WRAPPER_OPEN.length, text.length - WRAPPER_CLOSE.length);
}

/**
 * Yields the same text as renderJson(document) in pieces of about CHUNK_CHARS, rendering the
 * top-level arrays a group of elements at a time, so a large report never exists as one string. The document
 * must be a plain object (no toJSON methods or replacer-visible getters at the top level). A top-level
 * LazyRows value is written as the array of its rows, and its rows are made one group at a time.
 */
export function* renderJsonChunks(document: Record<string, unknown>): Generator<string> {
  let buffer = '{';
  let first = true;

  for (const [key, value] of Object.entries(document)) {
    // JSON.stringify leaves out these values in an object.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    buffer += (first ? '\n' : ',\n') + '  ' + JSON.stringify(key) + ': ';
    first = false;

    const lazy = value instanceof LazyRows;
    if (!(lazy || Array.isArray(value)) || value.length === 0) {
      buffer += stringifyIndented(lazy ? [] : value, '  ');
      continue;
    }

    buffer += '[\n';
    for (let start = 0; start < value.length; start += GROUP_ELEMENTS) {
      if (start > 0) buffer += ',\n';
      const group = lazy ? value.rows(start, start + GROUP_ELEMENTS) : value.slice(start, start + GROUP_ELEMENTS);
      buffer += elementsText(group);
      if (buffer.length >= CHUNK_CHARS) {
        yield buffer;
        buffer = '';
      }
    }
    buffer += '\n  ]';
  }

  // An empty object is "{}" in JSON.stringify's output.
  buffer += first ? '}\n' : '\n}\n';
  yield buffer;
}
