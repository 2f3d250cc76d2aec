import { daysBetween } from '../../core/plan/calendar.js';
import { statusLabel, ukDate } from '../../core/views/labels.js';
import type { DatePrecision, FuzzyDate } from '../../core/model/index.js';

/** Texts the cards put together. Pure: "today" always comes from the caller. */

export const ELLIPSIS = '…';

export interface Shortened {
  text: string;
  /** The text was cut to fit. */
  shortened: boolean;
}

/**
 * At most `max` characters (the ellipsis included), cut at a word boundary when one is near the
 * end, so a long field cannot push a card over its size limit.
 */
export function shorten(text: string, max: number): Shortened {
  const trimmed = text.trim();
  const chars = Array.from(trimmed);
  if (chars.length <= max) return { text: trimmed, shortened: false };
  const room = Math.max(1, max - 1);
  const cut = chars.slice(0, room).join('');
  const space = cut.search(/\s\S*$/);
  const atWord = space >= room * 0.8 ? cut.slice(0, space) : cut;
  return { text: `${atWord.replace(/[\s,;:.\-–—]+$/u, '')}${ELLIPSIS}`, shortened: true };
}

/** One line: runs of whitespace (new lines included) become one space, then shortened. */
export function oneLine(text: string, max: number): string {
  return shorten(text.replace(/\s+/g, ' '), max).text;
}


export type DueTone = 'overdue' | 'today' | 'soon' | 'later' | 'none';

export interface DueState {
  /** The date worked to, ISO, or null when there is none. */
  date: string | null;
  /** Days from today to the date; negative when overdue. */
  days: number | null;
  /** "Due in 7 days", "Due today", "12 days overdue", "No due date". */
  label: string;
  tone: DueTone;
}

/** Within this many days a due date is "soon" and shown in warning colours. */
export const SOON_DAYS = 7;

export function dueState(date: string | null, today: string, ongoing = false): DueState {
  if (date === null) return { date, days: null, label: ongoing ? 'Ongoing (no fixed date)' : 'No due date', tone: 'none' };
  const days = daysBetween(today, date);
  if (days < 0) return { date, days, label: `${plural(-days, 'day')} overdue`, tone: 'overdue' };
  if (days === 0) return { date, days, label: 'Due today', tone: 'today' };
  if (days === 1) return { date, days, label: 'Due tomorrow', tone: 'soon' };
  return { date, days, label: `Due in ${plural(days, 'day')}`, tone: days <= SOON_DAYS ? 'soon' : 'later' };
}

export function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}

const PRECISION_NOTES: Partial<Record<DatePrecision, string>> = {
  month: 'end of the month named',
  quarter: 'end of the quarter named',
  'part-year': 'end of the period named',
  year: 'end of the year named',
};

/** The parsed date as a card shows it: "30 Sep 2025 (end of the month named)". */
export function parsedDue(due: FuzzyDate | null): string {
  if (due === null) return 'None given';
  if (due.date === null) return due.problem ? `Not a date we can use: ${due.problem}` : due.ongoing ? 'Ongoing (no fixed date)' : 'Not a date we can use';
  const note = PRECISION_NOTES[due.precision];
  return note ? `${ukDate(due.date)} (${note})` : ukDate(due.date);
}

export { statusLabel, ukDate };

/**
 * How people name an action in chat and on cards: its recommendation's number and its own label
 * ("2" + "b)" → "2b", "R3" + "a" → "R3a", "3" + "1" → "3.1", "4." + null → "4"). Empty when the
 * plan numbers neither.
 */
export function actionLabel(recommendationNumber: string | null, ref: string | null): string {
  const number = bare(recommendationNumber);
  const own = bare(ref);
  if (!/[\p{L}\p{N}]/u.test(own)) return number;
  if (number === '') return own;
  const digits = number.replace(/\D/g, '');
  // A label that already carries its recommendation's number ("3.1", "3b") stands as written.
  if (digits !== '' && own.startsWith(digits) && own.length > digits.length && !/\d/.test(own.charAt(digits.length))) return own;
  return /^\d/.test(own) ? `${number}.${own}` : `${number}${own}`;
}

/** A label without the brackets and trailing stops it is written with: "(b)" → "b", "4." → "4". */
function bare(label: string | null): string {
  return (label ?? '').trim().replace(/^[([]+/u, '').replace(/[\s.):\]]+$/u, '');
}

/** "Action 3b", or "This action" when the plan numbers nothing. */
export function actionTitle(recommendationNumber: string | null, ref: string | null): string {
  const label = actionLabel(recommendationNumber, ref);
  return label === '' ? 'This action' : `Action ${label}`;
}

/** "Deputy Medical Director; Head of Nursing", or a plain statement when none is named. */
export function leadsText(leads: readonly string[]): string {
  const named = leads.map((lead) => lead.trim()).filter((lead) => lead !== '');
  return named.length === 0 ? 'No lead role named' : named.join('; ');
}
