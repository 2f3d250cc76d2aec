import { type Action, CLOSED_STATUSES, effectiveDue } from '../../../core/model/index.js';
import { daysBetween } from '../../../core/plan/calendar.js';
import { plural, ukDate } from './labels.js';

export type DueTone = 'overdue' | 'today' | 'soon' | 'later' | 'closed' | 'none';

export interface DueInfo {
  /** The date worked to (the latest revision, else the plan's), or null. */
  date: string | null;
  /** Days from today to `date`; negative when overdue; null without a date. */
  days: number | null;
  /** "Overdue by 3 days", "Due today", "Due in 7 days", "No due date". */
  label: string;
  tone: DueTone;
  /** What the plan wrote, and any revision: shown on hover and read by screen readers. */
  wording: string;
}

/** Within this many days an open action is "due soon" (the bot's cards use the same). */
export const SOON_DAYS = 7;

/**
 * The due state of an action as of the trust's `today` (from the API, never the browser's
 * clock, so the tab agrees with the bot). Closed actions are never "overdue".
 */
export function dueInfo(action: Pick<Action, 'due' | 'revisions' | 'status'>, today: string): DueInfo {
  const date = effectiveDue(action);
  const wording = dueWording(action);
  if (date === null) return { date, days: null, label: action.due?.ongoing ? 'Ongoing' : 'No due date', tone: 'none', wording };
  const days = daysBetween(today, date);
  if (CLOSED_STATUSES.includes(action.status)) return { date, days, label: `Due ${ukDate(date)}`, tone: 'closed', wording };
  return { date, days, label: daysLabel(days), tone: days < 0 ? 'overdue' : days === 0 ? 'today' : days <= SOON_DAYS ? 'soon' : 'later', wording };
}

/** "Overdue by 3 days", "Due today", "Due in 1 day": days from today, negative when overdue. */
export function daysLabel(days: number): string {
  if (days < 0) return `Overdue by ${plural(-days, 'day')}`;
  if (days === 0) return 'Due today';
  return `Due in ${plural(days, 'day')}`;
}

function dueWording(action: Pick<Action, 'due' | 'revisions'>): string {
  const written = action.due?.text.trim() ?? '';
  let text = written === '' ? 'The plan gives no due date' : `Plan says “${written}”`;
  if (action.due?.date && ukDate(action.due.date) !== written) text += ` (${ukDate(action.due.date)})`;
  const revision = action.revisions.at(-1);
  if (revision) text += `; moved to ${ukDate(revision.date)}: ${revision.reason}`;
  return text;
}
