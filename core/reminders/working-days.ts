import { dayNumber, isoOfDay, weekdayOf } from './day-number.js';

/** Which days count as working days, over day numbers (see day-number.ts). */
export interface WorkingCalendar {
  isWorking(day: number): boolean;
  /** The day itself when it is a working day, else the working day before it. */
  onOrBefore(day: number): number;
  /** The day itself when it is a working day, else the working day after it. */
  onOrAfter(day: number): number;
}

/** Weekends and the given bank holidays are off when `workingDaysOnly`; otherwise every day works. */
export function workingCalendar(holidays: ReadonlySet<string>, workingDaysOnly: boolean): WorkingCalendar {
  if (!workingDaysOnly) return EVERY_DAY;
  const off = new Set<number>();
  for (const holiday of holidays) off.add(dayNumber(holiday));
  return calendarOf((day) => !isWeekend(day) && !off.has(day));
}

const EVERY_DAY: WorkingCalendar = calendarOf(() => true);

function calendarOf(isWorking: (day: number) => boolean): WorkingCalendar {
  return {
    isWorking,
    onOrBefore: (day) => step(day, -1, isWorking),
    onOrAfter: (day) => step(day, 1, isWorking),
  };
}

function step(day: number, direction: 1 | -1, isWorking: (day: number) => boolean): number {
  let current = day;
  while (!isWorking(current)) current += direction;
  return current;
}

function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

/** Not a Saturday, a Sunday or one of `holidays` (ISO dates). */
export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(dayNumber(date)) && !holidays.has(date);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: string, holidays: ReadonlySet<string>): string {
  const calendar = workingCalendar(holidays, true);
  return isoOfDay(calendar.onOrBefore(dayNumber(date) - 1));
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, holidays: ReadonlySet<string>): string {
  const calendar = workingCalendar(holidays, true);
  return isoOfDay(calendar.onOrAfter(dayNumber(date) + 1));
}
