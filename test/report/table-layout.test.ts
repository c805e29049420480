// Column widths of renderTable: words stay whole when there is room, the table shrinks to the width
// when it can, and a table that cannot shrink enough reports its drawn width.

import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/report/columns.js';
import type { ReportContext } from '../../src/report/context.js';
import { renderTable } from '../../src/report/table.js';
import { displayWidth } from '../../src/report/wrap.js';

interface Row {
  id: string;
  text: string;
}

const COLUMNS: Column<Row>[] = [
  { id: 'id', head: 'HEAD_INVOICE', kind: 'text', value: (row) => row.id },
  { id: 'text', head: 'HEAD_ACTION', kind: 'text', value: (row) => row.text },
];

const context = (width: number, extra: Partial<ReportContext> = {}): ReportContext => ({ lang: 'en', color: false, csvLocale: 'rfc4180', version: '0', width, ...extra });

const widest = (text: string) => Math.max(...text.trimEnd().split('\n').map(displayWidth));

describe('renderTable layout', () => {
  it('keeps a long word whole', () => {
    // A word of 18 characters needs a column of 20 with padding, more than the comfortable 18, and the
    // other wrapped column gives up the 2 because its longest word is shorter.
    const rows = [{ id: 'Birchljung Konsult AB', text: 'Begär förskottsbetalning för nya order' }];
    const text = renderTable(COLUMNS, rows, context(39), { wrap: ['id', 'text'] });
    expect(text).toContain('förskottsbetalning');
    expect(widest(text)).toBeLessThanOrEqual(39);
  });

  it('narrows below the comfortable width', () => {
    const tooWide: number[] = [];
    const rows = [{ id: 'INVOICE-0000001', text: 'Ask for prepayment on new orders' }];
    const text = renderTable(COLUMNS, rows, context(30, { onTableTooWide: (drawn) => tooWide.push(drawn) }), { wrap: ['text'] });
    expect(widest(text)).toBeLessThanOrEqual(30);
    expect(tooWide).toEqual([]);
  });

  it('reports the drawn width', () => {
    const tooWide: number[] = [];
    const dropped: string[][] = [];
    const rows = [{ id: 'INVOICE-000000000000000000000001', text: 'Ask for prepayment' }];
    const report = context(30, { onTableTooWide: (drawn) => tooWide.push(drawn), onColumnsDropped: (headings) => dropped.push(headings) });
    const text = renderTable(COLUMNS, rows, report, { wrap: ['text'] });
    expect(tooWide).toEqual([widest(text)]);
    expect(widest(text)).toBeGreaterThan(30);
    expect(dropped).toEqual([]);
  });

  it('counts an emoji as two cells', () => {
    expect(displayWidth('\u2705')).toBe(2);
    const rows = [{ id: 'A-1', text: 'paid \u2705 on time' }];
    const text = renderTable(COLUMNS, rows, context(24), { wrap: ['text'] });
    expect(widest(text)).toBeLessThanOrEqual(24);
  });
});
