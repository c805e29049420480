// Reporters by name. Each turns a document into the full text for stdout or --out.

import type { OutputFormat } from '../cli/options.js';
import type { ReportContext } from './context.js';
import { renderCsv } from './csv.js';
import { renderScoreHtml } from './html.js';
import { renderJson } from './json.js';
import { renderNdjson } from './ndjson.js';
import type { ScoreDocument } from './schema.js';
import { DEBTOR_DROP_ORDER, DEBTOR_WRAP, INVOICE_DROP_ORDER, INVOICE_WRAP, debtorColumns, invoiceColumns } from './score-views.js';
import { renderTable } from './table.js';

export function renderScore(document: ScoreDocument, format: OutputFormat, context: ReportContext): string {
  const byDebtor = document.by === 'debtor';
  switch (format) {
    case 'json':
      return renderJson(document);
    case 'ndjson':
      return renderNdjson(byDebtor ? document.debtors : document.invoices);
    case 'csv':
      return byDebtor
        ? renderCsv(debtorColumns(context), document.debtors, context.csvLocale)
        : renderCsv(invoiceColumns(context), document.invoices, context.csvLocale);
    case 'html':
      return renderScoreHtml(document, context);
    case 'table':
      return byDebtor
        ? renderTable(debtorColumns(context, document.changes !== undefined), document.debtors, context, { wrap: DEBTOR_WRAP, dropOrder: DEBTOR_DROP_ORDER })
        : renderTable(invoiceColumns(context), document.invoices, context, { wrap: INVOICE_WRAP, dropOrder: INVOICE_DROP_ORDER });
  }
}
