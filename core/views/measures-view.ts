import { reviewerRight } from '../assurance/lifecycle.js';
import { measureStatus, outcomeSummary } from '../assurance/measure-status.js';
import type { Measure, PlanTree, Role } from '../model/index.js';
import { isLeadOrDeputy } from '../updates/permissions.js';
import { isPlanEditor } from './rights.js';
import type { MeasureItem, MeasuresView } from './tab-api.js';

export function measureItem(measure: Measure): MeasureItem {
  return { measure, status: measureStatus(measure) };
}

/**
 * A plan's measures with where each stands and the headline count. `canRecord` is the plan-wide
 * right (editors and reviewers, for every measure); a lead may also record values for their own
 * action's measures, which the tab knows from that action's `rights.canUpdate`.
 */
export function buildMeasuresView(tree: PlanTree, measures: readonly Measure[], roles: readonly Role[], viewer: string): MeasuresView {
  const items = measures.filter((measure) => measure.planId === tree.plan.id).map(measureItem);
  return {
    planId: tree.plan.id,
    items,
    outcomes: outcomeSummary(items.map((item) => item.status)),
    canEdit: isPlanEditor(viewer, tree.plan, roles),
    canRecord: reviewerRight(viewer, tree.plan, roles) !== null,
  };
}

/** May record a value for this measure: an editor or reviewer of the plan, or a lead or deputy of the measured action. */
export function mayRecordValue(viewer: string, tree: PlanTree, measure: Pick<Measure, 'actionId'>, roles: readonly Role[]): boolean {
  if (reviewerRight(viewer, tree.plan, roles) !== null) return true;
  if (measure.actionId === null) return false;
  const action = tree.recommendations.flatMap((rec) => rec.actions).find((candidate) => candidate.id === measure.actionId);
  return action !== undefined && isLeadOrDeputy(viewer, action, roles);
}
