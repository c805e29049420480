// Too many or too few arguments after a command: schema reads no files and every other command needs
// at least one. The error is in the output language, also when only the config file sets it.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../report/stand-in.js';
import { requireBuild, runCli } from './helpers.js';

beforeAll(() => requireBuild());

/** Creates a folder whose riskpay.config.json sets Swedish as the output language. */
function swedishConfigDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'riskpay-args-'));
  writeFileSync(join(dir, 'riskpay.config.json'), JSON.stringify({ defaults: { lang: 'sv' } }));
  return dir;
}

describe('schema with arguments', () => {
  it('names them in English', async () => {
    const run = await runInProcess(['schema', 'extra-arg']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('riskpay: error: riskpay schema takes no file arguments; remove extra-arg. To write the output to a file, give -o FILE.\n');
  });

  it('names them in Swedish from the config', () => {
    const run = runCli(['schema', 'extra-arg'], { cwd: swedishConfigDir() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('riskpay: fel: riskpay schema tar inga filargument; ta bort extra-arg. Ange -o FIL för att skriva utdata till en fil.\n');
  });

  it('quotes an argument with a space', async () => {
    const run = await runInProcess(['schema', 'a', 'my file', '--lang', 'sv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ta bort a 'my file'.");
  });
});

describe('command without files', () => {
  it.each(['score', 'train', 'evaluate', 'inspect', 'features', 'plan', 'forecast'])('stops %s', async (command) => {
    const run = await runInProcess([command]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`riskpay: error: riskpay ${command} needs at least one invoice CSV file. Give one or more files, or - to read standard input.\n`);
  });

  it('stops in Swedish from the config', async () => {
    const run = await runInProcess(['plan', '-q'], { cwd: swedishConfigDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('riskpay: fel: riskpay plan behöver minst en CSV-fil med fakturor. Ange en eller flera filer, eller - för att läsa från standard in.\n');
  });
});
