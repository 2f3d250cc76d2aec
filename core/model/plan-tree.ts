import { z } from 'zod';
import { Action } from './action.js';
import { Plan } from './plan.js';
import { Recommendation } from './recommendation.js';

/** A stored plan with everything under it, in plan order. */
export const PlanTree = z.object({
  plan: Plan,
  recommendations: z.array(Recommendation.extend({ actions: z.array(Action) })),
});
export type PlanTree = z.infer<typeof PlanTree>;

/** One action with the plan and recommendation it belongs to: what a card or a detail view shows. */
export const ActionContext = z.object({ plan: Plan, recommendation: Recommendation, action: Action });
export type ActionContext = z.infer<typeof ActionContext>;

/** One line per plan, enough for a list. */
export const PlanSummary = z.object({
  id: z.string(),
  title: z.string(),
  references: z.array(z.string()),
  status: Plan.shape.status,
  recommendations: z.number().int().nonnegative(),
  actions: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;
