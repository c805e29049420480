// Applies a debtor's unallocated credit to its open invoices, so that the overdue balance never exceeds
// the open balance. The ledger lowers the open balance by every credit note (and any invoice read as a
// credit note), but a credit note names no invoice. Rule: the credit is applied to the open
// invoices with the oldest due date first (ties by invoice id), which clears the most overdue money first.

import type { DebtorSnapshot, DebtorStats, OpenInvoice } from '../features/types.js';
import { agingBucket } from '../features/history.js';
import { compareText } from './compare.js';

/** A debtor's open invoices after credit, and the stats that depend on them. */
export interface CreditAllocation {
  /** Balance of each open invoice (not credit note) after credit, by invoice id. */
  balances: Map<string, number>;
  /** The snapshot's stats with overdue balance, count, oldest days and aging recomputed after credit. */
  stats: DebtorStats;
}

/** Returns the debtor's invoice balances and overdue figures after applying its open credit. */
export function allocateCredit(snapshot: DebtorSnapshot): CreditAllocation {
  const invoices = snapshot.openInvoices
    .filter((open) => open.invoice.kind === 'invoice' && open.balance > 0)
    .sort((a, b) => a.invoice.dueDate - b.invoice.dueDate || compareText(a.invoice.id, b.invoice.id));

  // The open balance already nets credit notes and overpayments, which are not in `openInvoices`, so
  // the unallocated credit is what the invoices' balances exceed it by.
  const invoiceTotal = invoices.reduce((sum, open) => sum + open.balance, 0);
  let credit = Math.max(0, invoiceTotal - snapshot.stats.openBalance);

  const balances = new Map<string, number>();
  for (const open of invoices) {
    const applied = Math.max(0, Math.min(credit, open.balance));
    credit -= applied;
    balances.set(open.invoice.id, open.balance - applied);
  }

  return { balances, stats: overdueStatsAfterCredit(snapshot.stats, invoices, balances) };
}

function overdueStatsAfterCredit(
  stats: DebtorStats,
  invoices: readonly OpenInvoice[],
  balances: Map<string, number>,
): DebtorStats {
  let overdueBalance = 0;
  let overdueCount = 0;
  let oldestOverdueDays: number | null = null;
  const aging: DebtorStats['aging'] = [0, 0, 0, 0];

  for (const open of invoices) {
    const balance = balances.get(open.invoice.id) ?? 0;
    if (open.daysOverdue <= 0 || balance <= 0) continue;
    overdueBalance += balance;
    overdueCount += 1;
    oldestOverdueDays = Math.max(oldestOverdueDays ?? 0, open.daysOverdue);
    aging[agingBucket(open.daysOverdue)] += balance;
  }

  return {
    ...stats,
    overdueBalance,
    overdueCount,
    oldestOverdueDays,
    aging,
    // A share above 1 can only come from credit elsewhere in the currency, so it is capped.
    shareOfReceivables: Math.min(1, Math.max(0, stats.shareOfReceivables)),
  };
}
