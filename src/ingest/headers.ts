// Header names in English, Swedish and Spanish, and how a header row becomes a column mapping.
// Headers are compared after normalizeHeader: case, accents, spaces and punctuation do not matter.

import { RiskpayError } from '../findings.js';
import type { LedgerField, PaymentField } from './options.js';

/** Lower-cases, strips accents and drops everything but letters and digits: "Fecha de emisión" -> "fechadeemision". */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Synonyms per field, best first: rank 1 names win over rank 2 and 3 when a file has several
 * (Zoho has both `Invoice Number` and `Invoice ID`; `Date` alone is only a last resort).
 */
type Synonyms = [rank: number, names: string[]][];

const INVOICE_ID: Synonyms = [
  [1, ['invoiceno', 'invoicenumber', 'invoicenr', 'invoicenum', 'invno', 'fakturanr', 'fakturanummer',
    'fakturanro', 'numerodefactura', 'numerofactura', 'nofactura', 'nodefactura', 'facturano', 'numfactura']],
  [2, ['invoice', 'invoiceid', 'faktura', 'factura', 'documentnumber', 'documentno', 'docno', 'verifikationsnummer']],
  [3, ['number', 'nummer', 'numero', 'id']],
];

const CUSTOMER_NAME: Synonyms = [
  [1, ['customername', 'clientname', 'kundnamn', 'nombrecliente', 'nombredelcliente', 'debtorname']],
  [2, ['customer', 'client', 'kund', 'cliente', 'debtor', 'galdenar', 'razonsocial', 'companyname', 'company',
    'foretag', 'empresa', 'name', 'namn', 'nombre']],
];

export const INVOICE_SYNONYMS: Record<LedgerField, Synonyms> = {
  invoiceId: INVOICE_ID,
  customerId: [
    [1, ['customerid', 'customerno', 'customernumber', 'customernr', 'clientid', 'clientno', 'clientnumber',
      'kundnummer', 'kundnr', 'kundid', 'idcliente', 'numerodecliente', 'numerocliente', 'codigocliente',
      'codcliente', 'debtorid', 'debtorno', 'accountnumber', 'accountno']],
  ],
  customerName: CUSTOMER_NAME,
  issueDate: [
    [1, ['invoicedate', 'issuedate', 'dateissued', 'fakturadatum', 'fechadeemision', 'fechaemision',
      'fechafactura', 'fechadefactura', 'documentdate', 'billdate', 'dateofissue']],
    [3, ['date', 'datum', 'fecha']],
  ],
  dueDate: [
    [1, ['duedate', 'datedue', 'paymentduedate', 'forfallodatum', 'forfallodag', 'forfaller', 'sistabetalningsdag',
      'fechadevencimiento', 'fechavencimiento', 'vencimiento']],
    // Short headers of some exports ("Due on", "Förfaller den"), ranked below the full names. A bare
    // "Due" is left out: exports also use it for the amount still owed.
    [2, ['dueon', 'forfallerden']],
  ],
  amount: [
    [1, ['invoiceamount', 'invoicetotal', 'totalamount', 'grandtotal', 'fakturabelopp', 'totalbelopp',
      'importetotal', 'totalfactura', 'importefactura']],
    [2, ['amount', 'total', 'belopp', 'importe', 'summa', 'monto']],
  ],
  currency: [[1, ['currency', 'currencycode', 'valuta', 'valutakod', 'moneda', 'divisa']]],
  paidDate: [
    [1, ['paiddate', 'datepaid', 'settleddate', 'settlementdate', 'betaldatum', 'betaltdatum', 'betalningsdatum',
      'fechadepago', 'fechapago', 'fechadecobro', 'fechacobro', 'paymentdate']],
  ],
  paidAmount: [
    [1, ['paidamount', 'amountpaid', 'betaltbelopp', 'importepagado', 'importecobrado']],
    [2, ['paid', 'betalt', 'pagado', 'cobrado']],
  ],
  balance: [
    [1, ['balance', 'balancedue', 'amountdue', 'outstanding', 'openamount', 'saldo', 'restbelopp', 'kvarattbetala',
      'importependiente', 'pendiente']],
  ],
  terms: [
    [1, ['terms', 'paymentterms', 'villkor', 'betalningsvillkor', 'betvillkor', 'condicionesdepago',
      'condicionespago', 'plazodepago', 'terminosdepago']],
    [2, ['paymenttermslabel', 'plazo']],
  ],
  type: [[1, ['type', 'documenttype', 'doctype', 'transactiontype', 'invoicetype', 'typ', 'fakturatyp',
    'dokumenttyp', 'tipo', 'tipodedocumento', 'tipodocumento']]],
  status: [[1, ['status', 'invoicestatus', 'fakturastatus', 'estado']]],
  disputed: [[1, ['disputed', 'dispute', 'indispute', 'tvist', 'tvistig', 'bestridd', 'disputado', 'disputada',
    'enlitigio']]],
  lastPaymentDate: [[1, ['lastpaymentdate', 'lastpayment', 'senastebetalning', 'senastebetalningsdatum',
    'fechaultimopago', 'ultimopago']]],
  lineTotal: [[1, ['linetotal', 'itemtotal', 'lineamount', 'radbelopp', 'radsumma', 'importelinea', 'totallinea']]],
};

