import { describe, expect, it } from 'vitest';

import { ConfigError, knownKeysAt, validateConfig } from '../../src/config/load.js';
import type { Finding } from '../../src/findings.js';
import { message } from '../../src/i18n/catalog.js';

const FILE = 'riskpay.config.json';

/** Returns the findings validateConfig throws for `data`. */
function problemsOf(data: unknown): Finding[] {
  try {
    validateConfig(data, FILE, 'en');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

function onlyProblem(data: unknown): Finding {
  const problems = problemsOf(data);
  expect(problems).toHaveLength(1);
  return problems[0];
}

describe('config value errors', () => {
  it('explain a wrong type', () => {
    const problem = onlyProblem({ defaults: { top: 'x' } });
    expect(problem.code).toBe('CLI_CONFIG_INVALID_VALUE');
    expect(problem.args.jsonPath).toBe('$.defaults.top');
    expect(problem.args.value).toBe('"x"');
    expect(message('en', problem.code, problem.args)).toBe(
      'riskpay.config.json: $.defaults.top must be a whole number of 1 or more, got "x". Fix the value, or remove the key to use the default.',
    );
  });

  it('read in Swedish', () => {
    const problem = onlyProblem({ defaults: { top: 'x' } });
    expect(message('sv', problem.code, problem.args)).toBe(
      'riskpay.config.json: $.defaults.top ska vara ett heltal som är 1 eller mer, men är "x". Rätta värdet, eller ta bort nyckeln för att använda standardvärdet.',
    );
    const share = onlyProblem({ grades: { D: 2 } });
    expect(message('sv', share.code, share.args)).toContain('$.grades.D ska vara ett tal från 0 till 1, men är 2.');
  });

  it('give the full range', () => {
    const problem = onlyProblem({ defaults: { weeks: 200 } });
    expect(problem.args.expected).toBe('EXPECTED_WHOLE_RANGE');
    expect(problem.args.min).toBe('1');
    expect(problem.args.max).toBe('104');
    expect(message('en', problem.code, problem.args)).toContain('must be a whole number from 1 to 104, got 200.');
  });

  it('describe each kind of number', () => {
    const cases: [unknown, string][] = [
      [{ grades: { D: 2 } }, 'a number from 0 to 1'],
      [{ flags: { paymentsSlowing: { minTrendDays: 0 } } }, 'a number greater than 0'],
      [{ flags: { concentration: { minDebtors: 1 } } }, 'a whole number of 2 or more'],
      [{ flags: { paymentsSlowing: { minRecentDaysLate: -1 } } }, 'a number of 0 or more'],
      [{ forecast: { weeks: 1.5 } }, 'a whole number from 1 to 104'],
    ];
    for (const [data, expected] of cases) {
      const problem = onlyProblem(data);
      expect(message('en', problem.code, problem.args)).toContain(`must be ${expected}, got`);
    }
  });

  it('describe dates, choices and thresholds', () => {
    const date = onlyProblem({ defaults: { asOf: '2024-02-31' } });
    expect(message('en', date.code, date.args)).toContain('must be a date that exists, written as "YYYY-MM-DD" such as "2024-12-31", got "2024-02-31".');
    const format = onlyProblem({ defaults: { format: 'pdf' } });
    expect(message('en', format.code, format.args)).toContain('must be one of "table", "json", "ndjson", "csv", "html", got "pdf".');
    const locale = onlyProblem({ defaults: { csvLocale: 'xx' } });
    expect(message('en', locale.code, locale.args)).toContain('with or without a region such as "sv-SE", got "xx".');
    const failOn = onlyProblem({ defaults: { failOn: 'E' } });
    expect(failOn.args.expected).toBe('EXPECTED_THRESHOLD');
  });

  it('name a missing required key', () => {
    const problem = onlyProblem({ policy: { grades: { A: [{ channel: 'email' }] } } });
    expect(problem.code).toBe('CLI_CONFIG_MISSING_VALUE');
    expect(problem.args.jsonPath).toBe('$.policy.grades.A[0].action');
    expect(message('en', problem.code, problem.args)).toMatch(/is missing; it must be one of "ACTION_FRIENDLY_REMINDER", .*\. Add it\.$/);
  });

  it('do not offer to remove a required key', () => {
    const problem = onlyProblem({ policy: { grades: { A: [{ action: 'ACTION_REMINDER', channel: 'fax' }] } } });
    expect(problem.code).toBe('CLI_CONFIG_INVALID_VALUE_REQUIRED');
    expect(message('en', problem.code, problem.args)).toMatch(/got "fax"\. Fix the value\.$/);
  });

  it('offer to remove a column map entry', () => {
    expect(onlyProblem({ columns: { amount: '' } }).code).toBe('CLI_CONFIG_INVALID_VALUE');
  });

  it('shorten a long value', () => {
    const problem = onlyProblem({ defaults: { top: 'x'.repeat(100) } });
    expect(String(problem.args.value)).toHaveLength(40);
    expect(String(problem.args.value).endsWith('…')).toBe(true);
  });

  it('cover every option default', () => {
    // An object is the wrong type for every option, so each key gets a described error, not zod's text.
    for (const key of knownKeysAt(['defaults'])) {
      const problem = onlyProblem({ defaults: { [key]: {} } });
      expect(problem.code, key).toBe('CLI_CONFIG_INVALID_VALUE');
      expect(problem.args.expected, key).toMatch(/^EXPECTED_/);
    }
  });
});
