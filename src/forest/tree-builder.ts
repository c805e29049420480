// Grows one CART tree on binned data. Kept free of zod and of the Forest class so a worker thread
// loads only this module, the binning and the RNG.
//
// Bootstrap draws become per-row counts: a row drawn twice weighs 2, a row never drawn is out of bag.
// Each row carries two statistics that histograms sum:
//   classification: (draws labelled 0, draws labelled 1); class weights apply at split evaluation
//   regression:     (draws, draws * y)
// Every split maximises the sum over both children of a "score" whose drop from the parent is the
// weighted impurity decrease: (W0^2 + W1^2) / W for Gini, S^2 / N for squared error.

import type { ForestTask } from './types.js';
import type { BinnedData } from './binning.js';
import { MAX_BINS } from './binning.js';
import { Rng } from './rng.js';

export interface TreeParams {
  task: ForestTask;
  maxDepth: number;
  minSamplesLeaf: number;
  /** Features tried at each split, 1..cols. */
  maxFeatures: number;
  /** Weights of class 0 and class 1: 1 and 1 unless balanced. Regression ignores them. */
  classWeights: [number, number];
  bootstrap: boolean;
  /** Rows drawn per tree: with replacement when bootstrap, else without. */
  sampleCount: number;
}

/** One tree as parallel arrays. Node 0 is the root, and children have larger indices than their parent. */
export interface TreeArrays {
  /** Split feature, or -1 for a leaf. */
  feature: Int32Array;
  /** Rows with value <= threshold go left. Leaves store 0. */
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** Node value: P(class 1) for classification, the mean target for regression. */
  value: Float64Array;
}

export interface BuiltTree {
  tree: TreeArrays;
  /** Weighted impurity decrease per feature, not normalized. */
  importance: Float64Array;
  /** Out-of-bag rows and this tree's prediction for each. */
  oobRows: Int32Array;
  oobValues: Float64Array;
}

/** Rounds a node value to 7 significant digits, so JSON stays short at no useful loss of precision. */
export function roundValue(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const scale = 10 ** (6 - exponent);
  return Math.round(value * scale) / scale;
}

/** Per-row bootstrap counts drawn from the tree's generator. */
function drawCounts(rng: Rng, rows: number, params: TreeParams): Int32Array {
  const counts = new Int32Array(rows);

  if (params.bootstrap) {
    for (let i = 0; i < params.sampleCount; i++) counts[rng.nextInt(rows)]++;
    return counts;
  }

  if (params.sampleCount >= rows) {
    counts.fill(1);
    return counts;
  }

  // Without replacement: the first sampleCount entries of a partial Fisher-Yates shuffle.
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  for (let i = 0; i < params.sampleCount; i++) {
    const j = i + rng.nextInt(rows - i);
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
    counts[order[i]] = 1;
  }
  return counts;
}

/** Nodes with fewer rows than this mark touched bins instead of scanning all 256 (a tuning estimate). */
const SMALL_NODE_ROWS = 512;

/**
 * Adds each row's draw count at (feature slot, bin, label). codes[i] belongs to the row index[i]
 * and contains count * 2 + label, so the loop reads one sequential array instead of two random ones.
 */
function fillClassHistograms(
  index: Int32Array,
  start: number,
  end: number,
  bins: Uint8Array,
  rows: number,
  slotFeature: Int32Array,
  batch: number,
  codes: Int32Array,
  histogram: Float64Array,
  touched: Int32Array,
  markBins: boolean,
): void {
  for (let k = 0; k < batch; k++) {
    const column = slotFeature[k] * rows;
    const slot = k << 9;
    if (markBins) {
      const marks = k << 3;
      for (let i = start; i < end; i++) {
        const bin = bins[column + index[i]];
        const code = codes[i];
        histogram[slot + (bin << 1) + (code & 1)] += code >> 1;
        touched[marks + (bin >> 5)] |= 1 << (bin & 31);
      }
    } else {
      for (let i = start; i < end; i++) {
        const code = codes[i];
        histogram[slot + (bins[column + index[i]] << 1) + (code & 1)] += code >> 1;
      }
    }
  }
}

