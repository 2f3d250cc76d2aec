import { dayValue, monthValue, type Matcher } from './part-value.js';
import { numAt, symAt, yearAt } from './read-tokens.js';

/** "2024-03-31". */
export const matchIsoDate: Matcher = (tokens, i) => {
  const year = yearAt(tokens, i, false);
  if (year === undefined || !symAt(tokens, i + 1, '-', true) || !symAt(tokens, i + 3, '-', true)) return null;
  const month = numAt(tokens, i + 2, [1, 2], true);
  const day = numAt(tokens, i + 4, [1, 2], true);
  if (month === undefined || day === undefined) return null;
  return { end: i + 5, value: dayValue(year, month, day) };
};

/** Day first, as in the UK: "01/11/2019", "1/2/20", "31.12.2019", "31-12-2019". */
export const matchNumericDate: Matcher = (tokens, i) => {
  const day = numAt(tokens, i, [1, 2]);
  const separator = tokens[i + 1]?.text ?? '';
  if (day === undefined || !symAt(tokens, i + 1, '/.-', true) || !symAt(tokens, i + 3, separator, true)) return null;
  const month = numAt(tokens, i + 2, [1, 2], true);
  const year = yearAt(tokens, i + 4, true, true);
  if (month === undefined || year === undefined) return null;
  return { end: i + 5, value: dayValue(year, month, day) };
};

/** Month and year in figures: "03/2020". */
export const matchNumericMonth: Matcher = (tokens, i) => {
  const month = numAt(tokens, i, [1, 2]);
  if (month === undefined || !symAt(tokens, i + 1, '/', true)) return null;
  const year = yearAt(tokens, i + 2, false, true);
  return year === undefined ? null : { end: i + 3, value: monthValue(year, month) };
};
