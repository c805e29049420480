// Quality measures used for out-of-bag estimates and permutation importance.

/**
 * Area under the ROC curve by the Mann-Whitney rank statistic, ties counted as half. Returns NaN
 * when either class is absent.
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[a] - scores[b]);

  let positives = 0;
  let rankSumPositives = 0;
  let i = 0;
  while (i < n) {
    // Rows with tied scores share the mean of their ranks (1-based).
    let j = i + 1;
    while (j < n && scores[order[j]] === scores[order[i]]) j++;
    const meanRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (labels[order[k]] === 1) {
        positives++;
        rankSumPositives += meanRank;
      }
    }
    i = j;
  }

  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Coefficient of determination, 1 - SSE / SST. Returns NaN when the targets are constant. */
export function rSquared(targets: ArrayLike<number>, predictions: ArrayLike<number>): number {
  const n = targets.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += targets[i];
  mean /= n;

  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    sse += (targets[i] - predictions[i]) ** 2;
    sst += (targets[i] - mean) ** 2;
  }
  return sst === 0 ? NaN : 1 - sse / sst;
}
