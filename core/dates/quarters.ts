import { monthAt } from './month-names.js';
import { financialYearValue, noYear, quarterValue, type Matcher } from './part-value.js';
import { digitsAt, numAt, skipSyms, skipWords, symAt, wordAt, yearAt } from './read-tokens.js';
import type { Token } from './tokens.js';

/** "2022/23", "2022/2023", "2022-23"; with `short`, also "25/26". Only consecutive years count. */
export function financialYearAt(tokens: readonly Token[], i: number, short: boolean): { startYear: number; end: number } | undefined {
  const startYear = yearAt(tokens, i, short);
  if (startYear === undefined || !symAt(tokens, i + 1, '/-', true)) return undefined;
  const second = digitsAt(tokens, i + 2, [2, 4], true);
  if (second === undefined) return undefined;
  const expected = second.length === 4 ? startYear + 1 : (startYear + 1) % 100;
  return Number(second) === expected ? { startYear, end: i + 3 } : undefined;
}

/** "2022/23", "FY 2022/23", "FY22/23", "financial year 2022-2023". */
export const matchFinancialYear: Matcher = (tokens, i) => {
  const y = skipWords(tokens, i, ['fy', 'financial', 'fin', 'year']);
  const fy = financialYearAt(tokens, y, y > i);
  return fy === undefined ? null : { end: fy.end, value: financialYearValue(fy.startYear) };
};

/**
 * "Q1 2026", "Q 4 2020", "Q1 25/26", "Q1 2025/26", "Q1 April - June 2022/23", "Quarter 2 2024".
 * "Qn YYYY" is quarter n of the financial year that starts in April YYYY.
 */
export const matchQuarter: Matcher = (tokens, i) => {
  const quarter = wordAt(tokens, i, ['q', 'quarter', 'qtr']) ? numAt(tokens, i + 1, [1]) : undefined;
  if (quarter === undefined || quarter < 1 || quarter > 4) return null;
  const afterMonths = skipQuarterMonths(tokens, i + 2);
  const y = skipWords(tokens, afterMonths, ['of', 'fy']);
  const fy = financialYearAt(tokens, y, true);
  if (fy !== undefined) return { end: fy.end, value: quarterValue(fy.startYear, quarter) };
  const year = yearAt(tokens, y, false);
  if (year !== undefined) return { end: y + 1, value: quarterValue(year, quarter) };
  return { end: afterMonths, value: noYear('quarter', (inYear) => quarterValue(inYear, quarter)) };
};

/** The months a quarter is spelt out with ("April - June", "(Jul-Sep)"): they confirm it, no more. */
function skipQuarterMonths(tokens: readonly Token[], i: number): number {
  const m = skipSyms(tokens, i, '(');
  if (monthAt(tokens, m) === undefined) return i;
  const joined = symAt(tokens, m + 1, '-–—') || wordAt(tokens, m + 1, ['to']);
  const last = joined && monthAt(tokens, m + 2) !== undefined ? m + 3 : m + 1;
  return symAt(tokens, last, ')') ? last + 1 : last;
}
