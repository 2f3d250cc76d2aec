import { describe, expect, it } from 'vitest';
import { localDate, localTimeToInstant } from './local-time.js';

const LONDON = 'Europe/London';

describe('localDate', () => {
  it.each([
    ['2025-01-15T23:59:59Z', LONDON, '2025-01-15'], // GMT: local is UTC
    ['2025-03-29T23:30:00Z', LONDON, '2025-03-29'], // the night before clocks go forward
    ['2025-03-30T00:59:59Z', LONDON, '2025-03-30'],
    ['2025-03-30T23:30:00Z', LONDON, '2025-03-31'], // BST: 00:30 on the 31st
    ['2025-06-30T22:59:59Z', LONDON, '2025-06-30'],
    ['2025-06-30T23:00:00Z', LONDON, '2025-07-01'],
    ['2025-10-25T23:00:00Z', LONDON, '2025-10-26'], // still BST: midnight on the 26th
    ['2025-10-26T23:00:00Z', LONDON, '2025-10-26'], // GMT again
    ['2025-12-31T23:59:59.999Z', LONDON, '2025-12-31'],
    ['2025-07-01T10:00:00+01:00', LONDON, '2025-07-01'],
    ['2025-07-01T03:00:00Z', 'America/New_York', '2025-06-30'],
    ['2025-06-30T13:00:00Z', 'Pacific/Auckland', '2025-07-01'],
  ])('%s in %s is %s', (now, zone, date) => {
    expect(localDate(now, zone)).toBe(date);
  });

  it('refuses text that is not an instant', () => {
    expect(() => localDate('yesterday', LONDON)).toThrow(RangeError);
  });
});

describe('localTimeToInstant', () => {
  it.each([
    ['2025-01-15', '09:00', LONDON, '2025-01-15T09:00:00.000Z'],
    ['2025-03-29', '09:00', LONDON, '2025-03-29T09:00:00.000Z'], // Saturday, GMT
    ['2025-03-30', '00:30', LONDON, '2025-03-30T00:30:00.000Z'], // before the change at 01:00 GMT
    ['2025-03-30', '01:30', LONDON, '2025-03-30T01:30:00.000Z'], // skipped: read as 02:30 BST
    ['2025-03-30', '02:00', LONDON, '2025-03-30T01:00:00.000Z'],
    ['2025-03-30', '09:00', LONDON, '2025-03-30T08:00:00.000Z'], // BST from here
    ['2025-03-31', '17:00', LONDON, '2025-03-31T16:00:00.000Z'],
    ['2025-10-25', '09:00', LONDON, '2025-10-25T08:00:00.000Z'],
    ['2025-10-26', '00:30', LONDON, '2025-10-25T23:30:00.000Z'],
    ['2025-10-26', '01:30', LONDON, '2025-10-26T00:30:00.000Z'], // shown twice: the first (BST)
    ['2025-10-26', '02:00', LONDON, '2025-10-26T02:00:00.000Z'],
    ['2025-10-26', '09:00', LONDON, '2025-10-26T09:00:00.000Z'], // GMT from here
    ['2025-12-25', '23:59', LONDON, '2025-12-25T23:59:00.000Z'],
    ['2025-07-01', '09:00', 'America/New_York', '2025-07-01T13:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, instant) => {
    expect(localTimeToInstant(date, time, zone)).toBe(instant);
  });

  it.each([
    ['2025-07-01', '9:00'],
    ['2025-07-01', '24:00'],
    ['1 July 2025', '09:00'],
  ])('refuses %j %j', (date, time) => {
    expect(() => localTimeToInstant(date, time, LONDON)).toThrow(RangeError);
  });
});
