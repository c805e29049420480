// Wires the Core interface to the real import, feature, model and scoring modules. The modules are
// loaded on first use, so `riskpay schema` and `--help` start fast and do not need the model code.
// NOTE: the module APIs were still landing when this adapter was written; the shapes used here are
// those documented in each module's index and are checked only by the end-to-end tests.

import type { ImportResult, Ledger } from '../ingest/ledger.js';
import type { RiskModel } from '../model/types.js';
import type { ForecastResult, ModelChoice, PlanResult, ScoreResult } from '../scoring/types.js';
import { importOptional, notAvailable, type Core, type FeaturesResult, type MetricsResult } from './core.js';

type AnyModule = Record<string, any>;

async function requireModule(command: string, part: string, ...specifiers: string[]): Promise<AnyModule> {
  for (const specifier of specifiers) {
    const loaded = await importOptional<AnyModule>(specifier);
    if (loaded) return loaded;
  }
  throw notAvailable(command, part);
}

function requireFunction(module: AnyModule, name: string, command: string): (...args: any[]) => any {
  const fn = module[name];
  if (typeof fn !== 'function') throw notAvailable(command, name);
  return fn;
}

const INGEST = ['../ingest/index.js', '../ingest/import.js'];
const FEATURES = ['../features/index.js'];
const MODEL = ['../model/index.js'];
const SCORING = ['../scoring/index.js', '../scoring/score.js'];

async function chooseModel(command: string, ledger: Ledger, request: { asOf?: number; modelPath?: string; lateAfterDays: number; seed: number }) {
  const model = await requireModule(command, 'src/model', ...MODEL);
  const choose = requireFunction(model, 'chooseModel', command);
  return (await choose(ledger, request)) as { model: RiskModel; choice: ModelChoice };
}

export const realCore: Core = {
  async importLedger(inputs, options) {
    const ingest = await requireModule('score', 'src/ingest', ...INGEST);
    return (await requireFunction(ingest, 'importLedger', 'import')(inputs, options)) as ImportResult;
  },

  async inspect(inputs, options) {
    const ingest = await requireModule('inspect', 'src/ingest', ...INGEST);
    return await requireFunction(ingest, 'inspectFiles', 'inspect')(inputs, options);
  },

  async score(ledger, request) {
    const scoring = await requireModule('score', 'src/scoring', ...SCORING);
    if (typeof scoring.scoreLedger === 'function') return (await scoring.scoreLedger(ledger, request)) as ScoreResult;

    const features = await requireModule('score', 'src/features', ...FEATURES);
    const { model, choice } = await chooseModel('score', ledger, request);
    const snapshots = requireFunction(features, 'buildSnapshots', 'score')(ledger, request.asOf);
    const extra = ledger.extraColumns;
    const rows = {
      invoiceRow: (snapshot: any, open: any, asOf: number) => features.invoiceFeatureRow(snapshot, open, asOf, extra),
      debtorRow: (snapshot: any) => features.debtorFeatureRow(snapshot, extra),
    };
    return requireFunction(scoring, 'scoreSnapshots', 'score')(snapshots, model, choice, rows, {
      asOf: request.asOf,
      asOfDefaulted: request.asOfDefaulted,
      by: request.by,
      config: request.scoringConfig,
    }) as ScoreResult;
  },

  async plan(result, request) {
    const plan = await requireModule('plan', 'planActions', '../scoring/index.js', '../scoring/plan.js');
    const policy = request.scoringConfig.policy;
    return requireFunction(plan, 'planActions', 'plan')(result, policy, request.asOf) as PlanResult;
  },

  async forecast(ledger, result, request) {
    const scoring = await requireModule('forecast', 'forecastCash', '../scoring/index.js', '../scoring/forecast.js');
    const settings = { ...((request.scoringConfig.forecast as object | undefined) ?? {}), weeks: request.weeks };
    return requireFunction(scoring, 'forecastCash', 'forecast')(result, settings, request.asOf) as ForecastResult;
  },

  async train(ledger, request) {
    const model = await requireModule('train', 'src/model', ...MODEL);
    const trained = await requireFunction(model, 'trainModel', 'train')(ledger, { lateAfterDays: request.lateAfterDays, seed: request.seed });
    await requireFunction(model, 'saveModel', 'train')(trained, request.out);
    const meta = (trained as RiskModel).meta;
    return {
      metrics: [
        { name: 'train_rows', value: meta.rows.train },
        { name: 'holdout_rows', value: meta.rows.holdout },
        { name: 'late_rows', value: meta.rows.positives },
        { name: 'holdout_auc', value: meta.holdout?.auc ?? null },
        { name: 'holdout_brier', value: meta.holdout?.brier ?? null },
        { name: 'training_from', value: meta.trainingWindow.from },
        { name: 'training_to', value: meta.trainingWindow.to },
      ],
      findings: [],
      detail: meta,
    } satisfies MetricsResult;
  },

  async evaluate(ledger, request) {
    const model = await requireModule('evaluate', 'src/model', ...MODEL);
    const result = await requireFunction(model, 'evaluate', 'evaluate')(ledger, {
      cutoff: request.cutoff,
      lateAfterDays: request.lateAfterDays,
      seed: request.seed,
      modelPath: request.modelPath,
    });
    const metrics = Object.entries(result as Record<string, unknown>)
      .filter(([, value]) => typeof value === 'number' || typeof value === 'string')
      .map(([name, value]) => ({ name, value: value as number | string }));
    return { metrics, findings: (result as { findings?: [] }).findings ?? [], detail: result } satisfies MetricsResult;
  },

  async features(ledger, asOf) {
    const features = await requireModule('features', 'src/features', ...FEATURES);
    const table = requireFunction(features, 'featureTable', 'features')(ledger, asOf) as FeaturesResult;
    return { columns: table.columns, rows: table.rows, findings: [] };
  },
};
