import { describe, expect, it } from 'vitest';

import { apportionMinorUnits, halfMinorUnit, minorUnitDigits, roundImported, roundMoney, toMinorUnits } from '../src/money.js';

describe('minorUnitDigits', () => {
  it('follows the currency', () => {
    expect(minorUnitDigits('SEK')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });

  it('uses 2 without an ISO code', () => {
    expect(minorUnitDigits('')).toBe(2);
    expect(minorUnitDigits('points')).toBe(2);
  });
});

describe('roundMoney', () => {
  it('rounds to the minor unit', () => {
    expect(roundMoney(10.005001, 'SEK')).toBe(10.01);
    expect(roundMoney(1234.5, 'JPY')).toBe(1235);
    expect(Object.is(roundMoney(-0.001, 'SEK'), 0)).toBe(true);
  });

  it('rounds decimal halves up', () => {
    // Binary floating point stores these just below the half.
    expect(roundMoney(1.005, 'SEK')).toBe(1.01);
    expect(roundMoney(10.0005, 'KWD')).toBe(10.001);
  });

  it('rounds negative halves away from zero', () => {
    expect(roundMoney(-1234.5, 'JPY')).toBe(-1235);
    expect(toMinorUnits(-1.005, 'SEK')).toBe(-101);
  });
});

describe('halfMinorUnit', () => {
  it('follows the currency', () => {
    expect(halfMinorUnit('SEK')).toBe(0.005);
    expect(halfMinorUnit('KWD')).toBe(0.0005);
    expect(halfMinorUnit('JPY')).toBe(0.5);
  });
});

describe('apportionMinorUnits', () => {
  it('sums to the total', () => {
    // Rounded one by one these give 1 + 1 + 1 = 3, one more than the total of 2.
    const parts = apportionMinorUnits([0.6, 0.7, 0.7], 2);
    expect(parts.reduce((sum, units) => sum + units, 0)).toBe(2);
    expect(parts).toEqual([0, 1, 1]);
  });

  it('keeps each part within one unit', () => {
    const exact = [4568919.6, 11330326.2, 13623440.3, 9334236.9, 39706190];
    const parts = apportionMinorUnits(exact, 78563112);
    expect(parts.reduce((sum, units) => sum + units, 0)).toBe(78563112);
    parts.forEach((units, index) => expect(Math.abs(units - exact[index])).toBeLessThan(1));
  });

  it('absorbs floating-point excess', () => {
    const parts = apportionMinorUnits([50.0000001, 50.0000001], 100);
    expect(parts).toEqual([50, 50]);
  });

  it('never gives a negative part', () => {
    const parts = apportionMinorUnits([100.4, -0.0000001], 100);
    expect(parts).toEqual([100, 0]);
  });
});

describe('toMinorUnits fast path', () => {
  it('matches the digit-cutting rounding', () => {
    // The slow path alone, as toMinorUnits computed every value before the fast path.
    const cutDigits = (amount: number, digits: number): number => {
      const units = Number((amount * 10 ** digits).toPrecision(15));
      return Math.sign(units) * Math.round(Math.abs(units));
    };
    // A fixed linear congruential sequence, so every run checks the same amounts.
    let seed = 12345;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i++) {
      const cents = Math.floor(next() * 2e9) - 1e9;
      const amount = (cents + [0, 0.5, 0.4999, 0.25, 0.75][i % 5]) / 100;
      expect(toMinorUnits(amount, 'SEK')).toBe(cutDigits(amount, 2));
      expect(toMinorUnits(amount / 10, 'KWD')).toBe(cutDigits(amount / 10, 3));
    }
  });
});

describe('roundImported without a currency', () => {
  it('removes float noise', () => {
    expect(roundImported(0.1 + 0.2, '')).toBe(0.3);
    expect(roundImported(100 - 99.9, '')).toBe(0.1);
  });

  it('keeps every digit as read', () => {
    expect(roundImported(10.005, '')).toBe(10.005);
    expect(roundImported(-1.234, '')).toBe(-1.234);
  });

  it('keeps large amounts exactly', () => {
    // Scaled to millionths these pass 2^53, and scaling back moves them (3455523304303.9 became
    // 3455523304303.8994 before the limit).
    for (const amount of [3455523304303.9, 75647420191282.1, -26171276485200.15]) expect(roundImported(amount, '')).toBe(amount);
  });
});
