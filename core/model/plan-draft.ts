import { z } from 'zod';
import { PlanFields } from './plan.js';
import { RecommendationDraft } from './recommendation.js';
import { ImportWarning } from './warning.js';

/**
 * A whole plan as it comes out of an importer (and as `export --json` writes it, so that an
 * export imports back unchanged). Nothing here has an id yet.
 */
export const PlanDraft = z.object({
  plan: PlanFields,
  recommendations: z.array(RecommendationDraft),
  warnings: z.array(ImportWarning).default([]),
  /** Text the importer judged to be page furniture (repeated headers, footers): listed, not lost. */
  discarded: z.array(z.object({ line: z.number().int().positive().nullable(), text: z.string(), reason: z.string() })).default([]),
});
export type PlanDraft = z.infer<typeof PlanDraft>;
