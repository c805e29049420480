// Grades A-D from a late-payment probability. The cuts are lower bounds: a risk below `B` is grade A,
// from `B` up to `C` is B, from `C` up to `D` is C, and `D` or more is D.

import { z } from 'zod';

import type { Grade } from './types.js';

const probability = z.number().min(0).max(1);

export const gradeCutsSchema = z
  .strictObject({
    B: probability.default(0.15),
    C: probability.default(0.35),
    D: probability.default(0.6),
  })
  .superRefine((cuts, context) => {
    if (cuts.B < cuts.C && cuts.C < cuts.D) return;
    // `params.code` names the catalog message that reports this rule; `message` is for callers without one.
    const params = { code: 'SCORING_GRADE_CUTS_NOT_RISING', B: String(cuts.B), C: String(cuts.C), D: String(cuts.D) };
    context.addIssue({ code: 'custom', message: 'grade cuts must rise strictly: B < C < D', params });
  });

export type GradeCuts = z.infer<typeof gradeCutsSchema>;

export const DEFAULT_GRADE_CUTS: GradeCuts = Object.freeze({ B: 0.15, C: 0.35, D: 0.6 });

export function gradeFor(risk: number, cuts: GradeCuts = DEFAULT_GRADE_CUTS): Grade {
  if (risk >= cuts.D) return 'D';
  if (risk >= cuts.C) return 'C';
  if (risk >= cuts.B) return 'B';
  return 'A';
}

/** Orders grades from best (A = 0) to worst (D = 3). */
export function gradeRank(grade: Grade): number {
  return 'ABCD'.indexOf(grade);
}
