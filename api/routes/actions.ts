import { statusEditRefusal } from '../../core/assurance/lifecycle.js';
import type { Reviewer } from '../../core/assurance/lifecycle-decision.js';
import type { ActionContext } from '../../core/model/index.js';
import { buildActionDetail } from '../../core/views/action-detail.js';
import { isPlanEditor } from '../../core/views/rights.js';
import { ActionEdit, type ActionDetail } from '../../core/views/tab-api.js';
import type { Caller } from '../../edge/auth/caller.js';
import type { PlanStore } from '../../store/plan-store.js';
import { ApiError, forbidden, notFound } from '../api-error.js';
import type { ApiResponse, RouteContext } from '../api-types.js';
import { describeIssues } from '../parse-input.js';

/** GET /api/actions/:actionId */
export async function actionDetail({ store, params, caller, deps }: RouteContext): Promise<ApiResponse> {
  return { status: 200, body: await loadDetail(store, actionId(params), viewerOf(caller), deps.today()) };
}

/**
 * PATCH /api/actions/:actionId — a plan editor changes the action's fields. The version the
 * editor saw must still be the action's: an edit never overwrites a change it did not see.
 * Assured and not applicable are entered and left only by a recorded decision (the review route).
 */
export async function editAction({ store, params, caller, request, deps }: RouteContext): Promise<ApiResponse> {
  const edit = readEdit(request.body);
  const context = await loadContext(store, actionId(params));
  if (!isPlanEditor(caller.aadObjectId, context.plan, await store.listRoles())) {
    throw forbidden('Only a plan editor (who holds or deputises for the plan owner\'s role) can change an action\'s details.');
  }
  const refusal = edit.fields.status === undefined ? null : statusEditRefusal(context.action.status, edit.fields.status);
  if (refusal !== null) throw new ApiError(422, 'InvalidEdit', 'Some of the changes cannot be saved.', { status: refusal });
  const by = { actor: viewerOf(caller), source: 'tab' as const };
  await store.updateAction(context.action.id, edit.fields, edit.version, deps.now().toISOString(), by);
  return { status: 200, body: await loadDetail(store, context.action.id, viewerOf(caller), deps.today()) };
}

/** Not an edit at all → 400; an edit whose fields are wrong → 422, with a message per field. */
function readEdit(body: unknown): ActionEdit {
  const parsed = ActionEdit.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  let other = false;
  for (const issue of parsed.error.issues) {
    const [top, field] = issue.path;
    if (top === 'fields' && typeof field === 'string') fields[field] ??= issue.message;
    // The schema is strict: a field the tab may not change (due, snoozedUntil…) is refused, not lost.
    else if (top === 'fields' && issue.code === 'unrecognized_keys') for (const key of issue.keys) fields[key] ??= 'This cannot be changed from the tab.';
    else other = true;
  }
  if (!other && Object.keys(fields).length > 0) throw new ApiError(422, 'InvalidEdit', 'Some of the changes cannot be saved.', fields);
  throw new ApiError(400, 'BadRequest', `The edit: ${describeIssues(parsed.error.issues)}`);
}

export async function loadContext(store: PlanStore, id: string): Promise<ActionContext> {
  const context = await store.getActionContext(id);
  if (context === null) throw notFound('That action');
  return context;
}

/**
 * The action as the detail view shows it, read fresh (after a write, what the store now holds):
 * its updates and trail, and the decisions open to the viewer.
 */
export async function loadDetail(store: PlanStore, id: string, viewer: Reviewer, today: string): Promise<ActionDetail> {
  const context = await loadContext(store, id);
  const [updates, audit, roles] = await Promise.all([store.listUpdates(id), store.listAudit({ planId: context.plan.id, entityId: id }), store.listRoles()]);
  return buildActionDetail({ context, updates, audit, roles, viewer, today });
}

/** The caller as the trail and the rules name them: from the validated identity, never the body. */
export function viewerOf(caller: Caller): Reviewer {
  return { aadObjectId: caller.aadObjectId, displayName: caller.displayName };
}

export function actionId(params: Readonly<Record<string, string>>): string {
  return params.actionId ?? '';
}
