// Catalog behaviour a first-time user ran into: singular forms, locations printed once, money in texts.

import { describe, expect, it } from 'vitest';
import { finding } from '../../src/findings.js';
import { fillPlaceholders, formatFinding, message } from '../../src/i18n/catalog.js';

const count = (text: string, part: string) => text.split(part).length - 1;

describe('singular forms', () => {
  it('uses the _ONE variant for one', () => {
    expect(message('en', 'STATUS_PROGRESS_READING', { files: 1 })).toBe(message('en', 'STATUS_PROGRESS_READING_ONE', { files: 1 }));
    expect(message('sv', 'CLI_CONFIG_INVALID_SUMMARY', { file: 'x', count: 1 })).toBe(message('sv', 'CLI_CONFIG_INVALID_SUMMARY_ONE', { file: 'x', count: 1 }));
  });

  it('keeps the plural for other counts', () => {
    expect(message('en', 'STATUS_PROGRESS_READING', { files: 2 })).not.toBe(message('en', 'STATUS_PROGRESS_READING_ONE', { files: 2 }));
  });
});

describe('finding location', () => {
  it('prints a line number once', () => {
    const row = finding('INGEST_FIELD_COUNT', 'warning', { line: 2, fields: 7, expected: 6 }, { file: 'in.csv', line: 2 });
    expect(count(formatFinding(row, 'en'), 'line 2')).toBe(1);
    expect(count(formatFinding(row, 'sv'), 'rad 2')).toBe(1);
    expect(formatFinding(row, 'en')).toMatch(/^in\.csv line 2: 7 fields, header has 6\./);
  });

  it('prints a file name once', () => {
    const read = finding('CLI_FILE_READ_FAILED', 'error', { file: 'w1252.csv', detail: 'x' }, { file: 'w1252.csv' });
    expect(count(formatFinding(read, 'en'), 'w1252.csv')).toBe(1);
  });

  it('prints a column name once', () => {
    const args = { file: 'in.csv', line: 3, column: 'Amount', value: '' };
    const row = finding('INGEST_VALUE_EMPTY', 'warning', args, { file: 'in.csv', line: 3, column: 'Amount' });
    expect(formatFinding(row, 'en')).toBe('in.csv line 3: Empty value in column Amount: the row was skipped. Fill in the value or map another column with --map.');
    expect(count(formatFinding(row, 'sv'), 'Amount')).toBe(1);
    expect(formatFinding(row, 'sv').startsWith('in.csv rad 3: Tomt värde i kolumnen Amount')).toBe(true);
  });

  it('prints a line named inside the text once', () => {
    const header = finding('INGEST_HEADER_LINE', 'info', { file: 'in.csv', line: 4 }, { file: 'in.csv', line: 4 });
    expect(formatFinding(header, 'en')).toBe('in.csv: The header is on line 4; the lines before it were skipped.');
    expect(count(formatFinding(header, 'sv'), 'rad 4')).toBe(1);
  });

  it('keeps a column the message does not name', () => {
    const row = finding('INGEST_ROW_EMPTY', 'info', { column: 'Amount' }, { file: 'in.csv', line: 9, column: 'Amount' });
    expect(formatFinding(row, 'en').startsWith('in.csv line 9, column "Amount": ')).toBe(true);
  });

  it('keeps a location the message lacks', () => {
    const row = finding('INGEST_ROW_EMPTY', 'warning', {}, { file: 'in.csv', line: 9 });
    expect(formatFinding(row, 'en').startsWith('in.csv')).toBe(true);
  });
});

describe('money placeholders', () => {
  it('formats amount and currency as money', () => {
    const text = fillPlaceholders('{openBalance} {currency}', { openBalance: 149895.62, currency: 'SEK' }, 'sv');
    expect(text).toBe('149\u00a0895,62\u00a0SEK');
  });

  it('leaves a plain number without currency', () => {
    expect(fillPlaceholders('{ratio}', { ratio: 3.25 }, 'en')).toBe('3.25');
  });
});

describe('Swedish option errors', () => {
  it('have no English words', () => {
    const text = message('sv', 'CLI_INVALID_DATE_VALUE', { option: '--as-of', value: '2024-31-12' });
    expect(text).not.toMatch(/expected|a date|from flag/);
  });
});
