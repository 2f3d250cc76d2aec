import { describe, expect, it } from 'vitest';
import { awaitingButtons, decisionTitle, NOT_A_REVIEWER, offerButtons, reviewText } from './review-decisions.js';

const SELF = 'You recorded this action as complete; another reviewer must assure it.';

describe('awaitingButtons', () => {
  it.each([
    ['a reviewer who may do both', { canAssure: true, canReturn: true, assureBlocked: null }, true, [null, null]],
    ['the reviewer who completed it: may return, not assure', { canAssure: false, canReturn: true, assureBlocked: SELF }, true, [SELF, null]],
    ['someone who reviews nothing here', { canAssure: false, canReturn: false, assureBlocked: null }, false, [NOT_A_REVIEWER, NOT_A_REVIEWER]],
    ['a closed plan: the server says why', { canAssure: false, canReturn: false, assureBlocked: 'The plan is closed; reopen it first.' }, true, ['The plan is closed; reopen it first.', 'The plan is closed; reopen it first.']],
  ])('%s', (_what, item, canReview, reasons) => {
    const buttons = awaitingButtons(item, canReview);
    expect(buttons.map((button) => [button.label, button.reason])).toEqual([
      ['Approve', 'optional'],
      ['Return', 'required'],
    ]);
    expect(buttons.map((button) => button.disabledReason)).toEqual(reasons);
  });
});

describe('offerButtons', () => {
  it('names each decision, asks for a reason where the lifecycle needs one, and passes the refusal on', () => {
    const buttons = offerButtons([
      { decision: 'assure', refusal: null },
      { decision: 'return', refusal: null },
      { decision: 'not-applicable', refusal: 'Only an editor of this plan may take this decision.' },
    ]);
    expect(buttons).toEqual([
      { decision: 'assure', label: 'Assure', reason: 'optional', disabledReason: null },
      { decision: 'return', label: 'Return to the lead', reason: 'required', disabledReason: null },
      { decision: 'not-applicable', label: 'Mark not applicable', reason: 'required', disabledReason: 'Only an editor of this plan may take this decision.' },
    ]);
  });

  it.each(['reopen', 'reinstate'] as const)('asks for the reason to %s', (decision) => {
    expect(offerButtons([{ decision, refusal: null }])[0]?.reason).toBe('required');
  });
});

describe('decisionTitle', () => {
  it.each([
    [{ decision: 'assure' as const, label: 'Approve' }, 'Approve action 2b'],
    [{ decision: 'return' as const, label: 'Return' }, 'Return action 2b to its lead'],
    [{ decision: 'not-applicable' as const, label: 'Mark not applicable' }, 'Mark action 2b not applicable'],
    [{ decision: 'reopen' as const, label: 'Reopen' }, 'Reopen action 2b'],
  ])('%j', (button, title) => {
    expect(decisionTitle(button, 'action 2b')).toBe(title);
  });
});

describe('reviewText', () => {
  const by = { aadObjectId: 'u-3', displayName: 'Dee Deputy' };
  it('says who assured it, when and at which meeting', () => {
    expect(reviewText({ outcome: 'assured', reason: null, by, at: '2025-06-10T13:05:00.000Z', meeting: { forum: 'Quality and Safety Committee', date: '2025-06-10' } })).toBe(
      'Assured by Dee Deputy on 10 Jun 2025, 14:05 at Quality and Safety Committee (10 Jun 2025)',
    );
  });

  it('gives the reason it was returned', () => {
    expect(reviewText({ outcome: 'returned', reason: 'The audit covers one ward only.', by, at: '2025-01-10T09:00:00.000Z', meeting: null })).toBe(
      'Returned by Dee Deputy on 10 Jan 2025, 09:00: The audit covers one ward only.',
    );
  });
});
