// Acceptance run on the public IBM accounts-receivable sample; skipped when the file is absent.

import { existsSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreDocumentSchema } from '../../src/report/schema.js';
import { IBM_FILE, requireBuild, runCli } from './helpers.js';

const present = existsSync(IBM_FILE);

describe.skipIf(!present)('IBM accounts receivable', () => {
  let document: ReturnType<typeof scoreDocumentSchema.parse>;

  beforeAll(() => {
    requireBuild();
    const run = runCli(['score', IBM_FILE, '--as-of', '2013-06-30', '--format', 'json']);
    expect(run.code).toBe(0);
    document = scoreDocumentSchema.parse(JSON.parse(run.stdout));
  });

  it('considers all 100 customers', () => {
    expect(document.debtors).toHaveLength(100);
    expect(new Set(document.debtors.map((debtor) => debtor.customerId)).size).toBe(100);
  });

  it('csv parses back to one row per debtor', () => {
    const run = runCli(['score', IBM_FILE, '--as-of', '2013-06-30', '--format', 'csv']);
    expect(run.code).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(100);
    expect(rows.map((row) => row.customer_id)).toEqual(document.debtors.map((debtor) => debtor.customerId));
    rows.forEach((row, i) => expect(Number(row.risk)).toBeCloseTo(document.debtors[i].risk, 4));
  });
});
