import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/shell-quote.js';

describe('shellQuote', () => {
  it.each(['out', 'reports/2024-06', './a_b.json', '/tmp/x-1.csv'])('leaves %s as it is', (plain) => {
    expect(shellQuote(plain)).toBe(plain);
  });

  it.each([
    ['my dir', "'my dir'"],
    ['Förfallodatum', "'Förfallodatum'"],
    ["O'Brien's", "'O'\\''Brien'\\''s'"],
    ['$HOME;rm', "'$HOME;rm'"],
    ['', "''"],
  ])('quotes %j', (text, quoted) => {
    expect(shellQuote(text)).toBe(quoted);
  });

  it.each(['my dir', "O'Brien's", '$HOME `x` "y" \\z', 'a\nb', '*', '~', '#3'])('gives %j back through sh', (text) => {
    const echoed = execFileSync('sh', ['-c', `printf %s ${shellQuote(text)}`], { encoding: 'utf8' });
    expect(echoed).toBe(text);
  });
});
