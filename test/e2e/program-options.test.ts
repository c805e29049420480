// Unknown options before any command name, such as `riskpay -v`: the error points to the program help,
// not to a command's help with the command name left blank.

import { describe, expect, it } from 'vitest';
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

  it('keeps the command help after a command', async () => {
    const run = await runInProcess(['score', '-v', 'x.csv']);
    expect(run.stderr).toContain('Unknown option -v. Run riskpay score --help for the list of options.');
  });
});
