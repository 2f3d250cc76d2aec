import type { ReminderSettings } from '../model/index.js';
import { dayNumber, isoOfDay } from './day-number.js';
import { instantMs, localDate, localTimeToMs } from './local-time.js';
import type { WorkingCalendar } from './working-days.js';

export type SendingWindow = ReminderSettings['window'];

/**
 * When a reminder planned at `now` may be sent: now, if today is a working day and we are
 * inside the window; the window's start, if today is a working day and it has not opened yet;
 * otherwise the start of the window on the next working day. Returned as a UTC ISO instant.
 */
export function sendingTime(now: string, timeZone: string, window: SendingWindow, calendar: WorkingCalendar): string {
  const nowMs = instantMs(now);
  const today = localDate(now, timeZone);
  const todayDay = dayNumber(today);
  if (calendar.isWorking(todayDay) && nowMs < localTimeToMs(today, window.end, timeZone)) {
    return new Date(Math.max(nowMs, localTimeToMs(today, window.start, timeZone))).toISOString();
  }
  const next = isoOfDay(calendar.onOrAfter(todayDay + 1));
  return new Date(localTimeToMs(next, window.start, timeZone)).toISOString();
}
