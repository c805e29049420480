// The CLI run in-process against a stand-in core: exit codes, options, config and state handling.

import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../src/scoring/types.js';
import { runInProcess, sampleResult, standInCore } from '../report/stand-in.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'riskpay-cli-'));

describe('exit codes', () => {
  it('0 on success', async () => {
    const run = await runInProcess(['score', 'x.csv', '--as-of', '2024-06-30']);
    expect(run.code).toBe(0);
  });

  it('2 on unknown option', async () => {
    const run = await runInProcess(['score', 'x.csv', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('2 on a missing file argument', async () => {
    expect((await runInProcess(['score'])).code).toBe(2);
  });

  it('2 on an invalid date', async () => {
    expect((await runInProcess(['score', 'x.csv', '--as-of', '2024-02-30'])).code).toBe(2);
  });

  it('2 on an unknown command', async () => {
    expect((await runInProcess(['scorr', 'x.csv'])).code).toBe(2);
  });

  it('0 on --help and --version', async () => {
    expect((await runInProcess(['score', '--help'])).code).toBe(0);
    const version = await runInProcess(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('2 on --only-changes without --state', async () => {
    expect((await runInProcess(['score', 'x.csv', '--only-changes'])).code).toBe(2);
  });
});

describe('--fail-on', () => {
  it('grade D crossed gives 1', async () => {
    expect((await runInProcess(['score', 'x.csv', '--fail-on', 'D'])).code).toBe(1);
  });

  it('risk above the highest gives 0', async () => {
    expect((await runInProcess(['score', 'x.csv', '--fail-on', '0.9'])).code).toBe(0);
  });

  it('counts debtors beyond --top', async () => {
    expect((await runInProcess(['score', 'x.csv', '--fail-on', 'C', '--top', '1'])).code).toBe(1);
  });

  it('invalid threshold gives 2', async () => {
    expect((await runInProcess(['score', 'x.csv', '--fail-on', 'E'])).code).toBe(2);
    expect((await runInProcess(['score', 'x.csv', '--fail-on', '1.5'])).code).toBe(2);
  });
});

describe('--state and --only-changes', () => {
  it('reports only new or worse debtors', async () => {
    const dir = tempDir();
    const state = join(dir, 'state.json');
    const first = await runInProcess(['score', 'x.csv', '--state', state, '--only-changes', '--format', 'json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).debtors).toHaveLength(3);

    const second = await runInProcess(['score', 'x.csv', '--state', state, '--only-changes', '--format', 'json']);
    expect(JSON.parse(second.stdout).debtors).toHaveLength(0);

    const worse = (): ScoreResult => {
      const result = sampleResult();
      result.debtors[1] = { ...result.debtors[1], grade: 'B', risk: 0.2 };
      result.debtors[2] = { ...result.debtors[2], flags: [{ code: 'FLAG_CONCENTRATION', severity: 'warning', evidence: {} }] };
      return result;
    };
    const third = await runInProcess(['score', 'x.csv', '--state', state, '--only-changes', '--format', 'json'], { core: standInCore(worse) });
    const reported = JSON.parse(third.stdout).debtors.map((debtor: { customerId: string; change: string }) => [debtor.customerId, debtor.change]);
    expect(reported).toEqual([
      ['C1', 'worse'],
      ['C3', 'new-flags'],
    ]);
  });

  it('rejects a foreign state file', async () => {
    const dir = tempDir();
    const state = join(dir, 'state.json');
    writeFileSync(state, '{"hello": 1}');
    expect((await runInProcess(['score', 'x.csv', '--state', state])).code).toBe(2);
  });
});

describe('--out', () => {
  it('writes the file and nothing to stdout', async () => {
    const dir = tempDir();
    const run = await runInProcess(['score', 'x.csv', '--format', 'json', '--out', 'report.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).debtors).toHaveLength(3);
  });

  it('refuses to overwrite an input', async () => {
    const dir = tempDir();
    const run = await runInProcess(['score', 'x.csv', '--out', 'x.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });
});

describe('configuration', () => {
  it('file defaults apply', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'riskpay.config.json'), JSON.stringify({ defaults: { format: 'json', top: 1 } }));
    const run = await runInProcess(['score', 'x.csv'], { cwd: dir });
    expect(JSON.parse(run.stdout).debtors).toHaveLength(1);
  });

  it('environment overrides the file and flags override both', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'riskpay.config.json'), JSON.stringify({ defaults: { format: 'json', top: 1 } }));
    const envRun = await runInProcess(['score', 'x.csv'], { cwd: dir, env: { RISKPAY_TOP: '2' } });
    expect(JSON.parse(envRun.stdout).debtors).toHaveLength(2);
    const flagRun = await runInProcess(['score', 'x.csv', '--top', '3'], { cwd: dir, env: { RISKPAY_TOP: '2' } });
    expect(JSON.parse(flagRun.stdout).debtors).toHaveLength(3);
  });

  it('takes a percentage and a locale with region, as the flags do', async () => {
    const dir = tempDir();
    const write = (defaults: object) => writeFileSync(join(dir, 'riskpay.config.json'), JSON.stringify({ defaults }));
    // The stand-in has a grade-D debtor (risk 0.6 or more) and none at 0.9: 60% trips, 100% does not.
    write({ failOn: '60%' });
    expect((await runInProcess(['score', 'x.csv'], { cwd: dir })).code).toBe(1);
    write({ failOn: '100%' });
    expect((await runInProcess(['score', 'x.csv'], { cwd: dir })).code).toBe(0);
    write({ failOn: '101%' });
    expect((await runInProcess(['score', 'x.csv'], { cwd: dir })).code).toBe(2);

    write({ csvLocale: 'sv-SE', format: 'csv' });
    const csv = await runInProcess(['score', 'x.csv'], { cwd: dir });
    expect(csv.code).toBe(0);
    // The Swedish CSV locale separates fields with semicolons.
    expect(csv.stdout.split('\n')[0]).toContain(';');
  });

  it('one error line per problem', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ defaults: { top: 'ten', format: 'pdf' }, colour: true }));
    const run = await runInProcess(['score', 'x.csv', '--config', 'bad.json'], { cwd: dir });
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.filter((line) => line.includes('$.defaults.top'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('$.defaults.format'))).toHaveLength(1);
  });

  it('scoring settings are checked on load', async () => {
    const dir = tempDir();
    const config = { grades: { B: 0.2, C: 0.4, D: 2 }, flags: { noSuchFlag: 1 }, columns: { amountt: 'Belopp' } };
    writeFileSync(join(dir, 'riskpay.config.json'), JSON.stringify(config));
    const run = await runInProcess(['score', 'x.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('$.grades.D');
    expect(run.stderr).toContain('$.flags');
    expect(run.stderr).toContain('$.columns');
  });

  it('invalid JSON gives 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'riskpay.config.json'), '{"defaults": {,}}');
    expect((await runInProcess(['score', 'x.csv'], { cwd: dir })).code).toBe(2);
  });

  it('missing --config file gives 2', async () => {
    expect((await runInProcess(['score', 'x.csv', '--config', '/nonexistent/riskpay.json'])).code).toBe(2);
  });

  it('invalid environment value gives 2', async () => {
    expect((await runInProcess(['score', 'x.csv'], { env: { RISKPAY_FORMAT: 'pdf' } })).code).toBe(2);
  });
});

describe('stderr', () => {
  it('states the as-of date', async () => {
    const run = await runInProcess(['score', 'x.csv']);
    expect(run.stderr).toContain('2024-06-30');
  });

  it('groups repeated findings with a count', async () => {
    const run = await runInProcess(['score', 'x.csv']);
    expect(run.stderr.split('\n').filter((line) => line.includes('a.csv line 4'))).toHaveLength(1);
    expect(run.stderr).toMatch(/2 times/);
  });

  it('--quiet hides warnings', async () => {
    const run = await runInProcess(['score', 'x.csv', '--quiet']);
    expect(run.stderr).toBe('');
  });

  it('Swedish from the locale', async () => {
    const run = await runInProcess(['score', 'x.csv'], { env: { LANG: 'sv_SE.UTF-8' } });
    expect(run.stderr).toContain('Per 2024-06-30');
    expect(run.stdout).toContain('Kund');
  });
});

describe('schema command', () => {
  it('prints the JSON Schema', async () => {
    const run = await runInProcess(['schema']);
    expect(JSON.parse(run.stdout).title).toBe('riskpay score output');
  });
});

describe('terminal width', () => {
  // A terminal without a known size reports 0 columns. The table then takes the default width, and
  // the narrowing notice names that width, not 0.
  it('0 columns means unknown', async () => {
    const zero = await runInProcess(['score', 'x.csv', '--as-of', '2024-06-30'], { terminalColumns: 0 });
    const standard = await runInProcess(['score', 'x.csv', '--as-of', '2024-06-30'], { terminalColumns: 120 });
    expect(zero.code).toBe(0);
    expect(zero.stdout).toBe(standard.stdout);
    expect(zero.stderr).toBe(standard.stderr);
    expect(zero.stderr).not.toContain(' 0 columns');
  });
});

describe('html outside score', () => {
  // Only score has an HTML report: a flag asking another command for it is a usage error, while a
  // standing default meant for score leaves the other commands on their table.
  it('rejects --format html for plan', async () => {
    const run = await runInProcess(['plan', 'x.csv', '--as-of', '2024-06-30', '--format', 'html']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('ignores an html default for plan', async () => {
    const run = await runInProcess(['plan', 'x.csv', '--as-of', '2024-06-30'], { env: { RISKPAY_FORMAT: 'html' } });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('<html');
  });
});

describe('Swedish help', () => {
  // The command list uses our translated usage text, not commander's English "[options]".
  it('lists commands without English words', async () => {
    const run = await runInProcess(['--help'], { env: { LANG: 'sv_SE.UTF-8' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('score [alternativ] <filer...>');
    expect(run.stdout).not.toContain('[options]');
  });
});

describe('html by invoice', () => {
  it('rejects --by invoice with html', async () => {
    const run = await runInProcess(['score', 'x.csv', '--as-of', '2024-06-30', '--format', 'html', '--by', 'invoice']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});
