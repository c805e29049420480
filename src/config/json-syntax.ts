// Turns a JSON.parse error into an error message in the output language. V8 writes its syntax errors in
// English ("Expected double-quoted property name in JSON at position 44"), so the common ones are
// mapped to catalog texts, and the position becomes a line and a column. Other V8 texts are kept
// whole, in brackets.

import { RiskpayError } from '../findings.js';

/** V8 error texts, as checked on Node 20, and the JSON_SYNTAX_* message for each; `token` captures the character. */
const SYNTAX_MESSAGES: readonly [RegExp, string][] = [
  [/^Expected double-quoted property name/, 'JSON_SYNTAX_TRAILING_COMMA'],
  [/^Expected property name or '}'/, 'JSON_SYNTAX_KEY'],
  [/^Expected ',' or '}' after property value/, 'JSON_SYNTAX_AFTER_VALUE'],
  [/^Expected ',' or ']' after array element/, 'JSON_SYNTAX_AFTER_ELEMENT'],
  [/^Expected ':' after property name/, 'JSON_SYNTAX_COLON'],
  [/^Unterminated string/, 'JSON_SYNTAX_UNTERMINATED_STRING'],
  [/^Unexpected end of JSON input/, 'JSON_SYNTAX_END'],
  [/^Unexpected non-whitespace character after JSON/, 'JSON_SYNTAX_AFTER_END'],
  [/^Unexpected token '(?<token>.+?)', /, 'JSON_SYNTAX_TOKEN'],
];

/** Returns the line and column (both from 1) of a character offset in `text`. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  return { line: before.split('\n').length, column: position - before.lastIndexOf('\n') };
}

/** Returns the error for a config file that JSON.parse rejected; `text` is the file as parsed, without a BOM. */
export function jsonSyntaxError(file: string, text: string, error: SyntaxError): RiskpayError {
  if (text.trim() === '') return new RiskpayError('CLI_CONFIG_EMPTY', { file });
  const args: Record<string, string | number> = { file, syntax: 'JSON_SYNTAX_OTHER', detail: error.message };
  for (const [pattern, code] of SYNTAX_MESSAGES) {
    const match = pattern.exec(error.message);
    if (!match) continue;
    args.syntax = code;
    if (match.groups?.token !== undefined) args.token = JSON.stringify(match.groups.token);
    break;
  }
  const position = /at position (\d+)/.exec(error.message);
  if (position === null) return new RiskpayError('CLI_CONFIG_INVALID_JSON', args);
  // The bracketed detail loses the position, which the message gives as a line and column.
  args.detail = error.message.replace(/ in JSON at position \d+.*$/, '');
  return new RiskpayError('CLI_CONFIG_INVALID_JSON_AT', { ...args, ...lineAndColumn(text, Number(position[1])) });
}
