import { describe, expect, it } from 'vitest';
import type { Action, ActionStatus, Actor } from '../model/index.js';
import { preconditionFailure } from '../plan/action-precondition.js';
import { storedAction } from '../../test/support/stored-action.js';
import { VIEW_ROLES } from '../../test/support/view-fixtures.js';
import { decideReview, type DecideReviewInput, decisionRefusal } from './lifecycle-decision.js';

// VIEW_ROLES: Head of Nursing (lead-1, deputy dep-1), Director of Quality (owner-1, deputy owner-dep), Medical Director (md-1).
const PLAN = { owner: 'Director of Quality', reviewers: ['Medical Director'], status: 'active' as const };
const AT = '2025-06-16T14:00:00.000Z';
const MEETING = { forum: 'Quality Committee', date: '2025-06-16' };
const LEAD: Actor = { aadObjectId: 'lead-1', displayName: 'Ann Lead' };
const COMPLETE = storedAction({ status: 'complete', evidence: 'Audit of 30 care plans, May 2025' });

function decide(who: string, request: unknown, over: Partial<DecideReviewInput> = {}) {
  return decideReview({ action: COMPLETE, plan: PLAN, roles: VIEW_ROLES, reviewer: { aadObjectId: who, displayName: `Name of ${who}` }, completedBy: LEAD, request, source: 'tab', at: AT, ...over });
}

const withStatus = (status: ActionStatus, over: Partial<Action> = {}): Pick<DecideReviewInput, 'action'> => ({ action: storedAction({ status, evidence: 'Minutes', ...over }) });

describe('decideReview: who may decide what', () => {
  it.each([
    // decision, who, status, allowed?
    ['assure', 'md-1', 'complete', 'ok'],
    ['assure', 'owner-1', 'complete', 'ok'],
    ['assure', 'owner-dep', 'complete', 'ok'],
    ['assure', 'lead-1', 'complete', 'forbidden'],
    ['assure', 'dep-1', 'complete', 'forbidden'],
    ['assure', 'stranger', 'complete', 'forbidden'],
    ['return', 'md-1', 'complete', 'ok'],
    ['return', 'lead-1', 'complete', 'forbidden'],
    ['reopen', 'md-1', 'assured', 'ok'],
    ['reopen', 'dep-1', 'assured', 'forbidden'],
    ['not-applicable', 'owner-1', 'in-progress', 'ok'],
    ['not-applicable', 'md-1', 'in-progress', 'forbidden'],
    ['not-applicable', 'lead-1', 'in-progress', 'forbidden'],
    ['reinstate', 'owner-dep', 'not-applicable', 'ok'],
    ['reinstate', 'md-1', 'not-applicable', 'forbidden'],
  ] as const)('%s by %s on a %s action → %s', (decision, who, status, expected) => {
    const result = decide(who, { decision, reason: 'Discussed at committee' }, withStatus(status));
    expect(result.ok ? 'ok' : result.refusal).toBe(expected);
  });

  it.each([
    ['assure', 'in-progress'],
    ['assure', 'assured'],
    ['assure', 'unknown'],
    ['return', 'in-progress'],
    ['return', 'assured'],
    ['reopen', 'complete'],
    ['not-applicable', 'assured'],
    ['not-applicable', 'not-applicable'],
    ['reinstate', 'in-progress'],
  ] as const)('refuses to %s an action that is %s', (decision, status) => {
    const result = decide('owner-1', { decision, reason: 'Because' }, withStatus(status));
    expect(result).toEqual({ ok: false, refusal: 'invalid', errors: { decision: expect.stringMatching(/^Not possible: the action /) as unknown } });
  });
});

describe('decideReview: what each decision needs', () => {
  it.each([
    ['return', 'complete'],
    ['reopen', 'assured'],
    ['not-applicable', 'blocked'],
    ['reinstate', 'not-applicable'],
  ] as const)('%s needs a reason (blank is none)', (decision, status) => {
    expect(decide('owner-1', { decision, reason: '   ' }, withStatus(status))).toEqual({ ok: false, refusal: 'invalid', errors: { reason: 'Give the reason for this decision.' } });
  });

  it('assures without a reason', () => {
    expect(decide('md-1', { decision: 'assure' }).ok).toBe(true);
  });

  it.each([
    ['no evidence', null],
    ['blank evidence', '  '],
  ])('will not assure with %s', (_what, evidence) => {
    expect(decide('md-1', { decision: 'assure' }, { action: storedAction({ status: 'complete', evidence }) })).toEqual({
      ok: false,
      refusal: 'invalid',
      errors: { decision: 'No evidence is recorded; it cannot be assured without it.' },
    });
  });

  it.each([
    ['recorded the completion', 'md-1', { aadObjectId: 'md-1', displayName: 'Mo' }, false],
    ['recorded the completion as an editor', 'owner-1', { aadObjectId: 'owner-1', displayName: 'Olu' }, false],
    ['did not record it', 'md-1', LEAD, true],
    ['— nobody known recorded it (imported as complete)', 'md-1', null, true],
    ['— the importer recorded it', 'md-1', { aadObjectId: null, displayName: null }, true],
  ] as const)('separation of duties: a reviewer who %s may assure: %s', (_what, who, completedBy, allowed) => {
    const result = decide(who, { decision: 'assure' }, { completedBy });
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.errors).toEqual({ decision: 'You recorded this action as complete; another reviewer must assure it.' });
  });

  it('lets the reviewer who completed it return it (only assurance needs a second pair of eyes)', () => {
    expect(decide('md-1', { decision: 'return', reason: 'Not enough' }, { completedBy: { aadObjectId: 'md-1', displayName: 'Mo' } }).ok).toBe(true);
  });

  it('refuses any decision on a closed plan', () => {
    expect(decide('owner-1', { decision: 'reopen', reason: 'Relapse' }, { ...withStatus('assured'), plan: { ...PLAN, status: 'closed' } })).toEqual({
      ok: false,
      refusal: 'invalid',
      errors: { decision: 'The plan is closed; reopen it first.' },
    });
  });

  it('refuses a decision made on an older version of the action', () => {
    expect(decide('md-1', { decision: 'assure', version: 3 })).toEqual({ ok: false, refusal: 'conflict', errors: { version: expect.stringMatching(/changed since you opened it/) as unknown } });
  });

  it.each([
    ['no decision', {}, 'decision'],
    ['an unknown decision', { decision: 'approve-all' }, 'decision'],
    ['an extra input', { decision: 'assure', actionId: 'someone-elses' }, 'decision'],
    ['an oversized reason', { decision: 'return', reason: 'x'.repeat(501) }, 'reason'],
    ['a meeting without its date', { decision: 'assure', meeting: { forum: 'QC' } }, 'meeting'],
    ['not an object', 'assure', 'decision'],
  ])('refuses %s, naming the input', (_what, request, field) => {
    const result = decide('md-1', request);
    expect(result.ok ? [] : Object.keys(result.errors)).toEqual([field]);
  });

  it('says only "forbidden" to someone with no right, whatever else is wrong', () => {
    expect(decide('lead-1', { decision: 'return' }, withStatus('in-progress'))).toEqual({ ok: false, refusal: 'forbidden', errors: { decision: 'Only a reviewer of this plan may assure or return its actions.' } });
    expect(decide('md-1', { decision: 'not-applicable' })).toEqual({ ok: false, refusal: 'forbidden', errors: { decision: 'Only an editor of this plan may take this decision.' } });
  });
});

