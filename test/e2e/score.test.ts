// End-to-end: the built CLI scoring the bundled fixture in every format, with the options an
// unattended run uses.

import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { scoreDocumentSchema } from '../../src/report/schema.js';
import { FIXTURE, ROOT, requireBuild, runCli, runShell, spawnCli, tempDir } from './helpers.js';

const AS_OF = '2024-06-30';
const score = (...args: string[]) => runCli(['score', FIXTURE, '--as-of', AS_OF, ...args]);

beforeAll(requireBuild);

describe('score formats', () => {
  let json: ReturnType<typeof scoreDocumentSchema.parse>;

  beforeAll(() => {
    const run = score('--format', 'json');
    expect(run.code).toBe(0);
    json = scoreDocumentSchema.parse(JSON.parse(run.stdout));
  });

  it('json matches the published JSON Schema', () => {
    // The schema file in docs/ is what users validate against, so it is checked with a JSON Schema
    // validator here, not only through the zod types it is generated from.
    const schema = JSON.parse(readFileSync(join(ROOT, 'docs/schema/score.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    for (const args of [['--format', 'json'], ['--by', 'invoice', '--format', 'json']]) {
      const run = score(...args);
      expect(run.code).toBe(0);
      const valid = validate(JSON.parse(run.stdout));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('json names where payment dates come from', () => {
    expect(json.invoices.length).toBeGreaterThan(0);
    for (const invoice of json.invoices) expect(['model', 'customer-history', 'portfolio']).toContain(invoice.paymentDateSource);
  });

  it('json has one entry per debtor', () => {
    expect(json.debtors).toHaveLength(6);
    expect(json.asOf).toBe(AS_OF);
    expect(json.asOfDefaulted).toBe(false);
  });

  it('json prints nothing else on stdout', () => {
    const run = score('--format', 'json');
    expect(run.stdout.trim().startsWith('{')).toBe(true);
    expect(run.stdout.trim().endsWith('}')).toBe(true);
  });

  it('table names the top debtor and states the date', () => {
    const run = score();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(json.debtors[0].name.replace(/^=/, ''));
    expect(run.stderr).toContain(AS_OF);
  });

  it('csv parses back to the json values', () => {
    const run = score('--format', 'csv');
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.customer_id)).toEqual(json.debtors.map((debtor) => debtor.customerId));
    rows.forEach((row, i) => {
      expect(Number(row.risk)).toBeCloseTo(json.debtors[i].risk, 4);
      expect(Number(row.open_balance)).toBeCloseTo(json.debtors[i].openBalance, 2);
      expect(row.grade).toBe(json.debtors[i].grade);
    });
  });

  it('csv sv variant parses with semicolons', () => {
    const run = score('--format', 'csv', '--csv-locale', 'sv');
    expect(run.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = parse(run.stdout.slice(1), { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(Number(rows[0].open_balance.replace(',', '.'))).toBeCloseTo(json.debtors[0].openBalance, 2);
  });

  it('ndjson is one object per line', () => {
    const lines = score('--format', 'ndjson').stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(json.debtors.length);
    expect(lines.map((line) => JSON.parse(line).customerId)).toEqual(json.debtors.map((debtor) => debtor.customerId));
  });

  it('html contains the top debtors', () => {
    const html = score('--format', 'html').stdout;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const debtor of json.debtors.slice(0, 3)) expect(html).toContain(debtor.customerId);
  });

  it('--by invoice ranks open invoices', () => {
    const run = score('--by', 'invoice', '--format', 'json');
    const parsed = scoreDocumentSchema.parse(JSON.parse(run.stdout));
    expect(parsed.invoices.length).toBeGreaterThan(0);
    expect(parsed.by).toBe('invoice');
  });

  it('stdin gives the same result as the file', () => {
    const run = runCli(['score', '-', '--as-of', AS_OF, '--format', 'json'], { input: readFileSync(FIXTURE, 'utf8') });
    const parsed = JSON.parse(run.stdout);
    expect(parsed.debtors.map((debtor: { risk: number }) => debtor.risk)).toEqual(json.debtors.map((debtor) => debtor.risk));
  });

  it('Swedish with LANG=sv_SE.UTF-8', () => {
    const run = runCli(['score', FIXTURE, '--as-of', AS_OF], { env: { LANG: 'sv_SE.UTF-8' } });
    expect(run.stdout).toContain('Kund');
    expect(run.stdout).toMatch(/\d\u00a0SEK/);
    expect(run.stderr).toContain(`Per ${AS_OF}`);
  });
});

describe('formula injection', () => {
  it('inert in csv', () => {
    const rows = parse(score('--format', 'csv').stdout, { columns: true }) as Record<string, string>[];
    const injected = rows.find((row) => row.customer_id === 'K600');
    expect(injected?.name).toBe(`'=HYPERLINK("x")`);
    expect(rows.every((row) => !/^[=+\-@]/.test(row.name))).toBe(true);
  });

  it('inert in html', () => {
    const html = score('--format', 'html').stdout;
    expect(html).not.toContain('=HYPERLINK("x")');
    expect(html).toContain('&#39;=HYPERLINK(&quot;x&quot;)');
  });
});

describe('bad input and usage', () => {
  it('missing file exits 2 with one line', () => {
    const run = runCli(['score', 'no-such-file.csv']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no-such-file.csv');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('unusable csv exits 2', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'hello,world\n1,2\n');
    const run = runCli(['score', file, '--as-of', AS_OF]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bad.csv');
  });

  it('usage error exits 2', () => {
    expect(runCli(['score', FIXTURE, '--top', 'many']).code).toBe(2);
    expect(runCli(['score', FIXTURE, '--no-such-option']).code).toBe(2);
    expect(runCli(['bogus']).code).toBe(2);
  });
});

describe('--fail-on', () => {
  it('exit 1 when a debtor reaches the grade', () => {
    const grades = JSON.parse(score('--format', 'json').stdout).debtors.map((debtor: { grade: string }) => debtor.grade);
    const worst = [...grades].sort().at(-1) as string;
    expect(score('--fail-on', worst).code).toBe(1);
  });

  it('exit 0 when nobody reaches the risk', () => {
    expect(score('--fail-on', '1').code).toBe(0);
  });
});

describe('--only-changes', () => {
  it('second unchanged run reports nothing', () => {
    const state = join(tempDir(), 'state.json');
    const first = score('--state', state, '--only-changes', '--format', 'json');
    expect(JSON.parse(first.stdout).debtors).toHaveLength(6);
    const second = score('--state', state, '--only-changes', '--format', 'json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).debtors).toHaveLength(0);
    expect(JSON.parse(second.stdout).changes.previousAsOf).toBe(AS_OF);
  });
});

describe('closed stdout', () => {
  it('| head -1 ends quietly', () => {
    const run = runShell(`node bin/riskpay.js score ${FIXTURE} --as-of ${AS_OF} --by invoice --format ndjson | head -1`);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/Error|EPIPE|\n\s+at /);
    expect(run.statuses).toEqual([0, 0]);
  });

  it('reader gone before the first write', () => {
    // `true` exits at once, so every write of riskpay meets a closed pipe (EPIPE).
    const run = runShell(`node bin/riskpay.js score ${FIXTURE} --as-of ${AS_OF} --format html | true`);
    expect(run.stderr).not.toMatch(/Error|EPIPE|\n\s+at /);
    expect(run.statuses).toEqual([0, 0]);
  });
});

describe('--out atomic write', () => {
  it('a kill during the write leaves the old file', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.html');
    writeFileSync(out, 'OLD REPORT');
    // The test hook pauses after each written chunk, so the kill lands while the temporary file is open.
    const child = spawnCli(['score', FIXTURE, '--as-of', AS_OF, '--format', 'html', '--out', out], { RISKPAY_TEST_WRITE_DELAY_MS: '5000' });
    const started = Date.now();
    while (!readdirSync(dir).some((name) => name.endsWith('.tmp')) && Date.now() - started < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(readdirSync(dir).some((name) => name.endsWith('.tmp'))).toBe(true);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(readFileSync(out, 'utf8')).toBe('OLD REPORT');
    expect(readdirSync(dir)).toEqual(['report.html']);

    const run = score('--format', 'html', '--out', out);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8').trimEnd().endsWith('</html>')).toBe(true);
  });

  it('SIGKILL also leaves the old file', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    writeFileSync(out, '{"old":true}');
    const child = spawnCli(['score', FIXTURE, '--as-of', AS_OF, '--format', 'json', '--out', out], { RISKPAY_TEST_WRITE_DELAY_MS: '5000' });
    const started = Date.now();
    while (!readdirSync(dir).some((name) => name.endsWith('.tmp')) && Date.now() - started < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(readFileSync(out, 'utf8')).toBe('{"old":true}');
    expect(existsSync(out)).toBe(true);
  });
});

describe('colour', () => {
  // `script` gives the CLI a terminal as stdout, the only case where colour may appear.
  const inTerminal = (env: string) =>
    runShell(`${env} script -qec "node bin/riskpay.js score ${FIXTURE} --as-of ${AS_OF} --no-progress" /dev/null`);

  it('colour on a terminal', () => {
    expect(inTerminal('env -u NO_COLOR').stdout).toContain('\x1b[');
  });

  it('NO_COLOR turns it off', () => {
    expect(inTerminal('NO_COLOR=1').stdout).not.toContain('\x1b[3');
  });
});

describe('--only-changes across runs', () => {
  it('reports only new or worse debtors', () => {
    const state = join(tempDir(), 'state.json');
    const first = runCli(['score', FIXTURE, '--as-of', '2024-03-31', '--state', state, '--format', 'json']);
    expect(first.code).toBe(0);
    const all = JSON.parse(first.stdout).debtors as { customerId: string }[];
    expect(all.length).toBeGreaterThan(0);
    expect(existsSync(state)).toBe(true);

    const later = runCli(['score', FIXTURE, '--as-of', AS_OF, '--state', state, '--only-changes', '--format', 'json']);
    expect(later.code).toBe(0);
    const changed = JSON.parse(later.stdout).debtors as { change?: string }[];
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(all.length);
    for (const debtor of changed) expect(['new', 'worse', 'new-flags']).toContain(debtor.change);

    const again = runCli(['score', FIXTURE, '--as-of', AS_OF, '--state', state, '--only-changes', '--format', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).debtors).toHaveLength(0);
  });
});
