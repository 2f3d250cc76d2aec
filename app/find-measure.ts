import type { Measure, PlanTree } from '../core/model/index.js';
import type { PlanStore } from '../store/plan-store.js';

export interface FoundMeasure {
  measure: Measure;
  tree: PlanTree;
}

/**
 * A measure by its id, with its plan. The port lists measures per plan only, so this looks
 * through the plans in turn (a trust has tens of plans, not thousands); a `getMeasure` on the
 * port would make it one read. Null: no plan holds it.
 */
export async function findMeasure(store: PlanStore, measureId: string): Promise<FoundMeasure | null> {
  for (const summary of await store.listPlans()) {
    const measure = (await store.listMeasures(summary.id)).find((candidate) => candidate.id === measureId);
    if (measure === undefined) continue;
    const tree = await store.getPlan(summary.id);
    return tree === null ? null : { measure, tree };
  }
  return null;
}
