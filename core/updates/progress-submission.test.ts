import { describe, expect, it } from 'vitest';
import { NOTE_MAX } from '../model/index.js';
import { storedAction } from '../../test/support/stored-action.js';
import { checkSubmission } from './progress-submission.js';

const TODAY = '2025-06-10';
const base = { note: 'Audit booked for next week', status: 'in-progress' };

describe('checkSubmission', () => {
  it('accepts a note with a status, trimming it', () => {
    expect(checkSubmission({ ...base, note: '  Audit booked  ' }, storedAction(), TODAY)).toEqual({ ok: true, submission: { note: 'Audit booked', status: 'in-progress' } });
  });

  it('treats empty card inputs as not given', () => {
    expect(checkSubmission({ ...base, revisedDue: '', revisedReason: ' ', evidence: '' }, storedAction(), TODAY)).toEqual({ ok: true, submission: { note: 'Audit booked for next week', status: 'in-progress' } });
  });

  it.each([
    ['a missing note', { status: 'in-progress' }, { note: 'Say what has happened since the last update.' }],
    ['a blank note', { ...base, note: '   ' }, { note: 'Say what has happened since the last update.' }],
    ['an oversized note', { ...base, note: 'x'.repeat(NOTE_MAX + 1) }, { note: `The note is too long (at most ${String(NOTE_MAX)} characters).` }],
    ['a moved date without a reason', { ...base, revisedDue: '2025-09-30' }, { revisedReason: 'Give a reason for moving the date.' }],
    ['a moved date in the past', { ...base, revisedDue: '2025-06-01', revisedReason: 'Late' }, { revisedDue: 'A revised date cannot be in the past.' }],
    ['complete without evidence', { ...base, status: 'complete' }, { evidence: 'Say what shows the action is complete (a link or a description).' }],
  ])('refuses %s, saying which input is wrong', (_what, input, errors) => {
    expect(checkSubmission(input, storedAction(), TODAY)).toEqual({ ok: false, errors });
  });

  it('reports every problem at once', () => {
    const result = checkSubmission({ note: '', status: 'complete', revisedDue: '2025-12-31' }, storedAction(), TODAY);
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['evidence', 'note', 'revisedReason']);
    const second = checkSubmission({ ...base, status: 'complete', revisedDue: '2025-12-31' }, storedAction(), TODAY);
    expect(second.ok ? [] : Object.keys(second.errors).sort()).toEqual(['evidence', 'revisedReason']);
  });

  it('lets complete through when the action already has evidence', () => {
    expect(checkSubmission({ ...base, status: 'complete' }, storedAction({ evidence: 'Audit report' }), TODAY).ok).toBe(true);
  });

  it('needs no reason when the "revised" date is the current one', () => {
    expect(checkSubmission({ ...base, revisedDue: '2025-06-30' }, storedAction(), TODAY).ok).toBe(true);
  });

  it('says "Choose a status." rather than the schema\'s wording', () => {
    expect(checkSubmission({ ...base, status: 'finished' }, storedAction(), TODAY)).toEqual({ ok: false, errors: { status: 'Choose a status.' } });
  });

  it('refuses unknown statuses and extra inputs (a forged card)', () => {
    expect(checkSubmission({ ...base, status: 'assured' }, storedAction(), TODAY).ok).toBe(false);
    expect(checkSubmission({ ...base, actionId: 'someone-elses' }, storedAction(), TODAY).ok).toBe(false);
  });

  it.each([
    ['assured', 'complete', /assured; a reviewer must reopen it/],
    ['assured', 'in-progress', /assured; a reviewer must reopen it/],
    ['not-applicable', 'not-started', /not applicable; a plan editor must reinstate it/],
    ['not-applicable', 'complete', /not applicable; a plan editor must reinstate it/],
  ] as const)('refuses to move a %s action to %s: governance decides it', (current, status, message) => {
    const result = checkSubmission({ ...base, status, evidence: 'Audit report' }, storedAction({ status: current, evidence: 'Audit report' }), TODAY);
    expect(result).toEqual({ ok: false, errors: { status: expect.stringMatching(message) as unknown } });
  });

  it('says why an assured action cannot be updated even before a status is chosen (the tab offers none of its status)', () => {
    expect(checkSubmission({ note: 'More to say' }, storedAction({ status: 'assured' }), TODAY)).toEqual({ ok: false, errors: { status: expect.stringMatching(/reopen/) as unknown } });
  });

  it.each([
    ['assured', 'in-progress'],
    ['not-applicable', 'in-progress'],
    ['assured', 'complete'],
    ['not-applicable', 'unknown'],
  ] as const)('never accepts %s from a progress update (action %s), in the lifecycle’s words', (status, current) => {
    const result = checkSubmission({ ...base, status }, storedAction({ status: current, evidence: 'Audit report' }), TODAY);
    expect(result).toEqual({ ok: false, errors: { status: 'Assurance and "not applicable" are decided by a reviewer, not in a progress update.' } });
  });

  it('still lets a lead move a returned action on', () => {
    const returned = storedAction({ status: 'in-progress', review: { outcome: 'returned', reason: 'One ward only', by: { aadObjectId: 'md-1', displayName: 'Mo Reviewer' }, at: '2025-06-01T10:00:00.000Z', meeting: null } });
    expect(checkSubmission({ ...base, status: 'complete', evidence: 'All wards audited' }, returned, TODAY).ok).toBe(true);
  });
});
