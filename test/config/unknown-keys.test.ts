import { describe, expect, it } from 'vitest';

import { ConfigError, knownKeysAt, validateConfig } from '../../src/config/load.js';
import { message } from '../../src/i18n/catalog.js';
import { MAP_FIELDS } from '../../src/ingest/options.js';

/** Returns the findings validateConfig throws for `data`. */
function problemsOf(data: unknown) {
  try {
    validateConfig(data, 'riskpay.config.json', 'en');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('unknown config keys', () => {
  it('lists the top-level keys', () => {
    expect(knownKeysAt([])).toEqual(['$schema', 'columns', 'defaults', 'grades', 'flags', 'policy', 'forecast']);
  });

  it('follows nested objects', () => {
    expect(knownKeysAt(['flags', 'paymentsSlowing'])).toEqual(['minTrendDays', 'minRecentDaysLate', 'minEarlierPaid']);
  });

  it('gives one finding per key', () => {
    const problems = problemsOf({ grade: {}, foo: 1 });
    expect(problems.map((item) => item.code)).toEqual(['CLI_CONFIG_UNKNOWN_KEY_TOP_GUESS', 'CLI_CONFIG_UNKNOWN_KEY_TOP']);
    expect(problems[0].args.guess).toBe('grades');
    expect(problems[1].args.key).toBe('"foo"');
  });

  it('guesses a typo in a nested key', () => {
    const [problem] = problemsOf({ flags: { paymentsSlowing: { minTrendDay: 3 } } });
    expect(problem.code).toBe('CLI_CONFIG_UNKNOWN_KEY_GUESS');
    expect(problem.args.jsonPath).toBe('$.flags.paymentsSlowing');
    expect(problem.args.guess).toBe('minTrendDays');
  });

  it('points an option to defaults', () => {
    const [problem] = problemsOf({ asof: '2024-06-30' });
    expect(problem.code).toBe('CLI_CONFIG_UNKNOWN_KEY_TOP_GUESS');
    expect(problem.args.guess).toBe('defaults.asOf');
  });

  it('does not guess from a short key', () => {
    expect(problemsOf({ grades: { X: 1 } })[0].code).toBe('CLI_CONFIG_UNKNOWN_KEY');
  });

  // A key with a unit word added or left out, in every section.
  const extraWords: [string, unknown, string, string][] = [
    ['flags', { flags: { oldestOverdueDays: 30 } }, '$.flags', 'oldestOverdue'],
    ['nested flags', { flags: { paymentsSlowing: { minTrend: 3 } } }, '$.flags.paymentsSlowing', 'minTrendDays'],
    ['defaults', { defaults: { lateAfterDays: 3 } }, '$.defaults', 'lateAfter'],
    ['forecast', { forecast: { doubtfulAfter: 90 } }, '$.forecast', 'doubtfulAfterDays'],
  ];
  for (const [section, data, path, guess] of extraWords) {
    it(`guesses a key with extra words in ${section}`, () => {
      const [problem] = problemsOf(data);
      expect(problem.code).toBe('CLI_CONFIG_UNKNOWN_KEY_GUESS');
      expect(problem.args.jsonPath).toBe(path);
      expect(problem.args.guess).toBe(guess);
    });
  }

  it('shows the guess for a unit word', () => {
    const [problem] = problemsOf({ flags: { oldestOverdueDays: 30 } });
    expect(message('en', problem.code, problem.args)).toContain('unknown key "oldestOverdueDays"; did you mean oldestOverdue?');
    expect(message('sv', problem.code, problem.args)).toContain('okänd nyckel "oldestOverdueDays"; menade du oldestOverdue?');
  });

  it('points a top-level option with a unit word to defaults', () => {
    const [problem] = problemsOf({ lateAfterDays: 3 });
    expect(problem.code).toBe('CLI_CONFIG_UNKNOWN_KEY_TOP_GUESS');
    expect(problem.args.guess).toBe('defaults.lateAfter');
  });

  it('lists the ledger fields of columns', () => {
    expect(knownKeysAt(['columns'])).toEqual([...MAP_FIELDS]);
  });

  it('guesses a column field', () => {
    const [problem] = problemsOf({ columns: { duedate: 'Due Date' } });
    expect(problem.code).toBe('CLI_CONFIG_UNKNOWN_KEY_GUESS');
    expect(problem.args.jsonPath).toBe('$.columns');
    expect(problem.args.guess).toBe('dueDate');
    expect(problem.args.known).toBe(MAP_FIELDS.join(', '));
  });

  it('shows the column fields in both languages', () => {
    const [problem] = problemsOf({ columns: { duedate: 'Due Date' } });
    const english = message('en', problem.code, problem.args);
    const swedish = message('sv', problem.code, problem.args);
    expect(english).toContain('unknown key "duedate"; did you mean dueDate? The keys allowed here are: invoiceId, customerId,');
    expect(swedish).toContain('okänd nyckel "duedate"; menade du dueDate? Tillåtna nycklar här: invoiceId, customerId,');
    expect(english).not.toMatch(/: \.$/);
    expect(swedish).not.toMatch(/: \.$/);
  });

  it('does not guess from a short stem', () => {
    expect(problemsOf({ defaults: { topics: 3 } })[0].code).toBe('CLI_CONFIG_UNKNOWN_KEY');
  });
});
