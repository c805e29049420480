// The draft store grows its typed columns by copying and frees the old ones at once, keeps a column of
// one repeated value as that value, and keeps few distinct values as codes. Every draft must come back
// as it went in, whichever way its columns are kept.

import { describe, expect, it } from 'vitest';
import { Pending } from '../../src/ingest/columns.js';
import { DraftStore, type NewDraft } from '../../src/ingest/draft-store.js';

const headers = { invoiceId: 'InvoiceNo' };

function draftOf(i: number, overrides: Partial<NewDraft> = {}): NewDraft {
  return {
    file: 'a.csv',
    line: i + 2,
    invoiceId: `F${String(i).padStart(6, '0')}`,
    customerId: `K${i % 97}`,
    customerName: `Kund ${i % 97}`,
    issueDate: 19000 + (i % 700),
    dueDate: i % 5 === 0 ? null : 19030 + (i % 700),
    paidDate: i % 11 === 0 ? new Pending(`${i}/3/2024`, i + 2) : null,
    lastPaymentDate: null,
    amount: i + 0.25,
    lineTotals: null,
    paidAmount: i % 3 === 0 ? i / 2 : null,
    balance: null,
    currency: i % 2 === 0 ? 'SEK' : 'EUR',
    termsText: '',
    terms: null,
    type: i % 13 === 0 ? 'credit' : 'invoice',
    status: '',
    disputed: i % 7 === 0 ? true : undefined,
    extra: NO_EXTRA,
    headers,
    ...overrides,
  };
}

const NO_EXTRA = {};

/** Adds the drafts to a new store and returns what it drains, without the line counts. */
function roundTrip(drafts: NewDraft[]): NewDraft[] {
  const store = new DraftStore();
  for (const draft of drafts) store.add(draft);
  return [...store.drain()].map(({ lines, ...draft }) => {
    expect(lines).toBe(1);
    return draft;
  });
}

describe('DraftStore', () => {
  it('returns every draft after several growths', () => {
    const store = new DraftStore();
    const count = 5000;
    for (let i = 0; i < count; i++) store.add(draftOf(i));
    expect(store.length).toBe(count);

    const drained = [...store.drain()];
    expect(drained).toHaveLength(count);
    for (const i of [0, 1, 1023, 1024, 2047, 2048, 4095, 4096, count - 1]) {
      const { lines, ...draft } = drained[i];
      expect(lines).toBe(1);
      expect(draft).toEqual(draftOf(i));
    }
    expect(store.length).toBe(0);
  });

  it('keeps values that change after many repeated ones', () => {
    // Status, terms and extra values repeat until row 3000, which differs, and then they repeat again.
    const drafts = Array.from({ length: 5000 }, (_, i) =>
      draftOf(i, i === 3000 ? { status: 'sent', termsText: '30 days', extra: { disputed: 1 } } : {}),
    );
    expect(roundTrip(drafts)).toEqual(drafts);
  });

  it('keeps more currencies than fit in codes', () => {
    // From row 2000 on every row brings a new currency, past the 256 that one-byte codes can represent.
    const drafts = Array.from({ length: 2600 }, (_, i) => draftOf(i, { currency: i < 2000 ? ['SEK', 'EUR'][i % 2] : `C${i}` }));
    expect(roundTrip(drafts)).toEqual(drafts);
  });
});
