// Quoting for values that a message suggests as part of a command line, such as the folder in
// `mkdir -p FOLDER` or the header in `--map lineTotal=HEADER`, so that a pasted hint runs as shown.

/** Characters that need no quoting in a POSIX shell word. */
const PLAIN_WORD = /^[A-Za-z0-9_./-]+$/;

/**
 * Quotes text as one POSIX shell word: unchanged when it has only letters A-Z, digits and `_./-`,
 * else in single quotes, with each single quote inside written as `'\''`. Empty text becomes `''`.
 */
export function shellQuote(text: string): string {
  if (PLAIN_WORD.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
