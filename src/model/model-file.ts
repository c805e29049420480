// The saved model: zod-validated JSON with the metadata, the calibration and the forests in the forest
// engine's own format. Loading goes through the engine's size- and depth-limited JSON parser.

import { closeSync, existsSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { RiskpayError } from '../findings.js';
import { removeStaleTempFiles, resolveWriteTarget, tempPathFor } from '../temp-files.js';
import { loadForest, parseJsonSafely } from '../forest/index.js';
import { ForestRiskModel } from './risk-model.js';
import { MODEL_FORMAT, MODEL_VERSION } from './train.js';

/**
 * Maximum model file size. The size in bytes is checked before reading and the length in characters
 * while parsing, and the two agree because a model file is ASCII JSON. The bundled model is a few MB.
 */
export const MAX_MODEL_FILE_LENGTH = 256 * 1024 * 1024;

/**
 * Runs a check that has no file name, such as the engine's JSON_* and FOREST_* checks, and adds the
 * model file to the args and the path of any RiskpayError it throws.
 */
function namingFile<T>(file: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof RiskpayError)) throw error;
    const { code, args, path } = error.finding;
    if (args.file === file && path?.file === file) throw error;
    throw new RiskpayError(code, { ...args, file }, { ...path, file });
  }
}

const metricsSchema = z.object({
  auc: z.number(),
  prAuc: z.number(),
  brier: z.number(),
  logLoss: z.number(),
  rows: z.number().int().min(0),
  positives: z.number().int().min(0),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const modelMetaSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  origin: z.enum(['bundled', 'user']),
  featureNames: z.array(z.string().min(1).max(200)).min(1).max(10_000),
  label: z.object({ lateAfterDays: z.number().int().min(0).max(3650) }),
  trainingWindow: z.object({ from: day, to: day }),
  rows: z.object({
    train: z.number().int().min(0),
    holdout: z.number().int().min(0),
    positives: z.number().int().min(0),
    subsampledFrom: z.number().int().min(0).optional(),
  }),
  // Metrics may be NaN in memory (one class in the holdout); JSON stores that as null.
  holdout: metricsSchema.nullable(),
  extraColumns: z.array(z.string().max(200)).max(1000),
  // Absent in models without extra columns and in files written before the combined extra features.
  delayAdjustment: z
    .object({
      columns: z.array(z.string().max(200)).max(1000),
      coefficients: z.array(z.number().min(-1e6).max(1e6)).max(1000),
      lateAfterDays: z.number().int().min(0).max(3650),
    })
    .refine((value) => value.columns.length === value.coefficients.length, 'needs one coefficient per column')
    .optional(),
  seed: z.number().int(),
});

export const modelFileSchema = z.object({
  meta: modelMetaSchema,
  calibration: z.object({ kind: z.literal('platt'), a: z.number(), b: z.number() }),
  /** Forest JSON as the forest engine writes it; loadForest checks it. */
  classifier: z.unknown(),
  regressor: z.unknown().nullable(),
  /** Days added on both sides of the payment-date interval; absent in files without a fitted widening. */
  intervalWidening: z.number().min(0).max(3650).optional(),
  /** Weight of the delay model's late probability in the risk; absent means the forest alone. */
  tailWeight: z.number().min(0).max(1).optional(),
});

/** Serializes a model to the model-file object. */
export function modelToJson(model: ForestRiskModel): unknown {
  return {
    meta: model.meta,
    calibration: model.calibration,
    classifier: model.classifier.toJSON(),
    regressor: model.regressor ? model.regressor.toJSON() : null,
    intervalWidening: model.intervalWidening,
    // Written only when used, so files of models without extra columns keep their bytes.
    ...(model.tailWeight > 0 ? { tailWeight: model.tailWeight } : {}),
  };
}

/**
 * Builds a model from parsed JSON. Throws RiskpayError MODEL_VERSION_UNSUPPORTED for a newer format
 * version (naming both versions) and MODEL_INVALID for anything else that does not fit.
 */
