// One benchmark measurement in a fresh process, so peak memory belongs to one engine only.
// Prints one JSON line. Usage:
//   node dist/bench/forest/engine.js --engine riskpay|riskpay-load|ml-random-forest --dir DIR --rows N [--threads T]

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadForest, parseJsonSafely, rocAuc, trainForest } from '../../src/forest/index.js';
import { readBenchData } from './files.js';

export interface EngineResult {
  engine: string;
  threads: number;
  rows: number;
  trainSeconds: number | null;
  /** CPU time of training summed over all threads (user + system), in seconds. */
  trainCpuSeconds: number | null;
  predictSeconds: number | null;
  predictRows: number;
  /** Peak resident memory of the whole process, data included, in MiB. */
  peakMiB: number;
  /** Peak resident memory before training started (interpreter plus data), in MiB. */
  baseMiB: number;
  modelBytes: number | null;
  auc: number | null;
  /** riskpay-load only: read, parse, check and score 10,000 rows, in seconds. */
  loadScoreSeconds?: number;
}

const peakMiB = (): number => process.resourceUsage().maxRSS / 1024;
const seconds = (start: number): number => (performance.now() - start) / 1000;
const cpuSeconds = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

async function runRiskpay(dir: string, rows: number, threads: number): Promise<EngineResult> {
  const train = readBenchData(dir, 'train', rows);
  const test = readBenchData(dir, 'test');
  const baseMiB = peakMiB();

  let start = performance.now();
  const cpuStart = process.cpuUsage();
  const forest = await trainForest(train, {
    task: 'classification',
    nTrees: 100,
    maxDepth: 12,
    maxFeatures: 'sqrt',
    seed: 1,
    threads,
  });
  const trainSeconds = seconds(start);
  const trainCpuSeconds = cpuSeconds(cpuStart);

  start = performance.now();
  const p = forest.predict(test.X);
  const predictSeconds = seconds(start);

  // Measured before saving, as the Python side measures before pickling.
  const trainPeakMiB = peakMiB();
  const text = JSON.stringify(forest);
  writeFileSync(join(dir, `riskpay-model-${rows}.json`), text);
  return {
    engine: 'riskpay',
    threads: forest.threadsUsed,
    rows,
    trainSeconds,
    trainCpuSeconds,
    predictSeconds,
    predictRows: test.X.rows,
    peakMiB: trainPeakMiB,
    baseMiB,
    modelBytes: Buffer.byteLength(text),
    auc: rocAuc(test.y, p),
  };
}

/** Loads the model saved by a riskpay run and scores the first 10,000 test rows. */
function runRiskpayLoad(dir: string, rows: number): EngineResult {
  const test = readBenchData(dir, 'test');
  const scoreRows = 10_000;
  const X = { data: test.X.data.subarray(0, scoreRows * test.X.cols), rows: scoreRows, cols: test.X.cols };
  const baseMiB = peakMiB();

  const start = performance.now();
  const text = readFileSync(join(dir, `riskpay-model-${rows}.json`), 'utf8');
  const forest = loadForest(parseJsonSafely(text));
  const p = forest.predict(X);
  const loadScoreSeconds = seconds(start);

  return {
    engine: 'riskpay-load',
    threads: 1,
    rows,
    trainSeconds: null,
    trainCpuSeconds: null,
    predictSeconds: null,
    predictRows: scoreRows,
    peakMiB: peakMiB(),
    baseMiB,
    modelBytes: Buffer.byteLength(text),
    auc: rocAuc(test.y.subarray(0, scoreRows), p),
    loadScoreSeconds,
  };
}

async function runMlRandomForest(dir: string, rows: number): Promise<EngineResult> {
  const { RandomForestClassifier } = (await import('ml-random-forest')) as unknown as {
    RandomForestClassifier: new (options: object) => {
      train(X: number[][], y: number[]): void;
      predictProbability(X: number[][], label: number): number[];
      toJSON(): object;
    };
  };
  const train = readBenchData(dir, 'train', rows);
  const test = readBenchData(dir, 'test');
  const toRows = (X: { data: Float64Array; rows: number; cols: number }): number[][] =>
    Array.from({ length: X.rows }, (_, r) => Array.from(X.data.subarray(r * X.cols, (r + 1) * X.cols)));
  const trainRows = toRows(train.X);
  const testRows = toRows(test.X);
  const baseMiB = peakMiB();

  // maxFeatures 5 = sqrt(25); ml-random-forest draws it once per tree, not per split.
  const model = new RandomForestClassifier({
    nEstimators: 100,
    maxFeatures: 5,
    seed: 1,
    useSampleBagging: true,
    noOOB: true,
    treeOptions: { maxDepth: 12 },
  });
  let start = performance.now();
  const cpuStart = process.cpuUsage();
  model.train(trainRows, Array.from(train.y));
  const trainSeconds = seconds(start);
  const trainCpuSeconds = cpuSeconds(cpuStart);

  start = performance.now();
  const p = model.predictProbability(testRows, 1);
  const predictSeconds = seconds(start);

  return {
    engine: 'ml-random-forest',
    threads: 1,
    rows,
    trainSeconds,
    trainCpuSeconds,
    predictSeconds,
    predictRows: test.X.rows,
    peakMiB: peakMiB(),
    baseMiB,
    modelBytes: Buffer.byteLength(JSON.stringify(model.toJSON())),
    auc: rocAuc(test.y, p),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string' },
      dir: { type: 'string' },
      rows: { type: 'string' },
      threads: { type: 'string', default: '1' },
    },
  });
  const dir = values.dir!;
  const rows = Number(values.rows);
  const threads = Number(values.threads);

  let result: EngineResult;
  if (values.engine === 'riskpay') result = await runRiskpay(dir, rows, threads);
  else if (values.engine === 'riskpay-load') result = runRiskpayLoad(dir, rows);
  else if (values.engine === 'ml-random-forest') result = await runMlRandomForest(dir, rows);
  else throw new Error(`unknown engine ${values.engine}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
