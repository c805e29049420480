// Swedish writes a space between a number and `%` ("90,9 %"). It is a no-break space, so no wrapped
// line ends in the number or starts with the sign.

import { describe, expect, it } from 'vitest';
import { message } from '../../src/i18n/catalog.js';
import { formatPercent } from '../../src/report/format.js';
import { renderTable } from '../../src/report/table.js';
import { wrapText } from '../../src/report/wrap.js';
import type { Column } from '../../src/report/columns.js';

const NEW_EXPOSURE = { openBalance: 4000, currency: 'SEK', sharePercent: 90.9, settledCount: 0 };

/** Returns the wrapped lines that split a percentage from its sign. */
function splitPercentLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.filter((line, index) => line.trimStart().startsWith('%') || (/\d$/.test(line.trimEnd()) && lines[index + 1]?.trimStart().startsWith('%')));
}

describe('Swedish percent', () => {
  it('formatPercent uses a no-break space', () => {
    expect(formatPercent(0.909, 'sv')).toBe('91\u00a0%');
  });

  it('message uses a no-break space', () => {
    const text = message('sv', 'FLAG_LARGE_NEW_EXPOSURE', NEW_EXPOSURE);
    expect(text).toContain('(90,9\u00a0% av kundfordringarna)');
    expect(text).not.toContain('90,9 %');
  });

  it('heading text uses a no-break space', () => {
    expect(message('sv', 'HEAD_LIFT_TOP10')).toContain('10\u00a0%');
  });

  it('values from the input keep their spaces', () => {
    expect(message('sv', 'STATUS_WROTE', { file: 'rapport 50 %.txt' })).toContain('rapport 50 %.txt');
  });

  it('English percent has no space', () => {
    expect(message('en', 'FLAG_LARGE_NEW_EXPOSURE', NEW_EXPOSURE)).toContain('(90.9% of receivables)');
  });
});

describe('wrapText and percent', () => {
  it('keeps 90,9 % together', () => {
    // At 11 cells an ordinary space would end the first line with "(90,9" and start the next with "%".
    expect(wrapText('saldo (90,9 % av', 11)).toBe('saldo (90,9\n% av');
    expect(wrapText('saldo (90,9\u00a0% av', 11)).toBe('saldo\n(90,9\u00a0% av');
  });

  it('keeps the flag percent whole at every width', () => {
    const text = message('sv', 'FLAG_LARGE_NEW_EXPOSURE', NEW_EXPOSURE);
    for (let width = 10; width <= 60; width += 1) {
      const wrapped = wrapText(text, width);
      expect(splitPercentLines(wrapped), `width ${width}`).toEqual([]);
      expect(wrapped, `width ${width}`).toContain('90,9\u00a0%');
    }
  });
});

describe('table heading and percent', () => {
  it('keeps 10 % together in a heading', () => {
    // A wrap column at its minimum width of 18 leaves 16 cells for "Lyft, översta 10 %", where a break
    // at the no-break space would leave "%" alone on the last heading line.
    const columns: Column<{ text: string }>[] = [{ id: 'text', head: 'HEAD_LIFT_TOP10', kind: 'text', value: (row) => row.text }];
    const rows = [{ text: 'en lång text som måste radbrytas i cellen' }];
    const table = renderTable(columns, rows, { lang: 'sv', color: false, csvLocale: 'rfc4180', version: '0', width: 20 }, { wrap: ['text'] });

    const cells = table.split('\n').map((line) => line.replace(/[\u2500-\u257f]/g, '').trim());
    expect(cells).toContain('10\u00a0%');
    expect(cells).not.toContain('%');
  });
});
