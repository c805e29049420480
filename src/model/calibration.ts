// Probability calibration: Platt scaling on the logit of the forest's vote share, so that a calibrated
// 0.3 means about 30% of such invoices were late. train.ts chooses the rows and votes it is fitted to.

/** A fitted calibration: p = 1 / (1 + exp(-(a * logit(raw) + b))). */
export interface PlattCalibration {
  kind: 'platt';
  a: number;
  b: number;
}

/** Forest vote shares of exactly 0 or 1 are clamped to this distance from the ends before the logit. */
const RAW_EPSILON = 1e-3;

export function logit(p: number): number {
  const clamped = Math.min(Math.max(p, RAW_EPSILON), 1 - RAW_EPSILON);
  return Math.log(clamped / (1 - clamped));
}

export function applyCalibration(calibration: PlattCalibration, raw: number): number {
  return 1 / (1 + Math.exp(-(calibration.a * logit(raw) + calibration.b)));
}

/**
 * Fits Platt scaling by Newton's method on the log loss, with Platt's smoothed targets so that a
 * small holdout without overlap cannot push the slope to infinity.
 */
export function fitPlatt(labels: ArrayLike<number>, raw: ArrayLike<number>): PlattCalibration {
  const n = labels.length;
  let positives = 0;
  for (let i = 0; i < n; i += 1) positives += labels[i];
  const negatives = n - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const x = Float64Array.from({ length: n }, (_, i) => logit(raw[i]));
  const t = Float64Array.from({ length: n }, (_, i) => (labels[i] === 1 ? high : low));

  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 100; iteration += 1) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-9;
    let hAB = 0;
    let hBB = 1e-9;
    for (let i = 0; i < n; i += 1) {
      const p = 1 / (1 + Math.exp(-(a * x[i] + b)));
      const d = p - t[i];
      const w = p * (1 - p);
      gA += d * x[i];
      gB += d;
      hAA += w * x[i] * x[i];
      hAB += w * x[i];
      hBB += w;
    }
    const det = hAA * hBB - hAB * hAB;
    if (!(Math.abs(det) > 1e-12)) break;
    const stepA = (hBB * gA - hAB * gB) / det;
    const stepB = (hAA * gB - hAB * gA) / det;
    a -= stepA;
    b -= stepB;
    if (Math.abs(stepA) < 1e-9 && Math.abs(stepB) < 1e-9) break;
  }
  if (!Number.isFinite(a) || !Number.isFinite(b)) return { kind: 'platt', a: 1, b: 0 };
  return { kind: 'platt', a, b };
}
