// What `--out` and `train -o` do to the file they replace. A private file stays private, and a symlink
// stays a symlink whose real target gets the new content. A path that cannot be a file (a folder, or
// one in a missing folder) stops the run with exit code 2 and an error that names it.

import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../src/i18n/catalog.js';
import { makeTempDir, requireBuild, runCli } from './cli.js';

const FIXTURE = join(import.meta.dirname, '../e2e/fixtures/invoices.csv');
const AS_OF = '2024-06-30';

const temp = makeTempDir('output-target');

beforeAll(requireBuild);
afterAll(() => temp.remove());

/** Arguments that write the command's output to `target`. */
const WRITERS: Record<string, (target: string) => string[]> = {
  'score --out': (target) => ['score', FIXTURE, '--as-of', AS_OF, '-f', 'csv', '--out', target],
  'train -o': (target) => ['train', FIXTURE, '-o', target],
};

/** File name the error suggests when the output path is a folder. */
const SUGGESTED_NAMES: Record<string, string> = { 'score --out': 'report.csv', 'train -o': 'model.json' };

/** Permission bits of a file, without the file-type bits. */
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe.each(Object.entries(WRITERS))('%s', (name, argsFor) => {
  const dir = join(temp.dir, name.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });

  it('keeps a private file private', () => {
    const target = join(dir, 'private.out');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    const run = runCli(argsFor(target));
    expect(run.code).toBe(0);
    expect(readFileSync(target, 'utf8')).not.toBe('old');
    expect(modeOf(target)).toBe(0o600);
  });

  it('keeps a group-readable file group-readable', () => {
    const target = join(dir, 'shared.out');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    expect(runCli(argsFor(target)).code).toBe(0);
    expect(modeOf(target)).toBe(0o640);
  });

  it('writes through a symlink', () => {
    mkdirSync(join(dir, 'reports'), { recursive: true });
    const real = join(dir, 'reports', 'real.out');
    const link = join(dir, 'link.out');
    writeFileSync(real, 'old');
    chmodSync(real, 0o600);
    symlinkSync('reports/real.out', link);
    const run = runCli(argsFor(link));
    expect(run.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('reports/real.out');
    expect(readFileSync(real, 'utf8')).not.toBe('old');
    expect(modeOf(real)).toBe(0o600);
  });

  it('creates the file a dangling symlink names', () => {
    const link = join(dir, 'dangling.out');
    symlinkSync('created-by-write.out', link);
    expect(runCli(argsFor(link)).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'created-by-write.out'), 'utf8').length).toBeGreaterThan(0);
  });

  it('reports a symlink loop', () => {
    const first = join(dir, 'loop-a.out');
    symlinkSync('loop-b.out', first);
    symlinkSync('loop-a.out', join(dir, 'loop-b.out'));
    const run = runCli(argsFor(first));
    expect(run.code).toBe(2);
    expect(lstatSync(first).isSymbolicLink()).toBe(true);
  });
});

describe.each(Object.entries(WRITERS))('%s to an unusable path', (name, argsFor) => {
  const dir = join(temp.dir, `unusable-${name.replace(/\W+/g, '-')}`);
  mkdirSync(dir, { recursive: true });

  it('names a missing folder', () => {
    const target = join(dir, 'missing', 'deeper', 'out.file');
    const run = runCli(argsFor(target));
    expect(run.code).toBe(2);
    const folder = join(dir, 'missing', 'deeper');
    expect(run.stderr).toContain(message('en', 'CLI_OUT_FOLDER_MISSING', { file: target, folder, fix: `mkdir -p ${folder}` }));
    expect(run.stderr).not.toContain('ENOENT');
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('rejects a folder as the file', () => {
    const run = runCli(argsFor(dir));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message('en', 'CLI_OUT_IS_FOLDER', { file: dir, example: join(dir, SUGGESTED_NAMES[name]) }));
    expect(run.stderr).not.toContain('EISDIR');
  });

  it('rejects a file as the folder', () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'text');
    const run = runCli(argsFor(join(file, 'out.file')));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message('en', 'CLI_OUT_FOLDER_IS_FILE', { file: join(file, 'out.file'), folder: file }));
    expect(readFileSync(file, 'utf8')).toBe('text');
  });
});

