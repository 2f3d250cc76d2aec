import { expect } from 'vitest';
import type { z } from 'zod';
import { type Action, Plan, PlanTree, type Role, roleKey, Update } from '../../core/model/index.js';
import { storedAction } from './stored-action.js';

/** Small plans for the tab's view builders, built through the model's own schemas. */

/** A Monday; due dates in the view tests are counted from it. */
export const TODAY = '2025-06-16';

function role(name: string, holders: string[], deputies: string[] = []): Role {
  const person = (id: string) => ({ aadObjectId: id, displayName: `Name of ${id}` });
  return { id: `role-${roleKey(name)}`, name, key: roleKey(name), holders: holders.map(person), deputies: deputies.map(person) };
}

/** lead-1 holds two roles; the plan owner's role has a deputy of its own. */
export const VIEW_ROLES: Role[] = [
  role('Head of Nursing', ['lead-1'], ['dep-1']),
  role('Director of Quality', ['owner-1'], ['owner-dep']),
  role('Medical Director', ['md-1']),
  role('Ward Manager', ['lead-1']),
];

export function plan(over: Partial<z.input<typeof Plan>> = {}): Plan {
  return Plan.parse({
    id: 'plan-1', title: 'Review of care', references: ['StEIS 2025/101'], owner: 'Director of Quality',
    version: 1, createdAt: '2025-01-06T09:00:00.000Z', updatedAt: '2025-05-20T09:00:00.000Z', contentKey: null,
    ...over,
  });
}

/** An action under test: its id, and only the fields the test is about. */
export type ActionSpec = Partial<Action> & Pick<Action, 'id'>;

export interface RecommendationSpec {
  number: string | null;
  organisation?: string | null;
  actions: ActionSpec[];
}

/** A due date as a plan might write it, planned against `date`. */
export function dueOn(date: string | null, text = date ?? 'TBC'): Pick<Action, 'due'> {
  return { due: { text, date, precision: date === null ? 'none' : 'day' } };
}

/** A revision moving an action's due date. */
export function revisedTo(date: string): Pick<Action, 'revisions'> {
  return { revisions: [{ date, reason: 'Waiting on the audit team', at: '2025-05-01T10:00:00.000Z', by: null }] };
}

/** A tree whose ids and positions agree: recommendation `rec-<n>` holds its actions in the order given. */
export function tree(recs: RecommendationSpec[], planOver: Partial<z.input<typeof Plan>> = {}): PlanTree {
  const owner = plan(planOver);
  return PlanTree.parse({
    plan: owner,
    recommendations: recs.map((rec, position) => {
      const id = `rec-${String(position + 1)}`;
      return {
        id, planId: owner.id, position, number: rec.number, text: `Recommendation ${rec.number ?? 'unnumbered'}`,
        organisation: rec.organisation ?? null, finding: null, flags: [],
        actions: rec.actions.map((spec, index) => storedAction({ planId: owner.id, recommendationId: id, position: index, ...spec })),
      };
    }),
  });
}

/** The plan's actions in plan order. */
export function actionsOf(planTree: PlanTree): Action[] {
  return planTree.recommendations.flatMap((rec) => rec.actions);
}

export function update(id: string, actionId: string, at: string, over: Partial<z.input<typeof Update>> = {}): Update {
  return Update.parse({
    id, actionId, planId: 'plan-1', at, author: { aadObjectId: 'lead-1', displayName: 'Name of lead-1' }, source: 'card', note: `Note ${id}`,
    ...over,
  });
}

/** Parses `value` with its contract schema and insists nothing was added, dropped or defaulted. */
export function conforms<T>(schema: z.ZodType<T>, value: T): T {
  expect(schema.parse(value)).toEqual(value);
  return value;
}