export const PAYMENT_SYNONYMS: Record<PaymentField, Synonyms> = {
  invoiceId: INVOICE_ID,
  paymentDate: [
    [1, ['paymentdate', 'datepaid', 'paiddate', 'betaldatum', 'betalningsdatum', 'fechadepago', 'fechapago',
      'fechadecobro', 'fechacobro']],
    [3, ['date', 'datum', 'fecha']],
  ],
  amount: [
    [1, ['paymentamount', 'amountpaid', 'paidamount', 'betaltbelopp', 'betalningsbelopp', 'importepagado']],
    [2, ['amount', 'paid', 'belopp', 'betalt', 'importe', 'pagado', 'monto']],
  ],
  paymentId: [[1, ['paymentid', 'paymentno', 'paymentnumber', 'paymentreference', 'betalningsid', 'betalningsnr',
    'idpago', 'numerodepago', 'transactionid']]],
  customerName: CUSTOMER_NAME,
};

/** Headers that show a file has one row per invoice line (used to tell line items from duplicate rows). */
const LINE_ITEM_HEADERS = new Set(['itemname', 'itemproduct', 'itemdesc', 'itemdescription', 'itemnotes', 'itemcost',
  'itemquantity', 'itemprice', 'quantity', 'qty', 'rate', 'linesubtotal', 'linetotal', 'itemtotal', 'artikel',
  'antal', 'producto', 'cantidad']);

export function looksLikeLineItems(headers: string[]): boolean {
  return headers.some((header) => LINE_ITEM_HEADERS.has(normalizeHeader(header)));
}

export interface ColumnMapping<F extends string> {
  /** Field -> 0-based column index. */
  columns: Partial<Record<F, number>>;
  /** Header positions that were ignored because a better-ranked header took the field. */
  shadowed: { field: F; index: number }[];
}

function synonymLookup<F extends string>(synonyms: Record<F, Synonyms>): Map<string, { field: F; rank: number }[]> {
  const lookup = new Map<string, { field: F; rank: number }[]>();
  for (const field of Object.keys(synonyms) as F[]) {
    for (const [rank, names] of synonyms[field]) {
      for (const name of names) {
        const list = lookup.get(name) ?? [];
        list.push({ field, rank });
        lookup.set(name, list);
      }
    }
  }
  return lookup;
}

const INVOICE_LOOKUP = synonymLookup(INVOICE_SYNONYMS);
const PAYMENT_LOOKUP = synonymLookup(PAYMENT_SYNONYMS);

/** Counts the headers of a row that name a known field; used to find the header line. */
export function countKnownHeaders(cells: string[], kind: 'invoices' | 'payments', mapped: Set<string>): number {
  return knownHeaders(cells, kind, mapped).length;
}

/** Returns the cells of a row that name a known field of the file kind or a `--map` target, trimmed. */
export function knownHeaders(cells: string[], kind: 'invoices' | 'payments', mapped: Set<string>): string[] {
  const lookup = kind === 'invoices' ? INVOICE_LOOKUP : PAYMENT_LOOKUP;
  const known: string[] = [];
  for (const cell of cells) {
    const name = normalizeHeader(cell);
    if (name !== '' && (lookup.has(name) || mapped.has(name))) known.push(cell.trim());
  }
  return known;
}

function columnLabel(headers: string[], index: number): string {
  return headers[index] !== '' ? headers[index] : `#${index + 1}`;
}

/**
 * Maps header cells to fields: explicit `map` entries first, then synonyms by rank. Raises when a
 * header that matters appears twice, when two headers of the same rank claim one field, or when a
 * `map` entry names no column.
 */
