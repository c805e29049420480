// Reads a file (or standard input) as a stream of text chunks. The encoding comes from a byte-order
// mark, from the `encoding` option, or from the first chunk: valid UTF-8 stays UTF-8, and bytes that
// are invalid UTF-8 but defined in Windows-1252 mean Windows-1252. Decoding is strict, so a name
// never ends up with replacement characters.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { RiskpayError } from '../findings.js';
import { Utf8ChunkDecoder } from './utf8-chunks.js';
import { checkEncodingName, normalizeEncodingName } from './encoding-names.js';
import type { ImportOptions } from './options.js';

/** Bytes that Windows-1252 leaves undefined; a file that has them is not Windows-1252. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Bytes read from a file at a time; the first read also decides the encoding. */
const CHUNK_BYTES = 1 << 20;

/**
 * Bytes decoded into one string. V8 keeps a string of more than about 128 KB in its large-object
 * space, which only a full collection frees. Reading the 90 MB benchmark ledger as 1 MB strings left
 * about 145 MB of such garbage behind, while strings of 64 KB die in the young generation.
 */
const DECODE_BYTES = 1 << 16;

export interface DecodedInput {
  /** Encoding name as reported: utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252, or the option's value. */
  encoding: string;
  /** True when the encoding was guessed from invalid UTF-8 rather than given or marked. */
  guessed: boolean;
  chunks: AsyncGenerator<string>;
}

/** Opens a path or '-' (standard input). Raises for a missing, empty, binary or wrongly encoded file. */
export async function openInput(input: string, encoding: Pick<ImportOptions, 'encoding' | 'encodingOption'>, stdin: Readable | undefined): Promise<DecodedInput> {
  let stream: Readable;
  if (input === '-') {
    stream = stdin ?? process.stdin;
  } else {
    try {
      const info = await stat(input);
      if (info.isDirectory()) throw new RiskpayError('INGEST_FILE_IS_DIRECTORY', { file: input }, { file: input });
    } catch (error) {
      if (error instanceof RiskpayError) throw error;
      throw new RiskpayError('INGEST_FILE_NOT_FOUND', { file: input, reason: (error as NodeJS.ErrnoException).code ?? String(error) }, { file: input });
    }
    stream = createReadStream(input, { highWaterMark: CHUNK_BYTES });
  }
  const name = input === '-' ? '<stdin>' : input;
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;

  // Collect at least 64 KiB (or the whole input) to decide the encoding.
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < 65_536) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const buffer = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(buffer);
    headBytes += buffer.length;
  }
  const first = Buffer.concat(head);
  if (first.length === 0) throw new RiskpayError('INGEST_FILE_EMPTY', { file: name }, { file: name });

  const choice = chooseEncoding(first, encoding, name);
  const chunks = decodeChunks(first.subarray(choice.bomBytes), iterator, ended, choice.encoding, name);
  return { encoding: choice.label, guessed: choice.guessed, chunks };
}

interface EncodingChoice {
  encoding: string;
  label: string;
  bomBytes: number;
  guessed: boolean;
}

