// The words of invoice-level reasons: each must name what about the invoice raises the risk.

import { describe, expect, it } from 'vitest';

import type { DebtorSnapshot, OpenInvoice } from '../../src/features/types.js';
import { scoringMessages } from '../../src/i18n/messages/scoring.js';
import { reasonFor } from '../../src/scoring/reason-codes.js';
import { day, invoiceOf, snapshotOf } from './helpers.js';

const AS_OF = '2024-06-30';

function openInvoice(issued: string, due: string, amount = 1000): OpenInvoice {
  const invoice = invoiceOf({ id: 'F-9002', customer: 'C1', issued, due, amount });
  return { invoice, balance: amount, daysOverdue: day(AS_OF) - invoice.dueDate };
}

/** Returns the words for one feature of an invoice row whose features take `values` (others 0). */
function wordsFor(feature: string, open: OpenInvoice, values: Record<string, number> = {}, stats = {}) {
  const snapshot = snapshotOf(stats, { asOf: day(AS_OF) });
  return reasonFor(feature, { snapshot, invoice: open, value: (name) => values[name] ?? 0 });
}

describe('invoice amount reason', () => {
  it('compares with the usual invoice', () => {
    const words = wordsFor('inv_amount_over_median', openInvoice('2024-06-01', '2024-07-01', 1050), { inv_amount_over_median: 1.05 }, { typicalInvoice: 1000 });
    expect(words.code).toBe('REASON_INVOICE_AMOUNT');
    expect(words.args).toEqual({ invoiceId: 'F-9002', amount: 1050, usualAmount: 1000, currency: 'SEK' });
  });

  it('names a first invoice', () => {
    const stats = { settledCount: 0, openCount: 1, typicalInvoice: 1050 };
    const words = wordsFor('inv_amount_over_median', openInvoice('2024-06-01', '2024-07-01', 1050), { inv_amount_over_median: 1 }, stats);
    expect(words.code).toBe('REASON_INVOICE_AMOUNT_FIRST');
    expect(words.args).toEqual({ invoiceId: 'F-9002', amount: 1050, currency: 'SEK' });
  });

  it('gives the ratio far from usual', () => {
    const words = wordsFor('inv_amount_over_median', openInvoice('2024-06-01', '2024-07-01', 3000), { inv_amount_over_median: 3 });
    expect(words.code).toBe('REASON_INVOICE_SIZE');
    expect(words.args.ratio).toBe(3);
  });
});

describe('due date reasons', () => {
  it('names the weekday of the due date', () => {
    // 2025-01-13 was a Monday, 2024-06-29 a Saturday.
    const monday = wordsFor('inv_due_weekday', openInvoice('2024-12-14', '2025-01-13'));
    const saturday = wordsFor('inv_due_weekday', openInvoice('2024-05-30', '2024-06-29'));
    expect(monday.code).toBe('REASON_DUE_ON_MONDAY');
    expect(monday.args).toEqual({ invoiceId: 'F-9002', dueDate: '2025-01-13' });
    expect(saturday.code).toBe('REASON_DUE_ON_SATURDAY');
  });

  it('names the month end', () => {
    const words = wordsFor('inv_due_month_end', openInvoice('2024-06-01', '2024-07-31'), { inv_due_month_end: 1 });
    expect(words.code).toBe('REASON_DUE_AT_MONTH_END');
    expect(words.args).toEqual({ invoiceId: 'F-9002', dueDate: '2024-07-31' });
  });

  it('names the day of the month', () => {
    const words = wordsFor('inv_due_day_of_month', openInvoice('2024-06-13', '2024-07-13'), { inv_due_day_of_month: 13 });
    expect(words.code).toBe('REASON_DUE_DAY_OF_MONTH');
    expect(words.args).toEqual({ invoiceId: 'F-9002', dueDate: '2024-07-13', dayOfMonth: 13 });
  });

  it('names a month-end invoice date', () => {
    const atEnd = wordsFor('inv_issue_month_end', openInvoice('2024-06-29', '2024-07-29'), { inv_issue_month_end: 1 });
    const midMonth = wordsFor('inv_issue_month_end', openInvoice('2024-06-13', '2024-07-13'), { inv_issue_month_end: 0 });
    expect(atEnd.code).toBe('REASON_ISSUED_AT_MONTH_END');
    expect(atEnd.args).toEqual({ invoiceId: 'F-9002', issueDate: '2024-06-29' });
    expect(atEnd.weak).toBeUndefined();
    expect(midMonth.weak).toBe(true);
  });
});

describe('terms and age reasons', () => {
  it('gives the payment terms', () => {
    const words = wordsFor('inv_terms_days', openInvoice('2024-06-01', '2024-07-01'), { inv_terms_days: 30 });
    expect(words.code).toBe('REASON_PAYMENT_TERMS');
    expect(words.args).toEqual({ invoiceId: 'F-9002', termsDays: 30 });
  });

  it('gives age and due date before due', () => {
    const words = wordsFor('inv_age_days', openInvoice('2024-05-24', '2024-07-10'));
    expect(words.code).toBe('REASON_INVOICE_AGE');
    expect(words.args).toEqual({ invoiceId: 'F-9002', ageDays: 37, dueDate: '2024-07-10' });
  });

  it('uses the singular for one day', () => {
    const words = wordsFor('inv_age_days', openInvoice('2024-06-29', '2024-07-29'));
    expect(words.code).toBe('REASON_INVOICE_AGE_ONE_DAY');
    expect(words.args.ageDays).toBe(1);
  });
});

