import { describe, expect, it } from 'vitest';
import { sendingTime } from './sending-time.js';
import { workingCalendar } from './working-days.js';

const LONDON = 'Europe/London';
const HOLIDAYS = new Set(['2025-08-25', '2025-12-25', '2025-12-26', '2026-01-01']);
const NINE_TO_FIVE = { start: '09:00', end: '17:00' };

describe('sendingTime, 09:00–17:00 London, working days only', () => {
  const calendar = workingCalendar(HOLIDAYS, true);

  it.each([
    ['2025-06-30T06:00:00Z', '2025-06-30T08:00:00.000Z'], // Monday 07:00 BST: when the window opens
    ['2025-06-29T23:30:00Z', '2025-06-30T08:00:00.000Z'], // 00:30 BST on Monday
    ['2025-06-30T10:15:00Z', '2025-06-30T10:15:00.000Z'], // inside: now
    ['2025-06-30T10:15:00.123Z', '2025-06-30T10:15:00.123Z'],
    ['2025-06-30T11:15:00+01:00', '2025-06-30T10:15:00.000Z'],
    ['2025-06-30T15:59:59Z', '2025-06-30T15:59:59.000Z'], // 16:59:59 BST
    ['2025-06-30T16:00:00Z', '2025-07-01T08:00:00.000Z'], // 17:00 BST: closed, tomorrow
    ['2025-07-04T18:30:00Z', '2025-07-07T08:00:00.000Z'], // Friday evening → Monday
    ['2025-07-05T10:00:00Z', '2025-07-07T08:00:00.000Z'], // Saturday → Monday
    ['2025-08-22T17:00:00Z', '2025-08-26T08:00:00.000Z'], // Friday before the August bank holiday → Tuesday
    ['2025-01-06T07:00:00Z', '2025-01-06T09:00:00.000Z'], // GMT
    ['2025-01-06T16:59:00Z', '2025-01-06T16:59:00.000Z'],
    ['2025-12-24T17:30:00Z', '2025-12-29T09:00:00.000Z'], // Christmas Eve evening → the Monday after Boxing Day
    ['2025-12-31T18:00:00Z', '2026-01-02T09:00:00.000Z'],
    ['2025-03-28T18:00:00Z', '2025-03-31T08:00:00.000Z'], // Friday in GMT → Monday in BST
    ['2025-03-30T10:00:00Z', '2025-03-31T08:00:00.000Z'], // the Sunday clocks go forward
    ['2025-10-24T18:00:00Z', '2025-10-27T09:00:00.000Z'], // Friday in BST → Monday in GMT
  ])('now %s → %s', (now, plannedFor) => {
    expect(sendingTime(now, LONDON, NINE_TO_FIVE, calendar)).toBe(plannedFor);
  });
});

describe('sendingTime, every day working', () => {
  const calendar = workingCalendar(HOLIDAYS, false);

  it.each([
    ['2025-07-04T18:30:00Z', '2025-07-05T08:00:00.000Z'], // Friday evening → Saturday
    ['2025-07-05T10:00:00Z', '2025-07-05T10:00:00.000Z'], // Saturday, inside the window
    ['2025-12-25T08:00:00Z', '2025-12-25T09:00:00.000Z'], // Christmas Day
  ])('now %s → %s', (now, plannedFor) => {
    expect(sendingTime(now, LONDON, NINE_TO_FIVE, calendar)).toBe(plannedFor);
  });
});

describe('sendingTime, a narrow window', () => {
  const calendar = workingCalendar(HOLIDAYS, true);
  const window = { start: '08:30', end: '10:00' };

  it.each([
    ['2025-06-30T07:00:00Z', '2025-06-30T07:30:00.000Z'],
    ['2025-06-30T08:59:00Z', '2025-06-30T08:59:00.000Z'],
    ['2025-06-30T09:00:00Z', '2025-07-01T07:30:00.000Z'],
  ])('now %s → %s', (now, plannedFor) => {
    expect(sendingTime(now, LONDON, window, calendar)).toBe(plannedFor);
  });
});
