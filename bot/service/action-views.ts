import { type Action, CLOSED_STATUSES, type PlanTree, type Role, type Update } from '../../core/model/index.js';
import { isLeadOrDeputy } from '../../core/updates/permissions.js';
import type { PlanStore } from '../../store/plan-store.js';
import type { ActionView } from './views.js';

/** Everything a card shows about one action, or null when it no longer exists. */
export async function loadActionView(store: PlanStore, actionId: string): Promise<ActionView | null> {
  return (await loadActionWithHistory(store, actionId))?.view ?? null;
}

/** The view and the action's updates, read once (a card submit needs both). */
export async function loadActionWithHistory(store: PlanStore, actionId: string): Promise<{ view: ActionView; updates: Update[] } | null> {
  const action = await store.getAction(actionId);
  if (action === null) return null;
  const tree = await store.getPlan(action.planId);
  if (tree === null) return null;
  const updates = await store.listUpdates(action.id);
  const view = viewIn(tree, action, updates.at(-1) ?? null);
  return view === null ? null : { view, updates };
}

export function viewIn(tree: PlanTree, action: Action, lastUpdate: ActionView['lastUpdate']): ActionView | null {
  const rec = tree.recommendations.find((r) => r.id === action.recommendationId);
  if (rec === undefined) return null;
  return {
    plan: { id: tree.plan.id, title: tree.plan.title, references: tree.plan.references, owner: tree.plan.owner },
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
