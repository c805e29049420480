// Seeded pseudo-random numbers for bootstrap samples and feature subsets. Each tree draws from its
// own generator, seeded from the forest seed and the tree index, so the trees do not depend on which
// thread builds them or in what order.

/** Mixes a 32-bit value (the finalizer of MurmurHash3), so nearby seeds give unrelated streams. */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Derives the seed of tree `treeIndex` from the forest seed. */
export function treeSeed(forestSeed: number, treeIndex: number): number {
  return mix32(mix32(forestSeed >>> 0) ^ Math.imul(treeIndex + 1, 0x9e3779b9));
}

/** The sfc32 generator (Chris Doty-Humphrey's Small Fast Counting RNG): 128-bit state, 32-bit output. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = mix32(seed ^ 0x243f6a88);
    this.b = mix32(seed ^ 0x85a308d3);
    this.c = mix32(seed ^ 0x13198a2e);
    this.d = 1;

    // The first outputs of a fresh sfc32 state are weakly mixed, so skip them.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Returns a uniform float in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Returns a uniform integer in [0, n), for n up to 2^32 (the bias is below n / 2^32). */
  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }
}
