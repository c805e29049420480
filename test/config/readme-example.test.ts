// The example riskpay.config.json in each README loads as a config file, names only keys the schema
// accepts, and links to scoring sections that exist. The Swedish example maps columns of the sample
// export, so it also runs.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { requireBuild, runCli } from '../e2e/helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');

const READMES = [
  { file: 'README.md', heading: '## Language and configuration', scoring: 'docs/scoring.md' },
  { file: 'README.sv.md', heading: '## Språk och inställningar', scoring: 'docs/scoring.sv.md' },
];

/** Returns the first JSON code block under `heading`, and the section's text. */
function exampleUnder(readme: string, heading: string): { json: string; section: string } {
  const start = readme.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const section = readme.slice(start, readme.indexOf('\n## ', start + heading.length));
  const block = /```json\n([\s\S]*?)\n```/.exec(section);
  expect(block).not.toBeNull();
  return { json: block![1], section };
}

/** Writes the example to riskpay.config.json in a new folder and returns the folder. */
function configFolder(json: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'riskpay-readme-config-'));
  writeFileSync(join(folder, 'riskpay.config.json'), json);
  return folder;
}

describe.each(READMES)('$file config example', ({ file, heading, scoring }) => {
  const { json, section } = exampleUnder(readFileSync(join(ROOT, file), 'utf8'), heading);

  it('loads as a config file', () => {
    const { config } = loadConfig(undefined, configFolder(json), 'en');
    expect(config.defaults).toMatchObject({ asOf: '2024-12-31', lang: 'sv', format: 'json', top: 20 });
    expect(Object.keys(config.columns ?? {})).toEqual(['dueDate', 'amount']);
  });

  it('links existing scoring sections', () => {
    const headings = readFileSync(join(ROOT, scoring), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('## '))
      .map((line) => line.slice(3).toLowerCase().replace(/ /g, '-'));
    const anchors = [...section.matchAll(new RegExp(`\\(${scoring.replace('.', '\\.')}#([^)]+)\\)`, 'g'))].map((match) => match[1]);
    expect(anchors).toHaveLength(4);
    for (const anchor of anchors) expect(headings).toContain(anchor);
  });
});

describe('Swedish example on the sample', () => {
  it('maps the sample columns', () => {
    requireBuild();
    const { json } = exampleUnder(readFileSync(join(ROOT, 'README.sv.md'), 'utf8'), READMES[1].heading);
    const run = runCli(['inspect', join(ROOT, 'fixtures/sample-invoices.csv'), '-q'], { cwd: configFolder(json) });
    expect(run.code).toBe(0);
    const columns: { header: string; field: string | null }[] = JSON.parse(run.stdout).files[0].columns;
    expect(columns.find((column) => column.field === 'dueDate')?.header).toBe('Förfallodatum');
    expect(columns.find((column) => column.field === 'amount')?.header).toBe('Belopp');
  });
});
