import { type ActionStatus, PlanDraft } from '../../core/model/index.js';

/** What one generated action is: its due date (YYYY-MM-DD, or null for undated) and status. */
export interface SyntheticAction {
  due: string | null;
  status: ActionStatus;
}

export interface SyntheticPlanOptions {
  title: string;
  recommendations: number;
  actionsPerRecommendation: number;
  /** The action at this index of the plan (0-based, in order); an undated, in-progress action by default. */
  action?: (index: number) => SyntheticAction;
}

/**
 * A plan draft of a given size, built directly (no importer): what the store cases save. Plain
 * text, one lead per action, no progress (so no import updates), deterministic.
 */
export function syntheticDraft(options: SyntheticPlanOptions): PlanDraft {
  const describe = options.action ?? ((): SyntheticAction => ({ due: null, status: 'in-progress' }));
  let index = 0;
  const recommendations = Array.from({ length: options.recommendations }, (_, r) => ({
    number: String(r + 1),
    text: `The Trust should review ${options.title.toLowerCase()} area ${String(r + 1)} and report to the Quality and Safety Committee.`,
    organisation: null,
    finding: null,
    actions: Array.from({ length: options.actionsPerRecommendation }, (_unused, a) => {
      const { due, status } = describe(index);
      index += 1;
      return {
        ref: String.fromCharCode(97 + (a % 26)),
        text: `Audit compliance for area ${String(r + 1)}, part ${String(a + 1)}, and share the learning.`,
        leads: ['Deputy Director of Nursing'],
        due: due === null ? null : { text: due, date: due, precision: 'day' },
        status,
        rag: null,
      };
    }),
  }));
  return PlanDraft.parse({ plan: { title: options.title, references: [`BENCH/${options.title}`], status: 'active' }, recommendations });
}

/** The day `days` after `start` (both YYYY-MM-DD). */
export function addDays(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
