// Turns the model's per-feature contributions into at most a few reasons in words. Contributions of
// features that share a reason code are summed; only codes whose sum raises the risk are kept.

import type { Contributions } from '../forest/types.js';
import type { DebtorSnapshot, OpenInvoice } from '../features/types.js';
import { compareText } from './compare.js';
import { EXTRA_MEAN_PREFIX, EXTRA_PREFIX, INVOICE_FEATURES } from '../features/catalog.js';
import { reasonFor, reasonGroup, type ReasonArgs, type ReasonInput, type ReasonWords } from './reason-codes.js';
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

/** Facts about each column of a feature name list that groupContributions reads, worked out once per list. */
interface ColumnPlan {
  /** Column of each feature name. */
  index: Map<string, number>;
  /** Per column: its words are the same on every row of one debtor, and so kept in the debtor cache. */
  debtorLevel: boolean[];
  /** Per column: the key of its words in the debtor cache, shared by the columns of one reasonGroup. */
  group: string[];
  /**
   * Per column: the slot of its words in the row's own list, one per reasonGroup and level, so each
   * group's words are looked up or built once per row.
   */
  slot: number[];
  slots: number;
}

/** Scoring groups every row with the same name list, so each list is planned once. */
const columnPlans = new WeakMap<readonly string[], ColumnPlan>();

function columnPlan(featureNames: readonly string[]): ColumnPlan {
  let plan = columnPlans.get(featureNames);
  if (plan) return plan;
  const slots = new Map<string, number>();
  plan = { index: new Map(featureNames.map((name, i) => [name, i])), debtorLevel: [], group: [], slot: [], slots: 0 };
  for (const feature of featureNames) {
    const group = reasonGroup(feature);
    const debtorLevel = isDebtorLevel(feature);
    // A debtor-level and a row-level feature of one group do not share words: the debtor-level one
    // keeps the words of the debtor's first row.
    const key = `${debtorLevel ? 'debtor' : 'row'}:${group}`;
    const slot = slots.get(key) ?? slots.size;
    slots.set(key, slot);
    plan.debtorLevel.push(debtorLevel);
    plan.group.push(group);
    plan.slot.push(slot);
  }
  plan.slots = slots.size;
  columnPlans.set(featureNames, plan);
  return plan;
}

/**
 * Groups one row's contributions by reason code. Pass the same `debtorCache` for every row of one
 * debtor, so the words of debtor-level features are built once per debtor instead of once per invoice.
 * Features of one reasonGroup share their words, so each group's words are built once per debtor or row.
 */
export function groupContributions(
  contributions: Contributions,
  featureNames: readonly string[],
  row: ArrayLike<number>,
  snapshot: DebtorSnapshot,
  invoice: OpenInvoice | null,
  debtorCache: Map<string, ReasonWords> = new Map(),
): Map<string, ReasonTotal> {
  const plan = columnPlan(featureNames);
  const input: ReasonInput = {
    snapshot,
    invoice,
    value: (name) => {
      const i = plan.index.get(name);
      return i === undefined ? null : row[i];
    },
  };
  const rowWords: (ReasonWords | undefined)[] = new Array(plan.slots);
  // The total of each slot's code once found: the features of one slot share their words and so their
  // code, and the map is then searched once per slot instead of once per feature.
  const slotTotals: (ReasonTotal | undefined)[] = new Array(plan.slots);

  const totals = new Map<string, ReasonTotal>();
  const values = contributions.values;
  for (let i = 0; i < featureNames.length; i++) {
    const contribution = values[i];
    if (contribution === 0) continue;
    const feature = featureNames[i];

    const slot = plan.slot[i];
    let words = rowWords[slot];
    if (!words) {
      if (plan.debtorLevel[i]) {
        words = debtorCache.get(plan.group[i]);
        if (!words) {
          words = reasonFor(feature, input);
          debtorCache.set(plan.group[i], words);
        }
      } else {
        words = reasonFor(feature, input);
      }
      rowWords[slot] = words;
    }
    const { code, args } = words;
    const weak = words.weak === true;
    let total = slotTotals[slot];
    if (total === undefined) {
      total = totals.get(code);
      if (total === undefined) {
        total = { code, contribution, feature, topFeatureContribution: contribution, args, weak };
        totals.set(code, total);
        slotTotals[slot] = total;
        continue;
      }
      slotTotals[slot] = total;
    }
    total.contribution += contribution;
    if (contribution > total.topFeatureContribution) {
      total.topFeatureContribution = contribution;
      total.feature = feature;
      total.args = args;
      total.weak = weak;
    }
  }
  return totals;
}

