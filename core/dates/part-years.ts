import { noYear, period, type Matcher } from './part-value.js';
import { skipSyms, skipWords, symAt, yearAt } from './read-tokens.js';
import type { Token } from './tokens.js';

/** First month and length in months of each part of a year. */
const PARTS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['early', [1, 4]],
  ['beginning', [1, 4]],
  ['start', [1, 4]],
  ['mid', [5, 4]],
  ['middle', [5, 4]],
  ['late', [9, 4]],
  ['end', [9, 4]],
]);

/** Winter runs into the next year: winter 2020 ends in February 2021. */
const SEASONS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['spring', [3, 3]],
  ['summer', [6, 3]],
  ['autumn', [9, 3]],
  ['fall', [9, 3]],
  ['winter', [12, 3]],
]);

/** "Early 2024", "mid-2020", "late 2020", "end of 2020", "end 2020". */
export const matchPartYear: Matcher = (tokens, i) => {
  const part = PARTS.get(tokens[i]?.lower ?? '');
  if (part === undefined) return null;
  const y = skipSyms(tokens, skipWords(tokens, i + 1, ['of', 'the']), '-');
  const year = plainYearAt(tokens, y);
  return year === undefined ? null : { end: y + 1, value: period('part-year', year, part[0], part[1]) };
};

/** "Spring 2021", "summer 2020", "winter 2020"; "summer" alone has no year. */
export const matchSeason: Matcher = (tokens, i) => {
  const season = SEASONS.get(tokens[i]?.lower ?? '');
  if (season === undefined) return null;
  const y = skipSyms(tokens, skipWords(tokens, i + 1, ['of']), '-');
  const year = plainYearAt(tokens, y);
  if (year !== undefined) return { end: y + 1, value: period('part-year', year, season[0], season[1]) };
  if (tokens[i]?.lower === 'fall') return null;
  return { end: i + 1, value: noYear('part-year', (inYear) => period('part-year', inYear, season[0], season[1])) };
};

/** A four-digit year that is not the start of a financial year or a date in figures. */
function plainYearAt(tokens: readonly Token[], i: number): number | undefined {
  const continues = symAt(tokens, i + 1, '/-', true) && tokens[i + 2]?.kind === 'num' && tokens[i + 2]?.spaced === false;
  return continues ? undefined : yearAt(tokens, i, false);
}
