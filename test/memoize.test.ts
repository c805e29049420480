// memoize must compute each argument once and give back the same value after, undefined included.

import { describe, expect, it } from 'vitest';
import { memoize } from '../src/memoize.js';

describe('memoize', () => {
  it('computes each key once', () => {
    const calls: number[] = [];
    const double = memoize((n: number) => {
      calls.push(n);
      return n * 2;
    });

    expect([double(1), double(2), double(1), double(2)]).toEqual([2, 4, 2, 4]);
    expect(calls).toEqual([1, 2]);
  });

  it('caches an undefined result', () => {
    let calls = 0;
    const nothing = memoize((_: string) => {
      calls += 1;
      return undefined;
    });

    nothing('a');
    nothing('a');
    expect(calls).toBe(1);
  });
});
