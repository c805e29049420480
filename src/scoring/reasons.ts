// Turns the model's per-feature contributions into at most a few reasons in words. Contributions of
// features that share a reason code are summed; only codes whose sum raises the risk are kept.

import type { Contributions } from '../forest/types.js';
import type { DebtorSnapshot, OpenInvoice } from '../features/types.js';
import { compareText } from './compare.js';
import { EXTRA_MEAN_PREFIX, EXTRA_PREFIX, INVOICE_FEATURES } from '../features/catalog.js';
import { reasonFor, type ReasonArgs, type ReasonWords } from './reason-codes.js';
import type { Reason } from './types.js';

/** Reasons shown per debtor or invoice. */
export const MAX_REASONS = 3;

/**
 * Contributions below this (half a percentage point of risk) are too small to act on: a weekday or an
 * ordinary amount that moves the risk by 0.02 points is noise from the tree averaging, not a reason.
 */
const MIN_CONTRIBUTION = 0.005;

/** A reason code's total contribution and the feature that contributed most to it. */
export interface ReasonTotal {
  code: string;
  contribution: number;
  feature: string;
  /** The largest single feature contribution within the code, to pick `feature` and `args`. */
  topFeatureContribution: number;
  args: ReasonArgs;
  /** True when the words of `feature` do not support a higher risk, so topReasons leaves the code out. */
  weak?: boolean;
}

const INVOICE_FEATURE_NAMES = new Set(INVOICE_FEATURES.map((spec) => spec.name));

/** True for features whose value, and so whose reason, is the same on every row of one debtor. */
function isDebtorLevel(feature: string): boolean {
  if (INVOICE_FEATURE_NAMES.has(feature)) return false;
  return !feature.startsWith(EXTRA_PREFIX) || feature.startsWith(EXTRA_MEAN_PREFIX);
}

/** Column of each feature name, built once per name list: scoring groups every row with the same list. */
const featureIndexes = new WeakMap<readonly string[], Map<string, number>>();

function featureIndex(featureNames: readonly string[]): Map<string, number> {
  let index = featureIndexes.get(featureNames);
  if (!index) {
    index = new Map(featureNames.map((name, i) => [name, i]));
    featureIndexes.set(featureNames, index);
  }
  return index;
}

/**
 * Groups one row's contributions by reason code. Pass the same `debtorCache` for every row of one
 * debtor, so the words of debtor-level features are built once per debtor instead of once per invoice.
 */
export function groupContributions(
  contributions: Contributions,
  featureNames: readonly string[],
  row: ArrayLike<number>,
  snapshot: DebtorSnapshot,
  invoice: OpenInvoice | null,
  debtorCache: Map<string, ReasonWords> = new Map(),
): Map<string, ReasonTotal> {
  const index = featureIndex(featureNames);
  const value = (name: string): number | null => {
    const i = index.get(name);
    return i === undefined ? null : row[i];
  };

  const totals = new Map<string, ReasonTotal>();
  featureNames.forEach((feature, i) => {
    const contribution = contributions.values[i];
    if (contribution === 0) return;

    const cacheable = isDebtorLevel(feature);
    let words = cacheable ? debtorCache.get(feature) : undefined;
    if (!words) {
      words = reasonFor(feature, { snapshot, invoice, value });
      if (cacheable) debtorCache.set(feature, words);
    }
    const { code, args } = words;
    const weak = words.weak === true;
    const total = totals.get(code);
    if (!total) {
      totals.set(code, { code, contribution, feature, topFeatureContribution: contribution, args, weak });
      return;
    }
    total.contribution += contribution;
    if (contribution > total.topFeatureContribution) {
      total.topFeatureContribution = contribution;
      total.feature = feature;
      total.args = args;
      total.weak = weak;
    }
  });
  return totals;
}

/**
 * Combines several rows' grouped contributions with weights that sum to 1, so the result decomposes the
 * weighted mean risk. Arguments come from the row that contributes most to each code.
 */
