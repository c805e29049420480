// Finds opt-in extra columns that give the outcome away. A column filled in after payment, such as
// days late or days to settle, ranks late against on-time invoices almost perfectly on its own. A model
// trained on it then shows holdout and evaluation figures near perfect, but open invoices do not have
// that value yet, so the figures do not measure how well it scores them.

import { EXTRA_PREFIX } from '../features/catalog.js';
import type { LabelledRows } from '../features/training-rows.js';
import { finding, type Finding } from '../findings.js';
import { auc } from './metrics.js';

/**
 * Single-column AUC, in either direction, from which an extra column counts as a likely leak. Real
 * signals stay well below it: on the public IBM accounts-receivable sample (invoices issued before
 * 2013, late after 7 days) Disputed alone reaches 0.69 and PaperlessBill 0.55, while DaysLate and
 * DaysToSettle reach 1.
 */
export const LEAK_AUC = 0.98;

/** Code of the warning about an extra column that gives the outcome away. */
export const EXTRA_COLUMN_LEAK = 'MODEL_EXTRA_COLUMN_LEAK';

/**
 * Returns an EXTRA_COLUMN_LEAK warning for each extra column that alone ranks the labels of the
 * training invoices with an AUC of at least LEAK_AUC, or at most 1 - LEAK_AUC. Only issue-date rows
 * count, one per invoice, and the check needs at least `minPerClass` late and on-time invoices.
 * `option` names where the extra columns were listed, such as `--extra` or `RISKPAY_EXTRA`, for the fix.
 */
export function outcomeLeakFindings(rows: LabelledRows, extraColumns: readonly string[], minPerClass: number, option = '--extra'): Finding[] {
  const issueRows: number[] = [];
  let late = 0;
  for (let r = 0; r < rows.X.rows; r += 1) {
    if (rows.atIssue[r] !== 1) continue;
    issueRows.push(r);
    late += rows.y[r];
  }
  const onTime = issueRows.length - late;
  if (late < minPerClass || onTime < minPerClass) return [];

  const labels = Float64Array.from(issueRows, (r) => rows.y[r]);
  const findings: Finding[] = [];
  for (const column of extraColumns) {
    const index = rows.featureNames.indexOf(`${EXTRA_PREFIX}${column}`);
    if (index < 0) continue;
    const values = Float64Array.from(issueRows, (r) => rows.X.data[r * rows.X.cols + index]);
    const columnAuc = auc(labels, values);
    // An AUC near 0 ranks just as well, with low values meaning late.
    const strength = Math.max(columnAuc, 1 - columnAuc);
    if (!(strength >= LEAK_AUC)) continue;
    findings.push(finding(EXTRA_COLUMN_LEAK, 'warning', { column, auc: Math.round(strength * 1000) / 1000, invoices: issueRows.length, option }));
  }
  return findings;
}
