// cli-table3 builds a 10-character preview of every cell on every line it draws. The patch cuts that
// preview short for cells with several lines, and every line must still be drawn in full.

import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/report/columns.js';
import { renderTable } from '../../src/report/table.js';

interface Row {
  text: string;
}

const COLUMNS: Column<Row>[] = [{ id: 'text', head: 'HEAD_REASONS', kind: 'text', value: (row) => row.text }];

describe('table of many wrapped cells', () => {
  it('renders every line of a long cell', () => {
    const long = Array.from({ length: 40 }, (_, index) => `line ${index} of a reason with åäö`).join(' ');
    const text = renderTable(COLUMNS, [{ text: long }], { lang: 'en', color: false, csvLocale: 'rfc4180', version: '0', width: 60 });
    for (let index = 0; index < 40; index += 1) expect(text).toContain(`line ${index} `);
    expect(text).not.toContain('…');
  });
});

describe('a table drawn in blocks', () => {
  it('matches the separators of one table', () => {
    const rows = Array.from({ length: 1203 }, (_, index) => ({ text: `row ${index}` }));
    const text = renderTable(COLUMNS, rows, { lang: 'en', color: false, csvLocale: 'rfc4180', version: '0', width: 60 });
    const lines = text.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('┌'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('└'))).toHaveLength(1);
    // One separator under the heading and one between each pair of rows.
    expect(lines.filter((line) => line.startsWith('├'))).toHaveLength(1203);
    expect(lines.filter((line) => line.includes('row '))).toHaveLength(1203);
  });
});
