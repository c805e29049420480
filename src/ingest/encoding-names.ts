// Names accepted by --encoding: every encoding and alias of iconv-lite, which decodes the files.
// An unknown name gets an error that lists the common encodings and the closest accepted name.

import iconv from 'iconv-lite';
import { editDistance } from '../cli/suggest.js';
import { RiskpayError } from '../findings.js';

/**
 * Encodings of the invoice exports riskpay expects, as the error lists them: Unicode, the Western
 * European single-byte encodings, Central European and the DOS code page of older Nordic systems.
 */
const COMMON_ENCODINGS: readonly (readonly string[])[] = [
  ['utf-8'],
  ['utf-16le'],
  ['utf-16be'],
  ['windows-1252', 'cp1252'],
  ['latin1', 'iso-8859-1'],
  ['iso-8859-15', 'latin9'],
  ['windows-1250', 'cp1250'],
  ['iso-8859-2', 'latin2'],
  ['cp850'],
  ['macintosh', 'mac-roman'],
];

/** Every name of COMMON_ENCODINGS, the first name of each encoding first. */
const COMMON_NAMES = COMMON_ENCODINGS.flat();

/** Lists the common encodings as the error shows them: "windows-1252 (cp1252)". */
function commonEncodingsText(): string {
  return COMMON_ENCODINGS.map(([name, ...aliases]) => (aliases.length > 0 ? `${name} (${aliases.join(', ')})` : name)).join(', ');
}

/** Largest edit distance between an unknown name and the name suggested for it. */
const MAX_SUGGESTION_DISTANCE = 2;

/** Page that lists every encoding iconv-lite reads, as linked from its README (iconv-lite 0.7). */
const ENCODINGS_LIST_URL = 'https://github.com/ashtuchkin/iconv-lite/wiki/Supported-Encodings';

/** Returns the name that iconv-lite looks up, with riskpay's own spellings of the common encodings. */
export function normalizeEncodingName(name: string): string {
  const key = name.trim().toLowerCase().replace(/_/g, '-');
  if (key === 'utf8') return 'utf-8';
  if (key === 'utf16le' || key === 'utf-16') return 'utf-16le';
  if (key === 'utf16be') return 'utf-16be';
  if (key === 'cp1252' || key === '1252') return 'windows-1252';
  if (key === 'latin-1' || key === 'iso-8859-1' || key === 'iso8859-1') return 'latin1';
  return key;
}

/** Reduces a name the way iconv-lite compares names: lower case, letters and digits only. */
function lookupKey(name: string): string {
  return name.toLowerCase().replace(/[^0-9a-z]/g, '');
}

/** Returns iconv-lite's table of encodings and aliases, which it loads on its first lookup. */
function encodingTable(): Record<string, unknown> {
  iconv.encodingExists('utf-8');
  return (iconv.encodings ?? {}) as Record<string, unknown>;
}

/**
 * Returns the table key of the encoding that `name` stands for. The table maps an alias to another
 * name (a string) and an encoding to its codec (an object); keys starting with _ are internal.
 */
function encodingKey(name: string): string {
  const table = encodingTable();
  let key = lookupKey(normalizeEncodingName(name));
  for (let step = 0; step < 10 && typeof table[key] === 'string'; step++) key = lookupKey(table[key] as string);
  return key;
}

/** Counts the encodings iconv-lite reads that COMMON_ENCODINGS leaves out, each counted once whatever its aliases. */
function otherEncodingCount(): number {
  const encodings = Object.entries(encodingTable()).filter(([key, codec]) => typeof codec !== 'string' && !key.startsWith('_'));
  const common = new Set(COMMON_NAMES.map(encodingKey));
  return encodings.filter(([key]) => !common.has(key)).length;
}

/**
 * Returns the accepted name closest to `name`, or undefined when none is within
 * MAX_SUGGESTION_DISTANCE edits and under half the name's length. At the same distance a name of the
 * same length wins (iso-8859-51 is iso-8859-15 with two digits swapped, not iso-8859-1 with one more),
 * then a common name, because it is written the way users write it.
 */
export function suggestEncoding(name: string): string | undefined {
  const key = lookupKey(name);
  if (key === '') return undefined;
  const limit = Math.min(MAX_SUGGESTION_DISTANCE, Math.ceil(key.length / 2) - 1);
  let best: { name: string; distance: number; lengthDifference: number } | undefined;
  const consider = (candidate: string, candidateKey: string) => {
    const distance = editDistance(key, candidateKey);
    const lengthDifference = Math.abs(key.length - candidateKey.length);
    if (distance > limit || (best !== undefined && (distance > best.distance || (distance === best.distance && lengthDifference >= best.lengthDifference)))) return;
    best = { name: candidate, distance, lengthDifference };
  };
  for (const common of COMMON_NAMES) consider(common, lookupKey(common));
  for (const tableKey of Object.keys(encodingTable())) if (!tableKey.startsWith('_')) consider(tableKey, tableKey);
  return best?.name;
}

/**
 * Raises INGEST_ENCODING_UNKNOWN (or its _SUGGEST variant) unless iconv-lite reads the encoding `option`.
 * `source` names where the value came from, such as `--encoding` or `RISKPAY_ENCODING`.
 */
export function checkEncodingName(option: string, source = '--encoding', file?: string): void {
  if (iconv.encodingExists(normalizeEncodingName(option))) return;
  const args: Record<string, string | number> = { encoding: option, option: source, common: commonEncodingsText(), more: otherEncodingCount(), url: ENCODINGS_LIST_URL };
  const suggestion = suggestEncoding(option);
  if (suggestion !== undefined) args.suggestion = suggestion;
  const path = file === undefined ? undefined : { file };
  throw new RiskpayError(suggestion === undefined ? 'INGEST_ENCODING_UNKNOWN' : 'INGEST_ENCODING_UNKNOWN_SUGGEST', args, path);
}
