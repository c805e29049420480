import { describe, expect, it } from 'vitest';

import { delayFromHistory, portfolioDelays } from '../../src/scoring/payment-dates.js';
import { snapshotOf } from './helpers.js';

describe('portfolioDelays', () => {
  it('pools delays per currency', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const lists = Array.from({ length: 40 }, () => Array.from({ length: Math.floor(random() * 12) }, () => Math.round(random() * 60 - 15)));
    // Zeros of both signs, which a typed array sorts apart and a compare callback leaves in place.
    lists.push([0, -0, 0, -0], [-0]);
    const snapshots = lists.map((recentDaysLate, i) => snapshotOf({ recentDaysLate }, { customerId: `c${i}`, currency: i % 3 === 0 ? 'EUR' : 'SEK' }));

    const delays = portfolioDelays(snapshots);
    for (const currency of ['EUR', 'SEK']) {
      const pooled = snapshots.filter((snapshot) => snapshot.currency === currency).flatMap((snapshot) => snapshot.stats.recentDaysLate);
      expect(delays.get(currency)).toEqual(delayFromHistory(pooled));
      expect(Object.is(delays.get(currency)!.days, delayFromHistory(pooled)!.days)).toBe(true);
    }
  });

  it('leaves out a currency without delays', () => {
    const delays = portfolioDelays([snapshotOf({ recentDaysLate: [] }, { currency: 'NOK' }), snapshotOf({ recentDaysLate: [0, -0] }, { currency: 'DKK' })]);
    expect(delays.has('NOK')).toBe(false);
    expect(delays.get('DKK')).toEqual({ days: 0, low: 0, high: 0 });
    expect(Object.is(delays.get('DKK')!.days, 0)).toBe(true);
  });
});
