import { describe, expect, it } from 'vitest';

import { DEFAULT_SCORING_CONFIG, resolveActionPolicy, resolveScoringConfig } from '../../src/scoring/config.js';
import { forecastCash } from '../../src/scoring/forecast.js';
import { gradeCutsSchema, gradeFor } from '../../src/scoring/grades.js';
import { planActions } from '../../src/scoring/plan.js';
import type { ScoreResult } from '../../src/scoring/types.js';
import { FAKE_CHOICE } from './helpers.js';

function codeOf(run: () => unknown): { code: string; args: Record<string, unknown> } | null {
  try {
    run();
    return null;
  } catch (error) {
    const found = (error as { finding?: { code: string; args: Record<string, unknown> } }).finding;
    return found ? { code: found.code, args: found.args } : { code: 'NOT_A_FINDING', args: {} };
  }
}

const EMPTY: ScoreResult = { asOf: '2024-06-30', asOfDefaulted: false, model: FAKE_CHOICE, debtors: [], invoices: [], totals: [], findings: [] };

describe('grade cuts', () => {
  it('grades at the documented cuts', () => {
    expect(gradeFor(0)).toBe('A');
    expect(gradeFor(0.1499)).toBe('A');
    expect(gradeFor(0.15)).toBe('B');
    expect(gradeFor(0.35)).toBe('C');
    expect(gradeFor(0.6)).toBe('D');
    expect(gradeFor(1)).toBe('D');
  });

  it('rejects cuts out of order', () => {
    expect(gradeCutsSchema.safeParse({ B: 0.5, C: 0.4 }).success).toBe(false);
    expect(gradeCutsSchema.safeParse({ D: 1.2 }).success).toBe(false);
  });
});

describe('resolveScoringConfig', () => {
  it('fills every default from nothing', () => {
    expect(resolveScoringConfig(undefined)).toEqual(DEFAULT_SCORING_CONFIG);
    expect(resolveScoringConfig({})).toEqual(DEFAULT_SCORING_CONFIG);
    expect(DEFAULT_SCORING_CONFIG.forecast).toEqual({ weeks: 8, doubtfulAfterDays: 120 });
  });

  it('keeps defaults beside one changed cut', () => {
    expect(resolveScoringConfig({ grades: { B: 0.2 } }).grades).toEqual({ B: 0.2, C: 0.35, D: 0.6 });
  });

  it('names a misspelt threshold', () => {
    const error = codeOf(() => resolveScoringConfig({ flags: { oldestOverdue: { warningDay: 10 } } }));
    expect(error?.code).toBe('SCORING_CONFIG_INVALID');
    expect(error?.args.setting).toBe('flags.oldestOverdue.warningDay');
  });

  it('names a wrongly typed value', () => {
    const error = codeOf(() => resolveScoringConfig({ grades: { C: 'high' } }));
    expect(error?.code).toBe('SCORING_CONFIG_INVALID');
    expect(error?.args.setting).toBe('grades.C');
  });

  it('rejects a policy for an unknown flag', () => {
    const error = codeOf(() => resolveActionPolicy({ flags: { FLAG_MOON_PHASE: [] } }));
    expect(error?.code).toBe('SCORING_CONFIG_INVALID');
    expect(String(error?.args.setting)).toMatch(/^policy\.flags/);
  });

  it('validates the policy given to planActions', () => {
    expect(codeOf(() => planActions(EMPTY, { pastSteps: 'never' }))?.code).toBe('SCORING_CONFIG_INVALID');
    expect(codeOf(() => planActions(EMPTY, undefined))).toBeNull();
  });

  it('validates forecast settings', () => {
    expect(codeOf(() => forecastCash(EMPTY, { weeks: 0 }))?.code).toBe('SCORING_CONFIG_INVALID');
    expect(codeOf(() => forecastCash(EMPTY, { weeks: 4, doubtfulAfterDays: -1 }))?.args.setting).toBe('forecast.doubtfulAfterDays');
  });
});
