// The streaming UTF-8 decoder against TextDecoder, the decoder it replaces: the same text, and the
// first error in the same chunk.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Utf8ChunkDecoder } from '../../src/ingest/utf8-chunks.js';

/** Decodes the chunks with both decoders; `failedAt` is the index of the first chunk that failed, or -1. */
function decodeBoth(chunks: Buffer[]): { ours: string; theirs: string; oursFailedAt: number; theirsFailedAt: number } {
  const decoder = new Utf8ChunkDecoder();
  const reference = new TextDecoder('utf-8', { fatal: true });
  let ours = '';
  let theirs = '';
  let oursFailedAt = -1;
  let theirsFailedAt = -1;
  chunks.forEach((chunk, i) => {
    const final = i === chunks.length - 1;
    if (oursFailedAt < 0) {
      const text = decoder.decode(chunk, final);
      if (text === null) oursFailedAt = i;
      else ours += text;
    }
    if (theirsFailedAt < 0) {
      try {
        theirs += reference.decode(chunk, { stream: !final });
      } catch {
        theirsFailedAt = i;
      }
    }
  });
  return { ours, theirs, oursFailedAt, theirsFailedAt };
}

/** Splits `bytes` at the given offsets and adds an empty final chunk, as decodeChunks does. */
function split(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  chunks.push(bytes.subarray(start), Buffer.alloc(0));
  return chunks;
}

describe('Utf8ChunkDecoder', () => {
  it('matches TextDecoder on valid text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const result = decodeBoth(split(Buffer.from(text, 'utf8'), cuts));
        expect(result.oursFailedAt).toBe(-1);
        expect(result.theirsFailedAt).toBe(-1);
        expect(result.ours).toBe(result.theirs);
      }),
      { numRuns: 500 },
    );
  });

  it('fails in the same chunk on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), fc.array(fc.nat(), { maxLength: 4 }), (bytes, cuts) => {
        const result = decodeBoth(split(Buffer.from(bytes), cuts));
        expect(result.oursFailedAt).toBe(result.theirsFailedAt);
        if (result.oursFailedAt < 0) expect(result.ours).toBe(result.theirs);
      }),
      { numRuns: 3000 },
    );
  });

  it('fails in the same chunk on cut sequences', () => {
    // Lead bytes with second bytes at and just outside their allowed ranges, cut after each byte.
    const sequences = [
      [0xc3, 0xb6],
      [0xe0, 0xa0, 0x80],
      [0xe0, 0x9f, 0x80],
      [0xed, 0x9f, 0xbf],
      [0xed, 0xa0, 0x80],
      [0xf0, 0x90, 0x80, 0x80],
      [0xf0, 0x8f, 0x80, 0x80],
      [0xf4, 0x8f, 0xbf, 0xbf],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf5, 0x80, 0x80, 0x80],
      [0xc0, 0x80],
    ];
    for (const sequence of sequences) {
      const bytes = Buffer.from([0x61, ...sequence, 0x62]);
      for (let cut = 1; cut < bytes.length; cut++) {
        const result = decodeBoth(split(bytes, [cut]));
        expect(result.oursFailedAt).toBe(result.theirsFailedAt);
        expect(result.ours).toBe(result.theirs);
      }
    }
  });

  it('drops only the first byte-order mark', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const result = decodeBoth([Buffer.from([...bom, ...bom, 0x61]), Buffer.alloc(0)]);
    expect(result.ours).toBe('\ufeffa');
    expect(result.theirs).toBe('\ufeffa');
  });

  it('fails on a sequence cut off at the end', () => {
    const result = decodeBoth([Buffer.from([0x61, 0xe2, 0x82]), Buffer.alloc(0)]);
    expect(result.oursFailedAt).toBe(1);
    expect(result.theirsFailedAt).toBe(1);
  });
});
