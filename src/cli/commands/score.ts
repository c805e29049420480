// `riskpay score`: import, score, compare with the last run, render, and apply --fail-on.

import { finding, RiskpayError } from '../../findings.js';
import { renderScore } from '../../report/index.js';
import { renderJsonChunks } from '../../report/json.js';
import { fullScoreDocument, lazyScoreDocument } from '../../report/score-document.js';
import type { DebtorRow } from '../../report/schema.js';
import type { ScoreResult } from '../../scoring/types.js';
import type { ScoreRequest } from '../core.js';
import { asOfDay, emit, importOptions, inputFiles, reportContext, sourceLabel, type CommandContext } from '../context.js';
import type { OutputFormat } from '../options.js';
import { parseThreshold } from '../resolve-options.js';
import { compareWithState, readState, stateOf, writeState } from '../state.js';

export const EXIT_OK = 0;
export const EXIT_THRESHOLD = 1;

const GRADE_ORDER = ['A', 'B', 'C', 'D'];

export function scoreRequest(context: CommandContext): ScoreRequest {
  const { day, defaulted } = asOfDay(context);
  const { grades, flags, policy, forecast } = context.config;
  const scoringConfig: Record<string, unknown> = {};
  if (grades) scoringConfig.grades = grades;
  if (flags) scoringConfig.flags = flags;
  if (policy) scoringConfig.policy = policy;
  if (forecast) scoringConfig.forecast = forecast;
  const request: ScoreRequest = {
    asOf: day,
    asOfDefaulted: defaulted,
    by: (context.options.by as 'debtor' | 'invoice' | undefined) ?? 'debtor',
    lateAfterDays: context.options.lateAfter as number | undefined,
    seed: (context.options.seed as number | undefined) ?? 1,
    scoringConfig,
    extraOption: sourceLabel(context, 'extra'),
  };
  if (context.options.model !== undefined) request.modelPath = context.options.model as string;
  const threadsFrom = threadsFromInvoices(context);
  if (threadsFrom !== undefined) request.threadsFromInvoices = threadsFrom;
  return request;
}

/** Returns the invoice count from which scoring starts a thread when a test sets it, else undefined for the default. */
function threadsFromInvoices(context: CommandContext): number | undefined {
  // The end-to-end test that compares one thread with two lowers the size at which a thread starts.
  const text = context.io.env.RISKPAY_TEST_THREADS_FROM_INVOICES;
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) ? value : undefined;
}

/**
 * Imports the inputs and scores them; shared by score, plan and forecast. Unless `keepLedger` is set,
 * scoring empties the imported ledger once it has built the snapshots, to free memory early.
 */
export async function importAndScore(context: CommandContext, keepLedger = false) {
  const files = inputFiles(context);
  context.diagnostics.progress('STATUS_PROGRESS_READING', { files: files.length });
  // A large run loads the --model file in the model thread while this thread reads the inputs.
  const modelPath = context.options.model as string | undefined;
  let preloaded = context.core.preloadModel?.(files, { modelPath, threadsFromInvoices: threadsFromInvoices(context) }) ?? null;
  let imported: Awaited<ReturnType<typeof context.core.importLedger>>;
  let result: ScoreResult;
  let request: ScoreRequest;
  try {
    imported = await context.core.importLedger(files, importOptions(context));
    request = scoreRequest(context);
    const ledger = imported.ledger;
    // Counted only when the progress line shows (about 0.1 s at a million invoices), and without a copy
    // of the invoice list.
    context.diagnostics.progress('STATUS_PROGRESS_SCORING', () => {
      const customerIds = new Set<string>();
      for (const invoice of ledger.invoices) customerIds.add(invoice.customerId);
      return { count: customerIds.size };
    });
    // From here the scoring uses the thread or closes it.
    const thread = preloaded;
    preloaded = null;
    result = await context.core.score(ledger, { ...request, releaseLedger: !keepLedger }, thread);
  } finally {
    await preloaded?.close();
  }
  context.diagnostics.done();
  result.findings = [...imported.findings, ...result.findings];
  context.diagnostics.status(result.asOfDefaulted ? 'STATUS_AS_OF_TODAY' : 'STATUS_AS_OF', { date: result.asOf });

  // A run with nothing to score is bad input, such as a wrong --as-of or an export of drafts. Exit code 2
  // makes a nightly job fail, where an empty table with exit 0 would pass unnoticed. The other findings give the cause.
  const nothing = result.findings.find((item) => item.code === 'SCORE_NO_DEBTORS' || item.code === 'SCORE_NO_INVOICES');
  if (nothing) {
    context.diagnostics.findings(result.findings.filter((item) => item !== nothing));
    throw new RiskpayError(nothing.code, nothing.args ?? {});
  }
  // The model choice is shown only when something is scored, because before a nothing-to-score error
  // it would read as the cause.
  context.diagnostics.status(result.model.reason.code, result.model.reason.args);
  return { imported, request, result };
}

