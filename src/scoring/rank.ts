// Builds the debtor and invoice scores from the model's outputs: risks, reasons, flags and payment
// dates, debtor by debtor, then ranks them.

import { finding, type Finding } from '../findings.js';
import { formatDay } from '../dates.js';
import type { DebtorSnapshot } from '../features/types.js';
import type { RiskModel } from '../model/types.js';
import { memoize } from '../memoize.js';
import { fromMinorUnits, roundMoney, toMinorUnits } from '../money.js';
import { debtorAlreadyLateReason, invoiceAlreadyLateReason, withAlreadyLateFirst, type AlreadyLateInvoice } from './already-late.js';
import { compareText } from './compare.js';
import { buildFlagContext, evaluateFlags, type FlagContext } from './flags.js';
import { gradeFor } from './grades.js';
import { paidTrend } from './paid-trend.js';
import { estimatePaymentDate, portfolioDelays, type DelayEstimate } from './payment-dates.js';
import type { ReasonWords } from './reason-codes.js';
import { combineWeighted, fallbackReason, groupContributions, topReasons, type ReasonTotal } from './reasons.js';
import type { ScoreOptions } from './score.js';
import { MAX_RISK, shownRisk, type Explanations, type PreparedScoring } from './scored.js';
import type { DebtorScore, InvoiceScore, ModelChoice, ScoreResult } from './types.js';

/** Ranks by expected amount at risk, then risk, then customer id, so equal inputs give equal order. */
function compareDebtors(a: DebtorScore, b: DebtorScore): number {
  return (
    b.expectedAtRisk - a.expectedAtRisk ||
    b.risk - a.risk ||
    compareText(a.customerId, b.customerId) ||
    compareText(a.currency, b.currency)
  );
}

function compareInvoices(a: InvoiceScore, b: InvoiceScore): number {
  return (
    (b.expectedAtRisk ?? 0) - (a.expectedAtRisk ?? 0) ||
    b.risk - a.risk ||
    compareText(a.customerId, b.customerId) ||
    compareText(a.invoiceId, b.invoiceId)
  );
}

/**
 * Builds the debtor and invoice scores from the model's outputs, one debtor at a time in snapshot
 * order, and ranks them at the end. A debtor's explanations and predictions must be in place when it is added.
 */
export class Ranking {
  private readonly findings: Finding[] = [];
  private readonly debtors: DebtorScore[] = [];
  private readonly invoices: InvoiceScore[] = [];
  private readonly flagContext: FlagContext;
  private readonly delays: Map<string, DelayEstimate>;
  // The open invoices of a large ledger share a few thousand distinct days, and formatDay builds a Date each call.
  private readonly dayText = memoize(formatDay);
  private datesWithoutModel = 0;

  constructor(
    private readonly snapshots: readonly DebtorSnapshot[],
    private readonly prepared: Pick<PreparedScoring, 'config' | 'featureNames' | 'credited' | 'invoicesByDebtor'>,
    private readonly model: RiskModel,
    private readonly options: ScoreOptions,
  ) {
    this.flagContext = buildFlagContext(snapshots);
    this.delays = portfolioDelays(snapshots);
  }

