import { describe, expect, it } from 'vitest';
import { conforms, TODAY, tree, update, VIEW_ROLES } from '../../test/support/view-fixtures.js';
import { buildPlanView } from './plan-view.js';
import { PlanView } from './tab-api.js';

const TREE = tree([
  { number: '1', actions: [{ id: 'a1', ref: 'a', leads: ['Head of Nursing'] }, { id: 'b1', ref: 'b', leads: ['Medical Director'] }] },
  { number: '2', actions: [{ id: 'a2', ref: 'a', leads: [] }] },
  { number: '3', actions: [] },
]);

const UPDATES = [
  update('u1', 'a1', '2025-05-01T09:00:00.000Z'),
  update('u2', 'b1', '2025-05-02T09:00:00.000Z'),
  update('u3', 'a1', '2025-05-03T09:00:00.000Z', { status: 'in-progress' }),
  update('u4', 'elsewhere', '2025-05-04T09:00:00.000Z'),
];

function view(aadObjectId: string): PlanView {
  return conforms(PlanView, buildPlanView(TREE, UPDATES, VIEW_ROLES, aadObjectId, TODAY));
}

describe('buildPlanView', () => {
  it('keeps every recommendation, empty ones too, with its actions in plan order', () => {
    const result = view('stranger');
    expect(result.recommendations.map((rec) => [rec.number, rec.actions.map((row) => row.action.id)])).toEqual([
      ['1', ['a1', 'b1']],
      ['2', ['a2']],
      ['3', []],
    ]);
    expect(result.plan).toEqual(TREE.plan);
    expect(result.today).toBe(TODAY);
  });

  it('gives each action the last of its updates (oldest come first), or null', () => {
    const rows = view('stranger').recommendations.flatMap((rec) => rec.actions);
    expect(rows.map((row) => [row.action.id, row.lastUpdate?.id ?? null])).toEqual([
      ['a1', 'u3'],
      ['b1', 'u2'],
      ['a2', null],
    ]);
  });

  it.each([
    ['the lead of 1a', 'lead-1', false, [[true, false], [false, false], [false, false]]],
    ['the deputy of 1a', 'dep-1', false, [[true, false], [false, false], [false, false]]],
    ['the lead of 1b', 'md-1', false, [[false, false], [true, false], [false, false]]],
    ['the plan owner', 'owner-1', true, [[true, true], [true, true], [true, true]]],
    ['the plan owner’s deputy', 'owner-dep', true, [[true, true], [true, true], [true, true]]],
    ['a stranger', 'stranger', false, [[false, false], [false, false], [false, false]]],
  ])('rights for %s', (_who, aadObjectId, canEdit, perAction) => {
    const result = view(aadObjectId);
    expect(result.canEdit).toBe(canEdit);
    const rights = result.recommendations.flatMap((rec) => rec.actions.map((row) => [row.rights.canUpdate, row.rights.canEdit]));
    expect(rights).toEqual(perAction);
  });
});
