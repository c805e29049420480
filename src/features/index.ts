// Public API of the feature builder.

export {
  DEBTOR_FEATURES,
  INVOICE_FEATURES,
  NO_DAYS,
  NO_HISTORY,
  NO_HISTORY_DAYS_LATE,
  featureCatalog,
  featureNames,
  isNoValueSentinel,
  scaleFreeFeatureNames,
} from './catalog.js';
export { fitDelayAdjustment, type DelayAdjustment } from './delay-adjustment.js';
export { buildSnapshots, featureTable, type FeatureTableRow } from './snapshots.js';
export { debtorFeatureRow, invoiceFeatureRow } from './rows.js';
export {
  CHECKPOINT_OFFSETS,
  buildLabelledRows,
  outcomeOf,
  selectRows,
  rowsKnownBefore,
  withoutExtraColumns,
  type InvoiceOutcome,
  type LabelledRows,
  type RowSelection,
} from './training-rows.js';
export type { DebtorSnapshot, DebtorStats, FeatureGroup, FeatureSpec, OpenInvoice } from './types.js';
