import type { FoundDate } from './scan-dates.js';
import type { Token } from './tokens.js';

/** One date, or a range of them ("April 2022 - March 2023"): the first and last are what count. */
export interface DateGroup {
  parts: FoundDate[];
}

type Join = 'range' | 'list' | null;

const RANGE_JOINERS = ['-', '–', '—', 'to', 'through', 'thru', 'until', 'till', 'til'];
const LIST_JOINERS = ['/', ',', '&', '+', ';', 'and', 'or', 'then'];

/**
 * How two dates written one after the other are joined, looking only at what lies between them
 * (the second's lead-in included: in "March 2020 to June 2020" the "to" leads into June).
 */
export function joinBetween(tokens: readonly Token[], first: FoundDate, second: FoundDate, between = first.between): Join {
  const words = tokens.slice(first.to, second.textFrom).map((token) => token.lower);
  if (!words.every((word) => RANGE_JOINERS.includes(word) || LIST_JOINERS.includes(word))) return null;
  if (words.includes('/')) return 'list';
  if (words.some((word) => RANGE_JOINERS.includes(word))) return 'range';
  return between && words.includes('and') ? 'range' : 'list';
}

/**
 * A date written without a year takes the year of the date joined after it: "October /November
 * 2017" is October 2017, "April - June 2022" starts in April 2022. Runs backwards so a chain
 * ("Oct / Nov / Dec 2017") passes the year along.
 */
export function lendYears(tokens: readonly Token[], found: readonly FoundDate[]): FoundDate[] {
  const result = [...found];
  for (let k = result.length - 2; k >= 0; k -= 1) {
    const part = result[k];
    const next = result[k + 1];
    if (part === undefined || next === undefined) continue;
    const nextDate = next.value.date;
    if (part.value.withYearOf === undefined || nextDate === null || joinBetween(tokens, part, next) === null) continue;
    result[k] = { ...part, value: part.value.withYearOf(nextDate) };
  }
  return result;
}

/** Gathers dates joined as ranges into groups; every other date is a group of its own. */
export function groupDates(tokens: readonly Token[], found: readonly FoundDate[]): DateGroup[] {
  const groups: DateGroup[] = [];
  for (const part of found) {
    const group = groups.at(-1);
    const previous = group?.parts.at(-1);
    // "between X and Y": the "between" that opens the group decides what "and" means.
    const inRange = group !== undefined && previous !== undefined && joinBetween(tokens, previous, part, group.parts[0]?.between) === 'range';
    if (inRange) group.parts.push(part);
    else groups.push({ parts: [part] });
  }
  return groups;
}

/** Tokens that belong to a date: the dates with their lead-ins, and the joiners between joined dates. */
export function dateTokens(tokens: readonly Token[], found: readonly FoundDate[]): boolean[] {
  const covered = tokens.map(() => false);
  const mark = (from: number, to: number): void => {
    for (let i = from; i < to; i += 1) covered[i] = true;
  };
  found.forEach((part, k) => {
    mark(part.from, part.to);
    const next = found[k + 1];
    if (next !== undefined && joinBetween(tokens, part, next) !== null) mark(part.to, next.from);
  });
  return covered;
}
