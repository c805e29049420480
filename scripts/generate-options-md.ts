// Writes docs/options.md and docs/options.sv.md from the option table. Run after `npx tsc`:
//   node dist/scripts/generate-options-md.js
// A test fails when the committed files differ from what this script writes.

import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { optionsMarkdown } from '../src/cli/options-doc.js';
import { schemaText } from '../src/cli/commands/schema.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
mkdirSync(`${root}docs/schema`, { recursive: true });
writeFileSync(`${root}docs/options.md`, optionsMarkdown('en'));
writeFileSync(`${root}docs/options.sv.md`, optionsMarkdown('sv'));
writeFileSync(`${root}docs/schema/score.schema.json`, schemaText());
console.log('Wrote docs/options.md, docs/options.sv.md and docs/schema/score.schema.json');
