import type { PlanDraft } from '../../core/model/index.js';

export function countActions(draft: PlanDraft): number {
  return draft.recommendations.reduce((sum, recommendation) => sum + recommendation.actions.length, 0);
}

/** Throws unless the import found the plan's real size: a benchmark of a broken import measures nothing. */
export function assertPlanSize(draft: PlanDraft, recommendations: number, actions: number, what: string): void {
  const found = [draft.recommendations.length, countActions(draft)] as const;
  if (found[0] !== recommendations || found[1] !== actions) {
    throw new Error(`${what}: expected ${recommendations} recommendations and ${actions} actions, the import gave ${found[0]} and ${found[1]}`);
  }
}
