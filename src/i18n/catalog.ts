// The merged message catalog of all areas, and the functions that turn codes into text.

import type { Finding } from '../findings.js';
import { formatMoney } from '../report/format.js';
import type { Catalog, Lang } from './catalog-type.js';
import { cliMessages } from './messages/cli.js';
import { forestMessages } from './messages/forest.js';
import { ingestMessages } from './messages/ingest.js';
import { modelMessages } from './messages/model.js';
import { scoringMessages } from './messages/scoring.js';

/** Fails to compile when a catalog's Swedish half lacks a key of its English half. */
function complete<En extends Record<string, string>>(catalog: { en: En; sv: Record<keyof En, string> }): Catalog<string> {
  return catalog as Catalog<string>;
}

/** Every area's catalog; a code must be unique across them (a test checks this). */
export const CATALOGS: Record<string, Catalog<string>> = {
  cli: complete(cliMessages),
  forest: complete(forestMessages),
  ingest: complete(ingestMessages),
  model: complete(modelMessages),
  scoring: complete(scoringMessages),
};

type Texts = Record<string, string>;

function mergeCatalogs(lang: Lang): Texts {
  const merged: Texts = {};
  for (const catalog of Object.values(CATALOGS)) Object.assign(merged, catalog[lang]);
  return merged;
}

const MERGED: Record<Lang, Texts> = { en: mergeCatalogs('en'), sv: mergeCatalogs('sv') };

export function hasMessage(code: string): boolean {
  return code in MERGED.en;
}

/**
 * Formats one placeholder value. Integers stay as they are (ids, years, line numbers). Fractions get
 * the language's decimal sign: from 1 up, at most 2 decimals with digit grouping (149 895,62), and
 * below 1 at most 4 decimals (shares and rates). Grouping uses no-break spaces, so a table never wraps
 * an amount in the middle.
 */
function formatArg(value: string | number, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  const large = Math.abs(value) >= 1;
  return numberFormat(lang, large).format(value).replace('\u2212', '-');
}

// Building an Intl.NumberFormat costs far more than formatting with one, and a score of many debtors
// formats hundreds of thousands of values, so each of the four formatters is built once. They are kept
// by language and size, because a text key would be a new string on every call.
const NUMBER_FORMATS: Record<Lang, { small?: Intl.NumberFormat; large?: Intl.NumberFormat }> = { en: {}, sv: {} };

function numberFormat(lang: Lang, large: boolean): Intl.NumberFormat {
  const formats = NUMBER_FORMATS[lang === 'sv' ? 'sv' : 'en'];
  const size = large ? 'large' : 'small';
  let format = formats[size];
  if (format === undefined) {
    format = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: large ? 2 : 4, useGrouping: large });
    formats[size] = format;
  }
  return format;
}

/** A piece of a message text: literal text, a `{name}` placeholder, or an amount written as `{name} {currency}`. */
type TemplatePart = string | { name: string; money: boolean };

// A score of many debtors fills the same few texts hundreds of thousands of times, so each text is
// split into parts once.
const TEMPLATES = new Map<string, TemplatePart[]>();

/** An ordinary space between a number or a placeholder and `%`, as Swedish writes "90,9 %". */
const SPACE_BEFORE_PERCENT = /(?<=[\d}]) %/g;

function templateParts(text: string): TemplatePart[] {
  let parts = TEMPLATES.get(text);
  if (parts !== undefined) return parts;
  parts = [];
  let at = 0;
  // A no-break space keeps a percentage on one line when a table wraps the text. Only the catalog
  // text changes, so values from the input (file names, customer names) stay as written.
  const source = text.replace(SPACE_BEFORE_PERCENT, '\u00a0%');
  // The money form is tried first at each position, because `{amount} {currency}` is one value.
  for (const match of source.matchAll(/\{(\w+)\} \{currency\}|\{(\w+)\}/g)) {
    if (match.index > at) parts.push(source.slice(at, match.index));
    parts.push(match[1] !== undefined ? { name: match[1], money: true } : { name: match[2], money: false });
    at = match.index + match[0].length;
  }
  if (at < source.length) parts.push(source.slice(at));
  // Message texts come from the catalogs, so the cache stays small. The cap guards other callers.
  if (TEMPLATES.size < 10_000) TEMPLATES.set(text, parts);
  return parts;
}

function placeholderValue(name: string, args: Record<string, string | number>, lang: Lang): string {
  return name in args ? formatArg(args[name], lang) : `{${name}}`;
}

