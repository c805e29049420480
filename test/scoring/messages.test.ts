import { describe, expect, it } from 'vitest';

import { featureCatalog } from '../../src/features/catalog.js';
import { scoringMessages } from '../../src/i18n/messages/scoring.js';
import { FLAG_CODES } from '../../src/scoring/flags.js';
import { ACTION_CODES } from '../../src/scoring/policy.js';
import { reasonFor } from '../../src/scoring/reason-codes.js';
import { day, snapshotOf } from './helpers.js';

const en = scoringMessages.en as Record<string, string>;
const sv = scoringMessages.sv as Record<string, string>;

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe('scoring messages', () => {
  it('has the same keys in both languages', () => {
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
  });

  it('has the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) expect(placeholders(sv[key]), key).toEqual(placeholders(en[key]));
  });

  it('has text for every flag, action, grade and channel', () => {
    const codes = [
      ...FLAG_CODES,
      ...ACTION_CODES,
      ...['A', 'B', 'C', 'D'].map((g) => `GRADE_${g}`),
      ...['EMAIL', 'SMS', 'PHONE', 'LETTER', 'INTERNAL'].map((c) => `CHANNEL_${c}`),
    ];
    for (const code of codes) expect(en, code).toHaveProperty(code);
  });

  it('has text for every reason of every feature', () => {
    const open = {
      invoice: {
        id: 'F-1',
        customerId: 'c1',
        customerName: 'C1',
        issueDate: day('2024-05-01'),
        dueDate: day('2024-05-31'),
        amount: 100,
        currency: 'SEK',
        kind: 'invoice' as const,
        payments: [],
        settledDate: null,
        termsDays: 30,
        extra: {},
        source: { file: 't.csv' },
      },
      balance: 100,
      daysOverdue: 30,
    };
    const snapshots = [
      snapshotOf(),
      snapshotOf({ settledCount: 0, overdueCount: 0, recentDaysLate: [] }, { noHistory: true }),
      snapshotOf({ settledCount: 1, recentDaysLate: [4], lastDaysLate: 4, meanDaysLate: 4 }),
      snapshotOf({ overdueCount: 2, oldestOverdueDays: 40, aging: [100, 100, 0, 0], trendDays: 5, daysSinceLastPayment: null }),
    ];
    for (const spec of featureCatalog(['region'])) {
      for (const snapshot of snapshots) {
        for (const invoice of [null, open]) {
          for (const rowValue of [1.5, 1]) {
            const words = reasonFor(spec.name, { snapshot, invoice, value: () => rowValue });
            expect(en, `${spec.name} -> ${words.code}`).toHaveProperty(words.code);
            expect(words.code).not.toBe('REASON_OTHER_PATTERN');
            for (const key of placeholders(en[words.code])) expect(words.args, `${words.code} ${key}`).toHaveProperty(key);
          }
        }
      }
    }
  });
});
