// The --map examples write the column-name placeholder in the output language: Header in English,
// Rubrik in Swedish. Field names stay in English, because --map accepts only the English names.

import { describe, expect, it } from 'vitest';
import { CATALOGS, formatFinding } from '../../src/i18n/catalog.js';
import { importLedger } from '../../src/ingest/index.js';
import { expectError, writeTemp } from '../ingest/helpers.js';

describe('--map placeholder word', () => {
  it('missing columns in Swedish', async () => {
    const error = await expectError(importLedger([writeTemp('InvoiceNo,Customer,Amount\nA1,Acme,10\n')]));
    expect(error.code).toBe('INGEST_COLUMNS_MISSING_DUE_DATE');
    const swedish = formatFinding(error, 'sv');
    expect(swedish).toContain('--map issueDate=Rubrik --map dueDate=Rubrik');
    expect(swedish).not.toContain('Header');
  });

  it('missing columns in English', async () => {
    const error = await expectError(importLedger([writeTemp('InvoiceNo,Customer,Amount\nA1,Acme,10\n')]));
    expect(formatFinding(error, 'en')).toContain('--map issueDate=Header --map dueDate=Header');
  });

  it('one missing column in Swedish', async () => {
    const error = await expectError(importLedger([writeTemp('InvoiceNo,Customer,InvoiceDate,DueDate\nA1,Acme,2024-01-01,2024-01-31\n')]));
    expect(error.code).toBe('INGEST_COLUMN_MISSING');
    expect(formatFinding(error, 'sv')).toContain('--map amount=Rubrik.');
  });

  it('finding args keep the English word', async () => {
    const error = await expectError(importLedger([writeTemp('InvoiceNo,Customer,Amount\nA1,Acme,10\n')]));
    expect(error.args.example).toBe('--map issueDate=Header --map dueDate=Header');
  });

  it('catalog texts use one word per language', () => {
    for (const [area, catalog] of Object.entries(CATALOGS)) {
      for (const [code, text] of Object.entries(catalog.sv)) {
        expect({ area, code, wrong: text.match(/--map \w+=(Header|HEADER|RUBRIK)\b/g) }).toEqual({ area, code, wrong: null });
      }
      for (const [code, text] of Object.entries(catalog.en)) {
        expect({ area, code, wrong: text.match(/--map \w+=(HEADER|Rubrik|RUBRIK)\b/g) }).toEqual({ area, code, wrong: null });
      }
    }
  });
});