/**
 * Fills `{name}` placeholders; a placeholder without a value stays as written so the gap is visible.
 * An amount written as `{amount} {currency}` is formatted as money, the way the tables show it
 * (`149 895,62 SEK`, `SEK 149,895.62`).
 */
export function fillPlaceholders(text: string, args: Record<string, string | number>, lang: Lang): string {
  let result = '';
  for (const part of templateParts(text)) {
    if (typeof part === 'string') {
      result += part;
      continue;
    }
    const amount = args[part.name];
    const currency = args.currency;
    if (part.money && typeof amount === 'number' && typeof currency === 'string') result += formatMoney(amount, currency, lang);
    else if (part.money) result += placeholderValue(part.name, args, lang) + ' ' + placeholderValue('currency', args, lang);
    else result += placeholderValue(part.name, args, lang);
  }
  return result;
}

/** Arguments that choose the singular form: a code `X` may have a variant `X_ONE` used when this count is 1. */
const COUNT_ARGS = ['count', 'files', 'settledCount', 'fields'];

/**
 * Picks the variant `CODE_NONE` for a count of 0 or `CODE_ONE` for a count of 1 when the language
 * has it, so texts never read "invoices so far: 0" or "1 days".
 */
function pluralCode(texts: Texts, code: string, args: Record<string, string | number>): string {
  // A loop, not map and find: a score document fills hundreds of thousands of messages.
  let count: string | number | undefined;
  for (const name of COUNT_ARGS) {
    count = args[name];
    if (count !== undefined) break;
  }
  if (count === undefined) return code;
  const variant = Number(count) === 0 ? `${code}_NONE` : Number(count) === 1 ? `${code}_ONE` : null;
  return variant !== null && variant in texts ? variant : code;
}

/**
 * Picks the variant `CODE_FROM_EARLY` when `earlierDaysLate` is negative, or `CODE_BOTH_EARLY` when
 * `recentDaysLate` is too, so a trend from early payments reads "2 days early", not "-2 days". The
 * variants read `earlierDaysEarly` and `recentDaysEarly`, the same days as positive numbers.
 */
function signedDaysVariant(texts: Texts, code: string, args: Record<string, string | number>): { code: string; args: Record<string, string | number> } {
  const { recentDaysLate, earlierDaysLate } = args;
  if (typeof recentDaysLate !== 'number' || typeof earlierDaysLate !== 'number' || earlierDaysLate >= 0) return { code, args };
  const variant = recentDaysLate < 0 ? `${code}_BOTH_EARLY` : `${code}_FROM_EARLY`;
  if (!(variant in texts)) return { code, args };
  return { code: variant, args: { ...args, recentDaysEarly: -recentDaysLate, earlierDaysEarly: -earlierDaysLate } };
}

/**
 * Per language: the pattern of a whole 1 (not 21, 0.1 or 0,1) before the plural word for days, its
 * singular, and the text the pattern needs, which is checked first because most messages lack it.
 */
const ONE_DAYS: Record<Lang, [RegExp, string, string]> = {
  en: [/(?<![\d.,])1 days\b/g, '1 day', '1 days'],
  sv: [/(?<![\d.,])1 dagar\b/g, '1 dag', '1 dagar'],
};

/**
 * Replaces a system error code in a `reason` argument (ENOENT, EACCES, ...) with words in the output
 * language and keeps the code after them for a search: "no such file or folder, ENOENT".
 */
function withSystemReason(lang: Lang, args: Record<string, string | number>): Record<string, string | number> {
  const reason = args.reason;
  if (typeof reason !== 'string' || !/^E[A-Z]+$/.test(reason)) return args;
  const words = MERGED[lang][`SYSTEM_${reason}`] ?? MERGED.en[`SYSTEM_${reason}`];
  return words === undefined ? args : { ...args, reason: `${words}, ${reason}` };
}

/** Arguments that may hold a message code, with the prefix such a code has. */
const NESTED_MESSAGE_ARGS: readonly [string, string][] = [
  ['expected', 'EXPECTED_'],
  ['syntax', 'JSON_SYNTAX_'],
  ['examples', 'INGEST_HEADER_EXAMPLES_'],
];

/**
 * Replaces an argument that contains a message code, such as `expected: 'EXPECTED_WHOLE_RANGE'`, with
 * that message in the output language, filled from the same arguments ("a whole number from 1 to 104").
 */
function withNestedMessages(lang: Lang, args: Record<string, string | number>): Record<string, string | number> {
  let result = args;
  for (const [name, prefix] of NESTED_MESSAGE_ARGS) {
    const code = args[name];
    if (typeof code !== 'string' || !code.startsWith(prefix)) continue;
    const text = MERGED[lang][code] ?? MERGED.en[code];
    if (text !== undefined) result = { ...result, [name]: fillPlaceholders(text, args, lang) };
  }
  return result;
}

