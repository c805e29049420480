import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featureCatalog, featureNames } from '../../src/features/index.js';
import { renderFeaturesMarkdown } from '../../scripts/features-md.js';

describe('feature catalog', () => {
  it('FEATURES.md matches the catalog', () => {
    // Regenerate with: npx tsc -p tsconfig.json && node dist/scripts/generate-features-md.js
    expect(readFileSync('FEATURES.md', 'utf8')).toBe(renderFeaturesMarkdown());
  });

  it('names are unique', () => {
    const names = featureNames(['Disputed']);
    expect(new Set(names).size).toBe(names.length);
  });

  it('no-history values are finite', () => {
    for (const spec of featureCatalog(['Disputed'])) expect(Number.isFinite(spec.noHistory), spec.name).toBe(true);
  });
});
