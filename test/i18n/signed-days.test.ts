// Trend messages whose earlier mean is negative read "days early", in both languages.

import { describe, expect, it } from 'vitest';
import { message } from '../../src/i18n/catalog.js';

const FROM_EARLY = { recentDaysLate: 6.4, recentCount: 5, earlierDaysLate: -1.6, earlierCount: 13, trendDays: 8 };
const BOTH_EARLY = { recentDaysLate: -0.5, recentCount: 5, earlierDaysLate: -4, earlierCount: 13, trendDays: 3.5 };

describe('signed days in trend messages', () => {
  it('says early for an early start', () => {
    const text = message('en', 'FLAG_PAYMENTS_SLOWING', FROM_EARLY);
    expect(text).toContain('6.4 days late on average');
    expect(text).toContain('against 1.6 days early over the 13 before');
    expect(text).not.toContain('-1.6');
  });

  it('says early twice when both are early', () => {
    const text = message('en', 'REASON_PAYMENTS_SLOWING', BOTH_EARLY);
    expect(text).toContain('0.5 days early on average');
    expect(text).toContain('4 days early over the 13 before');
  });

  it('reads i förtid in Swedish', () => {
    const text = message('sv', 'REASON_PAYMENTS_SLOWING', FROM_EARLY);
    expect(text).toContain('mot 1,6 dagar i förtid');
    expect(text).not.toContain('-1,6');
  });

  it('keeps late trends as they were', () => {
    const text = message('en', 'REASON_PAYMENTS_SLOWING', { ...FROM_EARLY, earlierDaysLate: 2 });
    expect(text).toContain('against 2 days over the 13 before');
  });
});

describe('one day in messages', () => {
  it('says 1 day, not 1 days', () => {
    const text = message('en', 'REASON_PAYMENTS_SLOWING', { ...FROM_EARLY, recentDaysLate: 1, earlierDaysLate: -1 });
    expect(text).toContain('1 day late on average');
    expect(text).toContain('against 1 day early');
  });

  it('keeps 21 and 0.1 plural', () => {
    const text = message('en', 'REASON_PAYMENTS_SLOWING', { ...FROM_EARLY, recentDaysLate: 21, earlierDaysLate: 0.1 });
    expect(text).toContain('21 days late');
    expect(text).toContain('against 0.1 days over');
  });

  it('says 1 dag in Swedish', () => {
    const text = message('sv', 'REASON_PAYMENTS_SLOWING', { ...FROM_EARLY, recentDaysLate: 1, earlierDaysLate: 0.5 });
    expect(text).toContain('i snitt 1 dag för sent');
    expect(text).toContain('mot 0,5 dagar');
  });
});
