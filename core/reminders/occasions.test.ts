import { describe, expect, it } from 'vitest';
import { dayNumber } from './day-number.js';
import { cadenceOf, escalationOccasion, leadOccasion, occasionTag, type Occasion } from './occasions.js';
import { workingCalendar } from './working-days.js';

const HOLIDAYS = new Set(['2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26', '2026-01-01']);
const WORKING = workingCalendar(HOLIDAYS, true);
const EVERY_DAY = workingCalendar(HOLIDAYS, false);
const DEFAULT = cadenceOf({ offsetsDays: [14, 7, 1, 0], overdueEveryDays: 7, escalateAfterDaysOverdue: 14 });

function lead(due: string, today: string, cadence = DEFAULT, calendar = WORKING): Occasion | null {
  return leadOccasion(dayNumber(due), dayNumber(today), cadence, calendar);
}

function escalation(due: string, today: string, cadence = DEFAULT, calendar = WORKING): Occasion | null {
  return escalationOccasion(dayNumber(due), dayNumber(today), cadence, calendar);
}

describe('occasionTag', () => {
  it.each([
    [-14, 'D-14'],
    [0, 'D'],
    [21, 'D+21'],
  ])('%i → %s', (days, tag) => {
    expect(occasionTag(days)).toBe(tag);
  });
});

describe('cadenceOf', () => {
  it('sorts offsets closest to the due date first and drops repeats', () => {
    expect(cadenceOf({ offsetsDays: [7, 0, 14, 7], overdueEveryDays: 3, escalateAfterDaysOverdue: 5 })).toEqual({
      offsetsDays: [0, 7, 14],
      overdueEveryDays: 3,
      escalateAfterDaysOverdue: 5,
    });
  });
});