describe('Swedish lateness wording', () => {
  it('says för sent, never dagar sen', () => {
    const sv = scoringMessages.sv as Record<string, string>;
    for (const [key, text] of Object.entries(sv)) {
      expect(text, key).not.toMatch(/\bdagar? sen\b/);
    }
  });

  it('never addresses the reader', () => {
    for (const [key, text] of Object.entries(scoringMessages.sv as Record<string, string>)) {
      expect(text, key).not.toMatch(/\b(du|dig|din|ditt|dina|ni|er|ert|era)\b/i);
    }
  });
});

/**
 * Returns the words of one feature that takes `value` (all others 0), for an invoice row or, with
 * `open` null, a debtor row, on a snapshot with `fields` set.
 */
function singleFeatureWords(feature: string, value: number, open: OpenInvoice | null, fields: Partial<DebtorSnapshot> = {}) {
  const snapshot = snapshotOf({}, { asOf: day(AS_OF), ...fields });
  return reasonFor(feature, { snapshot, invoice: open, value: (name) => (name === feature ? value : 0) });
}

describe('extra-column delay reasons', () => {
  const delayFields: Partial<DebtorSnapshot> = {
    residuals: { count: 4, sum: 20, sumOfSquares: 200 },
    adjustment: { columns: ['Disputed', 'PaperlessBill'], coefficients: [14, -60], lateAfterDays: 0 },
  };
  const delayWords = (feature: string, value: number, open: OpenInvoice | null) => singleFeatureWords(feature, value, open, delayFields);

  it('names the invoice and its columns', () => {
    const words = delayWords('extra_adjusted_days_late', 6.6, openInvoice('2024-06-01', '2024-07-01'));
    expect(words.code).toBe('REASON_EXTRA_ADJUSTED_LATE');
    expect(words.args).toEqual({ invoiceId: 'F-9002', columns: 'Disputed, PaperlessBill', days: 7 });
  });

  it('says early for a negative delay', () => {
    const words = delayWords('extra_adjusted_days_late', -3.2, null);
    expect(words.code).toBe('REASON_EXTRA_ADJUSTED_EARLY_NEW');
    expect(words.args).toEqual({ columns: 'Disputed, PaperlessBill', days: 3 });
  });

  it('keeps the chance within 1-99%', () => {
    const certain = delayWords('extra_adjusted_late_prob', 1, openInvoice('2024-06-01', '2024-07-01'));
    const never = delayWords('extra_adjusted_late_prob', 0, null);
    expect(certain.code).toBe('REASON_EXTRA_ADJUSTED_PROBABILITY');
    expect(certain.args.percent).toBe(99);
    expect(never.code).toBe('REASON_EXTRA_ADJUSTED_PROBABILITY_NEW');
    expect(never.args.percent).toBe(1);
  });

  it('has words in both languages', () => {
    for (const code of ['REASON_EXTRA_ADJUSTED_LATE_NEW', 'REASON_EXTRA_ADJUSTED_EARLY', 'REASON_EXTRA_ADJUSTED_PROBABILITY_NEW', 'REASON_EXTRA_ADJUSTED_SPREAD']) {
      expect(scoringMessages.en).toHaveProperty(code);
      expect(scoringMessages.sv).toHaveProperty(code);
    }
  });
});

describe('extra-column value reasons', () => {
  const extraWords = singleFeatureWords;

  it('names the invoice of a value', () => {
    const words = extraWords('extra_Disputed', 1, openInvoice('2024-06-01', '2024-07-01'));
    expect(words.code).toBe('REASON_EXTRA_COLUMN');
    expect(words.args).toEqual({ invoiceId: 'F-9002', column: 'Disputed', value: 1 });
  });

  it('gives a debtor row the mean and no invoice', () => {
    const value = extraWords('extra_Disputed', 0.94, null);
    const same = extraWords('extra_same_days_late_Disputed', 12, null);
    expect(value.code).toBe('REASON_EXTRA_COLUMN_MEAN');
    expect(same.code).toBe('REASON_EXTRA_SAME_VALUE_NEW');
    expect(same.args).toEqual({ column: 'Disputed', daysLate: 12 });
  });
});

describe('slowing trend reason', () => {
  function trendWords(settled: number[]) {
    const snapshot = snapshotOf({ settledCount: settled.length, recentDaysLate: settled, lateShare: 0.5, meanDaysLate: 5 }, { asOf: day(AS_OF) });
    return reasonFor('trend_days', { snapshot, invoice: null, value: () => 10 });
  }

  it('needs three earlier paid invoices', () => {
    expect(trendWords([0, 0, 20, 20]).code).not.toBe('REASON_PAYMENTS_SLOWING');
    expect(trendWords([0, 0, 0, 20, 20]).code).toBe('REASON_PAYMENTS_SLOWING');
    expect(trendWords([0, 0, 0, 20, 20, 20, 20, 20]).code).toBe('REASON_PAYMENTS_SLOWING');
  });
});
