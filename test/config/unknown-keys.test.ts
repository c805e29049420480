import { describe, expect, it } from 'vitest';

import { ConfigError, knownKeysAt, validateConfig } from '../../src/config/load.js';

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
});
