import { describe, expect, it } from 'vitest';
import { applySubmission } from './apply-submission.js';
import { storedAction } from '../../test/support/stored-action.js';

const context = { actor: { aadObjectId: 'lead-1', displayName: 'Ann Lead' }, source: 'card' as const, at: '2025-06-10T10:00:00.000Z', idempotencyKey: 'card-42' };

describe('applySubmission', () => {
  it('records a note alone as an update and changes nothing on the action', () => {
    const applied = applySubmission(storedAction(), { note: 'On track', status: 'in-progress' }, context);
    expect(applied.patch).toEqual({});
    expect(applied.precondition).toEqual({ unchanged: {} });
    expect(applied.update).toMatchObject({ actionId: 'act-1', planId: 'plan-1', note: 'On track', status: null, revisedDue: null, evidence: null, source: 'card', idempotencyKey: 'card-42' });
  });

  it('moves the date with its reason, guarding only the fields it touches', () => {
    const applied = applySubmission(storedAction(), { note: 'Waiting for the audit tool', status: 'blocked', revisedDue: '2025-09-30', revisedReason: 'Audit tool delayed' }, context);
    expect(applied.patch).toEqual({
      status: 'blocked',
      revisions: [{ date: '2025-09-30', reason: 'Audit tool delayed', at: context.at, by: context.actor }],
    });
    expect(applied.precondition).toEqual({ unchanged: { status: 'in-progress', revisions: [] } });
    expect(applied.update.revisedDue).toEqual({ date: '2025-09-30', reason: 'Audit tool delayed' });
  });

  it('completes with evidence, adding to evidence already there, and ends a snooze', () => {
    const applied = applySubmission(storedAction({ evidence: 'Draft audit', snoozedUntil: '2025-06-20' }), { note: 'Done', status: 'complete', evidence: 'Final audit report' }, context);
    expect(applied.patch).toEqual({ status: 'complete', evidence: 'Draft audit\nFinal audit report', snoozedUntil: null });
    expect(applied.precondition).toEqual({ unchanged: { status: 'in-progress', evidence: 'Draft audit' } });
  });

  it.each([
    ['new evidence alone', { note: 'Added the minutes', status: 'in-progress' as const, evidence: 'Minutes of June' }, { status: 'in-progress', evidence: null }],
    ['a moved date alone', { note: 'Later', status: 'in-progress' as const, revisedDue: '2025-09-30', revisedReason: 'Tool delayed' }, { status: 'in-progress', revisions: [] }],
    ['a note alone', { note: 'On track', status: 'in-progress' as const }, {}],
  ])('guards the status too when it changes anything (%s), so a decision taken meanwhile is not added to', (_what, submission, unchanged) => {
    expect(applySubmission(storedAction(), submission, context).precondition).toEqual({ unchanged });
  });
});

