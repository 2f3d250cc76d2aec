import type { Token } from './tokens.js';

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const MONTHS: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.map((name, index) => [name.toLowerCase(), index + 1] as const),
  ...['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((abbr, index) => [abbr, index + 1] as const),
  ['sept', 9],
]);

/** The month (1–12) that token `i` names, if it names one. */
export function monthAt(tokens: readonly Token[], i: number): number | undefined {
  const token = tokens[i];
  return token?.kind === 'word' ? MONTHS.get(token.lower) : undefined;
}

/**
 * A month named with no year next to it. Lower-case "may" and "march" are verbs far more
 * often than months, so they only count when a year or day pins them down.
 */
export function bareMonthAt(tokens: readonly Token[], i: number): number | undefined {
  const text = tokens[i]?.text;
  return text === 'may' || text === 'march' ? undefined : monthAt(tokens, i);
}

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? `month ${month}`;
}
