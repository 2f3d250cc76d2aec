import type { DatePart, FuzzyDate } from '../model/fuzzy-date.js';
import { buildNote } from './build-note.js';
import { dateTokens, groupDates, lendYears, type DateGroup } from './group-dates.js';
import { scanDates, type FoundDate } from './scan-dates.js';
import { statusFlags } from './status-words.js';
import { sliceTokens, tokenize, type Token } from './tokens.js';

/**
 * Reads a date as an NHS plan writes it: "Sep-20", "Q1 25/26", "Early 2024", "31ST December
 * 2019 through to 31ST August 2020", "Ongoing", "COMPLETED October /November 2017". Null only
 * for empty text. Never invents a date: an impossible or yearless one gives a `problem`.
 */
export function parseFuzzyDate(text: string): FuzzyDate | null {
  if (text.trim() === '') return null;
  const tokens = tokenize(text);
  const found = lendYears(tokens, scanDates(tokens));
  const covered = dateTokens(tokens, found);
  const groups = groupDates(tokens, found);
  const flags = statusFlags(tokens, covered);
  const settled = settledGroup(tokens, groups);
  const result: FuzzyDate = { text, ...effective(settled, flags.ongoing) };
  const earlier = groups.filter((group) => group !== settled).map((group) => datePart(text, tokens, group));
  if (earlier.length > 0) result.earlier = earlier;
  const note = buildNote(text, tokens, covered);
  if (note !== '') result.note = note;
  const problem = problems(text, tokens, found);
  if (problem !== '') result.problem = problem;
  if (flags.ongoing) result.ongoing = true;
  if (flags.complete) result.complete = true;
  return result;
}

/**
 * Words that say the date after them was replaced: "Jan 2026 (revised from Oct-25)",
 * "March 2025, originally December 2024".
 */
const SUPERSEDED = /\b(?:(?:revised|moved|changed|delayed|slipped|extended|deferred|put back)\s+from|was|previously|originally|formerly|replaces|replacing)$/;

/**
 * The group a plan settles on: the last one written, unless the wording marks it as the old
 * date. Plans append revisions ("September 2023 Q1 2026") more often than they explain them.
 */
function settledGroup(tokens: readonly Token[], groups: readonly DateGroup[]): DateGroup | undefined {
  const current = groups.filter((group, k) => !isSuperseded(tokens, group, groups[k - 1]));
  return current.at(-1) ?? groups.at(-1);
}

function isSuperseded(tokens: readonly Token[], group: DateGroup, previous: DateGroup | undefined): boolean {
  const first = group.parts[0];
  if (first === undefined) return false;
  const floor = Math.max(previous?.parts.at(-1)?.to ?? 0, first.textFrom - 4);
  const before = tokens.slice(floor, first.textFrom).filter((token) => token.kind === 'word').map((token) => token.lower).join(' ');
  return SUPERSEDED.test(before);
}

/** The date the text settles on: the last one written, with the start of its range or quarter. */
function effective(group: DateGroup | undefined, ongoing: boolean): Omit<FuzzyDate, 'text'> {
  const first = group?.parts[0];
  const last = group?.parts.at(-1);
  if (first === undefined || last === undefined) return { date: null, precision: ongoing ? 'ongoing' : 'none' };
  const { date, precision } = last.value;
  if (first !== last) return { date, precision, start: first.value.from };
  return last.value.showsStart === true ? { date, precision, start: last.value.from } : { date, precision };
}

function datePart(source: string, tokens: readonly Token[], group: DateGroup): DatePart {
  const first = group.parts[0];
  const last = group.parts.at(-1);
  if (first === undefined || last === undefined) return { text: '', date: null, precision: 'none' };
  return { text: sliceTokens(source, tokens, first.textFrom, last.to), date: last.value.date, precision: last.value.precision };
}

/** One sentence per date that could not be taken. */
function problems(source: string, tokens: readonly Token[], found: readonly FoundDate[]): string {
  const sentences = found.map((part) => {
    const written = sliceTokens(source, tokens, part.textFrom, part.to).replace(/\s+/g, ' ');
    const issue = part.value.issue;
    if (issue === undefined) return '';
    return issue.kind === 'unreal' ? `${written} is not a real date (${issue.reason})` : `There is no ${issue.what} given for "${written}"`;
  });
  return [...new Set(sentences)].filter((sentence) => sentence !== '').join('; ');
}
