// Quality measures for late-payment probabilities. Labels are 0/1; probabilities are clamped away from
// 0 and 1 only inside the log loss.

import { rocAuc } from '../forest/index.js';
import type { HoldoutMetrics } from './types.js';

const LOG_LOSS_EPSILON = 1e-6;

/** Area under the ROC curve; NaN when one class is absent. */
export function auc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  return rocAuc(labels, scores);
}

/** Area under the precision-recall curve as average precision (ties broken as one threshold). */
export function prAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let positives = 0;
  for (let i = 0; i < labels.length; i += 1) positives += labels[i] === 1 ? 1 : 0;
  if (positives === 0) return NaN;

  let truePositives = 0;
  let seen = 0;
  let previousRecall = 0;
  let area = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j < order.length && scores[order[j]] === scores[order[i]]) {
      truePositives += labels[order[j]] === 1 ? 1 : 0;
      j += 1;
    }
    seen = j;
    const recall = truePositives / positives;
    area += (recall - previousRecall) * (truePositives / seen);
    previousRecall = recall;
    i = j;
  }
  return area;
}

/** Mean squared difference between probability and outcome. */
export function brier(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i += 1) sum += (probabilities[i] - labels[i]) ** 2;
  return labels.length > 0 ? sum / labels.length : NaN;
}

/** Mean negative log-likelihood in nats. */
export function logLoss(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i += 1) {
    const p = Math.min(Math.max(probabilities[i], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return labels.length > 0 ? sum / labels.length : NaN;
}

/** One bin of a reliability table: predicted probabilities in [from, to). */
export interface ReliabilityBin {
  from: number;
  to: number;
  rows: number;
  meanPredicted: number | null;
  observedLateShare: number | null;
}

/** Ten equal-width bins of predicted probability with the observed late share in each. */
export function reliabilityTable(labels: ArrayLike<number>, probabilities: ArrayLike<number>, bins = 10): ReliabilityBin[] {
  const counts = new Array<number>(bins).fill(0);
  const predicted = new Array<number>(bins).fill(0);
  const observed = new Array<number>(bins).fill(0);
  for (let i = 0; i < labels.length; i += 1) {
    const bin = Math.min(Math.floor(probabilities[i] * bins), bins - 1);
    counts[bin] += 1;
    predicted[bin] += probabilities[i];
    observed[bin] += labels[i];
  }
  return counts.map((count, bin) => ({
    from: bin / bins,
    to: (bin + 1) / bins,
    rows: count,
    meanPredicted: count > 0 ? predicted[bin] / count : null,
    observedLateShare: count > 0 ? observed[bin] / count : null,
  }));
}

/** Precision and recall when every row with probability >= cut is flagged. */
export function precisionRecallAt(labels: ArrayLike<number>, probabilities: ArrayLike<number>, cut: number): { precision: number | null; recall: number | null; flagged: number } {
  let flagged = 0;
  let hits = 0;
  let positives = 0;
  for (let i = 0; i < labels.length; i += 1) {
    positives += labels[i];
    if (probabilities[i] >= cut) {
      flagged += 1;
      hits += labels[i];
    }
  }
  return { precision: flagged > 0 ? hits / flagged : null, recall: positives > 0 ? hits / positives : null, flagged };
}

/**
 * Lift in the top share of groups (debtors): each group is scored by its highest row score, and lift is
 * the late share among the rows of the top groups over the late share of all rows. Groups tied with
 * the last place share the places left by weight, so a scorer that ties everyone gets a lift of 1
 * whatever the order of their names.
 */
export function liftTopGroups(labels: ArrayLike<number>, scores: ArrayLike<number>, groups: readonly string[], share = 0.1): number | null {
  const best = new Map<string, number>();
  for (let i = 0; i < labels.length; i += 1) best.set(groups[i], Math.max(best.get(groups[i]) ?? -Infinity, scores[i]));
  const ranked = [...best.values()].sort((a, b) => b - a);
  const topCount = Math.max(1, Math.round(ranked.length * share));
  const cut = ranked[Math.min(topCount, ranked.length) - 1];
  const above = ranked.filter((score) => score > cut).length;
  const tied = ranked.filter((score) => score === cut).length;
  const tiedWeight = tied > 0 ? (topCount - above) / tied : 0;
  const weightOf = (group: string): number => {
    const score = best.get(group) as number;
    if (score > cut) return 1;
    return score === cut ? tiedWeight : 0;
  };

  let late = 0;
  let topRows = 0;
  let topLate = 0;
  for (let i = 0; i < labels.length; i += 1) {
    late += labels[i];
    const weight = weightOf(groups[i]);
    topRows += weight;
    topLate += weight * labels[i];
  }
  if (labels.length === 0 || late === 0 || topRows === 0) return null;
  return topLate / topRows / (late / labels.length);
}

/** The four headline figures plus counts: the same shape as the holdout metrics saved in a model file. */
export type ClassifierMetrics = HoldoutMetrics;

export function classifierMetrics(labels: ArrayLike<number>, probabilities: ArrayLike<number>): ClassifierMetrics {
  let positives = 0;
  for (let i = 0; i < labels.length; i += 1) positives += labels[i];
  return {
    auc: auc(labels, probabilities),
    prAuc: prAuc(labels, probabilities),
    brier: brier(labels, probabilities),
    logLoss: logLoss(labels, probabilities),
    rows: labels.length,
    positives,
  };
}
