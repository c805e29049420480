// Every finding code that the import emits has English and Swedish text with the same placeholders.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestMessages } from '../../src/i18n/messages/ingest.js';

const SOURCE = fileURLToPath(new URL('../../src/ingest/', import.meta.url));

function emittedCodes(): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(SOURCE)) {
    const text = readFileSync(SOURCE + name, 'utf8');
    for (const match of text.matchAll(/'(INGEST_[A-Z0-9_]+)'/g)) found.add(match[1]);
  }
  return [...found].sort();
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe('ingest messages', () => {
  it('cover every emitted code', () => {
    const codes = emittedCodes();
    expect(codes.length).toBeGreaterThan(50);
    for (const code of codes) {
      expect(ingestMessages.en, code).toHaveProperty(code);
      expect(ingestMessages.sv, code).toHaveProperty(code);
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [code, english] of Object.entries(ingestMessages.en)) {
      const swedish = (ingestMessages.sv as Record<string, string>)[code];
      expect(placeholders(swedish), code).toEqual(placeholders(english));
    }
  });
});
