// The benchmark data on disk: little-endian float64 files that this benchmark's Node and Python
// sides both read, so every engine trains and scores the very same numbers.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainData } from '../../src/forest/types.js';
import { BENCH_FEATURES } from './data.js';

export const FILES = {
  trainX: 'train-X.f64',
  trainY: 'train-y.f64',
  testX: 'test-X.f64',
  testY: 'test-y.f64',
} as const;

function writeFloat64(path: string, values: Float64Array): void {
  writeFileSync(path, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
}

function readFloat64(path: string, count?: number): Float64Array {
  const bytes = readFileSync(path);
  const all = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  return Float64Array.from(count === undefined ? all : all.subarray(0, count));
}

export function writeBenchData(dir: string, train: TrainData, test: TrainData): void {
  writeFloat64(join(dir, FILES.trainX), train.X.data);
  writeFloat64(join(dir, FILES.trainY), train.y);
  writeFloat64(join(dir, FILES.testX), test.X.data);
  writeFloat64(join(dir, FILES.testY), test.y);
}

/** Reads the first `rows` training rows (all when undefined) or the whole test set. */
export function readBenchData(dir: string, part: 'train' | 'test', rows?: number): TrainData {
  const cols = BENCH_FEATURES;
  const xFile = part === 'train' ? FILES.trainX : FILES.testX;
  const yFile = part === 'train' ? FILES.trainY : FILES.testY;
  const data = readFloat64(join(dir, xFile), rows === undefined ? undefined : rows * cols);
  const y = readFloat64(join(dir, yFile), rows);
  return {
    X: { data, rows: y.length, cols },
    y,
    featureNames: Array.from({ length: cols }, (_, f) => `x${f}`),
  };
}