export function mapColumns<F extends string>(
  headers: string[],
  kind: 'invoices' | 'payments',
  map: Record<string, string>,
  allowedFields: readonly F[],
  file: string,
  headerLine: number,
): ColumnMapping<F> {
  const lookup = (kind === 'invoices' ? INVOICE_LOOKUP : PAYMENT_LOOKUP) as unknown as Map<string, { field: F; rank: number }[]>;
  const normalized = headers.map(normalizeHeader);
  const columns: Partial<Record<F, number>> = {};
  const taken = new Set<number>();

  for (const [field, target] of Object.entries(map)) {
    if (!(allowedFields as readonly string[]).includes(field)) continue;
    const index = findMappedColumn(headers, normalized, target, field, file, headerLine);
    columns[field as F] = index;
    taken.add(index);
  }

  const candidates = new Map<F, { index: number; rank: number }[]>();
  normalized.forEach((name, index) => {
    if (name === '' || taken.has(index)) return;
    for (const { field, rank } of lookup.get(name) ?? []) {
      if (columns[field] !== undefined) continue;
      const list = candidates.get(field) ?? [];
      list.push({ index, rank });
      candidates.set(field, list);
    }
  });

  const shadowed: { field: F; index: number }[] = [];
  const claimed = new Map<number, F>();
  // Fields whose best candidate has the better rank claim their column first.
  const order = [...candidates.entries()].sort((a, b) => Math.min(...a[1].map((c) => c.rank)) - Math.min(...b[1].map((c) => c.rank)));
  for (const [field, list] of order) {
    const free = list.filter((c) => !claimed.has(c.index));
    if (free.length === 0) continue;
    const best = Math.min(...free.map((c) => c.rank));
    const top = free.filter((c) => c.rank === best);
    if (top.length > 1) {
      const names = top.map((c) => columnLabel(headers, c.index));
      const sameName = new Set(top.map((c) => normalized[c.index])).size === 1;
      throw new RiskpayError(
        sameName ? 'INGEST_HEADER_DUPLICATE' : 'INGEST_HEADER_AMBIGUOUS',
        {
          header: names[0],
          headers: names.join(', '),
          columns: top.map((c) => c.index + 1).join(', '),
          field,
          example: mapExample(field, top.map((c) => c.index)),
        },
        { file, line: headerLine, column: names[0] },
      );
    }
    columns[field] = top[0].index;
    claimed.set(top[0].index, field);
    for (const other of free) if (other.index !== top[0].index) shadowed.push({ field, index: other.index });
  }
  return { columns, shadowed };
}

/** Suggests `--map` options for repeated headers: a repeated date header usually holds invoice and due dates. */
function mapExample(field: string, indexes: number[]): string {
  if (field === 'issueDate') {
    const fields = ['issueDate', 'dueDate', 'paidDate'];
    return indexes.map((index, i) => `--map ${fields[i] ?? 'FIELD'}=#${index + 1}`).join(' ');
  }
  return `--map ${field}=#${indexes[0] + 1}`;
}

function findMappedColumn(
  headers: string[],
  normalized: string[],
  target: string,
  field: string,
  file: string,
  headerLine: number,
): number {
  const byNumber = /^#(\d+)$/.exec(target.trim());
  if (byNumber) {
    const index = Number(byNumber[1]) - 1;
    if (index < 0 || index >= headers.length) {
      throw new RiskpayError('INGEST_MAP_COLUMN_NOT_FOUND', { field, header: target, headers: headers.join(', ') }, { file, line: headerLine });
    }
    return index;
  }
  const exact = headers.flatMap((header, index) => (header.trim() === target.trim() ? [index] : []));
  const loose = normalized.flatMap((name, index) => (name === normalizeHeader(target) ? [index] : []));
  const matches = exact.length > 0 ? exact : loose;
  if (matches.length === 0) {
    throw new RiskpayError('INGEST_MAP_COLUMN_NOT_FOUND', { field, header: target, headers: headers.join(', ') }, { file, line: headerLine });
  }
  if (matches.length > 1) {
    throw new RiskpayError(
      'INGEST_HEADER_DUPLICATE',
      { header: target, columns: matches.map((i) => i + 1).join(', '), field, example: `--map ${field}=#${matches[0] + 1}` },
      { file, line: headerLine, column: target },
    );
  }
  return matches[0];
}

/**
 * Builds the error for required fields that no column maps to. It names all of them at once, so that
 * one run shows every --map the file needs. The `example` argument writes `Header` where the column
 * name goes, and the catalog writes that word in the output language. A single field keeps INGEST_COLUMN_MISSING. A missing due
 * date (`dueDateMissing`) alone is INGEST_DUE_DATE_MISSING, and together with other fields it makes
 * INGEST_COLUMNS_MISSING_DUE_DATE, whose message also offers --terms in place of a due date column.
 */
export function missingColumnsError(fields: readonly string[], dueDateMissing: boolean, file: string, headers: readonly string[], headerLine: number): RiskpayError {
  const path = { file, line: headerLine };
  const headerList = headers.join(', ');
  if (fields.length === 0 && dueDateMissing) return new RiskpayError('INGEST_DUE_DATE_MISSING', { file, headers: headerList }, path);
  if (fields.length === 1 && !dueDateMissing) {
    const field = fields[0];
    return new RiskpayError('INGEST_COLUMN_MISSING', { file, field, headers: headerList, example: `--map ${field}=Header` }, path);
  }

  const allFields = dueDateMissing ? [...fields, 'dueDate'] : [...fields];
  const example = allFields.map((field) => `--map ${field}=Header`).join(' ');
  const args = { file, fields: allFields.join(', '), count: allFields.length, headers: headerList, example };
  return new RiskpayError(dueDateMissing ? 'INGEST_COLUMNS_MISSING_DUE_DATE' : 'INGEST_COLUMNS_MISSING', args, path);
}
