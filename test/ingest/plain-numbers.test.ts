import { describe, expect, it } from 'vitest';

import { readNumber } from '../../src/ingest/numbers.js';
import { CsvSplitter } from '../../src/ingest/splitter.js';

/** Small deterministic generator, so a failure names the same values on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function digits(next: () => number, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(Math.floor(next() * 10));
  return text;
}

describe('plain amounts', () => {
  it('match Number bit for bit', () => {
    const next = random(7);
    const texts = ['0', '-0', '0.00', '-0.00', '007', '0.1', '0.3', '1.005', '9007199254740993', '123456789012345.6', '-99999999999999.99'];
    for (let i = 0; i < 20_000; i++) {
      const whole = digits(next, 1 + Math.floor(next() * 16));
      const fraction = next() < 0.8 ? digits(next, 1 + Math.floor(next() * 6)) : '';
      texts.push(`${next() < 0.2 ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`);
    }
    for (const text of texts) {
      const reading = readNumber(text);
      if (reading.kind !== 'number') continue;
      expect(Object.is(reading.value, Number(text)), text).toBe(true);
      const comma = readNumber(text.replace('.', ','));
      if (comma.kind === 'number') expect(Object.is(comma.value, Number(text)), text).toBe(true);
    }
  });
});

describe('splitting lines without quotes', () => {
  const split = (text: string, delimiter = ','): string[][] => {
    const records: string[][] = [];
    new CsvSplitter(delimiter, { maxFieldBytes: 1000, maxLineBytes: 1000, maxColumns: 100 }, 'f.csv').push(text, true, (fields) => {
      records.push(fields);
    });
    return records;
  };

  it('matches String#split fields', () => {
    const lines = ['a,b,c', ',a,', ',,', 'a', '', 'x;y,z', 'a,b\r'];
    const records = split(lines.join('\n'));
    expect(records).toEqual(lines.map((line) => (line === '' ? [''] : line.replace(/\r$/, '').split(','))));
  });

  it('reads one-column and quoted lines', () => {
    expect(split('a\nb\nc,d\ne')).toEqual([['a'], ['b'], ['c', 'd'], ['e']]);
    expect(split('a;b\n"c;d";e\nf;g', ';')).toEqual([['a', 'b'], ['c;d', 'e'], ['f', 'g']]);
  });
});