/** Returns how many reported debtors reach the --fail-on threshold. */
function countAtThreshold(shownRows: readonly DebtorRow[], result: ScoreResult, text: string, onlyChanges: boolean): number {
  const threshold = parseThreshold(text, () => new RiskpayError('CLI_INVALID_THRESHOLD_VALUE', { option: '--fail-on', value: text, source: 'flag' }));
  // With --only-changes only the reported (new or worse) debtors count; otherwise every debtor does, not only the --top rows.
  // A debtor that owes nothing keeps a grade for credit decisions but has nothing to collect, so it never counts.
  const owing = new Set(result.debtors.filter((debtor) => debtor.nothingOwed !== true).map((debtor) => `${debtor.customerId}\u0000${debtor.currency}`));
  const debtors = (onlyChanges ? shownRows : result.debtors).filter((debtor) => owing.has(`${debtor.customerId}\u0000${debtor.currency}`));
  return debtors.filter((debtor) =>
    threshold.kind === 'grade' ? GRADE_ORDER.indexOf(debtor.grade) >= GRADE_ORDER.indexOf(threshold.grade) : debtor.risk >= threshold.risk,
  ).length;
}

export async function runScore(context: CommandContext): Promise<number> {
  const statePath = context.options.state as string | undefined;
  const onlyChanges = context.options.onlyChanges === true;
  if (onlyChanges && statePath === undefined) throw new RiskpayError('CLI_ONLY_CHANGES_NEEDS_STATE');
  // The HTML report is a debtor report; checked before the import so a long run does not end in it.
  if (context.options.format === 'html' && context.options.by === 'invoice') throw new RiskpayError('CLI_HTML_BY_DEBTOR_ONLY');
  const previous = statePath !== undefined ? readState(statePath) : null;

  const { request, result } = await importAndScore(context);
  // The table's next-action column comes from the collection plan's first step per debtor.
  const plan = await context.core.plan(result, request, true);

  const changes = statePath !== undefined ? compareWithState(result, previous) : undefined;
  // With --only-changes the count line below reports the first run instead, so this line is left out.
  if (statePath !== undefined && previous === null && !onlyChanges) context.diagnostics.status('STATUS_STATE_FIRST', { file: statePath });
  if (statePath !== undefined && previous !== null && previous.asOf > result.asOf) {
    context.diagnostics.findings([finding('CLI_STATE_AFTER_AS_OF', 'warning', { file: statePath, stateDate: previous.asOf, asOf: result.asOf })]);
  }
  const format = (context.options.format as OutputFormat | undefined) ?? 'table';
  const documentOptions = {
    lang: context.lang,
    version: context.version,
    by: (context.options.by as 'debtor' | 'invoice' | undefined) ?? 'debtor',
    top: context.options.top as number | undefined,
    changes,
    onlyChanges,
    previousAsOf: previous?.asOf ?? null,
    plan: plan.rows,
  };
  const lazy = lazyScoreDocument(result, documentOptions);
  // JSON makes the rows a group at a time while it writes them; the other formats need every row.
  const document = format === 'json' ? null : fullScoreDocument(lazy);

  context.diagnostics.findings(result.findings);
  if (onlyChanges && lazy.changes) {
    const counts = { count: lazy.changes.reported, total: lazy.changes.considered };
    if (previous === null) context.diagnostics.status('STATUS_ONLY_CHANGES_FIRST', { ...counts, file: statePath! });
    else context.diagnostics.status('STATUS_ONLY_CHANGES', { ...counts, date: previous.asOf });
  }
  if (format === 'table' && (lazy.by === 'debtor' ? lazy.debtors : lazy.invoices).length === 0) {
    context.diagnostics.status('STATUS_NO_ROWS');
  }
  // JSON goes out in pieces: at a million invoices the whole text would be a string of over 100 MB.
  await emit(context, document === null ? renderJsonChunks({ ...lazy }) : renderScore(document, format, reportContext(context)));
  if (statePath !== undefined) await writeState(statePath, stateOf(result));

  const failOn = context.options.failOn as string | undefined;
  if (failOn !== undefined) {
    // Only --only-changes counts the document's rows, so only then are JSON's rows made a second time.
    const shownRows = onlyChanges ? (document?.debtors ?? lazy.debtors.all()) : [];
    const count = countAtThreshold(shownRows, result, failOn, onlyChanges);
    if (count > 0) {
      context.diagnostics.status('STATUS_FAIL_ON', { count, threshold: failOn });
      return EXIT_THRESHOLD;
    }
  }
  return EXIT_OK;
}
