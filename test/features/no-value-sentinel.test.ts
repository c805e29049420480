// Which feature values a report for people shows as missing rather than as a number.

import { describe, expect, it } from 'vitest';
import { isNoValueSentinel, NO_DAYS, NO_HISTORY, NO_HISTORY_DAYS_LATE } from '../../src/features/catalog.js';

describe('isNoValueSentinel', () => {
  it('matches each feature its own stand-in', () => {
    expect(isNoValueSentinel('late_share', NO_HISTORY)).toBe(true);
    expect(isNoValueSentinel('mean_days_late', NO_HISTORY_DAYS_LATE)).toBe(true);
    expect(isNoValueSentinel('days_since_last_payment', NO_DAYS)).toBe(true);
    expect(isNoValueSentinel('extra_adjusted_days_late', NO_HISTORY_DAYS_LATE)).toBe(true);
  });

  it('keeps real values', () => {
    // One day early on average is a real mean; only -999 stands for "no history" there.
    expect(isNoValueSentinel('mean_days_late', -1)).toBe(false);
    expect(isNoValueSentinel('late_share', 0)).toBe(false);
    expect(isNoValueSentinel('days_since_last_payment', 0)).toBe(false);
  });

  it('keeps no-history values that are real', () => {
    expect(isNoValueSentinel('settled_count', 0)).toBe(false);
    expect(isNoValueSentinel('volume_change', 1)).toBe(false);
    expect(isNoValueSentinel('trend_days', 0)).toBe(false);
  });

  it('ignores names outside the catalog', () => {
    expect(isNoValueSentinel('customerId', NO_HISTORY)).toBe(false);
  });
});
