import { describe, expect, it } from 'vitest';

import { OPTIONS, resolveAlias } from '../../src/cli/options.js';
import { validateConfig } from '../../src/config/load.js';

const delimiter = OPTIONS.find((option) => option.flag === 'delimiter')!;

describe('delimiter aliases', () => {
  it('reads a tab character and TAB as tab', () => {
    expect(resolveAlias(delimiter, '\t')).toBe('tab');
    expect(resolveAlias(delimiter, 'TAB')).toBe('tab');
    expect(resolveAlias(delimiter, ';')).toBe(';');
  });

  it('accepts a tab character in the config', () => {
    expect(validateConfig({ defaults: { delimiter: '\t' } }, 'riskpay.config.json', 'en').defaults?.delimiter).toBe('tab');
  });

  it('rejects another value in the config', () => {
    expect(() => validateConfig({ defaults: { delimiter: 'x' } }, 'riskpay.config.json', 'en')).toThrow();
  });
});
