import { describe, expect, it } from 'vitest';
import { diffFields, renderValue } from './audit-diff.js';

const JO = { aadObjectId: 'aad-jo', displayName: 'Jo Bloggs' };
const sep20 = { text: 'Sep-20', date: '2020-09-30', precision: 'month' };

describe('diffFields', () => {
  it('lists only the fields whose value changed, old → new, in the order of the object', () => {
    const before = { text: 'Audit', status: 'not-started', evidence: null, leads: ['Ward Manager'] };
    const after = { text: 'Audit', status: 'in-progress', evidence: 'Minutes of May', leads: ['Ward Manager'] };
    expect(diffFields(before, after)).toEqual([
      { field: 'status', from: 'not-started', to: 'in-progress' },
      { field: 'evidence', from: null, to: 'Minutes of May' },
    ]);
  });

  it('skips fields the store owns', () => {
    const before = { id: 'a1', version: 1, updatedAt: '2024-01-01T00:00:00.000Z', createdAt: 'x', position: 0, status: 'complete' };
    const after = { id: 'a2', version: 2, updatedAt: '2024-02-01T00:00:00.000Z', createdAt: 'y', position: 3, status: 'complete' };
    expect(diffFields(before, after)).toEqual([]);
  });

  it('compares only the fields named, in their order', () => {
    const before = { a: 1, b: 1, c: 1 };
    const after = { a: 2, b: 2, c: 2 };
    expect(diffFields(before, after, ['c', 'a']).map((change) => change.field)).toEqual(['c', 'a']);
  });

  it.each([
    ['null and blank text', null, '  '],
    ['absent and an empty list', undefined, []],
    ['objects with keys in another order', { date: '2024-01-31', text: 'Jan-24', precision: 'month' }, { text: 'Jan-24', precision: 'month', date: '2024-01-31' }],
  ])('treats %s as the same value', (_name, from, to) => {
    expect(diffFields({ field: from }, { field: to })).toEqual([]);
  });

  it('lists every field with a value, from null, when there was nothing before', () => {
    expect(diffFields(null, { name: 'Audit compliance', unit: '', target: 90 })).toEqual([
      { field: 'name', from: null, to: 'Audit compliance' },
      { field: 'target', from: null, to: '90' },
    ]);
  });

  it('lists a field that was cleared, to null', () => {
    expect(diffFields({ snoozedUntil: '2024-03-01' }, { snoozedUntil: null })).toEqual([{ field: 'snoozedUntil', from: '2024-03-01', to: null }]);
  });
});

describe('renderValue', () => {
  it.each([
    ['an ISO date stays as it is', 'snoozedUntil', '2024-03-01', '2024-03-01'],
    ['a number', 'target', 89.87, '89.87'],
    ['a boolean', 'enabled', false, 'false'],
    ['an empty value', 'evidence', '', null],
    ['a list of text, joined', 'leads', ['Ward Manager', 'Matron'], 'Ward Manager; Matron'],
    ['a fuzzy date, as written and what it means', 'due', sep20, 'Sep-20 (2020-09-30)'],
    ['a fuzzy date written as its date', 'due', { text: '2020-09-30', date: '2020-09-30', precision: 'day' }, '2020-09-30'],
    ['a fuzzy date with no date', 'due', { text: 'Ongoing', date: null, precision: 'ongoing' }, 'Ongoing'],
    ['labelled cells', 'other', [{ label: 'Cost', value: '£0' }], 'Cost: £0'],
    ['a person', 'author', JO, 'Jo Bloggs'],
    ['anything else, as compact JSON', 'reminders', { enabled: true, offsetsDays: [3] }, '{"enabled":true,"offsetsDays":[3]}'],
  ])('renders %s', (_name, field, value, text) => {
    expect(renderValue(field, value)).toBe(text);
  });

  it('renders revisions as short sentences', () => {
    const revisions = [
      { date: '2024-05-31', reason: 'the audit moved', at: '2024-04-01T09:00:00.000Z', by: JO },
      { date: '2024-06-30', reason: 'staff sickness', at: null, by: null },
    ];
    expect(renderValue('revisions', revisions)).toBe('2024-05-31, because the audit moved (Jo Bloggs); 2024-06-30, because staff sickness');
  });

  it.each([
    [
      'with its meeting',
      { outcome: 'assured', reason: 'evidence seen', by: JO, at: '2024-05-02T10:00:00.000Z', meeting: { forum: 'Quality Committee', date: '2024-05-01' } },
      'assured by Jo Bloggs at Quality Committee on 2024-05-01: evidence seen',
    ],
    ['without a meeting', { outcome: 'returned', reason: 'no audit', by: JO, at: '2024-05-02T10:00:00.000Z', meeting: null }, 'returned by Jo Bloggs on 2024-05-02: no audit'],
  ])('renders a review %s as a sentence', (_name, review, text) => {
    expect(renderValue('review', review)).toBe(text);
  });
});