/**
 * Combines several rows' grouped contributions with weights that sum to 1, so the result decomposes the
 * weighted mean risk. Arguments come from the row that contributes most to each code.
 */
export function combineWeighted(parts: { weight: number; totals: Map<string, ReasonTotal> }[]): Map<string, ReasonTotal> {
  const combined = new Map<string, ReasonTotal>();
  // A debtor with one explained invoice is the common case; each code occurs once, so nothing competes.
  if (parts.length === 1) {
    const { weight, totals } = parts[0];
    for (const total of totals.values()) {
      if (combined.has(total.code)) return combineParts(parts);
      combined.set(total.code, {
        code: total.code,
        contribution: weight * total.contribution,
        feature: total.feature,
        topFeatureContribution: total.topFeatureContribution,
        args: total.args,
        weak: total.weak,
      });
    }
    return combined;
  }
  return combineParts(parts);
}

function combineParts(parts: { weight: number; totals: Map<string, ReasonTotal> }[]): Map<string, ReasonTotal> {
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
  const fold = repeatFold(totals);
  // The best codes so far, in their final order. Codes are unique, so the order is total and keeping
  // the first `limit` while scanning gives what sorting all of them would.
  const best: { total: ReasonTotal; contribution: number }[] = [];
  for (const total of totals.values()) {
    if (total === fold?.recent) continue;
    const contribution = total === fold?.into ? total.contribution + fold.recent.contribution : total.contribution;
    if (!(contribution > MIN_CONTRIBUTION) || total.weak === true) continue;
    let at = best.length;
    while (at > 0 && ranksBefore(contribution, total.code, best[at - 1].contribution, best[at - 1].total.code)) at--;
    if (at >= limit) continue;
    best.splice(at, 0, { total, contribution });
    if (best.length > limit) best.pop();
  }
  return best.map(({ total, contribution }) => ({
    code: total.code,
    feature: total.feature,
    contribution: Math.round(contribution * 10_000) / 10_000,
    args: total.args,
  }));
}

/** Larger contribution first, then code order. */
function ranksBefore(contribution: number, code: string, otherContribution: number, otherCode: string): boolean {
  return (otherContribution - contribution || compareText(code, otherCode)) < 0;
}

/**
 * Folds REASON_RECENT_LATENESS into REASON_PAYMENTS_SLOWING when both are there: the slowing reason
 * already gives the recent mean over the same paid invoices, so the two would repeat one figure. It is
 * folded into REASON_LATE_HISTORY when that covers the same paid invoices, for the same reason.
 * Returns the total to leave out and the one that takes its contribution, or null when nothing folds.
 */
function repeatFold(totals: Map<string, ReasonTotal>): { recent: ReasonTotal; into: ReasonTotal } | null {
  const recent = totals.get('REASON_RECENT_LATENESS') ?? totals.get('REASON_RECENT_LATENESS_ONE_DAY');
  if (!recent) return null;
  // When the recent paid invoices are all the paid invoices, the history mean is the same figure.
  const history = totals.get('REASON_LATE_HISTORY') ?? totals.get('REASON_LATE_HISTORY_ONE_DAY');
  const sameInvoices = history !== undefined && history.args.count === recent.args.count;
  const into = totals.get('REASON_PAYMENTS_SLOWING') ?? (sameInvoices ? history : undefined);
  return into ? { recent, into } : null;
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
