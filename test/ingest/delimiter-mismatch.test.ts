import { describe, expect, it } from 'vitest';

import { importLedger } from '../../src/ingest/index.js';
import { expectError, writeTemp } from './helpers.js';

const SEMICOLONS = 'Invoice;Customer;InvoiceDate;DueDate;Amount\nF1;A;2024-01-01;2024-01-31;100\n';

describe('a --delimiter that hides the header', () => {
  it('names the delimiter that finds it', async () => {
    const error = await expectError(importLedger([writeTemp(SEMICOLONS)], { delimiter: ',' }));
    expect(error.code).toBe('INGEST_DELIMITER_OPTION_MISMATCH');
    expect(error.args).toMatchObject({ given: ',', detected: ';' });
  });

  it('follows a sep= line', async () => {
    const error = await expectError(importLedger([writeTemp(`sep=;\n${SEMICOLONS}`)], { delimiter: 'tab' }));
    expect(error.args).toMatchObject({ given: 'tab', detected: ';' });
  });

  it('keeps the header error without a better delimiter', async () => {
    const error = await expectError(importLedger([writeTemp('a;b;c\n1;2;3\n')], { delimiter: ',' }));
    expect(error.code).toBe('INGEST_HEADER_NOT_FOUND');
  });
});