export function modelFromJson(json: unknown, file: string): ForestRiskModel {
  const envelope = json as { meta?: { format?: unknown; version?: unknown } } | null;
  const meta = typeof envelope === 'object' && envelope !== null ? envelope.meta : undefined;
  if (!meta || meta.format !== MODEL_FORMAT) {
    throw new RiskpayError('MODEL_NOT_A_MODEL', { file, expected: MODEL_FORMAT }, { file });
  }
  if (typeof meta.version === 'number' && meta.version > MODEL_VERSION) {
    throw new RiskpayError('MODEL_VERSION_UNSUPPORTED', { file, found: meta.version, supported: MODEL_VERSION }, { file });
  }

  const parsed = modelFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RiskpayError('MODEL_INVALID', { file, path: issue.path.join('.'), problem: issue.message }, { file });
  }
  const data = parsed.data;
  const classifier = namingFile(file, () => loadForest(data.classifier));
  const regressor = data.regressor === null ? null : namingFile(file, () => loadForest(data.regressor));
  const width = data.meta.featureNames.length;
  if (classifier.task !== 'classification' || classifier.nFeatures !== width) {
    throw new RiskpayError('MODEL_INVALID', { file, path: 'classifier', problem: `expected a classification forest over ${width} features` }, { file });
  }
  if (regressor && (regressor.task !== 'regression' || regressor.nFeatures !== width)) {
    throw new RiskpayError('MODEL_INVALID', { file, path: 'regressor', problem: `expected a regression forest over ${width} features` }, { file });
  }
  const holdout = data.meta.holdout;
  return namingFile(
    file,
    () => new ForestRiskModel({ meta: { ...data.meta, holdout }, classifier, calibration: data.calibration, regressor, intervalWidening: data.intervalWidening ?? 0, tailWeight: data.tailWeight }),
  );
}

/**
 * Reads and checks a model file. The size is checked before reading, so an oversized file costs no
 * memory and never reaches Node's string length limit.
 */
export function loadModel(path: string): ForestRiskModel {
  const unreadable = (error: unknown): RiskpayError => {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return new RiskpayError(code === 'ENOENT' ? 'MODEL_FILE_NOT_FOUND' : 'MODEL_FILE_UNREADABLE', { file: path, reason: code }, { file: path });
  };

  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw Object.assign(new Error('not a file'), { code: stats.isDirectory() ? 'EISDIR' : 'ENOTFILE' });
    size = stats.size;
  } catch (error) {
    throw unreadable(error);
  }
  if (size > MAX_MODEL_FILE_LENGTH) {
    throw new RiskpayError('MODEL_FILE_TOO_LARGE', { file: path, size, limit: MAX_MODEL_FILE_LENGTH }, { file: path });
  }

  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(error);
  }
  return modelFromText(text, path);
}

/** Parses and checks the text of a model file; every RiskpayError it throws names `file`. */
export function modelFromText(text: string, file: string): ForestRiskModel {
  const json = namingFile(file, () => {
    try {
      return parseJsonSafely(text, { maxLength: MAX_MODEL_FILE_LENGTH });
    } catch (error) {
      // A CSV or other text file given as --model is no model file, which helps more than where its JSON failed.
      if (error instanceof RiskpayError && error.finding.code === 'JSON_NOT_JSON') throw new RiskpayError('MODEL_NOT_A_MODEL', { file, expected: MODEL_FORMAT }, { file });
      throw error;
    }
  });
  return modelFromJson(json, file);
}

/**
 * Writes a model atomically: a temporary file in the same folder, flushed to disk, then renamed over
 * the target, so readers see the old file or the new one and never half of one.
 */
export function saveModel(path: string, model: ForestRiskModel): void {
  const text = `${JSON.stringify(modelToJson(model))}\n`;
  let temporary: string | null = null;
  let descriptor: number | null = null;
  try {
    // A symlink is written through and an existing file keeps its permission bits, as --out files do.
    const destination = resolveWriteTarget(path);
    removeStaleTempFiles(destination.path);
    temporary = tempPathFor(destination.path);
    descriptor = openSync(temporary, 'wx');
    if (destination.mode !== null) fchmodSync(descriptor, destination.mode);
    writeSync(descriptor, text);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = null;
    renameSync(temporary, destination.path);
  } catch (error) {
    if (descriptor !== null) closeSync(descriptor);
    if (temporary !== null) rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new RiskpayError('MODEL_FILE_NOT_WRITTEN', { file: path, reason: code }, { file: path });
  }
}

/**
 * Returns the path of models/default.json in the package. Both src/model/ (tests) and
 * dist/src/model/ (the built CLI) are searched upward, so it works from either.
 */
export function bundledModelPath(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 5; level += 1) {
    const candidate = join(folder, 'models', 'default.json');
    if (existsSync(candidate)) return candidate;
    folder = dirname(folder);
  }
  throw new RiskpayError('MODEL_BUNDLED_MISSING', { file: 'models/default.json' });
}

let bundledCache: ForestRiskModel | null = null;

/** Loads the bundled model once per process. */
export function loadBundledModel(): ForestRiskModel {
  bundledCache ??= loadModel(bundledModelPath());
  return bundledCache;
}
