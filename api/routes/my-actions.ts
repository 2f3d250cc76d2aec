import type { Action, PlanTree } from '../../core/model/index.js';
import { isLeadOrDeputy } from '../../core/updates/permissions.js';
import { buildMyActions, type MyActionEntry } from '../../core/views/my-actions.js';
import type { PlanStore } from '../../store/plan-store.js';
import type { ApiResponse, RouteContext } from '../api-types.js';

/**
 * GET /api/my-actions: the open actions the caller leads or deputises for, across plans — the
 * same people the bot reminds. Each plan is read once, however many of its actions are theirs.
 */
export async function myActions({ store, caller, deps }: RouteContext): Promise<ApiResponse> {
  const [open, roles] = await Promise.all([store.listOpenActions(), store.listRoles()]);
  const mine = open.filter((action) => isLeadOrDeputy(caller.aadObjectId, action, roles));
  const [trees, lastUpdates] = await Promise.all([plansOf(store, mine), Promise.all(mine.map((action) => store.lastUpdate(action.id)))]);
  const entries: MyActionEntry[] = [];
  for (const [index, action] of mine.entries()) {
    const tree = trees.get(action.planId);
    const recommendation = tree?.recommendations.find((rec) => rec.id === action.recommendationId);
    // A plan replaced between the two reads: its old actions are gone, so they are not shown.
    if (tree && recommendation) entries.push({ plan: tree.plan, recommendation, action, lastUpdate: lastUpdates[index] ?? null });
  }
  return { status: 200, body: buildMyActions(entries, deps.today()) };
}

async function plansOf(store: PlanStore, actions: readonly Action[]): Promise<Map<string, PlanTree | null>> {
  const ids = [...new Set(actions.map((action) => action.planId))];
  const trees = await Promise.all(ids.map((id) => store.getPlan(id)));
  return new Map(ids.map((id, index) => [id, trees[index] ?? null]));
}
