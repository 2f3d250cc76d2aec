import type { ReminderKind } from '../model/index.js';
import type { WorkingCalendar } from './working-days.js';

/** One point in an action's reminder timeline: what kind it is and which one (its tag). */
export interface Occasion {
  kind: ReminderKind;
  /** Where it sits relative to the due date, by the rules rather than after moving off a holiday: "D-7", "D", "D+14". */
  tag: string;
}

/** The parts of the settings that say when reminders fall, offsets sorted closest-to-due first. */
export interface Cadence {
  offsetsDays: readonly number[];
  overdueEveryDays: number;
  escalateAfterDaysOverdue: number;
}

export function cadenceOf(settings: { offsetsDays: readonly number[]; overdueEveryDays: number; escalateAfterDaysOverdue: number }): Cadence {
  const offsetsDays = [...new Set(settings.offsetsDays)].sort((a, b) => a - b);
  return { offsetsDays, overdueEveryDays: settings.overdueEveryDays, escalateAfterDaysOverdue: settings.escalateAfterDaysOverdue };
}

/** The tag of the occasion `days` after (negative: before) the due date. */
export function occasionTag(days: number): string {
  if (days === 0) return 'D';
  return days < 0 ? `D${days}` : `D+${days}`;
}

/**
 * The latest occasion of the lead's series (before-due, due, overdue) that has arrived by
 * `today`, all as day numbers; null when none has. Before-due and due move back to a working
 * day, overdue moves forward to one.
 */
export function leadOccasion(due: number, today: number, cadence: Cadence, calendar: WorkingCalendar): Occasion | null {
  const overdue = latestRepeat(due, cadence.overdueEveryDays, cadence.overdueEveryDays, today, calendar);
  if (overdue !== null) return { kind: 'overdue', tag: occasionTag(overdue) };
  for (const offset of cadence.offsetsDays) {
    if (calendar.onOrBefore(due - offset) <= today) return { kind: offset === 0 ? 'due' : 'before-due', tag: occasionTag(-offset) };
  }
  return null;
}

/** The latest escalation occasion that has arrived by `today` (day numbers), or null. */
export function escalationOccasion(due: number, today: number, cadence: Cadence, calendar: WorkingCalendar): Occasion | null {
  const after = latestRepeat(due, cadence.escalateAfterDaysOverdue, cadence.overdueEveryDays, today, calendar);
  return after === null ? null : { kind: 'escalation', tag: occasionTag(after) };
}

/**
 * Of the days `due + first + k·every` (k ≥ 0), each moved forward to a working day, the latest
 * that is on or before `today`, as days after `due`; null when none is.
 */
function latestRepeat(due: number, first: number, every: number, today: number, calendar: WorkingCalendar): number | null {
  for (let k = Math.floor((today - due - first) / every); k >= 0; k--) {
    const after = first + k * every;
    if (calendar.onOrAfter(due + after) <= today) return after;
  }
  return null;
}
