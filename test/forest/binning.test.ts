import { describe, expect, it } from 'vitest';
import { binMatrix, binOf, EDGE_SAMPLE_ROWS, shortThreshold } from '../../src/forest/binning.js';
import { Rng } from '../../src/forest/rng.js';

describe('shortThreshold', () => {
  it('returns the shortest decimal between values', () => {
    expect(shortThreshold(1, 2)).toBe(1.5);
    expect(shortThreshold(3, 10)).toBe(7);
    expect(shortThreshold(0.1234, 0.1236)).toBe(0.1235);
    expect(shortThreshold(-2, -1)).toBe(-1.5);
  });

  it('separates adjacent doubles', () => {
    const low = 0.1;
    const high = low + Number.EPSILON / 8;
    const t = shortThreshold(low, high);
    expect(t).toBeGreaterThanOrEqual(low);
    expect(t).toBeLessThan(high);
  });
});

describe('binMatrix', () => {
  it('gives each of few distinct values its own bin', () => {
    const values = [5, 1, 3, 3, 1, 5, 9];
    const binned = binMatrix({ data: Float64Array.from(values), rows: values.length, cols: 1 }, 256);
    expect(Array.from(binned.edges[0])).toEqual([2, 4, 7]);
    expect(Array.from(binned.bins)).toEqual([2, 0, 1, 1, 0, 2, 3]);
  });

  it('caps continuous features at maxBins', () => {
    const rng = new Rng(3);
    const rows = EDGE_SAMPLE_ROWS + 5000;
    const data = Float64Array.from({ length: rows * 2 }, () => rng.nextFloat() * 100 - 50);
    const binned = binMatrix({ data, rows, cols: 2 }, 256);

    for (let f = 0; f < 2; f++) {
      const edges = binned.edges[f];
      expect(edges.length).toBeLessThanOrEqual(255);
      expect(edges.length).toBeGreaterThan(250);
      for (let k = 1; k < edges.length; k++) expect(edges[k]).toBeGreaterThan(edges[k - 1]);

      // The branch-free binning agrees with the binary search everywhere.
      let mismatches = 0;
      for (let r = 0; r < rows; r++) {
        if (binned.bins[f * rows + r] !== binOf(edges, data[r * 2 + f])) mismatches++;
      }
      expect(mismatches).toBe(0);
    }
  });

  it('fills bins roughly evenly', () => {
    const rng = new Rng(4);
    const rows = 20_000;
    const data = Float64Array.from({ length: rows }, () => rng.nextFloat());
    const binned = binMatrix({ data, rows, cols: 1 }, 16);
    const counts = new Array<number>(16).fill(0);
    for (const bin of binned.bins) counts[bin]++;
    for (const count of counts) {
      expect(count).toBeGreaterThan(rows / 16 - 100);
      expect(count).toBeLessThan(rows / 16 + 100);
    }
  });
});
