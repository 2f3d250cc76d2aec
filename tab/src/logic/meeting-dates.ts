import { daysInMonth, isoOf, isRealDate } from '../../../core/model/index.js';

/** The meeting view's dates: what to offer before anything is loaded, and what to remember per forum. */

export interface MeetingChoice {
  forum: string;
  /** The date of the forum's last meeting: changes at or after it are listed. */
  since: string;
  /** The meeting being held: decisions are recorded against it. */
  date: string;
}

/** What is kept per forum between visits (localStorage). */
export type RememberedMeetings = Record<string, { since: string; date: string }>;

const PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The trust's today (UK time) as YYYY-MM-DD, whatever zone the browser is in. */
export function ukToday(now: Date): string {
  const part = (type: string): string => PARTS.formatToParts(now).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The same day a month earlier (31 March → 28 or 29 February): most forums sit monthly. */
export function monthBefore(iso: string): string {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  const previousYear = month === 1 ? year - 1 : year;
  const previousMonth = month === 1 ? 12 : month - 1;
  return isoOf(previousYear, previousMonth, Math.min(day, daysInMonth(previousYear, previousMonth)));
}

/**
 * The dates to offer for a forum. Remembered from a meeting held on an earlier day: that was the
 * last meeting, so changes since it are what this one needs. Remembered for today or a later day:
 * the same meeting again (a reload, or one being prepared), as it was. Never held here: a month back.
 */
export function initialDates(forum: string, remembered: RememberedMeetings, today: string): Omit<MeetingChoice, 'forum'> {
  const last = remembered[forum];
  if (last === undefined) return { since: monthBefore(today), date: today };
  if (last.date < today) return { since: last.date, date: today };
  return { since: last.since, date: last.date };
}

/** Reads what `rememberMeeting` wrote; anything unreadable is forgotten rather than trusted. */
export function readRememberedMeetings(stored: string | null): RememberedMeetings {
  if (stored === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const kept: RememberedMeetings = {};
  for (const [forum, entry] of Object.entries(value as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { since, date } = entry as Record<string, unknown>;
    if (isIsoDate(since) && isIsoDate(date)) kept[forum] = { since, date };
  }
  return kept;
}

/** The record with this meeting's dates kept for its forum. */
export function rememberMeeting(remembered: RememberedMeetings, choice: MeetingChoice): RememberedMeetings {
  return { ...remembered, [choice.forum]: { since: choice.since, date: choice.date } };
}

export type ChoiceErrors = Partial<Record<keyof MeetingChoice, string>>;

/** What must hold before the meeting is asked for: a forum, two real dates, the last meeting not after this one. */
export function checkChoice(choice: MeetingChoice): ChoiceErrors {
  const errors: ChoiceErrors = {};
  if (choice.forum.trim() === '') errors.forum = 'Choose the forum.';
  if (!isIsoDate(choice.since)) errors.since = 'Give the date of the last meeting.';
  if (!isIsoDate(choice.date)) errors.date = 'Give the date of this meeting.';
  else if (errors.since === undefined && choice.since > choice.date) errors.since = 'The last meeting must be on or before this one.';
  return errors;
}

/** The forum to start with: the one asked for (a plan's link), else the one last used, else the first. */
export function initialForum(forums: readonly string[], asked: string | null, lastUsed: string | null): string {
  for (const candidate of [asked, lastUsed]) {
    if (candidate !== null && forums.includes(candidate)) return candidate;
  }
  return forums[0] ?? '';
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value);
}
