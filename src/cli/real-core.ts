// Wires the Core interface to the real import, feature, model and scoring modules.
// NOTE: the importer (src/ingest) and the model chooser/loader (src/model/index.ts) were not committed
// when this was written, so they are loaded by name at run time and checked only by the end-to-end tests.

import { featureTable } from '../features/index.js';
import type { ImportResult, Ledger } from '../ingest/ledger.js';
import { evaluate, type EvaluationResult } from '../model/evaluate.js';
import { DEFAULT_LATE_AFTER_DAYS, trainModel } from '../model/train.js';
import type { RiskModel } from '../model/types.js';
import { forecastCash, planActions, scoreLedger } from '../scoring/index.js';
import type { ModelChoice } from '../scoring/types.js';
import { importOptional, notAvailable, type Core, type FeaturesResult, type InspectResult, type MetricsResult } from './core.js';

type LoadedModule = Record<string, unknown>;
type AnyFunction = (...args: unknown[]) => unknown;

async function requireFunction(command: string, name: string, ...specifiers: string[]): Promise<AnyFunction> {
  for (const specifier of specifiers) {
    const loaded = await importOptional<LoadedModule>(specifier);
    if (typeof loaded?.[name] === 'function') return loaded[name] as AnyFunction;
  }
  throw notAvailable(command, name);
}

const INGEST = ['../ingest/index.js', '../ingest/import.js'];
const MODEL = ['../model/index.js', '../model/choose.js'];

interface ChooseRequest {
  asOf: number;
  modelPath?: string;
  lateAfterDays?: number;
  seed: number;
}

async function chooseModel(command: string, ledger: Ledger, request: ChooseRequest): Promise<{ model: RiskModel; choice: ModelChoice }> {
  const choose = await requireFunction(command, 'chooseModel', ...MODEL);
  return (await choose(ledger, {
    asOf: request.asOf,
    modelPath: request.modelPath,
    lateAfter: request.lateAfterDays,
    seed: request.seed,
  })) as { model: RiskModel; choice: ModelChoice };
}

/** Flattens an evaluation into name/value rows: counts, then AUC and Brier score per scorer. */
function evaluationMetrics(result: EvaluationResult): MetricsResult['metrics'] {
  const metrics: MetricsResult['metrics'] = [
    { name: 'cutoff', value: result.cutoff },
    { name: 'late_after_days', value: result.lateAfterDays },
    { name: 'train_rows', value: result.trainRows },
    { name: 'test_rows', value: result.testRows },
    { name: 'test_late', value: result.testPositives },
  ];
  for (const scorer of result.scorers) {
    metrics.push({ name: `auc_${scorer.name}`, value: scorer.metrics.auc });
    metrics.push({ name: `brier_${scorer.name}`, value: scorer.metrics.brier });
  }
  if (result.backtest) {
    metrics.push({ name: 'backtest_mean_auc', value: result.backtest.meanAuc });
    metrics.push({ name: 'backtest_mean_auc_mean_days_late', value: result.backtest.meanNaiveAuc });
  }
  return metrics;
}

export const realCore: Core = {
  async importLedger(inputs, options) {
    const importLedger = await requireFunction('score', 'importLedger', ...INGEST);
    return (await importLedger(inputs, options)) as ImportResult;
  },

  async inspect(inputs, options) {
    const inspectFiles = await requireFunction('inspect', 'inspectFiles', ...INGEST);
    return (await inspectFiles(inputs, options)) as InspectResult;
  },

  async score(ledger, request) {
    const { model, choice } = await chooseModel('score', ledger, request);
    return scoreLedger(ledger, model, choice, {
      asOf: request.asOf,
      asOfDefaulted: request.asOfDefaulted,
      by: request.by,
      config: request.scoringConfig,
    });
  },

  async plan(result, request) {
    return planActions(result, request.scoringConfig.policy as Parameters<typeof planActions>[1], request.asOf);
  },

  async forecast(_ledger, result, request) {
    const settings = (request.scoringConfig.forecast ?? {}) as { doubtfulAfterDays?: number };
    return forecastCash(result, { asOf: request.asOf, weeks: request.weeks, doubtfulAfterDays: settings.doubtfulAfterDays });
  },

  async train(ledger, request) {
    const { model, report } = await trainModel(ledger, { lateAfter: request.lateAfterDays, seed: request.seed });
    const saveModel = await requireFunction('train', 'saveModel', ...MODEL);
    await saveModel(model, request.out);
    return {
      metrics: [
        { name: 'as_of', value: report.asOf },
        { name: 'late_after_days', value: report.lateAfterDays },
        { name: 'train_rows', value: report.rows.train },
        { name: 'holdout_rows', value: report.rows.holdout },
        { name: 'invoices_late', value: report.invoices.late },
        { name: 'invoices_on_time', value: report.invoices.onTime },
        { name: 'holdout_auc', value: report.holdout?.auc ?? null },
        { name: 'holdout_brier', value: report.holdout?.brier ?? null },
      ],
      findings: report.findings,
      detail: report,
    };
  },

  async evaluate(ledger, request) {
    const result = await evaluate(ledger, { cutoff: request.cutoff, lateAfter: request.lateAfterDays ?? DEFAULT_LATE_AFTER_DAYS, seed: request.seed });
    return { metrics: evaluationMetrics(result), findings: [], detail: result };
  },

  async features(ledger, asOf): Promise<FeaturesResult> {
    const table = featureTable(ledger, asOf);
    const fixed = ['customerId', 'name', 'currency', 'asOf', 'noHistory'];
    const rows = table.rows.map((row) => ({
      customerId: row.customerId,
      name: row.name,
      currency: row.currency,
      asOf: row.asOf,
      noHistory: row.noHistory ? 1 : 0,
      ...row.values,
    }));
    const valueColumns = table.columns.filter((column) => !fixed.includes(column) && column !== 'invoiceId');
    return { columns: [...fixed, ...valueColumns], rows, findings: [] };
  },
};
