// Presets for known exports: column maps and formats that detection would otherwise have to guess.
// Options given explicitly override a preset.

import { RiskpayError } from '../findings.js';
import { PRESET_NAMES, type ImportOptions } from './options.js';

interface Preset {
  invoices: Partial<ImportOptions>;
  payments?: Partial<ImportOptions>;
}

const PRESETS: Record<(typeof PRESET_NAMES)[number], Preset> = {
  // IBM Watson Analytics "Accounts Receivable" sample: dates are DD/MM/YYYY.
  ibm: { invoices: { dateFormat: 'DMY', map: { invoiceId: 'invoiceNumber', customerId: 'customerID', amount: 'InvoiceAmount', paidDate: 'SettledDate' } } },
  // Invoice Ninja v4: invoice dates are ISO, payment dates M/D/YYYY.
  invoiceninja: { invoices: { map: { invoiceId: 'Invoice Number', customerName: 'Client' } }, payments: { dateFormat: 'MDY' } },
  zoho: { invoices: { map: { invoiceId: 'Invoice Number', customerId: 'Customer ID', customerName: 'Customer Name', amount: 'Total' } } },
  // FreshBooks invoice exports have no due date; the terms must still come from --terms.
  freshbooks: { invoices: { map: { invoiceId: 'Invoice #', customerName: 'Client Name', lineTotal: 'Line Total' } } },
  // Fortnox and Visma exports: semicolon, decimal comma, Swedish headers.
  fortnox: { invoices: { delimiter: ';', decimal: ',' } },
  visma: { invoices: { delimiter: ';', decimal: ',' } },
};

/** Returns the options for invoice files and for payments files with the preset applied under them. */
export function applyPreset(options: ImportOptions): { invoices: ImportOptions; payments: ImportOptions } {
  if (options.preset === undefined || options.preset === '') return { invoices: options, payments: options };
  const name = options.preset.toLowerCase() as keyof typeof PRESETS;
  const preset = PRESETS[name];
  if (!preset) throw new RiskpayError('INGEST_PRESET_UNKNOWN', { value: options.preset, names: PRESET_NAMES.join(', ') });
  const merge = (base: Partial<ImportOptions>): ImportOptions => {
    const merged: ImportOptions = { ...base };
    for (const [key, value] of Object.entries(options)) if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    merged.map = { ...(base.map ?? {}), ...(options.map ?? {}) };
    return merged;
  };
  return { invoices: merge(preset.invoices), payments: merge(preset.payments ?? {}) };
}
