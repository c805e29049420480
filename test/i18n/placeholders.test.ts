import { describe, expect, it } from 'vitest';

import { OPTIONS } from '../../src/cli/options.js';
import { optionFlags } from '../../src/cli/program.js';

const spec = (flag: string) => OPTIONS.find((option) => option.flag === flag)!;

describe('option placeholders', () => {
  it('translates each word in Swedish', () => {
    expect(optionFlags(spec('as-of'), 'sv')).toBe('--as-of <DATUM>');
    expect(optionFlags(spec('map'), 'sv')).toBe('--map <FÄLT=RUBRIK>');
    expect(optionFlags(spec('format'), 'sv')).toBe('-f, --format <FORMAT>');
  });

  it('keeps English as defined', () => {
    for (const option of OPTIONS) {
      if (option.valueName) expect(optionFlags(option, 'en')).toContain(`<${option.valueName}>`);
    }
  });
});
