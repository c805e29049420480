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

describe('option typos', () => {
  const cases: { args: string[]; lang: 'en' | 'sv'; option: string; suggestion: string }[] = [
    { args: ['--as-off', AS_OF], lang: 'en', option: '--as-off', suggestion: '--as-of' },
    { args: ['--fromat', 'json'], lang: 'en', option: '--fromat', suggestion: '--format' },
    { args: ['--fromat', 'json', '--lang', 'sv'], lang: 'sv', option: '--fromat', suggestion: '--format' },
    { args: [`--as-off=${AS_OF}`], lang: 'en', option: '--as-off', suggestion: '--as-of' },
    { args: ['--no-colr'], lang: 'en', option: '--no-colr', suggestion: '--no-color' },
  ];

  it.each(cases)('suggests $suggestion for $option ($lang)', ({ args, lang, option, suggestion }) => {
    const run = runCli(['score', FIXTURE, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message(lang, 'CLI_UNKNOWN_OPTION_SUGGESTION', { option, suggestion, command: 'score' }));
  });

  it('suggests nothing for a far-off option', () => {
    const run = runCli(['score', FIXTURE, '--zzzzzz']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message('en', 'CLI_UNKNOWN_OPTION', { option: '--zzzzzz', command: 'score' }));
  });

  it('suggests a misspelt command', () => {
    const run = runCli(['scroe', FIXTURE], { env: { RISKPAY_LANG: 'sv' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message('sv', 'CLI_UNKNOWN_COMMAND_SUGGESTION', { command: 'scroe', suggestion: 'score' }));
  });
});
