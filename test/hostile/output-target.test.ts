// What `--out` and `train -o` do to the file they replace: a private file stays private, a symlink
// stays a symlink and its real target gets the new content.

import { chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
