// Wires the Core interface to the real import, feature, model and scoring modules.

import { existsSync, statSync } from 'node:fs';
import { featureTable } from '../features/index.js';
import { importLedger, inspectFiles } from '../ingest/index.js';
import { evaluate, type EvaluationResult } from '../model/evaluate.js';
import { bundledModelPath, chooseModel, loadBundledModel, saveModel, type RiskModel } from '../model/index.js';
import { DEFAULT_LATE_AFTER_DAYS, trainModel } from '../model/train.js';
import { asOfAfterDataFinding } from '../scoring/as-of-gap.js';
import { forecastCash, planActions, scoreLedgerInThreads, THREADS_FROM_INVOICES } from '../scoring/index.js';
import { ModelThread } from '../scoring/model-thread.js';
import type { Core, FeaturesResult, MetricsResult } from './core.js';

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

/**
 * Minimum bytes of an invoice row in an export: number, customer, two dates and an amount with their
 * delimiters. Inputs smaller than THREADS_FROM_INVOICES rows of this size never need a model thread.
 */
const MIN_BYTES_PER_INVOICE = 40;

/** Returns the size of an input file in bytes, or 0 for standard input and a file that cannot be read. */
function fileSize(input: string): number {
  if (input === '-') return 0;
  try {
    return statSync(input).size;
  } catch {
    return 0;
  }
}

/** Loads the bundled model for comparison, or returns null when models/default.json is not installed. */
function bundledModelOrNull(): RiskModel | null {
  if (!existsSync(bundledModelPath())) return null;
  return loadBundledModel();
}

export const realCore: Core = {
  importLedger: (inputs, options) => importLedger(inputs, options),

  inspect: (inputs, options) => inspectFiles(inputs, options),

  preloadModel(inputs, request) {
    if (request.modelPath === undefined) return null;
    const bytes = inputs.reduce((sum, input) => sum + fileSize(input), 0);
    if (bytes < (request.threadsFromInvoices ?? THREADS_FROM_INVOICES) * MIN_BYTES_PER_INVOICE) return null;
    return ModelThread.preload(request.modelPath);
  },

  async score(ledger, request, preloaded = null) {
    let chosen: Awaited<ReturnType<typeof chooseModel>>;
    try {
      chosen = await chooseModel(ledger, {
        asOf: request.asOf,
        modelPath: request.modelPath,
        lateAfter: request.lateAfterDays,
        seed: request.seed,
        extraOption: request.extraOption,
        preloaded: preloaded !== null ? () => preloaded.loadedModel() : undefined,
      });
    } catch (error) {
      await preloaded?.close();
      throw error;
    }
    const { model, choice, findings } = chosen;
    const result = await scoreLedgerInThreads(ledger, model, choice, {
      asOf: request.asOf,
      asOfDefaulted: request.asOfDefaulted,
      by: request.by,
      config: request.scoringConfig,
      releaseLedger: request.releaseLedger,
      threadsFromInvoices: request.threadsFromInvoices,
      preloaded,
      // No report prints an invoice's own reasons, so they are not made.
      invoiceReasons: false,
    });
    result.findings = [...findings, ...result.findings];
    return result;
  },

  async plan(result, request, firstPerDebtor = false) {
    return planActions(result, request.scoringConfig.policy as Parameters<typeof planActions>[1], request.asOf, firstPerDebtor);
  },

  async forecast(_ledger, result, request) {
    const settings = (request.scoringConfig.forecast ?? {}) as { doubtfulAfterDays?: number };
    return forecastCash(result, { asOf: request.asOf, weeks: request.weeks, doubtfulAfterDays: settings.doubtfulAfterDays });
  },

  async train(ledger, request) {
    const { model, report } = await trainModel(ledger, { asOf: request.asOf, lateAfter: request.lateAfterDays, seed: request.seed, extraOption: request.extraOption });
    saveModel(request.out, model);
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
    const result = await evaluate(ledger, {
      cutoff: request.cutoff,
      lateAfter: request.lateAfterDays ?? DEFAULT_LATE_AFTER_DAYS,
      seed: request.seed,
      bundled: bundledModelOrNull(),
      extraOption: request.extraOption,
    });
    // The findings go to the findings list of the output, so the detail leaves them out.
    const { findings, ...detail } = result;
    return { metrics: evaluationMetrics(result), findings, detail };
  },

  async features(ledger, asOf, asOfDefaulted): Promise<FeaturesResult> {
    const table = featureTable(ledger, asOf);
    const asOfAfterData = asOfAfterDataFinding(ledger, asOf, asOfDefaulted);
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
    return { columns: [...fixed, ...valueColumns], rows, findings: asOfAfterData !== null ? [asOfAfterData] : [] };
  },
};