/** Adds (draws, draws * y) per row; stat0[i] and stat1[i] belong to the row index[i]. */
function fillRegressionHistograms(
  index: Int32Array,
  start: number,
  end: number,
  bins: Uint8Array,
  rows: number,
  slotFeature: Int32Array,
  batch: number,
  stat0: Float64Array,
  stat1: Float64Array,
  histogram: Float64Array,
  touched: Int32Array,
  markBins: boolean,
): void {
  for (let k = 0; k < batch; k++) {
    const column = slotFeature[k] * rows;
    const slot = k << 9;
    const marks = k << 3;
    for (let i = start; i < end; i++) {
      const bin = bins[column + index[i]];
      const offset = slot + (bin << 1);
      histogram[offset] += stat0[i];
      histogram[offset + 1] += stat1[i];
      if (markBins) touched[marks + (bin >> 5)] |= 1 << (bin & 31);
    }
  }
}

/** Writes the marked bins of slot k to `out` in ascending order, clears the marks, returns the count. */
function listMarkedBins(touched: Int32Array, k: number, out: Int32Array): number {
  let n = 0;
  for (let word = 0; word < 8; word++) {
    let bits = touched[(k << 3) + word];
    touched[(k << 3) + word] = 0;
    while (bits !== 0) {
      const lowest = bits & -bits;
      out[n++] = (word << 5) + (31 - Math.clz32(lowest));
      bits ^= lowest;
    }
  }
  return n;
}

/** Writes the bins of slot k with any weight to `out` in ascending order, returns the count. */
function listNonEmptyBins(histogram: Float64Array, k: number, binCount: number, out: Int32Array): number {
  let n = 0;
  for (let bin = 0; bin < binCount; bin++) {
    const offset = (k << 9) + (bin << 1);
    if (histogram[offset] !== 0 || histogram[offset + 1] !== 0) out[n++] = bin;
  }
  return n;
}

