// JSON output: one document, pretty-printed, keys in stable English.

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
 * Yields the same text as renderJson(document) in pieces of about CHUNK_CHARS, rendering the
 * top-level arrays element by element, so a large report never exists as one string. The document
 * must be a plain object (no toJSON methods or replacer-visible getters at the top level).
 */
export function* renderJsonChunks(document: Record<string, unknown>): Generator<string> {
  let buffer = '{';
  let first = true;

  for (const [key, value] of Object.entries(document)) {
    // JSON.stringify leaves out these values in an object.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    buffer += (first ? '\n' : ',\n') + '  ' + JSON.stringify(key) + ': ';
    first = false;

    if (!Array.isArray(value) || value.length === 0) {
      buffer += stringifyIndented(value, '  ');
      continue;
    }

    buffer += '[';
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      // JSON.stringify writes null for these values in an array.
      const written = element === undefined || typeof element === 'function' || typeof element === 'symbol' ? null : element;
      buffer += (i === 0 ? '\n' : ',\n') + '    ' + stringifyIndented(written, '    ');
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