  /** Scores one debtor and its open invoices from the explanations and predictions made for them. */
  add(rawSnapshot: DebtorSnapshot, explanations: Explanations): void {
    const { config, featureNames, credited, invoicesByDebtor } = this.prepared;
    const { debtors, invoices, flagContext, delays, dayText } = this;
    const lateAfterDays = this.model.meta.label.lateAfterDays;
    const invoiceReasons = this.options.invoiceReasons !== false;

    const scored = invoicesByDebtor.get(rawSnapshot) ?? [];
    const snapshot = credited.get(rawSnapshot)!.snapshot;
    let risk: number;
    let reasonTotals: Map<string, ReasonTotal>;
    // In whole minor units, as the sum of the rounded invoice amounts, so that the debtor's amount is the
    // sum of its invoices' printed amounts.
    let expectedAtRiskUnits = 0;

    const debtorCache = new Map<string, ReasonWords>();
    const alreadyLate: AlreadyLateInvoice[] = [];
    let totalBalance = 0;
    if (scored.length > 0) {
      totalBalance = scored.reduce((sum, s) => sum + s.open.balance, 0);
      const explained = explanations.invoices.get(rawSnapshot)!;
      const explainedBalance = [...explained.keys()].reduce((sum, s) => sum + s.open.balance, 0);
      const parts: { weight: number; totals: Map<string, ReasonTotal> }[] = [];
      risk = 0;

      for (const s of scored) {
        const invoiceRisk = shownRisk(s);
        risk += (s.open.balance / totalBalance) * invoiceRisk;
        const invoiceAtRiskUnits = toMinorUnits(invoiceRisk * s.open.balance, snapshot.currency);
        expectedAtRiskUnits += invoiceAtRiskUnits;

        let reasons: InvoiceScore['reasons'];
        const contributions = explained.get(s);
        if (contributions) {
          const totals = groupContributions(contributions, featureNames, s.row, snapshot, s.open, debtorCache);
          // The weights sum to 1 over the explained invoices, which are all of them unless capped.
          parts.push({ weight: s.open.balance / explainedBalance, totals });
          if (invoiceReasons) reasons = topReasons(totals);
        }
        if (s.alreadyLate) {
          const late = { open: s.open, modelRisk: s.risk };
          alreadyLate.push(late);
          // Invoices left unexplained keep no reasons, as the InvoiceScore contract states.
          if (reasons) reasons = withAlreadyLateFirst(invoiceAlreadyLateReason(late, lateAfterDays, MAX_RISK), reasons, new Set([s.open.invoice.id]));
        }

        const date = estimatePaymentDate(snapshot, s.open, s.prediction, delays);
        if (date.source !== 'model') this.datesWithoutModel += 1;
        const invoice = s.open.invoice;
        invoices.push({
          invoiceId: invoice.id,
          customerId: snapshot.customerId,
          name: snapshot.name,
          currency: snapshot.currency,
          issueDate: dayText(invoice.issueDate),
          dueDate: dayText(invoice.dueDate),
          balance: roundMoney(s.open.balance, snapshot.currency),
          daysOverdue: s.open.daysOverdue,
          risk: invoiceRisk,
          grade: gradeFor(invoiceRisk, config.grades),
          expectedPaymentDate: dayText(date.expected),
          paymentDateLow: dayText(date.low),
          paymentDateHigh: dayText(date.high),
          paymentDateSource: date.source,
          expectedAtRisk: fromMinorUnits(invoiceAtRiskUnits, snapshot.currency),
          reasons,
        });
      }
      reasonTotals = combineWeighted(parts);
    } else {
      const debtorRow = explanations.debtorRows.get(rawSnapshot)!;
      risk = debtorRow.risk;
      reasonTotals = groupContributions(debtorRow.contributions, featureNames, debtorRow.row, snapshot, null);
    }

    let reasons = topReasons(reasonTotals);
    if (alreadyLate.length > 0) {
      const first = debtorAlreadyLateReason(alreadyLate, lateAfterDays, MAX_RISK, totalBalance, snapshot.currency);
      reasons = withAlreadyLateFirst(first, reasons, new Set(alreadyLate.map((late) => late.open.invoice.id)));
    }
    if (reasons.length === 0) reasons = [fallbackReason(snapshot)];

    debtors.push({
      customerId: snapshot.customerId,
      name: snapshot.name,
      currency: snapshot.currency,
      grade: gradeFor(risk, config.grades),
      risk,
      openBalance: roundMoney(snapshot.stats.openBalance, snapshot.currency),
      overdueBalance: roundMoney(snapshot.stats.overdueBalance, snapshot.currency),
      expectedAtRisk: fromMinorUnits(expectedAtRiskUnits, snapshot.currency),
      openInvoices: snapshot.stats.openCount,
      oldestOverdueDays: snapshot.stats.oldestOverdueDays,
      // Paid invoices only, as the reasons and the trend count them: a prepaid invoice is not a delay.
      recentDaysLate: [...(snapshot.stats.paid?.recentDaysLate ?? snapshot.stats.recentDaysLate)],
      // The paid-only trend, as the sparkline beside it and FLAG_PAYMENTS_SLOWING use.
      trendDays: paidTrend(snapshot.stats)?.trendDays ?? null,
      // The model's noHistory also counts open overdue invoices as history; people read "no history" as
      // "has never paid an invoice".
      noHistory: snapshot.stats.settledCount === 0,
      flags: evaluateFlags(snapshot, config.flags, flagContext),
      reasons,
      riskSource: scored.length > 0 ? 'open-invoices' : 'debtor-row',
      nothingOwed: scored.length === 0,
    });
  }

