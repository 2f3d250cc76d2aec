import type { PlanTree, Role, Update } from '../model/index.js';
import { isPlanEditor, rightsFor } from './rights.js';
import type { PlanView } from './tab-api.js';

/** Everything the plan view shows, in plan order, with what the caller may do to each action. */
export function buildPlanView(tree: PlanTree, updates: readonly Update[], roles: readonly Role[], aadObjectId: string, today: string): PlanView {
  const last = lastUpdateByAction(updates);
  return {
    plan: tree.plan,
    today,
    recommendations: tree.recommendations.map((rec) => ({
      ...rec,
      actions: rec.actions.map((action) => ({
        action,
        lastUpdate: last.get(action.id) ?? null,
        rights: rightsFor(aadObjectId, action, tree.plan, roles),
      })),
    })),
    canEdit: isPlanEditor(aadObjectId, tree.plan, roles),
  };
}

/** Updates arrive oldest first, so the last one seen for an action is its latest. */
export function lastUpdateByAction(updates: readonly Update[]): Map<string, Update> {
  const last = new Map<string, Update>();
  for (const update of updates) last.set(update.actionId, update);
  return last;
}
