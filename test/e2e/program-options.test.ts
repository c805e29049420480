// Unknown options before any command name, such as `riskpay -v`: the error points to the program help,
// not to a command's help with the command name left blank.

import { describe, expect, it } from 'vitest';
import { commandFirst } from '../../src/cli/argv-order.js';
import { runInProcess } from '../report/stand-in.js';

describe('unknown option without a command', () => {
  it('suggests -V for -v', async () => {
    const run = await runInProcess(['-v']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(
      'riskpay: error: Unknown option -v. Did you mean -V? Run riskpay --help for the list of commands, and riskpay COMMAND --help for the options of one command.',
    );
  });

  it('has no double space', async () => {
    const run = await runInProcess(['--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown option --bogus. Run riskpay --help for the list of commands');
    expect(run.stderr).not.toContain('riskpay  --help');
  });

  it('reads in Swedish', async () => {
    const run = await runInProcess(['-v'], { env: { LANG: 'sv_SE.UTF-8' } });
    expect(run.stderr.trim()).toBe(
      'riskpay: fel: Okänt alternativ -v. Menade du -V? Kör riskpay --help för att se alla kommandon, och riskpay KOMMANDO --help för att se ett kommandos alternativ.',
    );
  });

  it('ignores an option value as command', async () => {
    const run = await runInProcess(['--lang', 'sv', '-x']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('riskpay sv --help');
  });

  it('says a command option needs a command', async () => {
    const run = await runInProcess(['--lang', 'sv']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'riskpay: fel: Inget kommando angavs: --lang är ett alternativ till ett kommando. Skriv också kommandot, till exempel riskpay score FIL --lang ..., och kör riskpay --help för att se alla kommandon.',
    );
  });

  it('keeps the command help after a command', async () => {
    const run = await runInProcess(['score', '-v', 'x.csv']);
    expect(run.stderr).toContain('Unknown option -v. Run riskpay score --help for the list of options.');
  });
});

describe('options before the command', () => {
  it('are read as the command options', async () => {
    const run = await runInProcess(['--lang', 'sv', '-q', 'schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('$schema');
    expect(run.stderr).toBe('');
  });

  it('keep a value that names a command', async () => {
    expect(commandFirst(['--out', 'plan', 'score', 'a.csv'])).toEqual(['score', '--out', 'plan', 'a.csv']);
    expect(commandFirst(['--no-color', '-f', 'json', 'plan', 'a.csv'])).toEqual(['plan', '--no-color', '-f', 'json', 'a.csv']);
    expect(commandFirst(['--lang=sv', 'score'])).toEqual(['score', '--lang=sv']);
  });

  it('leave program options and unknown options', () => {
    expect(commandFirst(['--version'])).toEqual(['--version']);
    expect(commandFirst(['-x', 'score'])).toEqual(['-x', 'score']);
    expect(commandFirst(['score', '--lang', 'sv'])).toEqual(['score', '--lang', 'sv']);
  });

  it('report a misspelt command', async () => {
    const run = await runInProcess(['--lang', 'en', 'scroe']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Did you mean score?');
    expect(run.stderr).not.toContain('Unknown option');
  });
});
