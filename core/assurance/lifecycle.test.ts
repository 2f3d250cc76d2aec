import { describe, expect, it } from 'vitest';
import { ActionStatus } from '../model/index.js';
import { VIEW_ROLES } from '../../test/support/view-fixtures.js';
import { decisionsFrom, LIFECYCLE, mayDecide, progressChangeRefusal, reviewerRight, statusEditRefusal } from './lifecycle.js';

// VIEW_ROLES: Head of Nursing (lead-1, deputy dep-1), Director of Quality (owner-1, deputy owner-dep), Medical Director (md-1).
const PLAN = { owner: 'Director of Quality', reviewers: ['Medical Director'] };

describe('the lifecycle table', () => {
  it.each([
    ['not-started', ['not-applicable']],
    ['in-progress', ['not-applicable']],
    ['blocked', ['not-applicable']],
    ['unknown', ['not-applicable']],
    ['complete', ['assure', 'return', 'not-applicable']],
    ['assured', ['reopen']],
    ['not-applicable', ['reinstate']],
  ] as const)('from %s the decisions open are %j', (status, decisions) => {
    expect(decisionsFrom(status)).toEqual(decisions);
  });

  it('names each decision once, and every one that is not assurance needs a reason', () => {
    expect(new Set(LIFECYCLE.map((row) => row.decision)).size).toBe(LIFECYCLE.length);
    expect(LIFECYCLE.filter((row) => !row.reasonRequired).map((row) => row.decision)).toEqual(['assure']);
  });

  it('sends returned, reopened and reinstated actions back to the lead, in progress', () => {
    const back = LIFECYCLE.filter((row) => row.backToLead);
    expect(back.map((row) => [row.decision, row.to, row.outcome])).toEqual([
      ['return', 'in-progress', 'returned'],
      ['reopen', 'in-progress', 'returned'],
      ['reinstate', 'in-progress', 'returned'],
    ]);
  });
});

describe('reviewerRight', () => {
  it.each([
    ['the plan owner (editor)', 'owner-1', PLAN, 'editor'],
    ['the owner’s deputy (editor)', 'owner-dep', PLAN, 'editor'],
    ['a holder of a reviewer role', 'md-1', PLAN, 'reviewer'],
    ['a lead, who is no reviewer', 'lead-1', PLAN, null],
    ['a lead’s deputy', 'dep-1', PLAN, null],
    ['a stranger', 'stranger', PLAN, null],
    ['the reviewer role’s holder when the plan names no reviewers', 'md-1', { owner: 'Director of Quality', reviewers: [] }, null],
    ['a lead whose role is also a reviewer role', 'lead-1', { owner: null, reviewers: ['head of nursing'] }, 'reviewer'],
  ] as const)('%s → %s', (_who, aadObjectId, plan, expected) => {
    expect(reviewerRight(aadObjectId, { ...plan, reviewers: [...plan.reviewers] }, VIEW_ROLES)).toBe(expected);
  });

  it.each([
    ['editor', 'reviewer', true],
    ['editor', 'editor', true],
    ['reviewer', 'reviewer', true],
    ['reviewer', 'editor', false],
    [null, 'reviewer', false],
  ] as const)('a %s may take a %s decision: %s', (right, who, expected) => {
    expect(mayDecide(right, who)).toBe(expected);
  });
});

describe('progressChangeRefusal: what a lead’s update may do to the status', () => {
  const LEAD_STATUSES = ['not-started', 'in-progress', 'blocked', 'complete'] as const;
  const OPEN = ['not-started', 'in-progress', 'blocked', 'complete', 'unknown'] as const;

  it.each(OPEN.flatMap((from) => LEAD_STATUSES.map((to) => [from, to] as const)))('%s → %s is allowed', (from, to) => {
    expect(progressChangeRefusal(from, to)).toBeNull();
  });

  it.each(OPEN.flatMap((from) => (['assured', 'not-applicable'] as const).map((to) => [from, to] as const)))('%s → %s is refused (governance sets it)', (from, to) => {
    expect(progressChangeRefusal(from, to)).toMatch(/decided by a reviewer/);
  });

  it.each(ActionStatus.options.map((to) => [to]))('an assured action cannot be moved to %s by an update', (to) => {
    expect(progressChangeRefusal('assured', to)).toMatch(/assured; a reviewer must reopen it/);
  });

  it.each(ActionStatus.options.map((to) => [to]))('a not-applicable action cannot be moved to %s by an update', (to) => {
    expect(progressChangeRefusal('not-applicable', to)).toMatch(/not applicable; a plan editor must reinstate it/);
  });

  it('refuses an update of an assured action even when the status asked for cannot be read', () => {
    expect([progressChangeRefusal('assured'), progressChangeRefusal('in-progress')]).toEqual([expect.stringMatching(/reopen/), null]);
  });
});

describe('statusEditRefusal: an editor’s direct edit', () => {
  it.each([
    ['in-progress', 'blocked', false],
    ['unknown', 'complete', false],
    ['complete', 'complete', false],
    ['complete', 'assured', true],
    ['in-progress', 'not-applicable', true],
    ['assured', 'in-progress', true],
    ['not-applicable', 'not-started', true],
  ] as const)('%s → %s refused: %s', (from, to, refused) => {
    expect(statusEditRefusal(from, to) !== null).toBe(refused);
  });
});
