import { z } from 'zod';
import { ActionDraft } from './action.js';

export const RecommendationFields = z.object({
  /** The number as written ("1", "4.", "R3"), or null when the plan gives none. */
  number: z.string().nullable(),
  text: z.string(),
  /** The organisation it is addressed to (seed 001: "Specialised Commissioning NHS England"). */
  organisation: z.string().nullable(),
  /** The finding, root cause or contributory factor it answers (seed 003's first column). */
  finding: z.string().nullable(),
  flags: z.array(z.string()).default([]),
});
export type RecommendationFields = z.infer<typeof RecommendationFields>;

export const RecommendationDraft = RecommendationFields.extend({
  actions: z.array(ActionDraft),
  line: z.number().int().positive().nullable().optional(),
});
export type RecommendationDraft = z.infer<typeof RecommendationDraft>;

export const Recommendation = RecommendationFields.extend({
  id: z.string().min(1),
  planId: z.string().min(1),
  position: z.number().int().nonnegative(),
});
export type Recommendation = z.infer<typeof Recommendation>;