describe('decideReview: what it produces', () => {
  it('assures: status and review with reviewer, time and meeting; guards status, review and the evidence seen', () => {
    const result = decide('md-1', { decision: 'assure', reason: ' Re-audit seen ', meeting: MEETING, version: 4 });
    expect(result).toEqual({
      ok: true,
      decision: 'assure',
      patch: { status: 'assured', review: { outcome: 'assured', reason: 'Re-audit seen', by: { aadObjectId: 'md-1', displayName: 'Name of md-1' }, at: AT, meeting: MEETING } },
      precondition: { unchanged: { status: 'complete', review: null, evidence: 'Audit of 30 care plans, May 2025', version: 4 } },
      by: { actor: { aadObjectId: 'md-1', displayName: 'Name of md-1' }, source: 'tab', meeting: MEETING, summary: 'Assured at Quality Committee on 16 Jun 2025: Re-audit seen' },
      notifyLead: false,
    });
  });

  it('returns: back in progress with the reason, the lead told, a snooze ended', () => {
    const result = decide('md-1', { decision: 'return', reason: 'The audit covers one ward only' }, withStatus('complete', { snoozedUntil: '2025-07-01' }));
    expect(result).toMatchObject({
      ok: true,
      patch: { status: 'in-progress', review: { outcome: 'returned', reason: 'The audit covers one ward only', meeting: null }, snoozedUntil: null },
      precondition: { unchanged: { status: 'complete', review: null } },
      by: { summary: 'Returned to the lead: The audit covers one ward only' },
      notifyLead: true,
    });
  });

  it.each([
    ['reopen', 'assured', 'in-progress', 'returned', 'Reopened after assurance and returned to the lead: Incident recurred'],
    ['not-applicable', 'blocked', 'not-applicable', 'not-applicable', 'Marked not applicable: Incident recurred'],
    ['reinstate', 'not-applicable', 'in-progress', 'returned', 'Reinstated (applicable again) and returned to the lead: Incident recurred'],
  ] as const)('%s: %s → %s, recorded as %s', (decision, from, to, outcome, summary) => {
    const result = decide('owner-1', { decision, reason: 'Incident recurred' }, withStatus(from));
    expect(result).toMatchObject({ ok: true, patch: { status: to, review: { outcome } }, by: { summary } });
  });

  it('gives a precondition the store refuses once someone else has decided first', () => {
    const result = decide('md-1', { decision: 'assure' });
    if (!result.ok) throw new Error('expected a decision');
    const assuredMeanwhile = { ...COMPLETE, status: 'assured' as const, version: 5 };
    expect([preconditionFailure(COMPLETE, result.precondition), preconditionFailure(assuredMeanwhile, result.precondition)]).toEqual([null, 'status changed since it was read']);
    const newEvidence = { ...COMPLETE, evidence: 'Something else', version: 5 };
    expect(preconditionFailure(newEvidence, result.precondition)).toBe('evidence changed since it was read');
  });
});

describe('decisionRefusal: the buttons to offer', () => {
  const context = { action: COMPLETE, plan: PLAN, roles: VIEW_ROLES, completedBy: LEAD };
  it.each([
    ['md-1', 'assure', null],
    ['md-1', 'not-applicable', 'Only an editor of this plan may take this decision.'],
    ['lead-1', 'return', 'Only a reviewer of this plan may assure or return its actions.'],
    ['owner-1', 'reopen', 'Not possible: the action is complete.'],
  ] as const)('%s, %s → %s', (who, decision, expected) => {
    expect(decisionRefusal({ ...context, reviewer: { aadObjectId: who, displayName: null } }, decision)).toBe(expected);
  });
});
