import { describe, expect, it } from 'vitest';
import { Recommendation } from '../model/index.js';
import { conforms, TODAY, tree, update, VIEW_ROLES } from '../../test/support/view-fixtures.js';
import { buildActionDetail } from './action-detail.js';
import { ActionDetail } from './tab-api.js';

const TREE = tree([{ number: '4', organisation: 'Westmere ICB', actions: [{ id: 'a4', ref: 'c', leads: ['Head of Nursing'] }] }]);
const [FIRST] = TREE.recommendations;
if (!FIRST?.actions[0]) throw new Error('fixture has no action');
// The schema drops the tree's `actions`: a context holds the bare recommendation.
const RECOMMENDATION = Recommendation.parse(FIRST);
const CONTEXT = { plan: TREE.plan, recommendation: RECOMMENDATION, action: FIRST.actions[0] };

const UPDATES = [
  update('u1', 'a4', '2025-05-01T09:00:00.000Z'),
  update('u2', 'other', '2025-05-02T09:00:00.000Z'),
  update('u3', 'a4', '2025-05-03T09:00:00.000Z', { status: 'blocked' }),
];

function detail(aadObjectId: string): ActionDetail {
  return conforms(ActionDetail, buildActionDetail(CONTEXT, UPDATES, VIEW_ROLES, aadObjectId, TODAY));
}

describe('buildActionDetail', () => {
  it('shows the plan’s headline, the recommendation, the action and today', () => {
    const result = detail('stranger');
    expect(result.plan).toEqual({ id: 'plan-1', title: 'Review of care', references: ['StEIS 2025/101'], owner: 'Director of Quality', status: 'active' });
    expect(result.recommendation).toEqual(RECOMMENDATION);
    expect(result.action).toEqual(CONTEXT.action);
    expect(result.today).toBe(TODAY);
  });

  it('lists only this action’s updates, oldest first as given', () => {
    expect(detail('stranger').updates.map((u) => u.id)).toEqual(['u1', 'u3']);
  });

  it.each([
    ['lead-1', { canUpdate: true, canEdit: false }],
    ['dep-1', { canUpdate: true, canEdit: false }],
    ['owner-1', { canUpdate: true, canEdit: true }],
    ['owner-dep', { canUpdate: true, canEdit: true }],
    ['md-1', { canUpdate: false, canEdit: false }],
    ['stranger', { canUpdate: false, canEdit: false }],
  ])('rights for %s', (aadObjectId, rights) => {
    expect(detail(aadObjectId).rights).toEqual(rights);
  });
});
