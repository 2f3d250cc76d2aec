import type { ActionContext, Role, Update } from '../model/index.js';
import { planHeader } from './plan-header.js';
import { rightsFor } from './rights.js';
import type { ActionDetail } from './tab-api.js';

/** One action with its history (oldest first, as given) and what the caller may do to it. */
export function buildActionDetail(context: ActionContext, updates: readonly Update[], roles: readonly Role[], aadObjectId: string, today: string): ActionDetail {
  const { plan, recommendation, action } = context;
  return {
    plan: planHeader(plan),
    recommendation,
    action,
    // Another action's update must never show in this timeline, whatever the caller passed.
    updates: updates.filter((update) => update.actionId === action.id),
    today,
    rights: rightsFor(aadObjectId, action, plan, roles),
  };
}
