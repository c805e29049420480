// End-to-end: the same file given twice stops the run with exit code 2 before any work, naming the
// file and both positions, whether it is spelled the same or reached through a symbolic link.

import { copyFileSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../src/i18n/catalog.js';
import { FIXTURE, requireBuild, runCli, tempDir } from './helpers.js';

let folder: string;
let link: string;
let copy: string;
let realFixture: string;

beforeAll(() => {
  requireBuild();
  folder = tempDir();
  link = join(folder, 'link.csv');
  copy = join(folder, 'copy.csv');
  realFixture = realpathSync(FIXTURE);
  symlinkSync(FIXTURE, link);
  copyFileSync(FIXTURE, copy);
});

describe('input file given twice', () => {
  it('stops with the file and its positions', () => {
    const run = runCli(['score', FIXTURE, copy, FIXTURE, '--as-of', '2024-12-31']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message('en', 'CLI_INPUT_REPEATED', { file: FIXTURE, first: 1, second: 3 }));
    expect(run.stderr).not.toContain('rows were skipped');
  });

  it('sees through a symbolic link', () => {
    const run = runCli(['inspect', FIXTURE, link], { env: { LANG: 'sv_SE.UTF-8' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Indatafil 1 (${FIXTURE}) och 2 (${link}) är samma fil, ${realFixture}.`);
  });

  it('stops on a repeated payments file', () => {
    const run = runCli(['score', FIXTURE, '--payments', link, '--payments', FIXTURE, '--as-of', '2024-12-31']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message('en', 'CLI_PAYMENTS_REPEATED_ALIAS', { file: link, otherFile: FIXTURE, first: 1, second: 2, realPath: realFixture }));
  });

  it('stops on the input file given as payments', () => {
    const run = runCli(['score', copy, FIXTURE, '--payments', FIXTURE, '--as-of', '2024-12-31']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message('en', 'CLI_INPUT_AS_PAYMENTS', { file: FIXTURE, first: 2, second: 1 }));
    expect(run.stderr).toContain(`The file ${FIXTURE} is given both as input file 2 and as --payments file 1.`);
    expect(run.stderr).not.toContain('warning');
  });

  it('stops on payments through a symbolic link', () => {
    const run = runCli(['score', FIXTURE, '--payments', copy, '--payments', link, '--as-of', '2024-12-31', '--lang', 'sv']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Indatafil 1 (${FIXTURE}) och fil 2 i --payments (${link}) är samma fil, ${realFixture}.`);
    expect(run.stderr).not.toContain('varning');
  });

  it('reads a copy with the same content', () => {
    const run = runCli(['inspect', FIXTURE, copy, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('given twice');
  });

  it('still rejects standard input twice', () => {
    const run = runCli(['inspect', '-', '-'], { input: 'InvoiceNo,Customer,InvoiceDate,DueDate,Amount\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message('en', 'CLI_STDIN_TWICE'));
  });
});
