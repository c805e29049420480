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
