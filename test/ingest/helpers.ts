// Shared helpers of the import tests.

import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { RiskpayError, type Finding } from '../../src/findings.js';
import { formatDay } from '../../src/dates.js';
import type { Invoice } from '../../src/ingest/ledger.js';

export const CASES = fileURLToPath(new URL('../cases/', import.meta.url));

export function casePath(name: string, file = 'input.csv'): string {
  return join(CASES, name, file);
}

const scratch = mkdtempSync(join(tmpdir(), 'riskpay-ingest-'));
let counter = 0;

/** Writes text (or bytes) to a new temporary file and returns its path. */
export function writeTemp(content: string | Buffer, name = 'input.csv'): string {
  counter++;
  const path = join(scratch, `${counter}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** Runs an import that must fail and returns the error's finding. */
export async function expectError(promise: Promise<unknown>): Promise<Finding> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RiskpayError);
    return (error as RiskpayError).finding;
  }
  throw new Error('expected a RiskpayError, but the import succeeded');
}

export function byId(invoices: Invoice[], id: string): Invoice {
  const invoice = invoices.find((candidate) => candidate.id === id);
  if (!invoice) throw new Error(`no invoice ${id}`);
  return invoice;
}

export function day(invoiceDay: number | null): string | null {
  return invoiceDay === null ? null : formatDay(invoiceDay);
}

/** Open balance of an invoice after all its payments. */
export function balance(invoice: Invoice): number {
  return Math.round((invoice.amount - invoice.payments.reduce((sum, p) => sum + p.amount, 0)) * 100) / 100;
}

export function codes(findings: Finding[]): string[] {
  return findings.map((finding) => finding.code);
}
