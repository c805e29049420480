// End-to-end: the built CLI on the mistakes a first-time user makes with options and standard input.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../src/i18n/catalog.js';
import { FIXTURE, requireBuild, runCli, tempDir } from './helpers.js';

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

  it.each([
    { flag: '--quiet', lang: 'en' as const },
    { flag: '--no-progress', lang: 'sv' as const },
  ])('says $flag takes no value ($lang)', ({ flag, lang }) => {
    const run = runCli(['score', FIXTURE, '--as-of', AS_OF, `${flag}=1`, '--lang', lang]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message(lang, 'CLI_OPTION_TAKES_NO_VALUE', { option: flag, value: '1', command: 'score' }));
    expect(run.stderr).not.toContain('Did you mean');
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

describe('fail-on and csv-locale values', () => {
  const score = (...args: string[]) => runCli(['score', FIXTURE, '--as-of', AS_OF, ...args]);

  /** Finds the debtor count in the --fail-on status line; null when the threshold was not reached. */
  const failCount = (stderr: string, threshold: string) => {
    for (let count = 0; count <= 100; count += 1) {
      const key = count === 1 ? 'STATUS_FAIL_ON_ONE' : 'STATUS_FAIL_ON';
      if (stderr.includes(message('en', key, { count, threshold }))) return count;
    }
    return null;
  };

  it('takes a percentage as a risk', () => {
    const percent = score('--fail-on', '70%');
    const fraction = score('--fail-on', '0.7');
    expect(percent.code).toBe(1);
    expect(fraction.code).toBe(1);
    expect(failCount(percent.stderr, '70%')).toBe(failCount(fraction.stderr, '0.7'));
  });

  it('takes 100% and a decimal percentage', () => {
    expect(score('--fail-on', '100%').code).toBe(0);
    expect(score('--fail-on', '12.5%').code).toBe(1);
  });

  it.each(['101%', '-5%', '%', '70 percent'])('rejects --fail-on %s', (value) => {
    const run = score('--fail-on', value);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message('en', 'CLI_INVALID_THRESHOLD_VALUE', { value, option: '--fail-on' }));
  });

  it.each([
    ['sv-SE', 'sv'],
    ['sv_SE', 'sv'],
    ['en-US', 'en'],
  ])('reads --csv-locale %s as %s', (given, language) => {
    const withRegion = score('-f', 'csv', '--csv-locale', given);
    const plain = score('-f', 'csv', '--csv-locale', language);
    expect(withRegion.code).toBe(0);
    // The header line carries the dialect: the BOM and the delimiter.
    expect(withRegion.stdout.split('\n')[0]).toBe(plain.stdout.split('\n')[0]);
  });

  it('rejects an unknown csv locale', () => {
    const run = score('-f', 'csv', '--csv-locale', 'xx-YY');
    expect(run.code).toBe(2);
  });

  it('warns once when csv-locale has no effect', () => {
    const run = score('-f', 'json', '--csv-locale', 'sv');
    expect(run.code).toBe(0);
    const warning = message('en', 'CLI_CSV_LOCALE_IGNORED', { locale: 'sv', format: 'json' });
    expect(run.stderr.split(warning)).toHaveLength(2);
    expect(JSON.parse(run.stdout).debtors.length).toBeGreaterThan(0);
  });

  it('does not warn with csv output', () => {
    const run = score('-f', 'csv', '--csv-locale', 'sv');
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain(message('en', 'CLI_CSV_LOCALE_IGNORED', { locale: 'sv', format: 'csv' }));
  });
});

describe('state file', () => {
  const scoreWithState = (state: string, asOf: string, ...args: string[]) =>
    runCli(['score', FIXTURE, '--as-of', asOf, '--state', state, '--only-changes', '-f', 'json', ...args]);

  it('says a first run has no earlier run', () => {
    const state = join(tempDir(), 'state.json');
    for (const lang of ['en', 'sv'] as const) {
      const run = scoreWithState(`${state}.${lang}`, AS_OF, '--lang', lang);
      expect(run.code).toBe(0);
      const total = JSON.parse(run.stdout).changes.considered as number;
      expect(total).toBeGreaterThan(0);
      expect(run.stderr).toContain(message(lang, 'STATUS_ONLY_CHANGES_FIRST', { file: `${state}.${lang}`, total, count: total }));
      expect(run.stderr).not.toContain(message(lang, 'STATUS_ONLY_CHANGES', { count: total, total, date: '-' }));
    }
  });

  it('compares a second run with the first', () => {
    const state = join(tempDir(), 'state.json');
    expect(scoreWithState(state, '2024-05-31').code).toBe(0);
    const run = scoreWithState(state, AS_OF);
    expect(run.code).toBe(0);
    const changes = JSON.parse(run.stdout).changes as { reported: number; considered: number };
    expect(run.stderr).toContain(message('en', 'STATUS_ONLY_CHANGES', { count: changes.reported, total: changes.considered, date: '2024-05-31' }));
    expect(run.stderr).not.toContain(message('en', 'CLI_STATE_AFTER_AS_OF', { file: state, stateDate: '2024-05-31', asOf: AS_OF }));
  });

  it('warns when the state is later than --as-of', () => {
    const state = join(tempDir(), 'state.json');
    expect(scoreWithState(state, AS_OF).code).toBe(0);
    const run = scoreWithState(state, '2024-05-31');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(message('en', 'CLI_STATE_AFTER_AS_OF', { file: state, stateDate: AS_OF, asOf: '2024-05-31' }));
  });
});
