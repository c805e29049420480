// The detail tables of `riskpay evaluate`: every scorer side by side, the model's reliability, the
// payment-date evaluation and the rolling-origin backtest. The summary table comes from tables.ts.

import { BACKTEST_STEP_DAYS, type EvaluationResult, type PaymentDateResult, type ScorerResult, type BacktestFold } from '../../model/evaluate.js';
import type { Column } from '../../report/columns.js';
import type { ReportContext } from '../../report/context.js';
import { DEFAULT_TABLE_WIDTH, renderTable } from '../../report/table.js';
import { wrapText } from '../../report/wrap.js';
import { hasMessage, message } from '../../i18n/catalog.js';
import type { Lang } from '../../i18n/catalog-type.js';
import { formatNumber } from '../../report/format.js';

/** Returns the scorer's name in the output language, or the raw name when the catalog has none. */
function scorerName(name: string, lang: Lang): string {
  const key = `SCORER_${name.toUpperCase()}`;
  return hasMessage(key) ? message(lang, key) : name;
}

/** Shows a rate such as an AUC with four decimals, so a difference of 0.001 between models is visible. */
function fourDecimals<Row>(value: (row: Row) => number | null, lang: Lang): (row: Row) => string {
  return (row) => {
    const number = value(row);
    return number === null ? message(lang, 'VALUE_NONE') : formatNumber(number, lang, 4);
  };
}

function scorerColumns(lang: Lang): Column<ScorerResult>[] {
  return [
    { id: 'scorer', head: 'HEAD_SCORER', kind: 'text', value: (row) => scorerName(row.name, lang) },
    { id: 'auc', head: 'HEAD_AUC', kind: 'number', value: (row) => row.metrics.auc, display: fourDecimals((row) => row.metrics.auc, lang), alignRight: true },
    { id: 'pr_auc', head: 'HEAD_PR_AUC', kind: 'number', value: (row) => row.metrics.prAuc, display: fourDecimals((row) => row.metrics.prAuc, lang), alignRight: true },
    { id: 'brier', head: 'HEAD_BRIER', kind: 'number', value: (row) => row.metrics.brier, display: fourDecimals((row) => row.metrics.brier, lang), alignRight: true },
    { id: 'log_loss', head: 'HEAD_LOG_LOSS', kind: 'number', value: (row) => row.metrics.logLoss, display: fourDecimals((row) => row.metrics.logLoss, lang), alignRight: true },
    { id: 'precision_d', head: 'HEAD_PRECISION_D', kind: 'number', value: (row) => row.atGradeD.precision, alignRight: true },
    { id: 'recall_d', head: 'HEAD_RECALL_D', kind: 'number', value: (row) => row.atGradeD.recall, alignRight: true },
    { id: 'lift', head: 'HEAD_LIFT_TOP10', kind: 'number', value: (row) => row.liftTop10Debtors, alignRight: true },
  ];
}

type ReliabilityRow = ScorerResult['reliability'][number];

function reliabilityColumns(): Column<ReliabilityRow>[] {
  return [
    { id: 'from', head: 'HEAD_RISK_FROM', kind: 'number', value: (row) => row.from, alignRight: true },
    { id: 'to', head: 'HEAD_RISK_TO', kind: 'number', value: (row) => row.to, alignRight: true },
    { id: 'rows', head: 'HEAD_INVOICES', kind: 'integer', value: (row) => row.rows, alignRight: true },
    { id: 'predicted', head: 'HEAD_MEAN_PREDICTED', kind: 'number', value: (row) => row.meanPredicted, alignRight: true },
    { id: 'observed', head: 'HEAD_OBSERVED_LATE', kind: 'number', value: (row) => row.observedLateShare, alignRight: true },
  ];
}

function paymentDateColumns(lang: Lang): Column<PaymentDateResult>[] {
  return [
    { id: 'method', head: 'HEAD_METHOD', kind: 'text', value: (row) => scorerName(row.name, lang) },
    { id: 'within3', head: 'HEAD_WITHIN_3_DAYS', kind: 'percent', value: (row) => row.within3Days, alignRight: true },
    { id: 'within7', head: 'HEAD_WITHIN_7_DAYS', kind: 'percent', value: (row) => row.within7Days, alignRight: true },
    { id: 'mae', head: 'HEAD_MEAN_ABS_DAYS', kind: 'number', value: (row) => row.meanAbsoluteDays, alignRight: true },
    { id: 'coverage', head: 'HEAD_INTERVAL_COVERAGE', kind: 'percent', value: (row) => row.intervalCoverage ?? null, alignRight: true },
  ];
}

