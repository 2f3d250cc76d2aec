import { describe, expect, it } from 'vitest';
import { tree } from '../../test/support/view-fixtures.js';
import { closePlan, closureBlockers, reopenPlan } from './plan-closure.js';

const BY = { actor: { aadObjectId: 'owner-1', displayName: 'Olu Owner' }, source: 'tab' as const };
const MEETING = { forum: 'Quality Committee', date: '2025-06-16' };

const DONE = tree([
  { number: '1', actions: [{ id: 'a1', ref: 'a', status: 'assured' }, { id: 'a2', ref: 'b', status: 'not-applicable' }] },
  { number: '2', actions: [{ id: 'a3', ref: null, status: 'assured' }] },
]);

describe('closureBlockers', () => {
  it.each([
    ['every action assured or not applicable', DONE, []],
    ['an action still open', tree([{ number: '1', actions: [{ id: 'a1', ref: 'a', status: 'assured' }, { id: 'a2', ref: 'b', status: 'in-progress' }] }]), ['Action 1 b is in progress.']],
    ['a complete action not yet assured', tree([{ number: '2', actions: [{ id: 'a1', ref: 'c', status: 'complete' }] }]), ['Action 2 c is complete.']],
    ['an action with no status known', tree([{ number: null, actions: [{ id: 'a1', ref: null, status: 'unknown' }] }]), ['Action – has no status recorded.']],
    ['a recommendation nothing answers', tree([{ number: '3', actions: [] }]), ['Recommendation 3 has no action.']],
  ])('%s', (_what, plan, messages) => {
    expect(closureBlockers(plan).map((blocker) => blocker.message)).toEqual(messages);
  });

  it('points at each blocker by id, label and status', () => {
    const plan = tree([{ number: '1', actions: [{ id: 'a1', ref: 'a', status: 'blocked' }] }, { number: '2', actions: [] }]);
    expect(closureBlockers(plan)).toEqual([
      { kind: 'action-open', recommendationId: 'rec-1', actionId: 'a1', label: '1 a', status: 'blocked', message: 'Action 1 a is blocked.' },
      { kind: 'recommendation-without-actions', recommendationId: 'rec-2', actionId: null, label: 'Recommendation 2', status: null, message: 'Recommendation 2 has no action.' },
    ]);
  });
});

describe('closePlan', () => {
  it('closes a plan whose actions are all assured or not applicable, against the version checked', () => {
    expect(closePlan(DONE, { ...BY, meeting: MEETING })).toEqual({
      ok: true,
      patch: { status: 'closed' },
      expectedVersion: 1,
      by: { ...BY, meeting: MEETING, summary: 'Plan closed at Quality Committee on 16 Jun 2025: all 3 actions are assured or not applicable.' },
    });
  });

  it('lists what stands in the way instead', () => {
    const plan = tree([{ number: '1', actions: [{ id: 'a1', ref: 'a', status: 'complete' }, { id: 'a2', ref: 'b', status: 'assured' }, { id: 'a3', ref: 'c', status: 'in-progress' }] }]);
    const result = closePlan(plan, BY);
    expect(result.ok ? [] : [result.errors, result.blockers.map((blocker) => blocker.label)]).toEqual([{ plan: 'The plan cannot close yet: 2 things stand in the way.' }, ['1 a', '1 c']]);
  });

  it.each([
    ['already closed', tree([{ number: '1', actions: [{ id: 'a1', status: 'assured' }] }], { status: 'closed' }), 'The plan is already closed.'],
    ['with one blocker', tree([{ number: '1', actions: [{ id: 'a1', status: 'blocked' }] }]), 'The plan cannot close yet: one thing stands in the way.'],
  ])('refuses a plan %s', (_what, plan, message) => {
    expect(closePlan(plan, BY)).toMatchObject({ ok: false, errors: { plan: message } });
  });

  it('says "its action" for a plan of one', () => {
    const result = closePlan(tree([{ number: '1', actions: [{ id: 'a1', status: 'assured' }] }]), { ...BY, source: 'cli' });
    expect(result.ok && result.by.summary).toBe('Plan closed: its action is assured or not applicable.');
  });
});

describe('reopenPlan', () => {
  const closed = { status: 'closed' as const, version: 7 };

  it('reopens a closed plan with the reason, recorded', () => {
    expect(reopenPlan(closed, '  A similar incident in May  ', { ...BY, meeting: MEETING })).toEqual({
      ok: true,
      patch: { status: 'active' },
      expectedVersion: 7,
      by: { ...BY, meeting: MEETING, summary: 'Plan reopened at Quality Committee on 16 Jun 2025: A similar incident in May' },
    });
  });

  it.each([
    ['no reason', closed, undefined, { reason: 'Give the reason for reopening the plan.' }],
    ['a blank reason', closed, '   ', { reason: 'Give the reason for reopening the plan.' }],
    ['an oversized reason', closed, 'x'.repeat(501), { reason: 'The reason is too long (at most 500 characters).' }],
    ['a plan that is not closed', { status: 'active' as const, version: 2 }, 'Because', { plan: 'The plan is not closed.' }],
    ['both wrong', { status: 'draft' as const, version: 2 }, '', { plan: 'The plan is not closed.', reason: 'Give the reason for reopening the plan.' }],
  ])('refuses %s', (_what, plan, reason, errors) => {
    expect(reopenPlan(plan, reason, BY)).toEqual({ ok: false, errors, blockers: [] });
  });
});
