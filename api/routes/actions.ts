import type { ActionContext } from '../../core/model/index.js';
import { buildActionDetail } from '../../core/views/action-detail.js';
import { isPlanEditor } from '../../core/views/rights.js';
import { ActionEdit, type ActionDetail } from '../../core/views/tab-api.js';
import type { PlanStore } from '../../store/plan-store.js';
import { ApiError, forbidden, notFound } from '../api-error.js';
import type { ApiResponse, RouteContext } from '../api-types.js';
import { describeIssues } from '../parse-input.js';

/** GET /api/actions/:actionId */
export async function actionDetail({ store, params, caller, deps }: RouteContext): Promise<ApiResponse> {
  return { status: 200, body: await loadDetail(store, actionId(params), caller.aadObjectId, deps.today()) };
}

/**
 * PATCH /api/actions/:actionId — a plan editor changes the action's fields. The version the
 * editor saw must still be the action's: an edit never overwrites a change it did not see.
 */
export async function editAction({ store, params, caller, request, deps }: RouteContext): Promise<ApiResponse> {
  const edit = readEdit(request.body);
  const context = await loadContext(store, actionId(params));
  if (!isPlanEditor(caller.aadObjectId, context.plan, await store.listRoles())) {
    throw forbidden('Only a plan editor (who holds or deputises for the plan owner\'s role) can change an action\'s details.');
  }
  await store.updateAction(context.action.id, edit.fields, edit.version, deps.now().toISOString());
  return { status: 200, body: await loadDetail(store, context.action.id, caller.aadObjectId, deps.today()) };
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

/** The action as the detail view shows it, read fresh (after a write, what the store now holds). */
export async function loadDetail(store: PlanStore, id: string, aadObjectId: string, today: string): Promise<ActionDetail> {
  const [context, updates, roles] = await Promise.all([store.getActionContext(id), store.listUpdates(id), store.listRoles()]);
  if (context === null) throw notFound('That action');
  return buildActionDetail(context, updates, roles, aadObjectId, today);
}

export function actionId(params: Readonly<Record<string, string>>): string {
  return params.actionId ?? '';
}
