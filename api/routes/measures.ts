import { findMeasure } from '../../app/find-measure.js';
import type { Measure, MeasureFields, PlanTree } from '../../core/model/index.js';
import { buildMeasuresView, mayRecordValue, measureItem } from '../../core/views/measures-view.js';
import { isPlanEditor } from '../../core/views/rights.js';
import { MeasureEdit, MeasureRequest, MeasureValueRequest } from '../../core/views/tab-api.js';
import type { PlanStore } from '../../store/plan-store.js';
import { ApiError, forbidden, notFound } from '../api-error.js';
import type { ApiResponse, RouteContext } from '../api-types.js';
import { parseFields } from '../parse-input.js';
import { viewerOf } from './actions.js';
import { found, planId } from './plans.js';

const EDITORS_ONLY = 'Only a plan editor (who holds or deputises for the plan owner\'s role) can add or change its measures.';

/** GET /api/plans/:planId/measures */
export async function planMeasures({ store, params, caller }: RouteContext): Promise<ApiResponse> {
  const [tree, measures, roles] = await Promise.all([store.getPlan(planId(params)), store.listMeasures(planId(params)), store.listRoles()]);
  return { status: 200, body: buildMeasuresView(found(tree), measures, roles, caller.aadObjectId) };
}

/** POST /api/plans/:planId/measures — a plan editor adds a measure (plan-level, or for one of the plan's actions). */
export async function addMeasure({ store, params, caller, request, deps }: RouteContext): Promise<ApiResponse> {
  const tree = found(await store.getPlan(planId(params)));
  if (!isPlanEditor(caller.aadObjectId, tree.plan, await store.listRoles())) throw forbidden(EDITORS_ONLY);
  const fields = checkedFields(tree, parseFields(MeasureRequest, request.body, 'The measure', { code: 'InvalidMeasure' }));
  const saved = await store.saveMeasure(tree.plan.id, fields, null, deps.now().toISOString(), { actor: viewerOf(caller), source: 'tab' });
  return { status: 201, body: measureItem(saved) };
}

/** PATCH /api/measures/:measureId — a plan editor changes a measure's fields, at the version they saw (else 409). */
export async function editMeasure({ store, params, caller, request, deps }: RouteContext): Promise<ApiResponse> {
  const { measure, tree } = await loadMeasure(store, params);
  if (!isPlanEditor(caller.aadObjectId, tree.plan, await store.listRoles())) throw forbidden(EDITORS_ONLY);
  const edit = parseFields(MeasureEdit, request.body, 'The measure', { code: 'InvalidMeasure', under: 'fields' });
  const fields = checkedFields(tree, edit.fields);
  const saved = await store.saveMeasure(tree.plan.id, fields, { id: measure.id, version: edit.version }, deps.now().toISOString(), { actor: viewerOf(caller), source: 'tab' });
  return { status: 200, body: measureItem(saved) };
}

/**
 * POST /api/measures/:measureId/values — a dated reading, from a plan editor, a reviewer or a
 * lead of the measured action. A second reading on the same date replaces the first.
 */
export async function addMeasureValue({ store, params, caller, request, deps }: RouteContext): Promise<ApiResponse> {
  const { measure, tree } = await loadMeasure(store, params);
  if (!mayRecordValue(caller.aadObjectId, tree, measure, await store.listRoles())) {
    throw forbidden('Only a plan editor, a reviewer of the plan or a lead of the measured action can record its values.');
  }
  const reading = parseFields(MeasureValueRequest, request.body, 'The value', { code: 'InvalidValue' });
  if (reading.date > deps.today()) throw new ApiError(422, 'InvalidValue', 'The value cannot be saved as it is.', { date: 'A reading cannot be dated after today.' });
  const actor = viewerOf(caller);
  const value = { date: reading.date, value: reading.value, note: reading.note ?? null, by: actor, at: deps.now().toISOString() };
  return { status: 200, body: measureItem(await store.addMeasureValue(measure.id, value, { actor, source: 'tab' })) };
}

async function loadMeasure(store: PlanStore, params: Readonly<Record<string, string>>): Promise<{ measure: Measure; tree: PlanTree }> {
  const hit = await findMeasure(store, params.measureId ?? '');
  if (hit === null) throw notFound('That measure');
  return hit;
}

/** A measure for an action must name one of this plan's. */
function checkedFields(tree: PlanTree, fields: MeasureFields): MeasureFields {
  const { actionId } = fields;
  if (actionId === null || tree.recommendations.some((rec) => rec.actions.some((action) => action.id === actionId))) return fields;
  throw new ApiError(422, 'InvalidMeasure', 'The measure cannot be saved as it is.', { actionId: 'That action is not in this plan.' });
}
