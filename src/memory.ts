// A full garbage collection on request, for the moment a large run drops most of its heap.
//
// V8 sizes the old generation by the allocation rate, not by what is still alive. Scoring the 1M-invoice
// benchmark released about 340 MB of imported invoices after the snapshots, and the next full collection
// came only during the output, with the heap at 880 MB and peak RSS at 1.0 to 1.26 GB. One collection
// right after the release took about 0.2 s and kept peak RSS at 750 to 790 MB.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * Runs a full garbage collection and returns true, or returns false when this Node cannot. Node has
 * no public call for it: the `--expose-gc` flag, set at run time, gives each new context a `gc`
 * function, and `vm` makes one such context.
 */
export function collectGarbage(): boolean {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('gc');
      collect = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      collect = null;
    }
  }
  if (collect === null) return false;
  collect();
  return true;
}

/**
 * A soft cap on resident memory for a long phase that cannot free what it holds: when `check` finds
 * the resident set above the limit, it runs one full collection, which frees the phase's garbage.
 * The limit then moves to what is resident after the collection plus `headroom`, so a phase whose live
 * data alone is above the limit is not collected again and again.
 */
export class SoftMemoryLimit {
  private limit: number;

  /** `limit` and `headroom` in bytes; `residentBytes` is the measure of the resident set (a stand-in in tests). */
  constructor(
    limit: number,
    private readonly headroom: number,
    private readonly residentBytes: () => number = () => process.memoryUsage.rss(),
    private readonly collect: () => boolean = collectGarbage,
  ) {
    this.limit = limit;
  }

  /** Collects garbage when the resident set is above the limit; returns true when it did. */
  check(): boolean {
    if (this.residentBytes() <= this.limit) return false;
    if (!this.collect()) return false;
    this.limit = Math.max(this.limit, this.residentBytes() + this.headroom);
    return true;
  }
}
