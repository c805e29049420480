// Generated exports with random delimiters, quoting, number and date formats, junk lines and broken
// rows. Every run either imports the right values or ends in a RiskpayError that names the file.

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RiskpayError } from '../../src/findings.js';
import { formatDay } from '../../src/dates.js';
import { importLedger } from '../../src/ingest/index.js';

const NAMES = ['Alder AB', 'Åkesson, Söner & Co', 'Quote "Q" Ltd', 'Ferretería López SL', 'Two\nLines Oy', 'Pipe|Tab\tKB', 'Semi;Colon GmbH'];
const FIRST_DAY = 19_000; // 2022-01-08
const GROUPS: Record<string, string[]> = { '.': ['', ',', ' ', '\u00a0', "'"], ',': ['', '.', ' ', '\u202f'] };

interface Row {
  id: string;
  name: string;
  issue: number;
  cents: number;
}

interface Layout {
  delimiter: string;
  decimal: '.' | ',';
  group: string;
  dates: 'iso' | 'dmy' | 'mdy' | 'dot';
  quoteAll: boolean;
  preamble: string[];
  junk: { at: number; text: string }[];
  totalRow: boolean;
}

function formatAmount(cents: number, layout: Layout): string {
  const sign = cents < 0 ? '-' : '';
  const whole = String(Math.floor(Math.abs(cents) / 100));
  const fraction = String(Math.abs(cents) % 100).padStart(2, '0');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, layout.group);
  return `${sign}${grouped}${layout.decimal}${fraction}`;
}

function formatDate(dayNumber: number, style: Layout['dates']): string {
  const [y, m, d] = formatDay(dayNumber).split('-');
  if (style === 'iso') return `${y}-${m}-${d}`;
  if (style === 'dmy') return `${d}/${m}/${y}`;
  if (style === 'mdy') return `${m}/${d}/${y}`;
  return `${d}.${m}.${y}`;
}

function cellText(value: string, layout: Layout): string {
  const needsQuotes = layout.quoteAll || value.includes(layout.delimiter) || value.includes('"') || value.includes('\n');
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

function render(rows: Row[], layout: Layout): string {
  const lines = [...layout.preamble];
  lines.push(['InvoiceNo', 'Customer', 'InvoiceDate', 'DueDate', 'Amount'].map((h) => cellText(h, layout)).join(layout.delimiter));
  rows.forEach((row, index) => {
    for (const junk of layout.junk) if (junk.at === index) lines.push(junk.text);
    const cells = [row.id, row.name, formatDate(row.issue, layout.dates), formatDate(row.issue + 30, layout.dates), formatAmount(row.cents, layout)];
    lines.push(cells.map((cell) => cellText(cell, layout)).join(layout.delimiter));
  });
  if (layout.totalRow) lines.push(['Total', '', '', '', '1'].join(layout.delimiter));
  return lines.join('\n') + '\n';
}

const layoutArbitrary = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    decimal: fc.constantFrom('.' as const, ',' as const),
    groupIndex: fc.nat(4),
    dates: fc.constantFrom('iso' as const, 'dmy' as const, 'mdy' as const, 'dot' as const),
    quoteAll: fc.boolean(),
    preamble: fc.array(fc.constantFrom('', 'Kundreskontra 2024', 'INVOICES', 'sep=,', ',,,'), { maxLength: 2 }),
    junk: fc.array(fc.record({ at: fc.nat(8), text: fc.oneof(fc.constantFrom('', 'x,y,z', ',,,,', '"unclosed', 'F-9;1;2'), fc.string({ maxLength: 20 })) }), { maxLength: 2 }),
    totalRow: fc.boolean(),
  })
  .map(({ groupIndex, ...rest }): Layout => {
    const groups = GROUPS[rest.decimal];
    const group = groups[groupIndex % groups.length];
    // A grouping character equal to the delimiter would make every amount split.
    return { ...rest, group: group === rest.delimiter ? '' : group };
  });

const rowsArbitrary = fc.uniqueArray(
  fc.record({
    id: fc.integer({ min: 1, max: 99_999 }).map((n) => `F-${n}`),
    name: fc.constantFrom(...NAMES),
    issue: fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 900 }),
    cents: fc.integer({ min: -5_000_000, max: 500_000_000 }),
  }),
  { minLength: 1, maxLength: 8, selector: (row) => row.id },
);

/** Codes of row-level findings; each must point at a line. */
function checkError(error: unknown): void {
  if (!(error instanceof RiskpayError)) throw error;
  const { finding } = error;
  expect(typeof finding.code).toBe('string');
  expect(finding.path?.file).toBe('<stdin>');
}

describe('generated exports', () => {
  it('imports right values or fails with a located RiskpayError', async () => {
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(layoutArbitrary, rowsArbitrary, async (layout, rows) => {
        const text = render(rows, layout);
        let result;
        try {
          result = await importLedger(['-'], { stdin: Readable.from([Buffer.from(text)]) });
        } catch (error) {
          checkError(error);
          return;
        }
        imported++;
        for (const finding of result.findings) {
          if (finding.severity === 'warning') expect(finding.path?.line).toBeGreaterThan(0);
        }
        const expected = new Map(rows.map((row) => [row.id, row]));
        for (const invoice of result.ledger.invoices) {
          const row = expected.get(invoice.id);
          if (!row) continue; // a junk line that happened to look like an invoice
          expect(invoice.amount).toBeCloseTo(row.cents / 100, 6);
          expect(invoice.issueDate).toBe(row.issue);
          expect(invoice.dueDate).toBe(row.issue + 30);
          // Names are trimmed and runs of white space (tabs, line breaks) become one space.
          expect(invoice.customerName).toBe(row.name.replace(/\s+/g, ' '));
        }
        // Without junk, every generated row must come through.
        if (layout.junk.length === 0 && !layout.preamble.includes('sep=,')) {
          expect(result.ledger.invoices.filter((i) => expected.has(i.id))).toHaveLength(rows.length);
        }
      }),
      { numRuns: 10_000 },
    );
    // Most layouts must import, because a property that only ever gets errors proves little.
    expect(imported).toBeGreaterThan(5_000);
  });

  it('survives arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        try {
          await importLedger(['-'], { stdin: Readable.from([Buffer.from(`InvoiceNo,Customer,InvoiceDate,DueDate,Amount\n${text}`)]) });
        } catch (error) {
          checkError(error);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
