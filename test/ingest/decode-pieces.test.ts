// A file is read in 1 MB chunks and decoded 64 KB at a time. Characters and lines that straddle a
// piece boundary must come through whole, and errors must name the right line.

import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { openInput } from '../../src/ingest/decode.js';
import { expectError, writeTemp } from './helpers.js';

async function readAll(path: string): Promise<{ text: string; encoding: string }> {
  const input = await openInput(path, {}, undefined);
  let text = '';
  for await (const chunk of input.chunks) text += chunk;
  return { text, encoding: input.encoding };
}

/** Returns a CSV text of `lines` lines, with Swedish letters in every customer name. */
function ledgerText(lines: number): string {
  const rows = ['InvoiceNo;Customer;Amount'];
  for (let i = 1; i < lines; i++) rows.push(`F${i};Åkeri Sjöberg ${i};${i},50`);
  return rows.join('\n') + '\n';
}

describe('decoding in pieces', () => {
  it('keeps UTF-8 characters whole at every piece boundary', async () => {
    // The names put ö and Å at many offsets, so some cross each 64 KB boundary.
    const text = ledgerText(60_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    const read = await readAll(writeTemp(text));
    expect(read.encoding).toBe('utf-8');
    expect(read.text).toBe(text);
  });

  it('reads a Windows-1252 file over several pieces', async () => {
    const text = ledgerText(30_000);
    const read = await readAll(writeTemp(iconv.encode(text, 'windows-1252')));
    expect(read.encoding).toBe('windows-1252');
    expect(read.text).toBe(text);
  });

  it('names the line of a bad byte in a later piece', async () => {
    const lines = ledgerText(60_000).split('\n');
    // Line 40,000 (1-based) is well past the first 1 MB chunk and inside a later 64 KB piece.
    const bytes = Buffer.concat([Buffer.from(lines.slice(0, 39_999).join('\n') + '\n'), Buffer.from([0x46, 0xff, 0x0a]), Buffer.from(lines.slice(40_000).join('\n'))]);
    const finding = await expectError(readAll(writeTemp(bytes)));
    expect(finding.code).toBe('INGEST_ENCODING_INVALID');
    expect(finding.args.line).toBe(40_000);
  });
});