export function buildTree(data: BinnedData, y: Float64Array, params: TreeParams, seed: number): BuiltTree {
  const { rows, cols, bins, edges } = data;
  const { task, maxDepth, minSamplesLeaf, maxFeatures } = params;
  const isClassification = task === 'classification';
  const [weight0, weight1] = params.classWeights;
  const rng = new Rng(seed);

  // Bootstrap counts and the in-bag rows in ascending order.
  const counts = drawCounts(rng, rows, params);
  let inBag = 0;
  for (let r = 0; r < rows; r++) if (counts[r] > 0) inBag++;
  const index = new Int32Array(inBag);
  // Per-position row statistics, permuted together with `index` so histogram passes read them
  // sequentially: codes (classification) or stat0/stat1 (regression).
  const codes = new Int32Array(isClassification ? inBag : 0);
  const stat0 = new Float64Array(isClassification ? 0 : inBag);
  const stat1 = new Float64Array(isClassification ? 0 : inBag);
  const scratchIndex = new Int32Array(inBag);
  const scratchCodes = new Int32Array(isClassification ? inBag : 0);
  const scratch0 = new Float64Array(isClassification ? 0 : inBag);
  const scratch1 = new Float64Array(isClassification ? 0 : inBag);
  let total0 = 0;
  let total1 = 0;
  for (let r = 0, k = 0; r < rows; r++) {
    const c = counts[r];
    if (c === 0) continue;
    index[k] = r;
    if (isClassification) {
      const label = y[r] === 1 ? 1 : 0;
      codes[k] = c * 2 + label;
      if (label === 1) total1 += c;
      else total0 += c;
    } else {
      stat0[k] = c;
      stat1[k] = c * y[r];
      total0 += c;
      total1 += c * y[r];
    }
    k++;
  }

  // Node storage. A binary tree of depth maxDepth has at most 2^(maxDepth+1) - 1 nodes.
  const capacity = Math.max(1, Math.min(2 * inBag + 1, 2 ** (maxDepth + 1) - 1));
  const feature = new Int32Array(capacity).fill(-1);
  const threshold = new Float64Array(capacity);
  const thresholdBin = new Int32Array(capacity);
  const left = new Int32Array(capacity).fill(-1);
  const right = new Int32Array(capacity).fill(-1);
  const value = new Float64Array(capacity);
  const importance = new Float64Array(cols);
  let nodeCount = 1;
  let treeDepth = 0;

  // Histograms: 256 bins x 2 statistics per feature slot, plus a 256-bit map of the bins a node
  // touched, so the scan visits only occupied bins in ascending order without sorting.
  const histogram = new Float64Array(cols * 512);
  const touched = new Int32Array(cols * 8);
  const slotFeature = new Int32Array(cols);
  const occupied = new Int32Array(256);
  const order = new Int32Array(cols);
  for (let f = 0; f < cols; f++) order[f] = f;

  // Depth-first work stack. The left child is processed first.
  const stackSize = 2 * (maxDepth + 2);
  const stackStart = new Int32Array(stackSize);
  const stackEnd = new Int32Array(stackSize);
  const stackDepth = new Int32Array(stackSize);
  const stackNode = new Int32Array(stackSize);
  const stackSum0 = new Float64Array(stackSize);
  const stackSum1 = new Float64Array(stackSize);
  let top = 0;
  stackStart[0] = 0;
  stackEnd[0] = inBag;
  stackDepth[0] = 0;
  stackNode[0] = 0;
  stackSum0[0] = total0;
  stackSum1[0] = total1;
  top = 1;

  while (top > 0) {
    top--;
    const start = stackStart[top];
    const end = stackEnd[top];
    const depth = stackDepth[top];
    const node = stackNode[top];
    const sum0 = stackSum0[top];
    const sum1 = stackSum1[top];

    // Node value and the parent's score.
    let count: number;
    let parentScore: number;
    if (isClassification) {
      const w0 = weight0 * sum0;
      const w1 = weight1 * sum1;
      count = sum0 + sum1;
      value[node] = roundValue(w1 / (w0 + w1));
      parentScore = (w0 * w0 + w1 * w1) / (w0 + w1);
    } else {
      count = sum0;
      value[node] = roundValue(sum1 / sum0);
      parentScore = (sum1 * sum1) / sum0;
    }

    if (depth >= maxDepth || count < 2 * minSamplesLeaf) continue;
    if (isClassification) {
      if (sum0 === 0 || sum1 === 0) continue;
    } else {
      let constant = true;
      const first = y[index[start]];
      for (let i = start + 1; i < end; i++) {
        if (y[index[i]] !== first) {
          constant = false;
          break;
        }
      }
      if (constant) continue;
    }

    // Split search over random features. A feature that is constant in this node does not count
    // towards maxFeatures, so more are drawn until maxFeatures usable ones were tried or none are left.
    let bestScore = -Infinity;
    let bestFeature = -1;
    let bestBin = -1;
    let bestLeft0 = 0;
    let bestLeft1 = 0;
    let drawn = 0;
    let usable = 0;

    while (usable < maxFeatures && drawn < cols) {
      const batch = Math.min(maxFeatures - usable, cols - drawn);
      for (let k = 0; k < batch; k++) {
        const j = drawn + rng.nextInt(cols - drawn);
        const swap = order[drawn];
        order[drawn] = order[j];
        order[j] = swap;
        slotFeature[k] = order[drawn];
        drawn++;
      }

      // Histogram pass over the node's rows. Small nodes also mark the bins they touch, so the
      // scan below skips the empty ones. Large nodes touch most bins anyway.
      const markBins = end - start < SMALL_NODE_ROWS;
      if (isClassification) {
        fillClassHistograms(index, start, end, bins, rows, slotFeature, batch, codes, histogram, touched, markBins);
      } else {
        fillRegressionHistograms(index, start, end, bins, rows, slotFeature, batch, stat0, stat1, histogram, touched, markBins);
      }

      // Scan each feature's occupied bins in order, clearing them on the way.
      for (let k = 0; k < batch; k++) {
        const occupiedBins = markBins
          ? listMarkedBins(touched, k, occupied)
          : listNonEmptyBins(histogram, k, edges[slotFeature[k]].length + 1, occupied);
        let left0 = 0;
        let left1 = 0;
        for (let j = 0; j < occupiedBins; j++) {
          const bin = occupied[j];
          if (j > 0) {
            // Candidate split: bins up to the previous occupied bin go left.
            let score: number;
            let leftCount: number;
            if (isClassification) {
              leftCount = left0 + left1;
              const rightCount = count - leftCount;
              if (leftCount >= minSamplesLeaf && rightCount >= minSamplesLeaf) {
                const l0 = weight0 * left0;
                const l1 = weight1 * left1;
                const r0 = weight0 * (sum0 - left0);
                const r1 = weight1 * (sum1 - left1);
                score = (l0 * l0 + l1 * l1) / (l0 + l1) + (r0 * r0 + r1 * r1) / (r0 + r1);
              } else score = -Infinity;
            } else {
              leftCount = left0;
              const rightCount = count - leftCount;
              if (leftCount >= minSamplesLeaf && rightCount >= minSamplesLeaf) {
                const rightSum = sum1 - left1;
                score = (left1 * left1) / leftCount + (rightSum * rightSum) / rightCount;
              } else score = -Infinity;
            }
            if (score > bestScore) {
              bestScore = score;
              bestFeature = slotFeature[k];
              bestBin = occupied[j - 1];
              bestLeft0 = left0;
              bestLeft1 = left1;
            }
          }

          const offset = (k << 9) + (bin << 1);
          left0 += histogram[offset];
          left1 += histogram[offset + 1];
          histogram[offset] = 0;
          histogram[offset + 1] = 0;
        }

        // A feature with a single occupied bin is constant in this node and does not count as tried.
        if (occupiedBins > 1) usable++;
      }
    }

    if (bestFeature < 0) continue;

    // Split the node: partition its rows in place, left rows first.
    importance[bestFeature] += bestScore - parentScore;
    // Stable partition keeps each node's rows in ascending order, so the histogram passes walk
    // the bins array forwards and stay cache friendly.
    const splitColumn = bestFeature * rows;
    let lo = start;
    let rightRows = 0;
    if (isClassification) {
      // Branch-free: each row is written to both sides and only one side's cursor advances.
      // Writing index[lo] is safe because lo <= i and row i was read first.
      for (let i = start; i < end; i++) {
        const r = index[i];
        const code = codes[i];
        const goesLeft = Number(bins[splitColumn + r] <= bestBin);
        index[lo] = r;
        codes[lo] = code;
        scratchIndex[rightRows] = r;
        scratchCodes[rightRows] = code;
        lo += goesLeft;
        rightRows += 1 - goesLeft;
      }
      codes.set(scratchCodes.subarray(0, rightRows), lo);
    } else {
      for (let i = start; i < end; i++) {
        const r = index[i];
        const a = stat0[i];
        const b = stat1[i];
        const goesLeft = Number(bins[splitColumn + r] <= bestBin);
        index[lo] = r;
        stat0[lo] = a;
        stat1[lo] = b;
        scratchIndex[rightRows] = r;
        scratch0[rightRows] = a;
        scratch1[rightRows] = b;
        lo += goesLeft;
        rightRows += 1 - goesLeft;
      }
      stat0.set(scratch0.subarray(0, rightRows), lo);
      stat1.set(scratch1.subarray(0, rightRows), lo);
    }
    index.set(scratchIndex.subarray(0, rightRows), lo);
    const leftNode = nodeCount++;
    const rightNode = nodeCount++;
    if (depth + 1 > treeDepth) treeDepth = depth + 1;
    feature[node] = bestFeature;
    thresholdBin[node] = bestBin;
    threshold[node] = edges[bestFeature][bestBin];
    left[node] = leftNode;
    right[node] = rightNode;

    stackStart[top] = lo;
    stackEnd[top] = end;
    stackDepth[top] = depth + 1;
    stackNode[top] = rightNode;
    stackSum0[top] = sum0 - bestLeft0;
    stackSum1[top] = sum1 - bestLeft1;
    top++;
    stackStart[top] = start;
    stackEnd[top] = lo;
    stackDepth[top] = depth + 1;
    stackNode[top] = leftNode;
    stackSum0[top] = bestLeft0;
    stackSum1[top] = bestLeft1;
    top++;
  }

  // Out-of-bag predictions, walking the tree on bins (the same path as on raw values). Siblings
  // are adjacent (right = left + 1), and leaves loop to themselves with a bin threshold no bin
  // exceeds, so each row takes exactly treeDepth branch-free steps.
  const oobCount = rows - inBag;
  const oobRows = new Int32Array(oobCount);
  const oobValues = new Float64Array(oobCount);
  const stepColumn = new Int32Array(nodeCount);
  const stepChild = new Int32Array(nodeCount);
  const stepBin = new Int32Array(nodeCount);
  for (let node = 0; node < nodeCount; node++) {
    const leaf = feature[node] < 0;
    stepColumn[node] = leaf ? 0 : feature[node] * rows;
    stepChild[node] = leaf ? node : left[node];
    stepBin[node] = leaf ? MAX_BINS : thresholdBin[node];
  }
  for (let r = 0, k = 0; r < rows; r++) {
    if (counts[r] !== 0) continue;
    let node = 0;
    for (let d = 0; d < treeDepth; d++) node = stepChild[node] + Number(bins[stepColumn[node] + r] > stepBin[node]);
    oobRows[k] = r;
    oobValues[k] = value[node];
    k++;
  }

  return {
    tree: {
      feature: feature.slice(0, nodeCount),
      threshold: threshold.slice(0, nodeCount),
      left: left.slice(0, nodeCount),
      right: right.slice(0, nodeCount),
      value: value.slice(0, nodeCount),
    },
    importance,
    oobRows,
    oobValues,
  };
}
