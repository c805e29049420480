// Writes FEATURES.md from the feature catalog.
// Usage: npx tsc -p tsconfig.json && node dist/scripts/generate-features-md.js

import { writeFileSync } from 'node:fs';
import { renderFeaturesMarkdown } from './features-md.js';

writeFileSync('FEATURES.md', renderFeaturesMarkdown());
process.stderr.write('wrote FEATURES.md\n');
