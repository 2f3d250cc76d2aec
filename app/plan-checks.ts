import { checkPlan } from '../core/assurance/integrity.js';
import type { IntegrityReport } from '../core/assurance/integrity-report.js';
import type { PlanStore } from '../store/plan-store.js';

/**
 * Reads what the integrity checks need and runs them: the CLI's `check` and the tab's
 * `GET /api/plans/:planId/checks` both come here, so they cannot disagree. Null: no such plan.
 */
export async function checkStoredPlan(store: PlanStore, planId: string, today: string, timeZone?: string): Promise<IntegrityReport | null> {
  const [tree, updates, roles] = await Promise.all([store.getPlan(planId), store.listPlanUpdates(planId), store.listRoles()]);
  if (tree === null) return null;
  const { contentKey, references } = tree.plan;
  const similar = await store.findSimilarPlans({ contentKey, references });
  return checkPlan({ tree, updates, roles, similar, today, ...(timeZone === undefined ? {} : { timeZone }) });
}