function chooseEncoding(first: Buffer, encoding: Pick<ImportOptions, 'encoding' | 'encodingOption'>, file: string): EncodingChoice {
  const option = encoding.encoding;
  const hasUtf8Bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf;
  const hasLeBom = first[0] === 0xff && first[1] === 0xfe;
  const hasBeBom = first[0] === 0xfe && first[1] === 0xff;

  if (option !== undefined && option !== '') {
    checkEncodingName(option, encoding.encodingOption, file);
    const requested = normalizeEncodingName(option);
    checkEncodingOption(first, requested, option, hasUtf8Bom, file);
    let bomBytes = 0;
    if (requested === 'utf-8' && hasUtf8Bom) bomBytes = 3;
    if ((requested === 'utf-16le' && hasLeBom) || (requested === 'utf-16be' && hasBeBom)) bomBytes = 2;
    return { encoding: requested, label: requested, bomBytes, guessed: false };
  }

  if (hasUtf8Bom) return { encoding: 'utf-8', label: 'utf-8-bom', bomBytes: 3, guessed: false };
  if (hasLeBom) return { encoding: 'utf-16le', label: 'utf-16le', bomBytes: 2, guessed: false };
  if (hasBeBom) return { encoding: 'utf-16be', label: 'utf-16be', bomBytes: 2, guessed: false };

  if (looksBinary(first)) throw new RiskpayError('INGEST_FILE_BINARY', { file }, { file });

  if (isValidUtf8Prefix(first)) return { encoding: 'utf-8', label: 'utf-8', bomBytes: 0, guessed: false };

  for (const byte of first) {
    if (UNDEFINED_IN_1252.has(byte)) {
      throw new RiskpayError('INGEST_ENCODING_INVALID', { file, encoding: 'utf-8', line: lineOfFirstInvalidUtf8(first) }, { file, line: lineOfFirstInvalidUtf8(first) });
    }
  }
  checkNotMixed(first, file);
  return { encoding: 'windows-1252', label: 'windows-1252', bomBytes: 0, guessed: true };
}

/**
 * Checks an --encoding option against the start of the file. UTF-16 without a single zero byte raises
 * INGEST_ENCODING_NOT_UTF16. A single-byte encoding raises INGEST_ENCODING_LOOKS_UTF8 for a file that
 * starts with a UTF-8 byte-order mark, or whose first 64 KiB are valid UTF-8 with a multi-byte
 * character. Read as Latin-1 or Windows-1252, such a file turns å into Ã¥ in names and headers, so
 * column names no longer match and the errors that follow point to the wrong fix.
 */
function checkEncodingOption(first: Buffer, requested: string, option: string, hasUtf8Bom: boolean, file: string): void {
  // Text in UTF-16 has a zero byte in every ASCII character; a file without any is not UTF-16.
  if (requested.startsWith('utf-16') && first.length > 0 && !first.includes(0)) {
    throw new RiskpayError('INGEST_ENCODING_NOT_UTF16', { encoding: option }, { file });
  }
  if (requested.startsWith('utf')) return;
  const multiByte = first.findIndex((byte) => byte >= 0xc2 && byte <= 0xf4);
  if (!hasUtf8Bom && (multiByte < 0 || !isValidUtf8Prefix(first))) return;

  // One character of the file as UTF-8 and as the given encoding shows the user what went wrong.
  const at = hasUtf8Bom ? 0 : multiByte;
  let length = 2;
  if (first[at] >= 0xe0) length = 3;
  if (first[at] >= 0xf0) length = 4;
  const bytes = first.subarray(at, Math.min(first.length, at + length));
  const args = { encoding: option, character: bytes.toString('utf8'), misread: iconv.decode(bytes, requested) };
  throw new RiskpayError(hasUtf8Bom ? 'INGEST_ENCODING_LOOKS_UTF8_BOM' : 'INGEST_ENCODING_LOOKS_UTF8', args, { file });
}

/** NUL bytes or many control characters mean a binary file (UTF-16 without a BOM included). */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length / 20;
}

/** Validates UTF-8, allowing a sequence cut off at the end of the buffer. */
function isValidUtf8Prefix(bytes: Buffer): boolean {
  let end = bytes.length;
  // Step back over a possibly incomplete last sequence (at most 3 bytes).
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back];
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns `end` without a multi-byte sequence that starts before it but is cut off by it: the valid
 * prefix of a Windows-1252 file can end on a byte such as 0xF6 (ö) that looks like the start of one.
 */
function completeUtf8Length(bytes: Buffer, end: number): number {
  let start = end;
  while (start > 0 && end - start < 3 && (bytes[start - 1] & 0xc0) === 0x80) start--;
  if (start === 0 || bytes[start - 1] < 0xc0) return end;
  const lead = bytes[start - 1];
  let length = 2;
  if (lead >= 0xe0) length = 3;
  if (lead >= 0xf0) length = 4;
  return end - (start - 1) === length ? end : start - 1;
}

