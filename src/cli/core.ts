// The interface between the commands and the core (import, features, model, scoring), so the
// commands can be tested with stand-ins. `realCore` in real-core.ts wires the real modules.

import type { Finding } from '../findings.js';
import type { ImportOptions } from '../ingest/options.js';
import type { FileReport, ImportResult, Ledger } from '../ingest/ledger.js';
import type { SkippedRow } from '../ingest/reporter.js';
import type { ModelThread } from '../scoring/model-thread.js';
import type { ForecastResult, PlanResult, ScoreResult } from '../scoring/types.js';

/** Import options as the CLI passes them to the importer. */
export type CliImportOptions = ImportOptions;

export interface ScoreRequest {
  asOf: number;
  asOfDefaulted: boolean;
  by: 'debtor' | 'invoice';
  modelPath?: string;
  /** Days past due before an invoice counts as late; undefined leaves the model's default. */
  lateAfterDays?: number;
  seed: number;
  /** Scoring settings from the config file (grades, flags, policy, forecast); validated by scoring. */
  scoringConfig: Record<string, unknown>;
  /** The command no longer needs the ledger after scoring, so scoring may empty it to free memory early. */
  releaseLedger?: boolean;
  /** Invoice count from which scoring uses a second thread; undefined leaves the default. */
  threadsFromInvoices?: number;
  /** Source of the --extra columns (`--extra`, `RISKPAY_EXTRA` or `defaults.extra`) that the leak warning names. */
  extraOption?: string;
}

export interface TrainRequest {
  /** Train on what was known on this day (UTC day number); undefined uses the last date in the ledger. */
  asOf?: number;
  /** Days past due before an invoice counts as late; undefined leaves the model's default. */
  lateAfterDays?: number;
  seed: number;
  out: string;
  /** Source of the --extra columns (`--extra`, `RISKPAY_EXTRA` or `defaults.extra`) that the leak warning names. */
  extraOption?: string;
}

export interface EvaluateRequest {
  cutoff: number;
  /** Days past due before an invoice counts as late; undefined leaves the model's default. */
  lateAfterDays?: number;
  seed: number;
  /** Source of the --extra columns (`--extra`, `RISKPAY_EXTRA` or `defaults.extra`) that the leak warning names. */
  extraOption?: string;
}

/** A result shown as one table of metrics: each row a name and a value. */
export interface MetricsResult {
  metrics: { name: string; value: number | string | null }[];
  findings: Finding[];
  /** The full result for JSON output. */
  detail: unknown;
}

export interface FeaturesResult {
  columns: string[];
  rows: Record<string, number | string | null>[];
  findings: Finding[];
}

export interface InspectResult {
  files: FileReport[];
  findings: Finding[];
  /** Every skipped row in reading order; inspect lists them. */
  skippedRows?: SkippedRow[];
  /** The error that stopped the import, if one did; the files show how far it got. */
  error?: Finding;
  /** Customers whose names look alike but were kept apart; nothing is merged. */
  nearDuplicates?: { names: string[]; customerIds: string[] }[];
}

export interface Core {
  importLedger(inputs: string[], options: CliImportOptions): Promise<ImportResult>;
  inspect(inputs: string[], options: CliImportOptions): Promise<InspectResult>;
  /**
   * Starts loading the --model file in a second thread while the inputs are read, when they are large
   * enough for scoring to use one. Returns null when it does not. The caller passes the thread to
   * `score`, or closes it when the run fails first.
   */
  preloadModel?(inputs: string[], request: Pick<ScoreRequest, 'modelPath' | 'threadsFromInvoices'>): ModelThread | null;
  /** Scores the ledger; a preloaded thread becomes scoring's model thread or is closed. */
  score(ledger: Ledger, request: ScoreRequest, preloaded?: ModelThread | null): Promise<ScoreResult>;
  /** Plans collection steps; with `firstPerDebtor` only each debtor's first step, which is all score shows. */
  plan(result: ScoreResult, request: ScoreRequest, firstPerDebtor?: boolean): Promise<PlanResult>;
  forecast(ledger: Ledger, result: ScoreResult, request: ScoreRequest & { weeks: number }): Promise<ForecastResult>;
  train(ledger: Ledger, request: TrainRequest): Promise<MetricsResult>;
  evaluate(ledger: Ledger, request: EvaluateRequest): Promise<MetricsResult>;
  /** `asOfDefaulted` is true when `asOf` is today because no as-of date was given. */
  features(ledger: Ledger, asOf: number, asOfDefaulted: boolean): Promise<FeaturesResult>;
}
