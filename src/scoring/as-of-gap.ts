// Warns when a run that took today as its as-of date reads an export whose dates end long before today.

import { formatDay } from '../dates.js';
import { finding, type Finding } from '../findings.js';
import type { Ledger } from '../ingest/ledger.js';
import { lastFactDay } from '../model/train.js';

/**
 * Largest gap in days between the latest date in the ledger and a defaulted as-of date (today) that
 * passes without a warning. An export is normally scored within a month or two of being taken, and a
 * business that bills monthly has gaps of up to about a month between its invoices. A longer gap means
 * an old file, on which today makes every open invoice look long overdue.
 */
export const MAX_DAYS_AFTER_LATEST_DATE = 60;

/**
 * Returns SCORE_AS_OF_AFTER_DATA when the as-of date was defaulted to today and is more than
 * MAX_DAYS_AFTER_LATEST_DATE days after the latest issue or payment date in the ledger, else null.
 * A date given by --as-of, RISKPAY_AS_OF or the config file is the user's choice and never warns,
 * and neither does a ledger without invoices.
 */
export function asOfAfterDataFinding(ledger: Ledger, asOf: number, asOfDefaulted: boolean): Finding | null {
  if (!asOfDefaulted) return null;
  const latestDay = lastFactDay(ledger);
  if (!Number.isFinite(latestDay)) return null;

  const gapDays = asOf - latestDay;
  if (gapDays <= MAX_DAYS_AFTER_LATEST_DATE) return null;
  const latest = formatDay(latestDay);
  return finding('SCORE_AS_OF_AFTER_DATA', 'warning', { latest, asOf: formatDay(asOf), days: gapDays, fix: `--as-of ${latest}` });
}
