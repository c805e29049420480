import { describe, expect, it } from 'vitest';

import { message } from '../../src/i18n/catalog.js';

describe('system error reasons', () => {
  it('puts ENOENT into words', () => {
    const text = message('sv', 'INGEST_FILE_NOT_FOUND', { file: 'a.csv', reason: 'ENOENT' });
    expect(text).toContain(message('sv', 'SYSTEM_ENOENT'));
    expect(text).toContain('ENOENT');
  });

  it('keeps an unknown code as it is', () => {
    expect(message('en', 'INGEST_FILE_NOT_FOUND', { file: 'a.csv', reason: 'EXDEV' })).toContain('(EXDEV)');
  });

  it('leaves other reasons alone', () => {
    expect(message('en', 'INGEST_FILE_NOT_FOUND', { file: 'a.csv', reason: 'Error: closed' })).toContain('(Error: closed)');
  });
});
