import { describe, expect, it } from 'vitest';

import { readNumber } from '../../src/ingest/numbers.js';

describe('currency codes in amounts', () => {
  it('reads ISO codes in any case', () => {
    expect(readNumber('SEK 100')).toMatchObject({ kind: 'number', value: 100, currency: 'SEK' });
    expect(readNumber('100 eur')).toMatchObject({ kind: 'number', value: 100, currency: 'EUR' });
  });

  it('rejects letters that are no currency', () => {
    expect(readNumber('abc7').kind).toBe('invalid');
    expect(readNumber('7 xyz').kind).toBe('invalid');
  });

  it('keeps symbols and kr', () => {
    expect(readNumber('$1,234.56')).toMatchObject({ kind: 'number', value: 1234.56 });
    expect(readNumber('100 kr')).toMatchObject({ kind: 'number', value: 100 });
  });
});
