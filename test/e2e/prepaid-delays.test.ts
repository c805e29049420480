// Case 21 of the shared field cases: 5202 was paid 4 days late, and 5201 and 5204 were paid before
// their invoice dates (prepayments). The debtor's recent delays list only the paid invoice, as the
// reasons do, so the row never shows a prepayment as "-30 days late" or ends on a 0 the reasons deny.

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, requireBuild, runCli } from './helpers.js';

beforeAll(() => requireBuild());

describe('recent delays with prepayments (case 21)', () => {
  it('list paid invoices only', () => {
    const run = runCli(['score', join(ROOT, 'test/cases/21-date-order-and-terms/input.csv'), '--as-of', '2024-06-30', '--format', 'json']);
    expect(run.code).toBe(0);
    const [debtor] = (JSON.parse(run.stdout) as { debtors: { recentDaysLate: number[]; reasons: { code: string; args: { daysLate?: number } }[] }[] }).debtors;
    expect(debtor.recentDaysLate).toEqual([4]);
    const lastPayment = debtor.reasons.find((reason) => reason.code.startsWith('REASON_LAST_PAYMENT_LATE'));
    expect(lastPayment?.args.daysLate).toBe(4);
  });
});
