#!/usr/bin/env node
// Thin entry point: the CLI is compiled to dist/ by `npx tsc -p tsconfig.json`.
import { main } from '../dist/src/cli/main.js';

await main(process.argv.slice(2));
