// renderJsonChunks must yield exactly renderJson's text, because JSON output is compared byte for
// byte across runs and the score command streams it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';

describe('renderJsonChunks', () => {
  it('matches renderJson for any object', () => {
    const document = fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.constant(undefined)));
    fc.assert(
      fc.property(document, (value) => {
        expect([...renderJsonChunks(value)].join('')).toBe(renderJson(value));
      }),
      { numRuns: 300 },
    );
  });

  it('matches for empty and undefined members', () => {
    const cases: Record<string, unknown>[] = [{}, { a: [] }, { a: undefined }, { a: [undefined, 1, { b: undefined }] }, { a: 'x\ny', b: [[1, [2]], {}] }];
    for (const value of cases) expect([...renderJsonChunks(value)].join('')).toBe(renderJson(value));
  });

  it('splits a large array into pieces', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ rank: i + 1, name: `Kund ${i} Åkeri`, values: [i, i / 3] }));
    const chunks = [...renderJsonChunks({ tool: 'riskpay', debtors: rows, findings: [] })];
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(2 * 64 * 1024);
    expect(chunks.join('')).toBe(renderJson({ tool: 'riskpay', debtors: rows, findings: [] }));
  });
});
