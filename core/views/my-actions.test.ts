import { describe, expect, it } from 'vitest';
import type { Action, Plan, Recommendation, Update } from '../model/index.js';
import { storedAction } from '../../test/support/stored-action.js';
import { conforms, dueOn, plan, revisedTo, TODAY, update } from '../../test/support/view-fixtures.js';
import { buildMyActions, type MyActionEntry } from './my-actions.js';
import { MyActions } from './tab-api.js';

const PLAN_A = plan({ id: 'plan-a', title: 'A review' });
const PLAN_B = plan({ id: 'plan-b', title: 'B review', owner: null });

function recommendation(owner: Plan, number: string | null): Recommendation {
  return { id: `${owner.id}-rec-${number ?? 'none'}`, planId: owner.id, position: 0, number, text: `Recommendation ${number ?? ''}`, organisation: 'Westmere ICB', finding: 'Handover gaps', flags: ['checked'] };
}

function entry(id: string, owner: Plan, number: string | null, fields: Partial<Action>, lastUpdate: Update | null = null): MyActionEntry {
  const rec = recommendation(owner, number);
  return { plan: owner, recommendation: rec, action: storedAction({ id, planId: owner.id, recommendationId: rec.id, ...fields }), lastUpdate };
}

function order(entries: MyActionEntry[]): string[] {
  return conforms(MyActions, buildMyActions(entries, TODAY)).items.map((item) => item.action.id);
}

describe('buildMyActions', () => {
  it.each([
    ['soonest effective due first, revisions counted', [
      entry('later', PLAN_A, '1', dueOn('2025-07-01')),
      entry('revised', PLAN_A, '1', { ...dueOn('2025-08-31'), ...revisedTo('2025-06-20') }),
      entry('overdue', PLAN_A, '1', dueOn('2025-05-01')),
    ], ['overdue', 'revised', 'later']],
    ['undated last', [
      entry('undated', PLAN_A, '1', dueOn(null, 'Ongoing')),
      entry('no-due', PLAN_A, '1', { due: null }),
      entry('dated', PLAN_B, '9', dueOn('2026-12-31')),
    ], ['dated', 'undated', 'no-due']],
    ['undated last, wherever they start', [
      entry('soon', PLAN_A, '1', dueOn('2025-06-20')),
      entry('undated', PLAN_A, '1', { due: null }),
      entry('late', PLAN_A, '1', dueOn('2025-12-31')),
    ], ['soon', 'late', 'undated']],
    ['same date: by plan title', [
      entry('in-b', PLAN_B, '1', dueOn('2025-07-01')),
      entry('in-a', PLAN_A, '1', dueOn('2025-07-01')),
    ], ['in-a', 'in-b']],
    ['same plan and date: by recommendation number, as numbers', [
      entry('rec-10', PLAN_A, '10', dueOn('2025-07-01')),
      entry('rec-2', PLAN_A, '2', dueOn('2025-07-01')),
    ], ['rec-2', 'rec-10']],
    ['same recommendation and date: by action ref', [
      entry('ref-b', PLAN_A, '1', { ref: 'b', ...dueOn('2025-07-01') }),
      entry('ref-a', PLAN_A, '1', { ref: 'a', ...dueOn('2025-07-01') }),
    ], ['ref-a', 'ref-b']],
    ['undated ones among themselves: by plan title', [
      entry('undated-b', PLAN_B, '1', { due: null }),
      entry('undated-a', PLAN_A, '1', { due: null }),
    ], ['undated-a', 'undated-b']],
    ['closed actions left out', [
      entry('done', PLAN_A, '1', { status: 'complete', ...dueOn('2025-05-01') }),
      entry('assured', PLAN_A, '1', { status: 'assured', ...dueOn('2025-05-01') }),
      entry('dropped', PLAN_A, '1', { status: 'not-applicable', ...dueOn('2025-05-01') }),
      entry('open', PLAN_A, '1', { status: 'blocked', ...dueOn('2025-09-01') }),
    ], ['open']],
  ])('%s', (_case, entries, expected) => {
    expect(order(entries)).toEqual(expected);
  });

  it('gives the plan’s headline, the recommendation’s picked fields and the last update', () => {
    const last = update('u9', 'mine', '2025-06-01T09:00:00.000Z', { planId: 'plan-b' });
    const result = conforms(MyActions, buildMyActions([entry('mine', PLAN_B, '3', dueOn('2025-07-01'), last)], TODAY));
    expect(result.today).toBe(TODAY);
    expect(result.items).toEqual([
      {
        plan: { id: 'plan-b', title: 'B review', references: ['StEIS 2025/101'], owner: null, status: 'active' },
        recommendation: { id: 'plan-b-rec-3', number: '3', text: 'Recommendation 3', organisation: 'Westmere ICB' },
        action: expect.objectContaining({ id: 'mine', planId: 'plan-b' }) as unknown,
        lastUpdate: last,
      },
    ]);
  });

  it('is empty when the caller leads nothing', () => {
    expect(conforms(MyActions, buildMyActions([], TODAY))).toEqual({ today: TODAY, items: [] });
  });
});
