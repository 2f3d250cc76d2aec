import { type ClosureBlocker, closePlan, type PlanStatusChange, reopenPlan } from '../../core/assurance/plan-closure.js';
import { isPlanEditor } from '../../core/views/rights.js';
import { PlanStatusRequest } from '../../core/views/tab-api.js';
import { StoreError } from '../../store/store-error.js';
import { ApiError, forbidden } from '../api-error.js';
import type { ApiResponse, RouteContext } from '../api-types.js';
import { parseInput } from '../parse-input.js';
import { viewerOf } from './actions.js';
import { found, planId } from './plans.js';

/** How many of the things keeping a plan open the message names before "and N more". */
const NAMED_BLOCKERS = 10;

/**
 * POST /api/plans/:planId/status — a plan editor closes the plan (every action assured or not
 * applicable, every recommendation answered) or reopens it with a reason; recorded in the trail
 * with the meeting, when there is one. The version the editor saw must still be the plan's.
 */
export async function changePlanStatus({ store, params, caller, request, deps }: RouteContext): Promise<ApiResponse> {
  const change = parseInput(PlanStatusRequest, request.body, 'The status change');
  const [tree, roles] = await Promise.all([store.getPlan(planId(params)), store.listRoles()]);
  const { plan } = found(tree);
  if (!isPlanEditor(caller.aadObjectId, plan, roles)) throw forbidden('Only a plan editor (who holds or deputises for the plan owner\'s role) can close or reopen the plan.');
  if (change.version !== plan.version) throw new ApiError(409, 'Conflict', 'The plan has changed since you opened it; look at it again first.');
  const by = { actor: viewerOf(caller), source: 'tab' as const, meeting: change.meeting ?? null };
  const decided = change.change === 'close' ? closePlan(found(tree), by) : reopenPlan(plan, change.reason, by);
  if (!decided.ok) throw refused(decided);
  try {
    const updated = await store.updatePlanFields(plan.id, decided.patch, change.version, deps.now().toISOString(), decided.by);
    return { status: 200, body: updated };
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') throw new ApiError(409, 'Conflict', 'Someone else changed the plan a moment ago; look at it again first.');
    throw error;
  }
}

/** 422 naming what keeps the plan open (the first few, then how many more), or what the request lacks. */
function refused(decided: Extract<PlanStatusChange, { ok: false }>): ApiError {
  const fields: Record<string, string> = { ...decided.errors };
  const message = [decided.errors.plan ?? decided.errors.reason ?? 'The plan\'s status cannot change.', ...blockerLines(decided.blockers)].join(' ');
  if (fields.plan !== undefined && decided.blockers.length > 0) fields.plan = message;
  return new ApiError(422, 'InvalidStatusChange', message, fields);
}

function blockerLines(blockers: readonly ClosureBlocker[]): string[] {
  const named = blockers.slice(0, NAMED_BLOCKERS).map((blocker) => blocker.message);
  const more = blockers.length - named.length;
  return more > 0 ? [...named, `And ${String(more)} more.`] : named;
}
