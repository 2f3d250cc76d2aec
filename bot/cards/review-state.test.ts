import { describe, expect, it } from 'vitest';
import type { ActionStatus } from '../../core/model/index.js';
import { decidedBy, type ReviewSeen, reviewState, stateLine, takesUpdates } from './review-state.js';

const seen = (outcome: ReviewSeen['outcome'], over: Partial<ReviewSeen> = {}): ReviewSeen => ({ outcome, reason: 'Evidence covers one ward only.', by: 'Dr Rao', on: '2025-09-16', forum: 'Quality Committee', ...over });

describe('reviewState', () => {
  it.each<[ActionStatus, ReviewSeen | null, string, boolean, string | null]>([
    ['not-started', null, 'open', true, null],
    ['in-progress', null, 'open', true, null],
    ['blocked', seen('returned'), 'returned', true, 'Returned at review: Evidence covers one ward only.'],
    ['in-progress', seen('returned'), 'returned', true, 'Returned at review: Evidence covers one ward only.'],
    // An editor's edit may leave an older outcome behind: only a return speaks for an open action.
    ['in-progress', seen('assured'), 'open', true, null],
    ['complete', null, 'awaiting-assurance', true, 'Awaiting assurance'],
    ['complete', seen('returned'), 'awaiting-assurance', true, 'Awaiting assurance'],
    ['assured', seen('assured', { reason: null }), 'assured', false, 'Assured by Dr Rao on 16 Sep 2025 at Quality Committee'],
    ['assured', null, 'assured', false, 'Assured'],
    ['assured', seen('returned'), 'assured', false, 'Assured'],
    ['not-applicable', seen('not-applicable', { reason: 'Service decommissioned.' }), 'not-applicable', false, 'Not applicable: Service decommissioned.'],
    ['not-applicable', null, 'not-applicable', false, 'Not applicable'],
  ])('%s with %j: %s', (status, review, kind, updates, line) => {
    const state = reviewState(status, review);
    expect(state.kind).toBe(kind);
    expect(takesUpdates(state)).toBe(updates);
    expect(stateLine(state)).toBe(line);
  });

  it.each<[Partial<ReviewSeen>, string]>([
    [{}, 'by Dr Rao on 16 Sep 2025 at Quality Committee'],
    [{ forum: null }, 'by Dr Rao on 16 Sep 2025'],
    [{ by: null, forum: null }, 'on 16 Sep 2025'],
  ])('decidedBy %j', (over, expected) => {
    expect(decidedBy(seen('returned', over))).toBe(expected);
  });

  it('says a return without a reason plainly', () => {
    expect(stateLine(reviewState('in-progress', seen('returned', { reason: '  ' })))).toBe('Returned at review: no reason was recorded.');
  });
});
