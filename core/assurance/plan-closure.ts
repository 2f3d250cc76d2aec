import { z } from 'zod';
import type { ActionStatus, Actor, ChangedBy, ChangeSource, Plan, PlanFields, PlanTree } from '../model/index.js';
import type { Meeting } from '../model/index.js';
import { actionLabel } from '../plan/summarise-plan.js';
import { statusPhrase, ukDate } from '../views/labels.js';

/** What keeps a plan open: an action not yet assured or not applicable, or a recommendation nothing answers. */
export interface ClosureBlocker {
  kind: 'action-open' | 'recommendation-without-actions';
  recommendationId: string;
  actionId: string | null;
  /** "2 b" for an action, "Recommendation 2" for a recommendation. */
  label: string;
  status: ActionStatus | null;
  /** "Action 2 b is in progress." */
  message: string;
}

export type PlanClosureErrors = Partial<Record<'plan' | 'reason', string>>;

export type PlanStatusChange =
  | {
      ok: true;
      patch: Pick<Partial<PlanFields>, 'status'>;
      /** The plan's version as checked: `updatePlanFields` refuses the change if it moved on. */
      expectedVersion: number;
      by: ChangedBy;
    }
  | { ok: false; errors: PlanClosureErrors; blockers: ClosureBlocker[] };

/** Who is changing the plan's status, from where, and at which meeting. The caller checks they edit the plan. */
export interface PlanStatusBy {
  actor: Actor;
  source: ChangeSource;
  meeting?: Meeting | null;
}

const DONE: readonly ActionStatus[] = ['assured', 'not-applicable'];

/**
 * What stands between the plan and closing, in plan order: every action must be assured or
 * explicitly not applicable, and every recommendation must have been carried into an action
 * (seed 003: recommendations never turned into actions).
 */
export function closureBlockers(tree: PlanTree): ClosureBlocker[] {
  return tree.recommendations.flatMap((rec): ClosureBlocker[] => {
    if (rec.actions.length === 0) {
      const label = rec.number === null ? 'Recommendation (unnumbered)' : `Recommendation ${rec.number}`;
      return [{ kind: 'recommendation-without-actions', recommendationId: rec.id, actionId: null, label, status: null, message: `${label} has no action.` }];
    }
    return rec.actions
      .filter((action) => !DONE.includes(action.status))
      .map((action) => {
        const label = actionLabel(rec, action);
        const message = `Action ${label} ${statusPhrase(action.status)}.`;
        return { kind: 'action-open' as const, recommendationId: rec.id, actionId: action.id, label, status: action.status, message };
      });
  });
}

/** Closing a plan: only when nothing stands in the way (listed otherwise, with their labels). */
export function closePlan(tree: PlanTree, by: PlanStatusBy): PlanStatusChange {
  const { plan } = tree;
  if (plan.status === 'closed') return { ok: false, errors: { plan: 'The plan is already closed.' }, blockers: [] };
  const blockers = closureBlockers(tree);
  if (blockers.length > 0) {
    const count = blockers.length === 1 ? 'one thing stands' : `${String(blockers.length)} things stand`;
    return { ok: false, errors: { plan: `The plan cannot close yet: ${count} in the way.` }, blockers };
  }
  const actions = tree.recommendations.reduce((n, rec) => n + rec.actions.length, 0);
  const summary = `Plan closed${where(by.meeting ?? null)}: ${actions === 1 ? 'its action is' : `all ${String(actions)} actions are`} assured or not applicable.`;
  return { ok: true, patch: { status: 'closed' }, expectedVersion: plan.version, by: changedBy(by, summary) };
}

const Reason = z.preprocess((value) => (typeof value === 'string' ? value.trim() : value), z.string().min(1).max(500));

/** Reopening a closed plan: recorded, with the reason it is needed. It becomes active again. */
export function reopenPlan(plan: Pick<Plan, 'status' | 'version'>, reason: unknown, by: PlanStatusBy): PlanStatusChange {
  const errors: PlanClosureErrors = {};
  if (plan.status !== 'closed') errors.plan = 'The plan is not closed.';
  const read = Reason.safeParse(reason);
  if (!read.success) errors.reason = typeof reason === 'string' && reason.trim().length > 500 ? 'The reason is too long (at most 500 characters).' : 'Give the reason for reopening the plan.';
  if (!read.success || errors.plan !== undefined) return { ok: false, errors, blockers: [] };
  return { ok: true, patch: { status: 'active' }, expectedVersion: plan.version, by: changedBy(by, `Plan reopened${where(by.meeting ?? null)}: ${read.data}`) };
}

function changedBy(by: PlanStatusBy, summary: string): ChangedBy {
  return { actor: by.actor, source: by.source, meeting: by.meeting ?? null, summary };
}

function where(meeting: Meeting | null): string {
  return meeting === null ? '' : ` at ${meeting.forum} on ${ukDate(meeting.date)}`;
}