describe('leadOccasion: the latest occasion that has arrived', () => {
  it.each([
    // due Monday 30 June 2025; offsets 14, 7, 1, 0; overdue every 7
    ['2025-06-30', '2025-06-13', null],
    ['2025-06-30', '2025-06-16', { kind: 'before-due', tag: 'D-14' }],
    ['2025-06-30', '2025-06-22', { kind: 'before-due', tag: 'D-14' }],
    ['2025-06-30', '2025-06-23', { kind: 'before-due', tag: 'D-7' }],
    ['2025-06-30', '2025-06-26', { kind: 'before-due', tag: 'D-7' }],
    ['2025-06-30', '2025-06-27', { kind: 'before-due', tag: 'D-1' }], // Sunday's reminder, moved back to Friday
    ['2025-06-30', '2025-06-29', { kind: 'before-due', tag: 'D-1' }],
    ['2025-06-30', '2025-06-30', { kind: 'due', tag: 'D' }],
    ['2025-06-30', '2025-07-06', { kind: 'due', tag: 'D' }],
    ['2025-06-30', '2025-07-07', { kind: 'overdue', tag: 'D+7' }],
    ['2025-06-30', '2025-07-13', { kind: 'overdue', tag: 'D+7' }],
    ['2025-06-30', '2025-07-14', { kind: 'overdue', tag: 'D+14' }],
    ['2025-06-30', '2025-08-25', { kind: 'overdue', tag: 'D+49' }], // D+56 is a bank holiday: it waits for Tuesday
    ['2025-06-30', '2025-08-26', { kind: 'overdue', tag: 'D+56' }],
    ['2025-06-30', '2026-06-29', { kind: 'overdue', tag: 'D+364' }], // a year late: one reminder, not 52
    // due Saturday 28 June: the day's reminder moves back to Friday, as does the day before's
    ['2025-06-28', '2025-06-26', { kind: 'before-due', tag: 'D-7' }],
    ['2025-06-28', '2025-06-27', { kind: 'due', tag: 'D' }],
    ['2025-06-28', '2025-07-04', { kind: 'due', tag: 'D' }], // D+7 is a Saturday: on to Monday
    ['2025-06-28', '2025-07-07', { kind: 'overdue', tag: 'D+7' }],
    // Christmas Day and Boxing Day
    ['2025-12-25', '2025-12-23', { kind: 'before-due', tag: 'D-7' }],
    ['2025-12-25', '2025-12-24', { kind: 'due', tag: 'D' }],
    ['2025-12-26', '2025-12-24', { kind: 'due', tag: 'D' }],
    ['2025-12-26', '2025-12-29', { kind: 'due', tag: 'D' }],
    ['2025-12-26', '2026-01-02', { kind: 'overdue', tag: 'D+7' }],
    ['2025-12-18', '2025-12-28', { kind: 'due', tag: 'D' }], // D+7 is Christmas Day: on to the 29th
    ['2025-12-18', '2025-12-29', { kind: 'overdue', tag: 'D+7' }],
  ] as const)('due %s, today %s → %j', (due, today, occasion) => {
    expect(lead(due, today)).toEqual(occasion);
  });

  it.each([
    ['2025-06-28', '2025-06-27', { kind: 'before-due', tag: 'D-1' }],
    ['2025-06-28', '2025-06-28', { kind: 'due', tag: 'D' }],
    ['2025-06-28', '2025-07-05', { kind: 'overdue', tag: 'D+7' }],
    ['2025-12-25', '2025-12-25', { kind: 'due', tag: 'D' }],
  ] as const)('every day working: due %s, today %s → %j', (due, today, occasion) => {
    expect(lead(due, today, DEFAULT, EVERY_DAY)).toEqual(occasion);
  });

  it.each([
    ['2025-06-26', null],
    ['2025-06-27', { kind: 'before-due', tag: 'D-3' }],
    ['2025-06-30', { kind: 'due', tag: 'D' }],
    ['2025-07-01', { kind: 'due', tag: 'D' }],
    ['2025-07-02', { kind: 'overdue', tag: 'D+2' }],
    ['2025-07-05', { kind: 'overdue', tag: 'D+4' }],
  ] as const)('offsets [3, 0], every 2 days, every day working: due 2025-06-30, today %s → %j', (today, occasion) => {
    const cadence = cadenceOf({ offsetsDays: [3, 0], overdueEveryDays: 2, escalateAfterDaysOverdue: 4 });
    expect(lead('2025-06-30', today, cadence, EVERY_DAY)).toEqual(occasion);
  });
});

describe('escalationOccasion', () => {
  it.each([
    ['2025-06-30', '2025-06-30', null],
    ['2025-06-30', '2025-07-13', null],
    ['2025-06-30', '2025-07-14', { kind: 'escalation', tag: 'D+14' }],
    ['2025-06-30', '2025-07-20', { kind: 'escalation', tag: 'D+14' }],
    ['2025-06-30', '2025-07-21', { kind: 'escalation', tag: 'D+21' }],
    ['2025-06-30', '2025-09-01', { kind: 'escalation', tag: 'D+63' }],
    ['2025-12-11', '2025-12-26', null], // D+14 is Christmas Day: on to the 29th
    ['2025-12-11', '2025-12-29', { kind: 'escalation', tag: 'D+14' }],
  ] as const)('due %s, today %s → %j', (due, today, occasion) => {
    expect(escalation(due, today)).toEqual(occasion);
  });

  it.each([
    ['2025-07-09', null],
    ['2025-07-10', { kind: 'escalation', tag: 'D+10' }],
    ['2025-07-14', { kind: 'escalation', tag: 'D+10' }],
    ['2025-07-15', { kind: 'escalation', tag: 'D+15' }],
    ['2025-07-20', { kind: 'escalation', tag: 'D+15' }], // D+20 is a Sunday
    ['2025-07-21', { kind: 'escalation', tag: 'D+20' }],
  ] as const)('after 10 days, then every 5: due 2025-06-30, today %s → %j', (today, occasion) => {
    const cadence = cadenceOf({ offsetsDays: [0], overdueEveryDays: 5, escalateAfterDaysOverdue: 10 });
    expect(escalation('2025-06-30', today, cadence)).toEqual(occasion);
  });
});