function backtestColumns(lang: Lang): Column<BacktestFold>[] {
  return [
    { id: 'cutoff', head: 'HEAD_CUTOFF', kind: 'text', value: (row) => row.cutoff },
    { id: 'until', head: 'HEAD_TEST_UNTIL', kind: 'text', value: (row) => row.testUntil },
    { id: 'rows', head: 'HEAD_INVOICES', kind: 'integer', value: (row) => row.rows, alignRight: true },
    { id: 'late', head: 'HEAD_LATE', kind: 'integer', value: (row) => row.positives, alignRight: true },
    { id: 'model_auc', head: 'HEAD_MODEL_AUC', kind: 'number', value: (row) => row.modelAuc, display: fourDecimals((row) => row.modelAuc, lang), alignRight: true },
    { id: 'naive_auc', head: 'HEAD_NAIVE_AUC', kind: 'number', value: (row) => row.meanDaysLateAuc, display: fourDecimals((row) => row.meanDaysLateAuc, lang), alignRight: true },
  ];
}

/** Scorers that are simple rules, not models: the ones a model has to beat to be worth using. */
const RULES = new Set(['mean_days_late', 'last_invoice_late', 'always_on_time']);

/** AUC difference under which the model and a rule rank about as well: with a few hundred test invoices, sampling alone moves AUC by about 0.01 (an estimate). */
const SAME_AUC = 0.01;

/** Returns one line that compares the model's AUC with the best simple rule's, or null without either. */
function verdictLine(scorers: readonly ScorerResult[], lang: Lang): string | null {
  const model = scorers.find((scorer) => scorer.name === 'model');
  const rules = scorers.filter((scorer) => RULES.has(scorer.name) && scorer.metrics.auc !== null);
  if (!model || model.metrics.auc === null || rules.length === 0) return null;

  const best = rules.reduce((top, scorer) => (scorer.metrics.auc! > top.metrics.auc! ? scorer : top));
  const args = { rule: scorerName(best.name, lang), ruleAuc: formatNumber(best.metrics.auc!, lang, 4), auc: formatNumber(model.metrics.auc, lang, 4) };
  const gain = model.metrics.auc - best.metrics.auc!;
  if (Math.abs(gain) < SAME_AUC) return message(lang, 'EVAL_VERDICT_ABOUT_SAME', args);
  return gain > 0 ? message(lang, 'EVAL_VERDICT_BETTER', args) : message(lang, 'EVAL_VERDICT_NOT_BETTER', args);
}

/** Renders the detail tables, each under a heading line, for the table format. */
export function renderEvaluationTables(result: EvaluationResult, report: ReportContext): string {
  const lang = report.lang;
  const parts: string[] = [];

  parts.push(message(lang, 'EVAL_SECTION_SCORERS', { cut: result.scorers[0]?.atGradeD.cut ?? 0.6 }));
  parts.push(renderTable(scorerColumns(lang), result.scorers, report));
  // Prose lines wrap at the table width, so they read in a terminal as the tables do.
  const width = Math.min(report.width && report.width > 0 ? report.width : DEFAULT_TABLE_WIDTH, DEFAULT_TABLE_WIDTH);
  const verdict = verdictLine(result.scorers, lang);
  if (verdict) parts.push(wrapText(verdict, width));
  parts.push(wrapText(message(lang, 'EVAL_LEGEND'), width));

  const model = result.scorers.find((scorer) => scorer.name === 'model');
  if (model) {
    parts.push(message(lang, 'EVAL_SECTION_RELIABILITY'));
    parts.push(renderTable(reliabilityColumns(), model.reliability.filter((bin) => bin.rows > 0), report));
  }

  if (result.paymentDate.length > 0) {
    parts.push(message(lang, 'EVAL_SECTION_PAYMENT_DATES'));
    parts.push(renderTable(paymentDateColumns(lang), result.paymentDate, report));
  }

  if (result.backtest) {
    const { meanAuc, stdAuc, meanNaiveAuc } = result.backtest;
    parts.push(message(lang, 'EVAL_SECTION_BACKTEST', { mean: meanAuc, spread: stdAuc, naive: meanNaiveAuc, days: BACKTEST_STEP_DAYS }));
    parts.push(renderTable(backtestColumns(lang), result.backtest.folds, report));
  }
  return parts.map((part) => (part.endsWith('\n') ? part : `${part}\n`)).join('');
}
