import type { MeasureFields, PlanDraft } from '../model/index.js';

/**
 * What both stores write into the audit trail when a caller gives no words of its own: kept here
 * so SQLite and SharePoint cannot drift apart (they had — "Plan imported: …" beside "Plan
 * created by import").
 */
export function importSummary(draft: Pick<PlanDraft, 'recommendations'>, replaced: boolean): string {
  const actions = draft.recommendations.reduce((sum, recommendation) => sum + recommendation.actions.length, 0);
  const counts = `${count(draft.recommendations.length, 'recommendation')}, ${count(actions, 'action')}`;
  return replaced ? `Plan replaced by a new import: ${counts}.` : `Plan imported: ${counts}.`;
}

/** A measure's own fields, the ones an edit is audited on (values are audited one by one as they are added). */
export const MEASURE_FIELD_NAMES = ['name', 'unit', 'target', 'direction', 'actionId'] as const satisfies readonly (keyof MeasureFields)[];

function count(n: number, noun: string): string {
  return `${String(n)} ${noun}${n === 1 ? '' : 's'}`;
}
