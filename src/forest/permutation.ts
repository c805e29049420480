// Permutation importance: how much the forest's score on the given data drops when one feature's
// column is shuffled, breaking its link to the target while keeping its distribution.

import type { Forest } from './forest.js';
import { rocAuc, rSquared } from './metrics.js';
import { Rng } from './rng.js';
import type { TrainData } from './types.js';

export interface PermutationImportance {
  /** Score on the unshuffled data: AUC for classification, R^2 for regression. */
  baseline: number;
  /** Mean drop in score per feature over the repeats. */
  mean: Float64Array;
  /** Standard deviation of the drop per feature (population form). */
  std: Float64Array;
}

export function permutationImportance(
  forest: Forest,
  data: TrainData,
  options: { repeats?: number; seed?: number } = {},
): PermutationImportance {
  const repeats = options.repeats ?? 5;
  const rng = new Rng(options.seed ?? 1);
  const { rows, cols } = data.X;
  const score = (predictions: Float64Array): number =>
    forest.task === 'classification' ? rocAuc(data.y, predictions) : rSquared(data.y, predictions);

  const baseline = score(forest.predict(data.X));
  const X = { data: data.X.data.slice(), rows, cols };
  const column = new Float64Array(rows);
  const mean = new Float64Array(cols);
  const std = new Float64Array(cols);
  const drops = new Float64Array(repeats);

  for (let f = 0; f < cols; f++) {
    for (let r = 0; r < rows; r++) column[r] = data.X.data[r * cols + f];

    for (let repeat = 0; repeat < repeats; repeat++) {
      // Fisher-Yates shuffle of the column into the working copy.
      const shuffled = column.slice();
      for (let i = rows - 1; i > 0; i--) {
        const j = rng.nextInt(i + 1);
        const swap = shuffled[i];
        shuffled[i] = shuffled[j];
        shuffled[j] = swap;
      }
      for (let r = 0; r < rows; r++) X.data[r * cols + f] = shuffled[r];
      drops[repeat] = baseline - score(forest.predict(X));
    }

    // Restore the column before the next feature.
    for (let r = 0; r < rows; r++) X.data[r * cols + f] = column[r];

    let sum = 0;
    for (let k = 0; k < repeats; k++) sum += drops[k];
    mean[f] = sum / repeats;
    let squares = 0;
    for (let k = 0; k < repeats; k++) squares += (drops[k] - mean[f]) ** 2;
    std[f] = Math.sqrt(squares / repeats);
  }
  return { baseline, mean, std };
}