describe('shell hints', () => {
  it('quotes a missing folder', () => {
    const cwd = join(temp.dir, 'quoted-hint');
    mkdirSync(cwd, { recursive: true });
    const run = runCli(['score', FIXTURE, '--as-of', AS_OF, '-o', "my dir/it's/x.json"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Create it first (mkdir -p 'my dir/it'\\''s')");

    // The hint, pasted into a shell, creates the one folder that the run needs.
    const hint = /\((mkdir -p [^\n]*)\) or give/.exec(run.stderr)?.[1] ?? '';
    execFileSync('sh', ['-c', hint], { cwd });
    expect(readdirSync(cwd)).toEqual(['my dir']);
    expect(readdirSync(join(cwd, 'my dir'))).toEqual(["it's"]);
  });

  it('quotes the example file name', () => {
    const folder = join(temp.dir, 'a folder');
    mkdirSync(folder, { recursive: true });
    const run = runCli(['score', FIXTURE, '--as-of', AS_OF, '-f', 'csv', '-o', folder]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Give a file name, for example '${join(folder, 'report.csv')}'.`);
  });

  it('quotes the folder in Swedish', () => {
    const run = runCli(['score', FIXTURE, '--as-of', AS_OF, '-o', 'ny mapp/x.json', '--lang', 'sv'], { cwd: temp.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Skapa den först (mkdir -p 'ny mapp')");
  });
});

// chmod does not stop root from creating files, so the read-only folder test only means something for
// another user. /proc rejects new files even for root.
const RUNS_AS_ROOT = process.getuid?.() === 0;

describe.each(Object.entries(WRITERS))('%s to a folder that refuses files', (name, argsFor) => {
  const dir = join(temp.dir, `refusing-${name.replace(/\W+/g, '-')}`);
  mkdirSync(dir, { recursive: true });

  it('names /proc before the work', () => {
    // The input file does not exist: an error about it would mean the output was checked after reading.
    const args = argsFor('/proc/riskpay-out.json').map((arg) => (arg === FIXTURE ? join(dir, 'missing.csv') : arg));
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message('en', 'CLI_OUT_FOLDER_REJECTS_FILES', { file: '/proc/riskpay-out.json', folder: '/proc' }));
    expect(run.stderr).not.toContain('missing.csv');
    expect(run.stderr).not.toContain('ENOENT');
  });

  it('names /proc in Swedish', () => {
    const run = runCli([...argsFor('/proc/riskpay-out.json'), '--lang', 'sv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Kan inte skriva /proc/riskpay-out.json: mappen /proc tar inte emot nya filer.');
  });

  it.skipIf(RUNS_AS_ROOT)('names a read-only folder (skipped as root: chmod 555 does not stop root)', () => {
    const folder = join(dir, 'read-only');
    mkdirSync(folder, { recursive: true });
    const target = join(folder, 'out.file');
    writeFileSync(target, 'old');
    chmodSync(folder, 0o555);
    try {
      const run = runCli(argsFor(target));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message('en', 'CLI_OUT_PERMISSION_DENIED', { file: target, folder }));
      expect(readFileSync(target, 'utf8')).toBe('old');
      expect(readdirSync(folder)).toEqual(['out.file']);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it('leaves no probe file behind', () => {
    const folder = join(dir, 'clean');
    mkdirSync(folder, { recursive: true });
    expect(runCli(argsFor(join(folder, 'out.file'))).code).toBe(0);
    expect(readdirSync(folder)).toEqual(['out.file']);
  });
});
