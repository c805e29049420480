// The draft store grows its typed columns by copying, and it frees the old ones at once. Every draft
// must come back as it went in, across several growths.

import { describe, expect, it } from 'vitest';
import { Pending } from '../../src/ingest/columns.js';
import { DraftStore, type NewDraft } from '../../src/ingest/draft-store.js';

const headers = { invoiceId: 'InvoiceNo' };

function draftOf(i: number): NewDraft {
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
    extra: {},
    headers,
  };
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
});
