// Strict streaming UTF-8 decoding that returns compact strings. TextDecoder (ICU in Node 20) returns a
// two-byte string for any chunk with a character above U+007F. One "ö" in a megabyte chunk then doubles
// the memory of every field sliced from it and of every text built from those fields. Buffer#toString
// stores a string with no character above U+00FF at one byte per character.

import { isUtf8 } from 'node:buffer';

/**
 * Returns true when `tail` (1 to 3 bytes) can start a well-formed UTF-8 sequence that the next chunk
 * completes. The second-byte ranges are those of the Unicode table of well-formed sequences, so a
 * surrogate, an overlong form or a code point above U+10FFFF is rejected in the chunk it starts in, as
 * TextDecoder with `fatal: true` does.
 */
function isIncompleteSequence(tail: Buffer): boolean {
  const lead = tail[0];
  let length = 0;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) length = 3;
  else if (lead >= 0xf0 && lead <= 0xf4) length = 4;
  if (length === 0 || tail.length >= length) return false;

  for (let i = 1; i < tail.length; i++) {
    let low = 0x80;
    let high = 0xbf;
    if (i === 1 && lead === 0xe0) low = 0xa0;
    if (i === 1 && lead === 0xed) high = 0x9f;
    if (i === 1 && lead === 0xf0) low = 0x90;
    if (i === 1 && lead === 0xf4) high = 0x8f;
    if (tail[i] < low || tail[i] > high) return false;
  }
  return true;
}

/** Returns how many bytes at the end of `bytes` are a sequence cut off by the end of the chunk. */
function cutOffBytes(bytes: Buffer): number {
  // A sequence is at most 4 bytes long, so its lead byte is among the last 3 when it is incomplete.
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back];
    if (byte < 0x80) return 0;
    if (byte >= 0xc0) return isIncompleteSequence(bytes.subarray(bytes.length - back)) ? back : 0;
  }
  return 0;
}

/**
 * Decodes UTF-8 chunk by chunk with the results of `new TextDecoder('utf-8', { fatal: true })` and
 * `decode(chunk, { stream: !final })`. A byte-order mark at the very start is dropped, and a sequence
 * cut off by the end of a chunk waits for the next one. Invalid bytes make `decode` return null.
 */
export class Utf8ChunkDecoder {
  private pending: Buffer | null = null;
  private atStart = true;

  /** Returns the text of the complete characters so far, or null when the bytes are not valid UTF-8. */
  decode(chunk: Buffer, final: boolean): string | null {
    let bytes = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    this.pending = null;
    // The first chunk has at least 64 KiB unless it is the whole input, so a mark is never split.
    if (this.atStart && bytes.length > 0) {
      this.atStart = false;
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }

    const cutOff = final ? 0 : cutOffBytes(bytes);
    const complete = bytes.subarray(0, bytes.length - cutOff);
    if (!isUtf8(complete)) return null;
    if (cutOff > 0) this.pending = Buffer.from(bytes.subarray(bytes.length - cutOff));
    return complete.toString('utf8');
  }
}
