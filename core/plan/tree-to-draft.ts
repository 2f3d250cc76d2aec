import type { PlanDraft, PlanTree, Update } from '../model/index.js';

/**
 * A stored plan in the import shape, so that `export --json` imports back as the same plan.
 * Progress is the plan's updates, oldest first, as one text.
 */
export function treeToDraft(tree: PlanTree, updatesByAction: ReadonlyMap<string, readonly Update[]>): PlanDraft {
  const { id: _id, version: _version, createdAt: _created, updatedAt: _updated, contentKey: _key, ...plan } = tree.plan;
  return {
    plan,
    recommendations: tree.recommendations.map((rec) => ({
      number: rec.number,
      text: rec.text,
      organisation: rec.organisation,
      finding: rec.finding,
      flags: rec.flags,
      actions: rec.actions.map((action) => {
        const { id: _a, planId: _p, recommendationId: _r, position: _pos, version: _v, createdAt: _c, updatedAt: _u, ...fields } = action;
        const notes = (updatesByAction.get(action.id) ?? []).map((update) => update.note).filter((note) => note !== '');
        return { ...fields, progress: notes.length > 0 ? notes.join('\n\n') : null };
      }),
    })),
    warnings: [],
    discarded: [],
  };
}
