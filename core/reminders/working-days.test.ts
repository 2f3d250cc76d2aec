import { describe, expect, it } from 'vitest';
import { dayNumber, isoOfDay, weekdayOf } from './day-number.js';
import { isWorkingDay, nextWorkingDay, previousWorkingDay, workingCalendar } from './working-days.js';

/** Bank holidays in England and Wales, 2025 and 2026. */
const HOLIDAYS = new Set([
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
]);

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0, 4],
    ['1969-12-28', -4, 0],
    ['2025-03-30', 20177, 0],
    ['2025-06-28', 20267, 6],
    ['2025-06-30', 20269, 1],
  ])('%s is day %i, weekday %i', (iso, day, weekday) => {
    expect(dayNumber(iso)).toBe(day);
    expect(isoOfDay(day)).toBe(iso);
    expect(weekdayOf(day)).toBe(weekday);
  });

  it.each(['30/06/2025', '2025-6-30', ''])('%j is not a date', (text) => {
    expect(dayNumber(text)).toBeNaN();
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2025-06-30', true], // Monday
    ['2025-07-04', true], // Friday
    ['2025-06-28', false], // Saturday
    ['2025-06-29', false], // Sunday
    ['2025-12-24', true],
    ['2025-12-25', false], // Christmas Day
    ['2025-12-26', false], // Boxing Day
    ['2025-04-18', false], // Good Friday
    ['2025-05-26', false], // spring bank holiday
    ['2026-12-28', false], // Boxing Day moved off a Saturday
  ])('%s → %s', (date, working) => {
    expect(isWorkingDay(date, HOLIDAYS)).toBe(working);
  });

  it('counts a bank holiday as working when it is not in the set', () => {
    expect(isWorkingDay('2025-12-25', new Set())).toBe(true);
  });
});

describe('previousWorkingDay and nextWorkingDay (strictly before / after)', () => {
  it.each([
    ['2025-07-01', '2025-06-30', '2025-07-02'],
    ['2025-06-30', '2025-06-27', '2025-07-01'], // Monday: back over the weekend
    ['2025-07-04', '2025-07-03', '2025-07-07'], // Friday: on over the weekend
    ['2025-06-28', '2025-06-27', '2025-06-30'], // Saturday
    ['2025-12-25', '2025-12-24', '2025-12-29'], // Christmas Day: Boxing Day and the weekend follow
    ['2025-12-29', '2025-12-24', '2025-12-30'],
    ['2025-12-31', '2025-12-30', '2026-01-02'], // New Year's Day
    ['2025-04-22', '2025-04-17', '2025-04-23'], // Easter: Good Friday to Easter Monday
    ['2025-05-23', '2025-05-22', '2025-05-27'], // spring bank holiday weekend
  ])('%s: previous %s, next %s', (date, previous, next) => {
    expect(previousWorkingDay(date, HOLIDAYS)).toBe(previous);
    expect(nextWorkingDay(date, HOLIDAYS)).toBe(next);
  });
});

describe('workingCalendar', () => {
  const working = workingCalendar(HOLIDAYS, true);
  const everyDay = workingCalendar(HOLIDAYS, false);

  it.each([
    ['2025-06-30', '2025-06-30', '2025-06-30'],
    ['2025-06-28', '2025-06-27', '2025-06-30'],
    ['2025-12-26', '2025-12-24', '2025-12-29'],
    ['2026-12-26', '2026-12-24', '2026-12-29'],
  ])('working days only: %s moves back to %s, on to %s', (date, back, on) => {
    const day = dayNumber(date);
    expect(isoOfDay(working.onOrBefore(day))).toBe(back);
    expect(isoOfDay(working.onOrAfter(day))).toBe(on);
  });

  it.each(['2025-06-28', '2025-12-25', '2025-12-26'])('every day: %s stays where it is', (date) => {
    const day = dayNumber(date);
    expect(everyDay.isWorking(day)).toBe(true);
    expect(everyDay.onOrBefore(day)).toBe(day);
    expect(everyDay.onOrAfter(day)).toBe(day);
  });
});