export function combineWeighted(parts: { weight: number; totals: Map<string, ReasonTotal> }[]): Map<string, ReasonTotal> {
  const combined = new Map<string, ReasonTotal>();
  // The largest weighted contribution seen per code, which picks its feature and args.
  const best = new Map<string, number>();
  for (const { weight, totals } of parts) {
    for (const total of totals.values()) {
      const weighted = weight * total.contribution;
      const existing = combined.get(total.code);
      if (!existing) {
        // Built field by field: spreading objects of several shapes was a hot spot when scoring 1,000,000 invoices.
        combined.set(total.code, {
          code: total.code,
          contribution: weighted,
          feature: total.feature,
          topFeatureContribution: total.topFeatureContribution,
          args: total.args,
          weak: total.weak,
        });
        best.set(total.code, weighted);
        continue;
      }
      existing.contribution += weighted;
      if (weighted > best.get(total.code)!) {
        best.set(total.code, weighted);
        existing.feature = total.feature;
        existing.args = total.args;
        existing.weak = total.weak;
      }
    }
  }
  return combined;
}

/**
 * Picks the codes that raise the risk most, largest first; ties break by code for determinism. Codes
 * whose words do not support a higher risk (weak) are left out, whatever the model's contribution.
 */
export function topReasons(totals: Map<string, ReasonTotal>, limit = MAX_REASONS): Reason[] {
  return [...withoutRepeats(totals).values()]
    .filter((total) => total.contribution > MIN_CONTRIBUTION && total.weak !== true)
    .sort((a, b) => b.contribution - a.contribution || compareText(a.code, b.code))
    .slice(0, limit)
    .map((total) => ({
      code: total.code,
      feature: total.feature,
      contribution: Math.round(total.contribution * 10_000) / 10_000,
      args: total.args,
    }));
}

/**
 * Folds REASON_RECENT_LATENESS into REASON_PAYMENTS_SLOWING when both are there: the slowing reason
 * already gives the recent mean over the same paid invoices, so the two would repeat one figure. It is
 * folded into REASON_LATE_HISTORY when that covers the same paid invoices, for the same reason.
 */
function withoutRepeats(totals: Map<string, ReasonTotal>): Map<string, ReasonTotal> {
  const recent = totals.get('REASON_RECENT_LATENESS') ?? totals.get('REASON_RECENT_LATENESS_ONE_DAY');
  if (!recent) return totals;
  // When the recent paid invoices are all the paid invoices, the history mean is the same figure.
  const history = totals.get('REASON_LATE_HISTORY') ?? totals.get('REASON_LATE_HISTORY_ONE_DAY');
  const sameInvoices = history !== undefined && history.args.count === recent.args.count;
  const into = totals.get('REASON_PAYMENTS_SLOWING') ?? (sameInvoices ? history : undefined);
  if (!into) return totals;

  const folded = new Map(totals);
  folded.delete(recent.code);
  folded.set(into.code, { ...into, contribution: into.contribution + recent.contribution });
  return folded;
}

/**
 * Returns a truthful summary from the debtor's stats for a debtor without a shown reason: its overdue
 * invoices, else its lack of payment history, else its paid invoices and how many were late. Its
 * contribution is 0 and its feature is '' because the model did not supply it.
 */
export function fallbackReason(snapshot: DebtorSnapshot): Reason {
  const { stats } = snapshot;
  const reason = (code: string, args: Reason['args']): Reason => ({ code, feature: '', contribution: 0, args });
  if (stats.overdueCount > 0 && stats.oldestOverdueDays !== null) {
    const args = { overdueCount: stats.overdueCount, oldestOverdueDays: stats.oldestOverdueDays };
    const paidCount = stats.paid?.count ?? stats.settledCount;
    const code = paidCount === 0 ? 'REASON_NO_PAYMENTS_OVERDUE' : 'REASON_OVERDUE_NOW';
    return reason(stats.overdueCount === 1 ? `${code}_ONE` : code, args);
  }

  const paidCount = stats.paid?.count ?? stats.settledCount;
  if (paidCount === 0) return reason('REASON_NO_HISTORY', {});
  const lateCount = stats.paid?.lateCount ?? Math.round((stats.lateShare ?? 0) * paidCount);
  return reason(paidCount === 1 ? 'REASON_PAID_HISTORY_ONE' : 'REASON_PAID_HISTORY', { count: paidCount, lateCount });
}
