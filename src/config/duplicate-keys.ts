// Finds a key written twice in one object of a config file. JSON.parse keeps the last value without a
// word, so a setting written twice would silently lose the first one.

/** A key written twice: its name, the JSON path of its object, and the lines of both. */
export interface DuplicateKey {
  key: string;
  path: string;
  line: number;
  firstLine: number;
}

interface Frame {
  /** Keys of an object with the line each first appears on, or null for an array. */
  keys: Map<string, number> | null;
  path: string;
  /** The next string in this object is a key (after `{` or `,`). */
  expectKey: boolean;
  /** The last key read, which names the value that follows it. */
  lastKey: string;
  /** Elements so far, for an array. */
  index: number;
}

/** Returns the JSON path of a member: `$.defaults`, `$.columns["Due date"]`. */
function memberPath(parent: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** Returns the first key that appears twice in one object of `text`, which must be valid JSON, or null. */
export function findDuplicateKey(text: string): DuplicateKey | null {
  const stack: Frame[] = [];
  let line = 1;

  const childPath = (): string => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) return '$';
    return parent.keys === null ? `${parent.path}[${parent.index}]` : memberPath(parent.path, parent.lastKey);
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      line++;
    } else if (char === '{' || char === '[') {
      stack.push({ keys: char === '{' ? new Map() : null, path: childPath(), expectKey: char === '{', lastKey: '', index: 0 });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      const frame = stack[stack.length - 1];
      if (frame.keys === null) frame.index++;
      else frame.expectKey = true;
    } else if (char === '"') {
      // The string ends at the first quote that no backslash escapes; valid JSON has no raw line breaks in it.
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const frame = stack[stack.length - 1];
      if (frame !== undefined && frame.keys !== null && frame.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const firstLine = frame.keys.get(key);
        if (firstLine !== undefined) return { key, path: frame.path, line, firstLine };
        frame.keys.set(key, line);
        frame.lastKey = key;
        frame.expectKey = false;
      }
      i = end;
    }
  }
  return null;
}
