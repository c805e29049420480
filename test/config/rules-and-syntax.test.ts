// Config errors that are not about one value's type: rules between keys (grade cuts in order) and
// JSON syntax errors. Both must read fully in the output language.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig, validateConfig } from '../../src/config/load.js';
import { RiskpayError, type Finding } from '../../src/findings.js';
import { message } from '../../src/i18n/catalog.js';
import { runInProcess } from '../report/stand-in.js';

const FILE = 'riskpay.config.json';

function problemsOf(data: unknown): Finding[] {
  try {
    validateConfig(data, FILE, 'sv');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

/** Writes `text` as riskpay.config.json in a new folder and returns the finding loadConfig throws. */
function loadError(text: string): Finding {
  const dir = mkdtempSync(join(tmpdir(), 'riskpay-config-'));
  writeFileSync(join(dir, FILE), text);
  try {
    loadConfig(undefined, dir, 'sv');
  } catch (error) {
    if (error instanceof RiskpayError) return error.finding;
    throw error;
  }
  throw new Error('loadConfig accepted the file');
}

describe('config rules', () => {
  it('grade cuts out of order', () => {
    const problems = problemsOf({ grades: { B: 0.5, C: 0.35, D: 0.6 } });
    expect(problems).toHaveLength(1);
    expect(problems[0].code).toBe('SCORING_GRADE_CUTS_NOT_RISING');
    expect(problems[0].args).toMatchObject({ jsonPath: '$.grades', B: '0.5', C: '0.35', D: '0.6' });
    expect(message('sv', problems[0].code, problems[0].args)).toBe(
      'riskpay.config.json: $.grades: gränserna för riskklasserna måste stiga från B till C till D, men de är B 0.5, C 0.35 och D 0.6 (en gräns som inte anges har sitt standardvärde). Ändra dem så att B < C < D.',
    );
    expect(message('en', problems[0].code, problems[0].args)).toContain('the grade cuts must rise from B to C to D, but they are B 0.5, C 0.35 and D 0.6');
  });

  it('grade cut order uses the defaults', () => {
    const [problem] = problemsOf({ grades: { B: 0.4 } });
    expect(problem.args).toMatchObject({ B: '0.4', C: '0.35', D: '0.6' });
  });

  it('warning days above critical days', () => {
    const [problem] = problemsOf({ flags: { oldestOverdue: { warningDays: 100 } } });
    expect(problem.code).toBe('SCORING_OLDEST_OVERDUE_ORDER');
    expect(problem.args).toMatchObject({ jsonPath: '$.flags.oldestOverdue', warningDays: '100', criticalDays: '90' });
    expect(message('sv', problem.code, problem.args)).toContain('warningDays (100) får inte vara större än criticalDays (90). Sänk warningDays eller höj criticalDays.');
  });

  it('debtor step counted from the due date', () => {
    const [problem] = problemsOf({ policy: { grades: { A: [{ action: 'ACTION_REMINDER', channel: 'email', scope: 'debtor' }] } } });
    expect(problem.code).toBe('SCORING_DEBTOR_STEP_FROM');
    expect(problem.args.jsonPath).toBe('$.policy.grades.A[0]');
    expect(message('sv', problem.code, problem.args)).toContain('Lägg till "from": "asOf", eller använd "scope": "invoice".');
  });

  it('never fall back to zod text', () => {
    const bad: unknown[] = [
      { grades: { B: 0.5, C: 0.35, D: 'x' } },
      { flags: { oldestOverdue: { warningDays: 100, criticalDays: -1 } } },
      { policy: { grades: { A: [{ action: 'X', channel: 'email', scope: 'debtor' }] }, flags: { NOPE: [] } } },
      { defaults: { failOn: 2, csvLocale: 3, delimiter: 'x', asOf: '31/12/2024' } },
      [],
    ];
    for (const data of bad) {
      const problems = problemsOf(data);
      expect(problems.length, JSON.stringify(data)).toBeGreaterThan(0);
      expect(problems.map((problem) => problem.code), JSON.stringify(data)).not.toContain('CLI_CONFIG_INVALID');
    }
  });
});

describe('config JSON syntax', () => {
  it('trailing comma in Swedish', () => {
    const problem = loadError('{"defaults":{"top":5},"grades":{"B":0.2},}');
    expect(problem.code).toBe('CLI_CONFIG_INVALID_JSON_AT');
    expect(problem.args).toMatchObject({ line: 1, column: 42 });
    expect(message('sv', problem.code, problem.args)).toBe(
      'riskpay.config.json: ogiltig JSON på rad 1, kolumn 42: efter ett kommatecken ska en nyckel inom dubbla citattecken stå, och JSON tillåter inget kommatecken före en avslutande klammer. Rätta syntaxen där.',
    );
  });

  it('line and column in a longer file', () => {
    const problem = loadError('{\n  "defaults": {\n    "top": 5\n    "lang": "sv"\n  }\n}\n');
    expect(problem.args).toMatchObject({ line: 4, column: 5, syntax: 'JSON_SYNTAX_AFTER_VALUE' });
    expect(message('en', problem.code, problem.args)).toBe(
      'riskpay.config.json: invalid JSON at line 4, column 5: a comma or a closing brace must follow the value. Fix the syntax there.',
    );
  });

  it('column after a BOM', () => {
    expect(loadError('\uFEFF{"a":1,}').args).toMatchObject({ line: 1, column: 8 });
  });

  it('keeps an unknown parser text in brackets', () => {
    const problem = loadError('{"a":"\\q"}');
    expect(problem.args.syntax).toBe('JSON_SYNTAX_OTHER');
    const text = message('sv', problem.code, problem.args);
    expect(text).toMatch(/^riskpay\.config\.json: ogiltig JSON på rad 1, kolumn \d+: JSON-tolken avbröt läsningen \([^)]+\)\. Rätta syntaxen där\.$/);
    expect(text).not.toContain('in JSON at position');
  });

  it('misspelt literal', () => {
    const problem = loadError('{"a":tru}');
    expect(problem.code).toBe('CLI_CONFIG_INVALID_JSON');
    expect(message('sv', problem.code, problem.args)).toContain('oväntat tecken "}"');
  });

  it('empty file', () => {
    const problem = loadError('  \n');
    expect(problem.code).toBe('CLI_CONFIG_EMPTY');
    expect(message('sv', problem.code, problem.args)).toBe('riskpay.config.json är tom. Skriv {} i den för inga inställningar, eller ta bort den.');
  });

  it('folder in place of the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'riskpay-config-'));
    mkdirSync(join(dir, FILE));
    let problem: Finding | undefined;
    try {
      loadConfig(undefined, dir, 'sv');
    } catch (error) {
      problem = (error as RiskpayError).finding;
    }
    expect(problem?.code).toBe('CLI_CONFIG_READ_FAILED');
    expect(message('sv', problem!.code, problem!.args)).toBe(
      'Kan inte läsa konfigurationsfilen riskpay.config.json (det är en mapp, inte en fil, EISDIR). Kontrollera sökvägen, eller ange en annan --config.',
    );
  });
});

describe('config errors on the command line', () => {
  it('grade cut order in Swedish', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riskpay-config-'));
    writeFileSync(join(dir, FILE), JSON.stringify({ grades: { B: 0.5, C: 0.35, D: 0.6 } }));
    const run = await runInProcess(['score', 'x.csv'], { cwd: dir, env: { LANG: 'sv_SE.UTF-8' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fel: riskpay.config.json: $.grades: gränserna för riskklasserna måste stiga');
    expect(run.stderr).not.toContain('grade cuts must rise');
  });
});