/** Returns the length of the longest prefix of `bytes` that is valid UTF-8 (by binary search). */
function validUtf8Length(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isValidUtf8Prefix(bytes.subarray(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function lineOfFirstInvalidUtf8(bytes: Buffer): number {
  return lineAt(bytes, validUtf8Length(bytes));
}

/**
 * Raises INGEST_ENCODING_MIXED when a file that is not valid UTF-8 has real UTF-8 characters before its
 * first bad byte. Such a file mixes two encodings (rows pasted from two sources), and reading it all as
 * Windows-1252 would turn "Åsa" into "Ã…sa" without a word. A byte of 0x80 or more inside the valid
 * prefix is always part of a multi-byte UTF-8 character.
 */
function checkNotMixed(first: Buffer, file: string): void {
  const validEnd = validUtf8Length(first);
  const utf8At = first.subarray(0, completeUtf8Length(first, validEnd)).findIndex((byte) => byte >= 0x80);
  if (utf8At < 0) return;
  const line = lineAt(first, validEnd);
  throw new RiskpayError('INGEST_ENCODING_MIXED', { file, utf8Line: lineAt(first, utf8At), line }, { file, line });
}

async function* decodeChunks(
  first: Buffer,
  iterator: AsyncIterator<Buffer | string>,
  ended: boolean,
  encoding: string,
  file: string,
): AsyncGenerator<string> {
  const strict = encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be';
  const utf8Decoder = encoding === 'utf-8' ? new Utf8ChunkDecoder() : null;
  const textDecoder = strict && utf8Decoder === null ? new TextDecoder(encoding, { fatal: true }) : null;
  const iconvDecoder = strict ? null : iconv.getDecoder(encoding);
  const checks1252 = encoding === 'windows-1252';
  let lines = 1;

  const decode = (buffer: Buffer, final: boolean): string => {
    if (checks1252) {
      const bad = buffer.findIndex((byte) => UNDEFINED_IN_1252.has(byte));
      if (bad >= 0) {
        let line = lines;
        for (let i = 0; i < bad; i++) if (buffer[i] === 0x0a) line++;
        throw new RiskpayError('INGEST_ENCODING_INVALID', { file, encoding, line }, { file, line });
      }
    }
    if (utf8Decoder) {
      const text = utf8Decoder.decode(buffer, final);
      if (text !== null) return text;
      const line = lines + lineOfFirstInvalidUtf8(buffer) - 1;
      throw new RiskpayError('INGEST_ENCODING_INVALID', { file, encoding, line }, { file, line });
    }
    if (textDecoder) {
      try {
        return textDecoder.decode(buffer, { stream: !final });
      } catch {
        const line = lines + (encoding === 'utf-8' ? lineOfFirstInvalidUtf8(buffer) - 1 : 0);
        throw new RiskpayError('INGEST_ENCODING_INVALID', { file, encoding, line }, { file, line });
      }
    }
    return iconvDecoder!.write(buffer) + (final ? iconvDecoder!.end() ?? '' : '');
  };

  const emit = (text: string): string => {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
    return text;
  };

  // Decodes a buffer a piece at a time; `final` applies to its last piece.
  const decodeInPieces = function* (buffer: Buffer, final: boolean): Generator<string> {
    let start = 0;
    while (buffer.length - start > DECODE_BYTES) {
      yield emit(decode(buffer.subarray(start, start + DECODE_BYTES), false));
      start += DECODE_BYTES;
    }
    yield emit(decode(buffer.subarray(start), final));
  };

  yield* decodeInPieces(first, ended);
  if (ended) return;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    const buffer = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    yield* decodeInPieces(buffer, false);
  }
  yield emit(decode(Buffer.alloc(0), true));
}
