import type { FieldChange } from '../model/index.js';

/**
 * Fields the store owns (ids, order, versions, stamps): they change on every write, so an
 * audit entry listing them would say nothing a person asked for.
 */
export const STORE_OWNED_FIELDS: readonly string[] = [
  'id',
  'planId',
  'recommendationId',
  'position',
  'version',
  'createdAt',
  'updatedAt',
  'contentKey',
];

/**
 * The fields whose value differs between `before` and `after`, each as readable text, in the
 * order of `fields` (default: the keys of `after`, then any only `before` has, less the store's).
 * `before` null means the thing is new: every field with a value is listed, from null.
 * Values are compared by content (key order and empty forms do not count as a change), so
 * the same object read back from another store gives no entries.
 */
export function diffFields<T extends object>(before: object | null, after: T, fields?: readonly (keyof T & string)[]): FieldChange[] {
  const from = (before ?? {}) as Readonly<Record<string, unknown>>;
  const to = after as Readonly<Record<string, unknown>>;
  const names = fields ?? defaultFields(from, to);
  const changes: FieldChange[] = [];
  for (const field of names) {
    const old = normalise(from[field]);
    const now = normalise(to[field]);
    if (canonical(old) === canonical(now)) continue;
    changes.push({ field, from: renderValue(field, old), to: renderValue(field, now) });
  }
  return changes;
}

function defaultFields(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  const names = new Set([...Object.keys(after), ...Object.keys(before)]);
  return [...names].filter((name) => !STORE_OWNED_FIELDS.includes(name));
}

/** One form for "no value": absent, null, blank text and an empty list all read as null. */
function normalise(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  return value;
}

/** JSON with keys sorted and undefined members dropped, so equal content compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => (isRecord(member) ? sortKeys(member) : member));
}

function sortKeys(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key];
  return sorted;
}

/**
 * A value as a person reads it in the trail: text as is (ISO dates stay YYYY-MM-DD), fuzzy
 * dates as written with the date they mean, lists joined with "; ", revisions and reviews as
 * a short sentence, anything else as compact JSON. Null for no value.
 */
export function renderValue(field: string, value: unknown): string | null {
  const present = normalise(value);
  if (present === null) return null;
  if (typeof present === 'string') return present;
  if (typeof present === 'number' || typeof present === 'boolean') return String(present);
  if (Array.isArray(present)) return present.map((item) => renderItem(field, item)).join('; ');
  return renderItem(field, present);
}

function renderItem(field: string, item: unknown): string {
  if (typeof item === 'string') return item;
  if (typeof item === 'number' || typeof item === 'boolean') return String(item);
  if (!isRecord(item)) return canonical(item);
  if (field === 'review') return reviewSentence(item);
  if (field === 'revisions') return revisionSentence(item);
  if (isFuzzyDate(item)) return fuzzyText(item);
  if (typeof item.label === 'string' && typeof item.value === 'string') return `${item.label}: ${item.value}`;
  if (typeof item.displayName === 'string') return item.displayName;
  return canonical(item);
}

function isFuzzyDate(item: Readonly<Record<string, unknown>>): item is { text: string; date: string | null } {
  return typeof item.text === 'string' && (typeof item.date === 'string' || item.date === null) && typeof item.precision === 'string';
}

/** "Sep-20 (2020-09-30)"; the text alone when it is the date, or no date was taken from it. */
function fuzzyText(date: { text: string; date: string | null }): string {
  const text = date.text.trim();
  if (date.date === null) return text === '' ? 'no date' : text;
  if (text === '' || text === date.date) return date.date;
  return `${text} (${date.date})`;
}

/** "2024-05-31, because the audit moved (Jo Bloggs)". */
function revisionSentence(revision: Readonly<Record<string, unknown>>): string {
  const date = typeof revision.date === 'string' ? revision.date : '?';
  const reason = typeof revision.reason === 'string' ? `, because ${revision.reason}` : '';
  const who = personName(revision.by);
  return `${date}${reason}${who === null ? '' : ` (${who})`}`;
}

/** "assured by Jo Bloggs at Quality Committee on 2024-05-01: evidence seen". */
function reviewSentence(review: Readonly<Record<string, unknown>>): string {
  const outcome = typeof review.outcome === 'string' ? review.outcome : 'reviewed';
  const who = personName(review.by);
  const meeting = isRecord(review.meeting) ? review.meeting : null;
  const where = meeting !== null && typeof meeting.forum === 'string' ? ` at ${meeting.forum}` : '';
  const day = meeting !== null && typeof meeting.date === 'string' ? meeting.date : typeof review.at === 'string' ? review.at.slice(0, 10) : null;
  const reason = typeof review.reason === 'string' && review.reason.trim() !== '' ? `: ${review.reason}` : '';
  return `${outcome}${who === null ? '' : ` by ${who}`}${where}${day === null ? '' : ` on ${day}`}${reason}`;
}

function personName(value: unknown): string | null {
  if (!isRecord(value)) return null;
  if (typeof value.displayName === 'string' && value.displayName !== '') return value.displayName;
  return typeof value.aadObjectId === 'string' ? value.aadObjectId : null;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
