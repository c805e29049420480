import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { findDuplicateKey } from '../../src/config/duplicate-keys.js';
import { loadConfig } from '../../src/config/load.js';
import { RiskpayError } from '../../src/findings.js';
import { message } from '../../src/i18n/catalog.js';

describe('findDuplicateKey', () => {
  it('finds a key written twice', () => {
    const text = '{\n  "defaults": {\n    "top": 5,\n    "top": 6\n  }\n}\n';
    expect(findDuplicateKey(text)).toEqual({ key: 'top', path: '$.defaults', line: 4, firstLine: 3 });
  });

  it('finds a repeat at the top level', () => {
    expect(findDuplicateKey('{"lang": "sv", "defaults": {}, "lang": "en"}')).toMatchObject({ key: 'lang', path: '$', line: 1 });
  });

  it('names objects inside arrays and odd keys', () => {
    const text = '{"columns": {"Due date": {"a": 1}}, "list": [{"x": 1}, {"y": 2, "y": 3}]}';
    expect(findDuplicateKey(text)).toMatchObject({ key: 'y', path: '$.list[1]' });
    expect(findDuplicateKey('{"columns": {"Due date": {"a": 1, "a": 2}}}')).toMatchObject({ key: 'a', path: '$.columns["Due date"]' });
  });

  it('allows the same key in different objects', () => {
    expect(findDuplicateKey('{"a": {"top": 1}, "b": {"top": 2}, "c": [{"top": 1}, {"top": 2}]}')).toBeNull();
  });

  it('reads keys and values with escapes', () => {
    expect(findDuplicateKey('{"a\\"b": "x\\\\", "c": "{\\"a\\"b\\": 1}"}')).toBeNull();
    expect(findDuplicateKey('{"a\\u0062": 1, "ab": 2}')).toMatchObject({ key: 'ab' });
  });
});

describe('config file with a repeated key', () => {
  it('stops with both lines named', () => {
    const folder = mkdtempSync(join(tmpdir(), 'riskpay-config-'));
    writeFileSync(join(folder, 'riskpay.config.json'), '{\n  "defaults": {\n    "top": 5,\n    "top": 6\n  }\n}\n');
    let caught: unknown;
    try {
      loadConfig(undefined, folder, 'en');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RiskpayError);
    const finding = (caught as RiskpayError).finding;
    expect(finding.code).toBe('CLI_CONFIG_DUPLICATE_KEY');
    expect(message('en', finding.code, finding.args)).toBe(
      'riskpay.config.json: the key "top" appears twice in $.defaults, on line 3 and line 4, and only the last value would be used. Keep one of them.',
    );
    expect(message('sv', finding.code, finding.args)).toContain('nyckeln "top" förekommer två gånger i $.defaults, på rad 3 och rad 4');
  });
});
