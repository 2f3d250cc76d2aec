import { describe, expect, it } from 'vitest';
import { checkChoice, initialDates, initialForum, monthBefore, readRememberedMeetings, rememberMeeting, ukToday } from './meeting-dates.js';

describe('ukToday', () => {
  it.each([
    ['2025-06-09T23:30:00Z', '2025-06-10'], // 00:30 BST: already tomorrow in the UK
    ['2025-01-09T23:30:00Z', '2025-01-09'], // GMT: still today
    ['2025-03-30T00:30:00Z', '2025-03-30'],
  ])('%s is %s in the UK', (instant, day) => {
    expect(ukToday(new Date(instant))).toBe(day);
  });
});

describe('monthBefore', () => {
  it.each([
    ['2025-06-10', '2025-05-10'],
    ['2025-01-15', '2024-12-15'],
    ['2025-03-31', '2025-02-28'],
    ['2024-03-31', '2024-02-29'],
  ])('%s → %s', (from, to) => {
    expect(monthBefore(from)).toBe(to);
  });
});

describe('initialDates', () => {
  const forum = 'Quality and Safety Committee';
  it.each([
    ['never held here: a month back, held today', {}, { since: '2025-05-10', date: '2025-06-10' }],
    ['held on an earlier day: changes since that meeting', { [forum]: { since: '2025-04-08', date: '2025-05-13' } }, { since: '2025-05-13', date: '2025-06-10' }],
    ['the same meeting again today: as it was', { [forum]: { since: '2025-05-13', date: '2025-06-10' } }, { since: '2025-05-13', date: '2025-06-10' }],
    ['a meeting being prepared for a later day: as it was', { [forum]: { since: '2025-05-13', date: '2025-06-17' } }, { since: '2025-05-13', date: '2025-06-17' }],
    ['another forum remembered: a month back', { Board: { since: '2025-01-01', date: '2025-02-01' } }, { since: '2025-05-10', date: '2025-06-10' }],
  ])('%s', (_what, remembered, expected) => {
    expect(initialDates(forum, remembered, '2025-06-10')).toEqual(expected);
  });
});

describe('remembered meetings', () => {
  it('reads back what it wrote, per forum', () => {
    const once = rememberMeeting({}, { forum: 'Board', since: '2025-05-01', date: '2025-06-01' });
    const twice = rememberMeeting(once, { forum: 'QSC', since: '2025-05-13', date: '2025-06-10' });
    expect(readRememberedMeetings(JSON.stringify(twice))).toEqual({ Board: { since: '2025-05-01', date: '2025-06-01' }, QSC: { since: '2025-05-13', date: '2025-06-10' } });
  });

  it.each([null, 'not json', '[1,2]', '"text"', '{"QSC":{"since":"2025-02-30","date":"2025-06-10"}}', '{"QSC":{"since":5}}'])('forgets what it cannot trust: %s', (stored) => {
    expect(readRememberedMeetings(stored)).toEqual({});
  });

  it('keeps the readable forums of a partly damaged record', () => {
    expect(readRememberedMeetings('{"QSC":{"since":"2025-05-13","date":"2025-06-10"},"Board":null}')).toEqual({ QSC: { since: '2025-05-13', date: '2025-06-10' } });
  });
});

describe('checkChoice', () => {
  it.each([
    [{ forum: 'QSC', since: '2025-05-13', date: '2025-06-10' }, {}],
    [{ forum: 'QSC', since: '2025-06-10', date: '2025-06-10' }, {}],
    [{ forum: ' ', since: '2025-05-13', date: '2025-06-10' }, { forum: 'Choose the forum.' }],
    [{ forum: 'QSC', since: '', date: '2025-06-10' }, { since: 'Give the date of the last meeting.' }],
    [{ forum: 'QSC', since: '2025-05-13', date: '2025-13-01' }, { date: 'Give the date of this meeting.' }],
    [{ forum: 'QSC', since: '2025-06-11', date: '2025-06-10' }, { since: 'The last meeting must be on or before this one.' }],
  ])('%j → %j', (choice, errors) => {
    expect(checkChoice(choice)).toEqual(errors);
  });
});

describe('initialForum', () => {
  const forums = ['Board', 'QSC'];
  it.each<[string | null, string | null, string]>([
    ['QSC', 'Board', 'QSC'],
    ['Unknown', 'QSC', 'QSC'],
    [null, null, 'Board'],
    [null, 'Gone', 'Board'],
  ])('asked %s, last used %s → %s', (asked, last, forum) => {
    expect(initialForum(forums, asked, last)).toBe(forum);
  });

  it('is empty when there are no forums', () => {
    expect(initialForum([], 'QSC', null)).toBe('');
  });
});
