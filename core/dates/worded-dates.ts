import { bareMonthAt, monthAt } from './month-names.js';
import { dayValue, monthValue, noMonth, noYear, type Matcher } from './part-value.js';
import { numAt, skipOrdinal, skipSyms, skipWords, symAt, wordAt, yearAt } from './read-tokens.js';
import type { Token } from './tokens.js';

/** "1st March 2020", "23 rd March 2021", "31 Dec 2019", "1st of March 13"; "1st March" has no year. */
export const matchDayMonth: Matcher = (tokens, i) => {
  const day = numAt(tokens, i, [1, 2]);
  if (day === undefined) return null;
  const m = skipWords(tokens, skipOrdinal(tokens, i + 1), ['of']);
  const month = monthAt(tokens, m);
  if (month === undefined) return null;
  const y = skipSyms(tokens, m + 1, ',.');
  const year = yearAt(tokens, y, true);
  if (year !== undefined) return { end: y + 1, value: dayValue(year, month, day) };
  if (bareMonthAt(tokens, m) === undefined) return null;
  return { end: m + 1, value: noYear('day', (inYear) => dayValue(inYear, month, day)) };
};

/** "17, 23, 31 July 2013", "9th, 19th December 2013", "1 - 5 March 2020": days before the month they share. */
export const matchListedDay: Matcher = (tokens, i) => {
  const day = numAt(tokens, i, [1, 2]);
  if (day === undefined) return null;
  const end = skipOrdinal(tokens, i + 1);
  const next = skipListJoiners(tokens, end);
  if (next === end || (matchDayMonth(tokens, next) === null && matchListedDay(tokens, next) === null)) return null;
  return { end, value: noMonth(day) };
};

function skipListJoiners(tokens: readonly Token[], i: number): number {
  let j = i;
  while (symAt(tokens, j, ',&-–—') || wordAt(tokens, j, ['and', 'to'])) j += 1;
  return j;
}

/**
 * "December 31st, 2019", "December 31st 2019", "Jan 14, 2020". Without a four-digit year it
 * is a day only with an ordinal or a one-digit day ("March 1st"): "Jan 14" is January 2014.
 */
export const matchMonthDay: Matcher = (tokens, i) => {
  const month = monthAt(tokens, i);
  const d = skipSyms(tokens, i + 1, '.');
  const day = numAt(tokens, d, [1, 2]);
  if (month === undefined || day === undefined) return null;
  const afterDay = skipOrdinal(tokens, d + 1);
  const y = skipSyms(tokens, afterDay, ',');
  const year = yearAt(tokens, y, false);
  if (year !== undefined) return { end: y + 1, value: dayValue(year, month, day) };
  const plainlyDay = afterDay > d + 1 || tokens[d]?.text.length === 1;
  if (!plainlyDay || bareMonthAt(tokens, i) === undefined) return null;
  return { end: afterDay, value: noYear('day', (inYear) => dayValue(inYear, month, day)) };
};

/** "January 2014", "Sept 2021", "Sep-20", "Jan 14", "March, 2020". */
export const matchMonthYear: Matcher = (tokens, i) => {
  const month = monthAt(tokens, i);
  if (month === undefined) return null;
  const y = skipSyms(tokens, i + 1, ",.-'’");
  const year = yearAt(tokens, y, true);
  return year === undefined ? null : { end: y + 1, value: monthValue(year, month) };
};

/** "March" on its own: a month, but no year to put it in. */
export const matchBareMonth: Matcher = (tokens, i) => {
  const month = bareMonthAt(tokens, i);
  return month === undefined ? null : { end: i + 1, value: noYear('month', (year) => monthValue(year, month)) };
};
