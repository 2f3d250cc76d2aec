import type { Plan } from '../model/index.js';
import type { PlanHeader } from './tab-api.js';

/** The plan's headline fields, where the whole plan is not sent. */
export function planHeader(plan: Plan): PlanHeader {
  return { id: plan.id, title: plan.title, references: plan.references, owner: plan.owner, status: plan.status };
}
