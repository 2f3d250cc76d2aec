import { ActionFields, type PlanDraft, PlanFields, RecommendationFields, type PlanTree, type Update } from '../model/index.js';

/**
 * A stored plan in the import shape, so that `export --json` imports back as the same plan.
 * Parsing with the field schemas keeps exactly the plan's own fields (ids, versions and
 * timestamps belong to the store). Progress is the action's updates, oldest first, as one text.
 */
export function treeToDraft(tree: PlanTree, updatesByAction: ReadonlyMap<string, readonly Update[]>): PlanDraft {
  return {
    plan: PlanFields.parse(tree.plan),
    recommendations: tree.recommendations.map((rec) => ({
      ...RecommendationFields.parse(rec),
      actions: rec.actions.map((action) => {
        const notes = (updatesByAction.get(action.id) ?? []).map((update) => update.note).filter((note) => note !== '');
        return { ...ActionFields.parse(action), progress: notes.length > 0 ? notes.join('\n\n') : null };
      }),
    })),
    warnings: [],
    discarded: [],
  };
}
