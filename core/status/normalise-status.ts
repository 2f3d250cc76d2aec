import { parseFuzzyDate } from '../dates/parse-fuzzy-date.js';
import type { FuzzyDate } from '../model/fuzzy-date.js';
import type { ActionStatus, NormalisedStatus, Rag, RagKeyEntry } from '../model/status.js';

interface Phrase {
  status: ActionStatus;
  /** Says the work is late: red when the plan gives no RAG. */
  late?: true;
}

const PHRASES: ReadonlyMap<string, Phrase> = new Map<string, Phrase>([
  ...words('not-started', ['not started', 'not yet started', 'not commenced', 'not yet commenced', 'not begun', 'not yet begun']),
  ...words('blocked', ['blocked', 'on hold', 'stalled', 'paused']),
  ...words('not-applicable', ['n/a', 'not applicable']),
  ...words('in-progress', [
    'ongoing', 'on going', 'in progress', 'commenced', 'started', 'on track', 'underway', 'under way',
    'progressing', 'being progressed', 'in place and ongoing', 'in place and on going', 'in place ongoing',
    'partially complete', 'partially completed', 'partly complete', 'partly completed', 'nearly complete', 'almost complete',
    'not complete', 'not completed', 'not yet complete', 'not yet completed', 'incomplete', 'to be completed', 'to be implemented',
  ]),
  ...words('in-progress', ['delayed', 'behind', 'behind schedule', 'overdue', 'off track', 'at risk'], true),
  ...words('complete', [
    'complete', 'completed', 'fully complete', 'closed', 'done', 'achieved', 'embedded', 'implemented', 'in place', 'finished',
  ]),
]);

function words(status: ActionStatus, phrases: readonly string[], late = false): [string, Phrase][] {
  return phrases.map((phrase) => [phrase, late ? { status, late } : { status }]);
}

const EDGE_BEFORE = '(?<![\\p{L}\\d])';
const EDGE_AFTER = '(?![\\p{L}\\d])';

/** Longest first, so "in place and ongoing" wins over "in place" and "not started" over "started". */
const PHRASE_PATTERN = new RegExp(
  `${EDGE_BEFORE}(?:${[...PHRASES.keys()]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.split(' ').map(escapeRegExp).join('[\\s-]+'))
    .join('|')})${EDGE_AFTER}`,
  'giu',
);

const COLOUR_PATTERN = new RegExp(`${EDGE_BEFORE}(red|amber|green|blue)${EDGE_AFTER}`, 'giu');

const DEFAULT_KEY: Readonly<Record<Rag, ActionStatus>> = { red: 'not-started', amber: 'in-progress', green: 'complete', blue: 'complete' };

/** Least advanced first; `not-applicable` only counts when nothing else is said. */
const ORDER: readonly ActionStatus[] = ['blocked', 'not-started', 'in-progress', 'complete', 'assured', 'not-applicable'];

interface Hit {
  index: number;
  end: number;
  phrase?: Phrase;
  rag?: Rag;
}

/**
 * Reads a status cell: "Amber", "RAG: G", "Amber - in progress", "Commenced Q2 2025",
 * "Ongoing Complete Q1 25/26 In place and ongoing". Several statuses give the least advanced;
 * a colour alone is read through the plan's RAG key; the first date written comes along.
 */
export function normaliseStatus(text: string | null | undefined, key?: readonly RagKeyEntry[]): NormalisedStatus {
  const written = text ?? '';
  const plain = withoutTags(written);
  const hits = findHits(plain);
  const phrases = hits.flatMap((hit) => (hit.phrase === undefined ? [] : [hit.phrase]));
  const colour = hits.find((hit) => hit.rag !== undefined)?.rag ?? singleLetterRag(plain);
  const stated = leastAdvanced(phrases.map((phrase) => phrase.status));
  const status = stated ?? (colour === null ? 'unknown' : statusOfRag(colour, key));
  const rag = colour ?? (phrases.some((phrase) => phrase.late) ? 'red' : null);
  return { text: written, status, rag, date: firstDate(plain, hits) };
}

/** Tags become spaces of the same length, so positions still match the text as written. */
function withoutTags(text: string): string {
  return text.replace(/<\/?[a-z][^>]*>/gi, (tag) => ' '.repeat(tag.length));
}

function findHits(text: string): Hit[] {
  const phrases = [...text.matchAll(PHRASE_PATTERN)].map((m) => ({ index: m.index, end: m.index + m[0].length, phrase: phraseOf(m[0]) }));
  const colours = [...text.matchAll(COLOUR_PATTERN)].map((m) => ({ index: m.index, end: m.index + m[0].length, rag: m[0].toLowerCase() as Rag }));
  return [...phrases, ...colours].sort((a, b) => a.index - b.index);
}

function phraseOf(matched: string): Phrase | undefined {
  return PHRASES.get(matched.toLowerCase().replace(/[\s-]+/g, ' '));
}

/** "R", "a", "RAG: G", "BRAG - B": a colour by its letter, when that letter is all the cell says. */
function singleLetterRag(text: string): Rag | null {
  const letters = text.toLowerCase().replace(/\bb?rag\b/g, '').replace(/[^a-z]/g, '');
  const rags: Readonly<Record<string, Rag>> = { r: 'red', a: 'amber', g: 'green', b: 'blue' };
  return rags[letters] ?? null;
}

function statusOfRag(rag: Rag, key: readonly RagKeyEntry[] | undefined): ActionStatus {
  return key?.find((entry) => entry.rag === rag)?.status ?? DEFAULT_KEY[rag];
}

function leastAdvanced(statuses: readonly ActionStatus[]): ActionStatus | null {
  const known = statuses.filter((status) => status !== 'unknown');
  const open = known.filter((status) => status !== 'not-applicable');
  const ranked = (open.length > 0 ? open : known).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  return ranked[0] ?? null;
}

/** The first date written between the status words ("Complete Q1 25/26", "Commenced Q2 2025"). */
function firstDate(text: string, hits: readonly Hit[]): FuzzyDate | null {
  const bounds = [0, ...hits.flatMap((hit) => [hit.index, hit.end]), text.length];
  for (let k = 0; k + 1 < bounds.length; k += 2) {
    const parsed = parseFuzzyDate(text.slice(bounds[k], bounds[k + 1]).trim());
    if (parsed !== null && (parsed.date !== null || parsed.problem !== undefined)) return parsed;
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