  /** Returns the ranked scores of every debtor added, with the findings about them as a whole. */
  result(choice: ModelChoice): ScoreResult {
    const { debtors, invoices, findings } = this;
    const { asOf } = this.options;
    const { config } = this.prepared;
    debtors.sort(compareDebtors);
    invoices.sort(compareInvoices);

    if (this.snapshots.length === 0) findings.push(finding('SCORE_NO_DEBTORS', 'error', { asOf: formatDay(asOf) }));
    else if (invoices.length === 0) findings.push(finding('SCORE_NO_OPEN_INVOICES', 'info', { asOf: formatDay(asOf) }));
    if (this.datesWithoutModel > 0) {
      findings.push(finding('SCORE_PAYMENT_DATES_FROM_HISTORY', 'info', { invoices: this.datesWithoutModel }));
    }
    // The ranking sorts by amount at risk, and amounts in different currencies are not comparable.
    const openCurrencies = [...new Set(debtors.filter((debtor) => debtor.openBalance > 0 && debtor.currency !== '').map((debtor) => debtor.currency))].sort();
    if (openCurrencies.length > 1) {
      findings.push(finding('SCORE_MIXED_CURRENCIES', 'warning', { count: openCurrencies.length, currencies: openCurrencies.join(', ') }));
    }

    return {
      asOf: formatDay(asOf),
      asOfDefaulted: this.options.asOfDefaulted,
      model: choice,
      debtors,
      invoices,
      totals: totalsPerCurrency(debtors),
      findings,
      view: this.options.by,
      gradeCuts: { B: config.grades.B, C: config.grades.C, D: config.grades.D },
    };
  }
}

/**
 * Sums the debtors' rounded amounts per currency, in whole minor units, so each total is the sum of the
 * printed debtor rows. Amounts in different currencies are never added together.
 */
function totalsPerCurrency(debtors: readonly DebtorScore[]): ScoreResult['totals'] {
  const totals = new Map<string, ScoreResult['totals'][number]>();
  for (const debtor of debtors) {
    const currency = debtor.currency;
    const total = totals.get(currency) ?? { currency, openBalance: 0, overdueBalance: 0, expectedAtRisk: 0 };
    total.openBalance += toMinorUnits(debtor.openBalance, currency);
    total.overdueBalance += toMinorUnits(debtor.overdueBalance, currency);
    total.expectedAtRisk += toMinorUnits(debtor.expectedAtRisk, currency);
    totals.set(currency, total);
  }
  return [...totals.values()]
    .map((total) => ({
      ...total,
      openBalance: fromMinorUnits(total.openBalance, total.currency),
      overdueBalance: fromMinorUnits(total.overdueBalance, total.currency),
      expectedAtRisk: fromMinorUnits(total.expectedAtRisk, total.currency),
    }))
    .sort((a, b) => compareText(a.currency, b.currency));
}
