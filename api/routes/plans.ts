import { z } from 'zod';
import { checkStoredPlan } from '../../app/plan-checks.js';
import type { PlanTree } from '../../core/model/index.js';
import { buildDashboard } from '../../core/views/dashboard.js';
import { buildPlanView } from '../../core/views/plan-view.js';
import { notFound } from '../api-error.js';
import type { ApiResponse, RouteContext } from '../api-types.js';
import { parseInput } from '../parse-input.js';

/** GET /api/plans */
export async function listPlans({ store }: RouteContext): Promise<ApiResponse> {
  return { status: 200, body: await store.listPlans() };
}

/** GET /api/plans/:planId — the whole plan view in one answer: plan, updates and roles read at once. */
export async function planView({ store, params, caller, deps }: RouteContext): Promise<ApiResponse> {
  const [tree, updates, roles] = await Promise.all([store.getPlan(planId(params)), store.listPlanUpdates(planId(params)), store.listRoles()]);
  return { status: 200, body: buildPlanView(found(tree), updates, roles, caller.aadObjectId, deps.today()) };
}

const DashboardQuery = z.object({ soonDays: z.coerce.number().int().min(1).max(90).optional() });

/** GET /api/plans/:planId/dashboard[?soonDays=14] */
export async function dashboard({ store, params, request, deps }: RouteContext): Promise<ApiResponse> {
  const { soonDays } = parseInput(DashboardQuery, request.query ?? {}, 'The dashboard query');
  const [tree, updates] = await Promise.all([store.getPlan(planId(params)), store.listPlanUpdates(planId(params))]);
  return { status: 200, body: buildDashboard(found(tree), updates, deps.today(), soonDays) };
}

/** GET /api/plans/:planId/checks — the integrity checks, as `followthrough check` makes them. */
export async function planChecks({ store, params, deps }: RouteContext): Promise<ApiResponse> {
  const report = await checkStoredPlan(store, planId(params), deps.today());
  if (report === null) throw notFound('That plan');
  return { status: 200, body: report };
}

export function planId(params: Readonly<Record<string, string>>): string {
  return params.planId ?? '';
}

export function found(tree: PlanTree | null): PlanTree {
  if (tree === null) throw notFound('That plan');
  return tree;
}
