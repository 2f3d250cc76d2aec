import { matchIsoDate, matchNumericDate, matchNumericMonth } from './numeric-dates.js';
import { period, type Match, type Matcher, type PartValue } from './part-value.js';
import { matchPartYear, matchSeason } from './part-years.js';
import { matchFinancialYear, matchQuarter } from './quarters.js';
import { yearAt } from './read-tokens.js';
import type { Token } from './tokens.js';
import { matchBareMonth, matchDayMonth, matchListedDay, matchMonthDay, matchMonthYear } from './worded-dates.js';

/** One date found in the text. */
export interface FoundDate {
  /** First token, including words that lead into the date ("by", "w/c", "end of"). */
  from: number;
  /** First token of the date itself. */
  textFrom: number;
  /** First token after it. */
  to: number;
  /** Led in by "between", so a following "and" makes a range. */
  between: boolean;
  value: PartValue;
}

/** "2019" on its own. */
const matchBareYear: Matcher = (tokens, i) => {
  const year = yearAt(tokens, i, false);
  return year === undefined ? null : { end: i + 1, value: period('year', year, 1, 12) };
};

/** Most specific first: a quarter before its year, a full date before a month and year. */
const MATCHERS: readonly Matcher[] = [
  matchQuarter,
  matchIsoDate,
  matchFinancialYear,
  matchNumericDate,
  matchNumericMonth,
  matchDayMonth,
  matchListedDay,
  matchPartYear,
  matchSeason,
  matchMonthDay,
  matchMonthYear,
  matchBareMonth,
  matchBareYear,
];

/** Words that may lead into a date and say nothing a note needs. */
const LEAD_INS: readonly (readonly string[])[] = [
  ['w', '/', 'c'], ['w', '/', 'b'], ['w', '/', 'e'], ['wc'], ['wb'],
  ['week', 'commencing'], ['week', 'beginning'], ['week', 'ending'],
  ['by'], ['before'], ['due'], ['to'], ['until'], ['till'], ['from'], ['between'], ['on'], ['in'], ['at'], ['for'], ['during'], ['the'], ['of'], ['end'],
  ['early', '-'], ['early'], ['mid', '-'], ['mid'], ['middle'], ['late', '-'], ['late'],
  ['monday'], ['tuesday'], ['wednesday'], ['thursday'], ['friday'], ['saturday'], ['sunday'],
];

/** Every date in the text, in the order written. */
export function scanDates(tokens: readonly Token[]): FoundDate[] {
  const found: FoundDate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const date = dateAt(tokens, i);
    if (date === null) i += 1;
    else {
      found.push(date);
      i = date.to;
    }
  }
  return found;
}

/** A date at token `i`, perhaps after lead-in words. */
function dateAt(tokens: readonly Token[], i: number): FoundDate | null {
  let j = i;
  for (;;) {
    const match = matchAt(tokens, j);
    if (match !== null) {
      const between = tokens.slice(i, j).some((token) => token.lower === 'between');
      return { from: i, textFrom: j, to: match.end, between, value: match.value };
    }
    const next = leadInEnd(tokens, j);
    if (next === j) return null;
    j = next;
  }
}

function matchAt(tokens: readonly Token[], i: number): Match | null {
  for (const matcher of MATCHERS) {
    const match = matcher(tokens, i);
    if (match !== null) return match;
  }
  return null;
}

function leadInEnd(tokens: readonly Token[], i: number): number {
  const leadIn = LEAD_INS.find((words) => words.every((word, k) => tokens[i + k]?.lower === word));
  return leadIn === undefined ? i : i + leadIn.length;
}
