// Explains many rows at once with the same numbers as RiskModel.explain, but tree by tree over a
// block of rows instead of row by row over all trees. A block of rows walked through one tree keeps
// that tree's arrays in cache, while one row walked through every tree misses it at most nodes.
// NOTE: this repeats ForestRiskModel.explain and Forest.contributions step for step, so a change
// there must be made here too; test/scoring/explain-batch.test.ts fails when the two differ.

import { RiskpayError } from '../findings.js';
import type { Contributions, Matrix } from '../forest/types.js';
import { applyCalibration } from '../model/calibration.js';
import { ForestRiskModel, LATE_AFTER_FEATURE } from '../model/risk-model.js';
import type { RiskModel } from '../model/types.js';

/** Rows walked through one tree before the next tree (about 80 KB of contributions at 40 features). */
const BLOCK_ROWS = 256;

/**
 * Returns the contributions of each selected row of `rows` (input order columns), equal value for
 * value to `model.explain(row)`. Models other than ForestRiskModel are explained row by row.
 */
export function explainRows(model: RiskModel, rows: Matrix, selected: readonly number[]): Contributions[] {
  if (!(model instanceof ForestRiskModel)) {
    return selected.map((r) => model.explain(rows.data.subarray(r * rows.cols, (r + 1) * rows.cols)));
  }

  // project() copies the rows, checks their width and fills the lateness-threshold column. A subset of
  // rows is gathered first, while all rows in order are projected as they are.
  const projected = model.project(isEveryRow(selected, rows.rows) ? rows : pickRows(rows, selected));
  // The walk below only reads the features on each row's paths; callers take their risks from these
  // predictions, so every value is checked as predictLate would check it.
  checkFinite(projected);
  const columns = inputColumns(model);
  const inputs = model.inputNames.length;
  const result: Contributions[] = [];
  for (let start = 0; start < projected.rows; start += BLOCK_ROWS) {
    const raw = rawContributions(model, projected, start, Math.min(BLOCK_ROWS, projected.rows - start));
    // One array per block holds the calibrated values of its rows, instead of one small array per row.
    const block = new Float64Array(raw.length * inputs);
    raw.forEach((contributions, i) => {
      const calibrated = calibrate(model, columns, contributions, block.subarray(i * inputs, (i + 1) * inputs));
      // The delay model's late probability is read from the input row, as ForestRiskModel.explain does.
      const tail = model.tailColumn >= 0 ? rows.data[selected[start + i] * rows.cols + model.tailColumn] : NaN;
      result.push(model.blendContributions(calibrated, tail));
    });
  }
  return result;
}

function isEveryRow(selected: readonly number[], rows: number): boolean {
  return selected.length === rows && selected.every((r, i) => r === i);
}

function pickRows(rows: Matrix, selected: readonly number[]): Matrix {
  const picked = new Float64Array(selected.length * rows.cols);
  selected.forEach((r, i) => picked.set(rows.data.subarray(r * rows.cols, (r + 1) * rows.cols), i * rows.cols));
  return { data: picked, rows: selected.length, cols: rows.cols };
}

/** Throws FOREST_INPUT_NOT_FINITE for the first NaN or infinite value, with the same args as Forest.predict. */
function checkFinite(rows: Matrix): void {
  const { data, cols } = rows;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new RiskpayError('FOREST_INPUT_NOT_FINITE', { row: Math.floor(i / cols), feature: i % cols, value: String(data[i]) });
    }
  }
}

/** Input index of each model column, -1 for the lateness-threshold column (as ForestRiskModel maps them). */
function inputColumns(model: ForestRiskModel): Int32Array {
  const position = new Map(model.inputNames.map((name, i) => [name, i]));
  return Int32Array.from(model.meta.featureNames, (name) => (name === LATE_AFTER_FEATURE ? -1 : position.get(name) ?? -1));
}

/**
 * Computes the forest's path contributions of `count` rows from `start`, with the same summation order
 * as Forest.contributions (trees in order, splits along the path), so the sums are bit-identical.
 * The rows of a block are walked through one tree before the next tree.
 */
function rawContributions(model: ForestRiskModel, rows: Matrix, start: number, count: number): Contributions[] {
  const forest = model.classifier;
  const trees = forest.trees;
  const width = rows.cols;
  const scale = 1 / trees.length;
  let bias = 0;
  for (const tree of trees) bias += tree.value[0];

  const values = new Float64Array(count * forest.nFeatures);
  const predictions = new Float64Array(count);
  for (const { feature, threshold, left, right, value } of trees) {
    for (let i = 0; i < count; i++) {
      const base = (start + i) * width;
      const out = i * forest.nFeatures;
      let node = 0;
      while (feature[node] >= 0) {
        const f = feature[node];
        const x = rows.data[base + f];
        if (!Number.isFinite(x)) throw new RiskpayError('FOREST_INPUT_NOT_FINITE', { row: start + i, feature: f, value: String(x) });
        const child = x <= threshold[node] ? left[node] : right[node];
        values[out + f] += value[child] - value[node];
        node = child;
      }
      predictions[i] += value[node];
    }
  }

  const result: Contributions[] = [];
  for (let i = 0; i < count; i++) {
    const rowValues = values.subarray(i * forest.nFeatures, (i + 1) * forest.nFeatures);
    for (let f = 0; f < rowValues.length; f++) rowValues[f] *= scale;
    result.push({ bias: bias * scale, values: rowValues, prediction: predictions[i] * scale });
  }
  return result;
}

/** Moves raw contributions to the calibrated scale, as ForestRiskModel.explain does. */
function calibrate(model: ForestRiskModel, columns: Int32Array, raw: Contributions, values: Float64Array): Contributions {
  const bias = applyCalibration(model.calibration, raw.bias);
  const prediction = applyCalibration(model.calibration, raw.prediction);
  // One factor keeps "bias plus contributions equals prediction", because calibration is not linear.
  const rawChange = raw.prediction - raw.bias;
  const scale = Math.abs(rawChange) > 1e-12 ? (prediction - bias) / rawChange : 0;
  columns.forEach((inputIndex, c) => {
    // The threshold column is the same for every row, so its share stays in the bias.
    if (inputIndex >= 0) values[inputIndex] = raw.values[c] * scale;
  });
  if (scale === 0 && Math.abs(prediction - bias) > 0) return { bias: prediction, values, prediction };
  return { bias, values, prediction };
}
