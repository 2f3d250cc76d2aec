import { describe, expect, it } from 'vitest';
import { UpdateRequest } from '../../../core/views/tab-api.js';
import { anAction } from '../test-fixtures.js';
import { checkValues, initialValues, keyFor, needsFullForm, serverProblems, toRequest, type UpdateValues } from './update-form.js';

const TODAY = '2025-09-23';
const ACTION = anAction({ due: { text: '30/09/2025', date: '2025-09-30', precision: 'day' }, evidence: null });
const values = (overrides: Partial<UpdateValues> = {}): UpdateValues => ({ ...initialValues(ACTION), note: 'Audit half done', ...overrides });

describe('initialValues', () => {
  it('preselects the status a lead could set, and nothing else', () => {
    expect(initialValues(anAction({ status: 'blocked' }))).toEqual({ note: '', status: 'blocked', revisedDue: '', revisedReason: '', evidence: '' });
  });

  it.each(['assured', 'not-applicable', 'unknown'] as const)('leaves %s for the lead to choose', (status) => {
    expect(initialValues(anAction({ status })).status).toBe('');
  });
});

describe('checkValues (the card’s rules)', () => {
  it('accepts a note and a status, dropping the empty inputs', () => {
    expect(checkValues(values(), ACTION, TODAY)).toEqual({ ok: true, submission: { note: 'Audit half done', status: 'in-progress' } });
  });

  it.each<[string, Partial<UpdateValues>, Record<string, string>]>([
    ['an empty note', { note: '   ' }, { note: 'Say what has happened since the last update.' }],
    ['a note over 2000 characters', { note: 'x'.repeat(2001) }, { note: 'The note is too long (at most 2000 characters).' }],
    ['no status', { status: '' }, { status: 'Choose a status.' }],
    ['a moved date without a reason', { revisedDue: '2025-10-31' }, { revisedReason: 'Give a reason for moving the date.' }],
    ['a moved date in the past', { revisedDue: '2025-09-01', revisedReason: 'late' }, { revisedDue: 'A revised date cannot be in the past.' }],
    ['complete without evidence', { status: 'complete' }, { evidence: 'Say what shows the action is complete (a link or a description).' }],
  ])('refuses %s', (_name, change, errors) => {
    expect(checkValues(values(change), ACTION, TODAY)).toEqual({ ok: false, errors });
  });

  it('reports every problem at once', () => {
    const checked = checkValues(values({ note: '', status: 'complete', revisedDue: '2025-10-31' }), ACTION, TODAY);
    expect(checked.ok ? [] : Object.keys(checked.errors).sort()).toEqual(['evidence', 'note', 'revisedReason']);
  });

  it('lets an action that already has evidence be marked complete without more', () => {
    expect(checkValues(values({ status: 'complete' }), anAction({ evidence: 'Minutes of 3 March' }), TODAY).ok).toBe(true);
  });

  it('needs no reason when the "revised" date is the date already due', () => {
    expect(checkValues(values({ revisedDue: '2025-09-30' }), ACTION, TODAY).ok).toBe(true);
  });
});

describe('needsFullForm', () => {
  it('opens the full form for problems the quick update cannot show', () => {
    expect(needsFullForm(values(), { revisedReason: 'x' }, ACTION)).toBe(true);
    expect(needsFullForm(values(), { note: 'x', status: 'y' }, ACTION)).toBe(false);
  });

  it('opens it when marking complete an action with no evidence yet', () => {
    expect(needsFullForm(values({ status: 'complete' }), {}, ACTION)).toBe(true);
    expect(needsFullForm(values({ status: 'complete' }), {}, anAction({ evidence: 'link' }))).toBe(false);
  });
});

describe('keyFor', () => {
  let counter = 0;
  const fresh = (): string => `key-${String(++counter)}`;

  it('keeps the key for a retry of the same inputs and makes a new one when they change', () => {
    const first = keyFor(null, values(), fresh);
    const retry = keyFor(first, values(), fresh);
    const changed = keyFor(retry, values({ note: 'Audit finished' }), fresh);
    expect(retry.key).toBe(first.key);
    expect(changed.key).not.toBe(first.key);
  });

  it('is not fooled by the inputs being edited after the key was made', () => {
    const inputs = values();
    const first = keyFor(null, inputs, fresh);
    inputs.note = 'changed in place';
    expect(keyFor(first, inputs, fresh).key).not.toBe(first.key);
  });
});

describe('toRequest', () => {
  it('is a valid UpdateRequest', () => {
    const checked = checkValues(values({ evidence: 'https://example.nhs.uk/audit' }), ACTION, TODAY);
    if (!checked.ok) throw new Error('expected valid');
    expect(UpdateRequest.parse(toRequest(checked.submission, 'a1b2c3d4-key'))).toEqual({ note: 'Audit half done', status: 'in-progress', evidence: 'https://example.nhs.uk/audit', clientKey: 'a1b2c3d4-key' });
  });
});

describe('serverProblems', () => {
  it('puts a 422’s fields beside their inputs and keeps the rest', () => {
    expect(serverProblems({ note: 'Too short', version: 'Stale', evidence: 'Needed' })).toEqual({ fields: { note: 'Too short', evidence: 'Needed' }, other: ['Stale'] });
  });
});
