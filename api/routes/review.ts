import { completionOf } from '../../core/assurance/lifecycle-completion.js';
import { decideReview, type ReviewResult } from '../../core/assurance/lifecycle-decision.js';
import type { Action } from '../../core/model/index.js';
import type { PlanStore } from '../../store/plan-store.js';
import { StoreError } from '../../store/store-error.js';
import { ApiError } from '../api-error.js';
import type { ApiResponse, ReturnedToLead, RouteContext, TabApiDeps } from '../api-types.js';
import { actionId, loadContext, loadDetail, viewerOf } from './actions.js';

/**
 * POST /api/actions/:actionId/review — a governance decision (assure, return, reopen, not
 * applicable, reinstate) by the lifecycle's rules. Who recorded the completion comes from the
 * action's updates and trail, so nobody assures their own work. The write carries what the
 * reviewer saw as its precondition: a decision someone else took first is a 409, not overwritten.
 */
export async function reviewAction({ store, params, caller, request, deps }: RouteContext): Promise<ApiResponse> {
  if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) {
    throw new ApiError(400, 'BadRequest', 'The decision: expected a JSON object with a "decision".');
  }
  const { action, plan } = await loadContext(store, actionId(params));
  const [updates, audit, roles] = await Promise.all([store.listUpdates(action.id), store.listAudit({ planId: plan.id, entityId: action.id }), store.listRoles()]);
  const reviewer = viewerOf(caller);
  const at = deps.now().toISOString();
  const completedBy = completionOf(action.id, updates, audit)?.by ?? null;
  const result = decideReview({ action, plan, roles, reviewer, completedBy, request: request.body, source: 'tab', at });
  if (!result.ok) throw refusal(result);
  const decided = await write(store, action.id, result, at);
  if (result.notifyLead && decided.review !== null) tellLeads(deps, { action: decided, review: decided.review, decision: result.decision });
  return { status: 200, body: await loadDetail(store, action.id, reviewer, deps.today()) };
}

async function write(store: PlanStore, id: string, result: Extract<ReviewResult, { ok: true }>, at: string): Promise<Action> {
  try {
    return await store.updateAction(id, result.patch, result.precondition, at, result.by);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') {
      throw new ApiError(409, 'Conflict', 'Someone else changed or decided this action a moment ago; look at it again before deciding.');
    }
    throw error;
  }
}

/**
 * The action is the lead's again: they are told in Teams. Not awaited — a reviewer at a meeting
 * does not wait on Teams' pacing; the decision is recorded whatever becomes of the message.
 */
function tellLeads(deps: TabApiDeps, notice: ReturnedToLead): void {
  if (deps.leads === undefined) return;
  deps.leads.returned(notice).catch((error: unknown) => {
    deps.log.warn('could not tell the leads their action came back', { actionId: notice.action.id, error: error instanceof Error ? error.message : String(error) });
  });
}

/** The lifecycle's refusal with its status: not yours (403), changed since (409), or the rules say no (422). */
function refusal(result: Extract<ReviewResult, { ok: false }>): ApiError {
  const fields: Record<string, string> = { ...result.errors };
  switch (result.refusal) {
    case 'forbidden':
      return new ApiError(403, 'Forbidden', result.errors.decision ?? 'This decision is not yours to take.', fields);
    case 'conflict':
      return new ApiError(409, 'Conflict', result.errors.version ?? 'The action has changed since you opened it.', fields);
    case 'invalid':
      return new ApiError(422, 'InvalidDecision', result.errors.decision ?? 'The decision cannot be recorded as it is.', fields);
  }
}
