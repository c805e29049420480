// End-to-end: the built CLI on the mistakes a first-time user makes with options and standard input.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../src/i18n/catalog.js';
import { FIXTURE, requireBuild, runCli } from './helpers.js';

const AS_OF = '2024-06-30';

beforeAll(requireBuild);

describe('standard input', () => {
  const invoices = readFileSync(FIXTURE, 'utf8');

  it('rejects - for invoices and payments', () => {
    const run = runCli(['score', '-', '--payments', '-', '--as-of', AS_OF], { input: invoices });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message('en', 'CLI_STDIN_TWICE'));
    expect(run.stdout).toBe('');
  });

  it('rejects - given twice as payments', () => {
    const run = runCli(['score', FIXTURE, '--payments', '-', '--payments', '-', '--as-of', AS_OF], { input: invoices });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message('en', 'CLI_STDIN_TWICE'));
  });

  it('accepts - once as payments', () => {
    const run = runCli(['score', FIXTURE, '--payments', '-', '--as-of', AS_OF], { input: invoices });
    expect(run.stderr).not.toContain(message('en', 'CLI_STDIN_TWICE'));
  });
});
