import { describe, expect, it } from 'vitest';
import { type Action, AuditEntry, Recommendation } from '../model/index.js';
import { conforms, TODAY, tree, update, VIEW_ROLES } from '../../test/support/view-fixtures.js';
import { buildActionDetail } from './action-detail.js';
import { ActionDetail } from './tab-api.js';

function contextOf(over: Partial<Action> = {}) {
  const planTree = tree([{ number: '4', organisation: 'Westmere ICB', actions: [{ id: 'a4', ref: 'c', leads: ['Head of Nursing'], ...over }] }], { reviewers: ['Medical Director'] });
  const [first] = planTree.recommendations;
  if (!first?.actions[0]) throw new Error('fixture has no action');
  // The schema drops the tree's `actions`: a context holds the bare recommendation.
  return { plan: planTree.plan, recommendation: Recommendation.parse(first), action: first.actions[0] };
}

const CONTEXT = contextOf();

const UPDATES = [
  update('u1', 'a4', '2025-05-01T09:00:00.000Z'),
  update('u2', 'other', '2025-05-02T09:00:00.000Z'),
  update('u3', 'a4', '2025-05-03T09:00:00.000Z', { status: 'blocked' }),
];

const entry = (id: string, entityId: string, over: Record<string, unknown> = {}): AuditEntry =>
  AuditEntry.parse({
    id, planId: 'plan-1', entity: 'action', entityId, at: '2025-05-03T09:00:00.000Z', actor: { aadObjectId: 'lead-1', displayName: 'Name of lead-1' }, source: 'card',
    changes: [{ field: 'status', from: 'in-progress', to: 'blocked' }], ...over,
  });

const AUDIT = [entry('e1', 'a4'), entry('e2', 'other'), entry('e3', 'plan-1', { entity: 'plan' }), entry('e4', 'a4', { source: 'tab', changes: [{ field: 'rag', from: 'amber', to: 'red' }] })];

function detail(aadObjectId: string, context = CONTEXT, updates = UPDATES, audit = AUDIT): ActionDetail {
  return conforms(ActionDetail, buildActionDetail({ context, updates, audit, roles: VIEW_ROLES, viewer: { aadObjectId, displayName: null }, today: TODAY }));
}

describe('buildActionDetail', () => {
  it('shows the plan’s headline, the recommendation, the action and today', () => {
    const result = detail('stranger');
    expect(result.plan).toEqual({ id: 'plan-1', title: 'Review of care', references: ['StEIS 2025/101'], owner: 'Director of Quality', status: 'active' });
    expect(result.recommendation).toEqual(CONTEXT.recommendation);
    expect(result.action).toEqual(CONTEXT.action);
    expect(result.today).toBe(TODAY);
  });

  it('lists only this action’s updates and trail, oldest first as given', () => {
    const result = detail('stranger');
    expect(result.updates.map((u) => u.id)).toEqual(['u1', 'u3']);
    expect(result.history.map((e) => e.id)).toEqual(['e1', 'e4']);
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

describe('the decisions offered', () => {
  const complete = contextOf({ status: 'complete', evidence: 'Audit report, June 2025' });
  const completedBy = (aadObjectId: string) => [update('c1', 'a4', '2025-05-04T09:00:00.000Z', { status: 'complete', evidence: 'Audit report, June 2025', author: { aadObjectId, displayName: null } })];
  const offers = (viewer: string, context = complete, updates = completedBy('lead-1')) => detail(viewer, context, updates, []).decisions;

  it.each([
    ['an editor: every decision the status allows', 'owner-1', [['assure', null], ['return', null], ['not-applicable', null]]],
    ['an editor’s deputy, the same', 'owner-dep', [['assure', null], ['return', null], ['not-applicable', null]]],
    ['a reviewer: assure and return, not the editor’s decision', 'md-1', [['assure', null], ['return', null]]],
    ['the action’s lead: nothing to decide', 'lead-1', []],
    ['a stranger: nothing', 'stranger', []],
  ])('%s', (_who, viewer, expected) => {
    expect(offers(viewer).map((offer) => [offer.decision, offer.refusal])).toEqual(expected);
  });

  it('refuses assurance, with the lifecycle’s reason, to whoever recorded the completion', () => {
    const [assure, ...rest] = offers('md-1', complete, completedBy('md-1'));
    expect(assure).toEqual({ decision: 'assure', refusal: 'You recorded this action as complete; another reviewer must assure it.' });
    expect(rest).toEqual([{ decision: 'return', refusal: null }]);
  });

  it('refuses assurance without evidence, and offers only what the status allows', () => {
    expect(offers('owner-1', contextOf({ status: 'complete', evidence: null }))[0]?.refusal).toBe('No evidence is recorded; it cannot be assured without it.');
    expect(offers('owner-1', contextOf({ status: 'in-progress' })).map((offer) => offer.decision)).toEqual(['not-applicable']);
    expect(offers('md-1', contextOf({ status: 'in-progress' }))).toEqual([]);
    expect(offers('md-1', contextOf({ status: 'assured', evidence: 'Seen' })).map((offer) => offer.decision)).toEqual(['reopen']);
  });
});
