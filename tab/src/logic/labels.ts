import type { ChangeSource, Rag } from '../../../core/model/index.js';

/** The words the tab shows for the model's codes; the same as the bot's cards where they overlap. */

export { STATUSES, statusLabel, ukDate } from '../../../core/views/labels.js';

const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', blue: 'Blue' };

export const RAGS = Object.keys(RAG_LABELS) as Rag[];

export function ragLabel(rag: Rag | null): string {
  return rag === null ? 'No RAG' : RAG_LABELS[rag];
}

const SOURCE_LABELS: Record<ChangeSource, string> = {
  card: 'from the card',
  tab: 'from the tab',
  import: 'from import',
  chat: 'from chat',
  cli: 'from the command line',
};

export function sourceLabel(source: ChangeSource): string {
  return SOURCE_LABELS[source];
}

// One formatter for the whole app: building Intl formatters per row is what makes long lists slow.
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

/** An instant as UK people read it: "3 Oct 2025, 14:05" (UK time, whatever the browser's zone). */
export function ukDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : DATE_TIME.format(time);
}

/**
 * How people name an action: its recommendation's number and its own label, as written but
 * without brackets and stops ("2" + "b)" → "2b", "3" + "1" → "3.1"). Empty when neither is numbered.
 */
export function actionLabel(recommendationNumber: string | null, ref: string | null): string {
  const number = bare(recommendationNumber);
  const own = bare(ref);
  if (!/[\p{L}\p{N}]/u.test(own)) return number;
  if (number === '') return own;
  // "3.1" or "3b" under recommendation 3 already says which recommendation it belongs to.
  if (own.startsWith(number) && own.length > number.length && !/\d/.test(own.charAt(number.length))) return own;
  return /^\d/.test(own) ? `${number}.${own}` : `${number}${own}`;
}

function bare(label: string | null): string {
  return (label ?? '').trim().replace(/^[([]+/u, '').replace(/[\s.):\]]+$/u, '');
}

export function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** Text ending as a sentence does: a full stop added unless it already ends with one (or ! or ?). */
export function asSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}
