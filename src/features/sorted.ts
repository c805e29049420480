// Small helpers over ascending number arrays, used by the running aggregates of a debtor's history.

/** Returns the first index whose value is greater than `value` (the count of values <= value). */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Returns the first index whose value is greater than or equal to `value` (the count of values < value). */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Inserts a value into an ascending array, keeping it sorted, after any equal values. It moves the larger
 * values up by hand because splice allocates an array for its result, and replay inserts millions of values.
 */
export function insertSorted(sorted: number[], value: number): void {
  const at = upperBound(sorted, value);
  let i = sorted.length;
  sorted.push(value);
  for (; i > at; i -= 1) sorted[i] = sorted[i - 1];
  sorted[at] = value;
}

/** Returns the median of an ascending array, or null when it is empty. */
export function medianOfSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >>> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Returns the k-th smallest value (0-based) of the union of a long ascending array and a short ascending
 * array, in O(short length x log long length), so a median over both needs no copy of the long one.
 */
export function kthOfUnion(long: ArrayLike<number>, short: ArrayLike<number>, k: number): number {
  // Try each split: take i values from `short` and k - i from `long`; the k-th value is the largest of
  // the taken ones when the next untaken value of each array is not smaller.
  for (let i = 0; i <= Math.min(short.length, k + 1); i += 1) {
    const j = k + 1 - i;
    if (j < 0 || j > long.length) continue;
    const shortTaken = i > 0 ? short[i - 1] : -Infinity;
    const longTaken = j > 0 ? long[j - 1] : -Infinity;
    const shortNext = i < short.length ? short[i] : Infinity;
    const longNext = j < long.length ? long[j] : Infinity;
    if (shortTaken <= longNext && longTaken <= shortNext) return Math.max(shortTaken, longTaken);
  }
  throw new RangeError(`rank ${k} is outside a union of ${long.length + short.length} values`);
}

/** Returns the median of the union of two ascending arrays, or null when both are empty. */
export function medianOfUnion(long: ArrayLike<number>, short: ArrayLike<number>): number | null {
  const n = long.length + short.length;
  if (n === 0) return null;
  if (short.length === 0) return medianOfSorted(long);
  const mid = n >>> 1;
  if (n % 2 === 1) return kthOfUnion(long, short, mid);
  return (kthOfUnion(long, short, mid - 1) + kthOfUnion(long, short, mid)) / 2;
}
