// A debtor's plan mixes steps of the customer's grade with steps of each invoice's own grade. The
// table names the customer or the invoice behind each grade, so a D beside a C reads as intended.

import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../src/i18n/catalog.js';
import { ROOT, requireBuild, runCli } from './helpers.js';

beforeAll(() => requireBuild());

describe('plan triggers', () => {
  it('name the customer or the invoice', () => {
    const args = ['plan', join(ROOT, 'fixtures/sample-invoices.csv'), '--as-of', '2024-12-31'];
    const csv = runCli([...args, '--format', 'csv']);
    const table = runCli(args);
    expect(csv.code).toBe(0);
    expect(table.code).toBe(0);

    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    const gradeTriggers = rows.filter((row) => row.trigger.startsWith('grade:'));
    const forInvoice = gradeTriggers.find((row) => row.invoice_id !== '')!;
    const forDebtor = gradeTriggers.find((row) => row.invoice_id === '')!;

    const words = (whose: string, trigger: string) => message('en', whose, { grade: message('en', `GRADE_${trigger.split(':')[1]}`) });
    expect(table.stdout).toContain(words('TRIGGER_INVOICE_GRADE', forInvoice.trigger));
    expect(table.stdout).toContain(words('TRIGGER_DEBTOR_GRADE', forDebtor.trigger));
  });
});
