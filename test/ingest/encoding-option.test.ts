// An explicit single-byte --encoding on a file that is really UTF-8 is reported as such, not as the
// missing columns that its garbled header would cause.

import { describe, expect, it } from 'vitest';
import { importLedger } from '../../src/ingest/index.js';
import { message } from '../../src/i18n/catalog.js';
import { expectError, writeTemp } from './helpers.js';

const SWEDISH = 'Fakturanr,Kund,Fakturadatum,Förfallodatum,Belopp\nF-1,Åkesson AB,2024-01-10,2024-02-09,100\n';

describe('explicit encoding on UTF-8', () => {
  it('rejects latin9 for UTF-8 text', async () => {
    const path = writeTemp(Buffer.from(SWEDISH, 'utf8'));
    const error = await expectError(importLedger([path], { encoding: 'latin9' }));
    expect(error.code).toBe('INGEST_ENCODING_LOOKS_UTF8');
    expect(error.args.encoding).toBe('latin9');
    expect(error.args.character).toBe('ö');
    expect(error.args.misread).toBe('Ã¶');
    expect(error.path).toEqual({ file: path });
  });

  it('rejects windows-1252 after a UTF-8 BOM', async () => {
    const path = writeTemp(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF-1,A,2024-01-10,2024-02-09,100\n')]));
    const error = await expectError(importLedger([path], { encoding: 'windows-1252' }));
    expect(error.code).toBe('INGEST_ENCODING_LOOKS_UTF8_BOM');
    expect(error.args.misread).toBe('ï»¿');
  });

  it('reads a real Latin-1 file with latin1', async () => {
    const path = writeTemp(Buffer.from(SWEDISH, 'latin1'));
    const result = await importLedger([path], { encoding: 'latin1' });
    expect(result.ledger.invoices[0].customerName).toBe('Åkesson AB');
  });

  it('reads plain ASCII with any encoding', async () => {
    const path = writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF-1,A,2024-01-10,2024-02-09,100\n');
    const result = await importLedger([path], { encoding: 'windows-1252' });
    expect(result.ledger.invoices).toHaveLength(1);
  });

  it('reads UTF-8 with --encoding utf-8', async () => {
    const path = writeTemp(Buffer.from(SWEDISH, 'utf8'));
    const result = await importLedger([path], { encoding: 'utf-8' });
    expect(result.ledger.invoices[0].customerName).toBe('Åkesson AB');
  });
});

describe('explicit UTF-16 on a byte text', () => {
  const text = 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF1,Åsa AB,2024-01-01,2024-01-31,100\n';

  // UTF-16 text has a zero byte in every ASCII character, so a file without zero bytes is not UTF-16.
  // The import stops at once instead of failing later on a header it cannot read.
  it('stops a UTF-8 file read as UTF-16', async () => {
    const error = await expectError(importLedger([writeTemp(Buffer.from(text, 'utf8'))], { encoding: 'utf-16le' }));
    expect(error.code).toBe('INGEST_ENCODING_NOT_UTF16');
  });

  it('reads a real UTF-16 file', async () => {
    const result = await importLedger([writeTemp(Buffer.from(text, 'utf16le'))], { encoding: 'utf-16le' });
    expect(result.ledger.invoices[0].customerName).toBe('Åsa AB');
  });
});

describe('unknown encoding name', () => {
  it('lists the common encodings', async () => {
    const error = await expectError(importLedger([writeTemp(SWEDISH)], { encoding: 'klingon' }));
    expect(error.code).toBe('INGEST_ENCODING_UNKNOWN');
    expect(error.args.encoding).toBe('klingon');
    expect(error.args.common).toContain('iso-8859-15 (latin9)');
    expect(error.args.common).toContain('windows-1252 (cp1252)');
    expect(error.args.common).toContain('latin1 (iso-8859-1)');
    expect(error.args.more).toBeGreaterThan(50);
    expect(error.args.suggestion).toBeUndefined();
  });

  it('suggests the closest name for a typo', async () => {
    const swapped = await expectError(importLedger([writeTemp(SWEDISH)], { encoding: 'iso-8859-51' }));
    expect(swapped.code).toBe('INGEST_ENCODING_UNKNOWN_SUGGEST');
    expect(swapped.args.suggestion).toBe('iso-8859-15');
    const transposed = await expectError(importLedger([writeTemp(SWEDISH)], { encoding: 'uft8' }));
    expect(transposed.args.suggestion).toBe('utf-8');
  });

  it('names the list and the typo in both languages', async () => {
    const error = await expectError(importLedger([writeTemp(SWEDISH)], { encoding: 'latin-0' }));
    const english = message('en', error.code, error.args);
    expect(english).toContain('Did you mean latin1?');
    expect(english).toContain('iso-8859-15 (latin9)');
    expect(english).toMatch(/also reads \d+ other encodings, listed at https:\/\//);
    expect(message('sv', error.code, error.args)).toContain('Menade du latin1?');
  });

  it('is reported before any file is opened', async () => {
    const error = await expectError(importLedger(['/no/such/file.csv'], { encoding: 'klingon' }));
    expect(error.code).toBe('INGEST_ENCODING_UNKNOWN');
  });

  it('accepts every listed name', async () => {
    const path = writeTemp(Buffer.from('InvoiceNo,Customer,InvoiceDate,DueDate,Amount\nF-1,Åkesson AB,2024-01-10,2024-02-09,100\n', 'latin1'));
    for (const name of ['windows-1252', 'cp1252', 'latin1', 'iso-8859-1', 'iso-8859-15', 'latin9']) {
      const result = await importLedger([path], { encoding: name });
      expect(result.ledger.invoices[0].customerName).toBe('Åkesson AB');
    }
  });
});
