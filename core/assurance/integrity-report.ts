import { z } from 'zod';
import { IsoDate } from '../model/index.js';

/** Every rule `checkPlan` applies, by the code its findings carry (stable: the tab and scripts branch on it). */
export const IntegrityCode = z.enum([
  'plan-without-reference',
  'similar-plan',
  'recommendation-without-actions',
  'action-without-lead',
  'lead-role-unheld',
  'action-without-due-date',
  'assured-without-evidence',
  'complete-without-evidence',
  'overdue-without-update',
]);
export type IntegrityCode = z.infer<typeof IntegrityCode>;

/** An error is a gap the plan cannot be assured with; a warning is worth a look. */
export const IntegritySeverity = z.enum(['error', 'warning']);
export type IntegritySeverity = z.infer<typeof IntegritySeverity>;

/** One problem found in a plan, in plain English, pointing at what it is about. */
export const IntegrityFinding = z.object({
  code: IntegrityCode,
  severity: IntegritySeverity,
  /** Names the recommendation or action as the plan does ("Action 2 b: …"). */
  message: z.string().min(1),
  /** "2 b" or "Recommendation 2" — the link text; null for the plan itself. */
  label: z.string().nullable().default(null),
  recommendationId: z.string().nullable().default(null),
  actionId: z.string().nullable().default(null),
});
export type IntegrityFinding = z.infer<typeof IntegrityFinding>;

/** What `followthrough check` prints and `GET /api/plans/:planId/checks` answers. */
export const IntegrityReport = z.object({
  planId: z.string().min(1),
  /** The trust's today the checks were made against. */
  checkedOn: IsoDate,
  /** Plan-level findings first, then by recommendation and action in plan order. */
  findings: z.array(IntegrityFinding),
  counts: z.object({ errors: z.number().int().nonnegative(), warnings: z.number().int().nonnegative() }),
});
export type IntegrityReport = z.infer<typeof IntegrityReport>;
