// Worker threads exist only in the compiled build (vitest runs the .ts sources, which have no
// worker.js), so these tests load the engine from dist/. `npm test` compiles before it runs vitest;
// run `npx tsc -p tsconfig.json` first when calling vitest directly, or the comparison with the
// sources fails on a stale dist/.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as source from '../../src/forest/index.js';
import { generateData } from '../../bench/forest/data.js';

const distIndex = resolve('dist/src/forest/index.js');
const haveDist = existsSync(distIndex) && existsSync(resolve('dist/src/forest/worker.js'));

describe.skipIf(!haveDist)('threaded training from dist', () => {
  const data = generateData(12_000, 31);
  const options = { task: 'classification' as const, nTrees: 24, seed: 77 };

  it('builds identical trees with 1 and 2 threads', async () => {
    const dist = (await import(pathToFileURL(distIndex).href)) as typeof source;
    const one = await dist.trainForest(data, { ...options, threads: 1 });
    const two = await dist.trainForest(data, { ...options, threads: 2 });

    expect(one.threadsUsed).toBe(1);
    if (availableParallelism() >= 2) expect(two.threadsUsed).toBe(2);
    expect(JSON.stringify(two.toJSON())).toBe(JSON.stringify(one.toJSON()));
    expect(two.oob).toBe(one.oob);
  });

  it('matches training from the sources, which falls back to this thread', async () => {
    const dist = (await import(pathToFileURL(distIndex).href)) as typeof source;
    const threaded = await dist.trainForest(data, { ...options, threads: 2 });
    const local = await source.trainForest(data, { ...options, threads: 2 });

    expect(local.threadsUsed).toBe(1);
    expect(JSON.stringify(local.toJSON())).toBe(JSON.stringify(threaded.toJSON()));
  });
});