/**
 * Codes whose `example` argument is made of `--map field=Header` options with the placeholder word
 * `Header` in place of a column name, never a header from the file.
 */
const MAP_PLACEHOLDER_CODES = new Set(['INGEST_COLUMN_MISSING', 'INGEST_COLUMNS_MISSING', 'INGEST_COLUMNS_MISSING_DUE_DATE']);

/**
 * Writes the placeholder word of a `--map` example in the output language (`--map dueDate=Rubrik` in
 * Swedish). Field names stay in English, because --map accepts only the English names.
 */
function withMapPlaceholder(lang: Lang, code: string, args: Record<string, string | number>): Record<string, string | number> {
  const example = args.example;
  if (!MAP_PLACEHOLDER_CODES.has(code) || typeof example !== 'string') return args;
  const word = MERGED[lang].INGEST_MAP_HEADER_PLACEHOLDER;
  return { ...args, example: example.replace(/=Header\b/g, `=${word}`) };
}

/** Returns the catalog text that `message` fills for the code and its arguments, with the arguments it fills it with. */
function chosenText(lang: Lang, code: string, rawArgs: Record<string, string | number>): { text: string | undefined; args: Record<string, string | number> } {
  const args = withNestedMessages(lang, withSystemReason(lang, withMapPlaceholder(lang, code, rawArgs)));
  const signed = signedDaysVariant(MERGED.en, pluralCode(MERGED[lang], code, args), args);
  return { text: MERGED[lang][signed.code] ?? MERGED.en[signed.code], args: signed.args };
}

/** Returns the message for a code in the language, or the code with its values when no catalog has it. */
export function message(lang: Lang, code: string, rawArgs: Record<string, string | number> = {}): string {
  const { text, args } = chosenText(lang, code, rawArgs);
  if (text === undefined) return `${code} ${JSON.stringify(args)}`;
  // Texts write "{days} days" for any number, so a value of exactly 1 gets the singular here.
  const [oneDays, oneDay, plural] = ONE_DAYS[lang];
  const filled = fillPlaceholders(text, args, lang);
  return filled.includes(plural) ? filled.replace(oneDays, oneDay) : filled;
}

/** Returns where a finding points ("file line 12, column "Amount""), or '' when it has no path. */
export function formatLocation(finding: Finding, lang: Lang): string {
  const path = finding.path;
  if (!path) return '';
  const args = { file: path.file, line: path.line ?? '', column: path.column ?? '' };
  if (path.line !== undefined && path.column) return message(lang, 'LOC_FILE_LINE_COLUMN', args);
  if (path.line !== undefined) return message(lang, 'LOC_FILE_LINE', args);
  if (path.column) return message(lang, 'LOC_FILE_COLUMN', args);
  return message(lang, 'LOC_FILE', args);
}

/**
 * Returns the part of a finding's location that its message does not name, or '' when the message
 * names all of it. A message names a part when its text has the placeholder ({file}, {line} or
 * {column}) and the finding's argument has the path's value: "Empty value in column {column}" names
 * the column, so the location reads "a.csv line 3", not "a.csv line 3, column "Amount"". The file
 * stays while the line or column is left, so a location never starts with a bare line number.
 */
export function unnamedLocation(finding: Finding, lang: Lang): string {
  const path = finding.path;
  if (!path) return '';
  const { text } = chosenText(lang, finding.code, finding.args);
  const named = (name: 'file' | 'line' | 'column', value: string | number | undefined) =>
    value !== undefined && value !== '' && text !== undefined && text.includes(`{${name}}`) && String(finding.args[name]) === String(value);
  const line = named('line', path.line) ? undefined : path.line;
  const column = named('column', path.column) ? undefined : path.column;
  if (line === undefined && !column && named('file', path.file)) return '';
  return formatLocation({ ...finding, path: { file: path.file, line, column } }, lang);
}

/**
 * Formats a finding as one line: location, then the message. Every reporter uses this. The parts of
 * the location that the message already names (`line {line}: ...`, the file name, the column) are
 * left out of it, so they are not printed twice.
 */
export function formatFinding(finding: Finding, lang: Lang): string {
  const text = message(lang, finding.code, finding.args);
  // A message may name the whole place in its own words, such as a file path in another argument.
  if (finding.path && text.includes(formatLocation(finding, lang))) return text;
  const location = unnamedLocation(finding, lang);
  return location ? `${location}: ${text}` : text;
}
