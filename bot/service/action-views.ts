import { type Action, CLOSED_STATUSES, type Plan, type PlanTree, type Recommendation, type Role } from '../../core/model/index.js';
import { isLeadOrDeputy } from '../../core/updates/permissions.js';
import type { PlanStore } from '../../store/plan-store.js';
import type { ActionView } from './views.js';

/**
 * Everything a card shows about one action, or null when it no longer exists. Reads by key
 * only — the action with its plan and recommendation, and its last update — so a card's cost
 * does not grow with the plan or with the action's history (benchmark P4).
 */
export async function loadActionView(store: PlanStore, actionId: string): Promise<ActionView | null> {
  return (await loadActionInPlan(store, actionId))?.view ?? null;
}

/** The same, with the whole plan beside it (its status and reminder settings), for the reminder runner. */
export async function loadActionInPlan(store: PlanStore, actionId: string): Promise<{ view: ActionView; plan: Plan } | null> {
  const [context, lastUpdate] = await Promise.all([store.getActionContext(actionId), store.lastUpdate(actionId)]);
  if (context === null) return null;
  return { view: viewOf(context.plan, context.recommendation, context.action, lastUpdate), plan: context.plan };
}

export function viewIn(tree: PlanTree, action: Action, lastUpdate: ActionView['lastUpdate']): ActionView | null {
  const rec = tree.recommendations.find((r) => r.id === action.recommendationId);
  return rec === undefined ? null : viewOf(tree.plan, rec, action, lastUpdate);
}

function viewOf(plan: Plan, rec: Pick<Recommendation, 'number' | 'text'>, action: Action, lastUpdate: ActionView['lastUpdate']): ActionView {
  return {
    plan: { id: plan.id, title: plan.title, references: plan.references, owner: plan.owner },
    recommendation: { number: rec.number, text: rec.text },
    action,
    lastUpdate,
  };
}

/** The open actions a person leads or deputises for, soonest due first (undated last). */
export async function actionsLedBy(store: PlanStore, aadObjectId: string, roles: readonly Role[]): Promise<ActionView[]> {
  const open = (await store.listOpenActions()).filter((action) => !CLOSED_STATUSES.includes(action.status) && isLeadOrDeputy(aadObjectId, action, roles));
  const trees = new Map<string, PlanTree | null>();
  const views: ActionView[] = [];
  for (const action of open) {
    if (!trees.has(action.planId)) trees.set(action.planId, await store.getPlan(action.planId));
    const tree = trees.get(action.planId);
    const view = tree ? viewIn(tree, action, null) : null;
    if (view) views.push(view);
  }
  return views;
}
