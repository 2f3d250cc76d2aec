import type { DatePrecision } from '../model/fuzzy-date.js';
import { daysInMonth, isoOf } from '../model/iso-date.js';
import { monthName } from './month-names.js';
import type { Token } from './tokens.js';

/** Why a date written could not be taken. */
export type Issue = { kind: 'unreal'; reason: string } | { kind: 'missing'; what: 'year' | 'month' };

/** What one date as written means. */
export interface PartValue {
  /** The end of the period named (the date to plan against), or null when there is none. */
  date: string | null;
  precision: DatePrecision;
  /** The first day of the period named: the start of a range that begins here. */
  from: string | null;
  /** Report `from` as the start even when the date stands alone (quarters, financial years). */
  showsStart?: boolean;
  issue?: Issue;
  /** For a date written without its year (or month): completed from the date written after it. */
  withYearOf?: (next: string) => PartValue;
}

export interface Match {
  /** Index of the first token after the date. */
  end: number;
  value: PartValue;
}

/** Tries to read one form of date starting at token `i`. */
export type Matcher = (tokens: readonly Token[], i: number) => Match | null;

/** `months` months starting with `month` of `year`; the date is the last day of the last one. */
export function period(precision: DatePrecision, year: number, month: number, months: number, showsStart = false): PartValue {
  const lastIndex = month - 1 + months - 1;
  const endYear = year + Math.floor(lastIndex / 12);
  const endMonth = (lastIndex % 12) + 1;
  const value: PartValue = { date: isoOf(endYear, endMonth, daysInMonth(endYear, endMonth)), precision, from: isoOf(year, month, 1) };
  return showsStart ? { ...value, showsStart } : value;
}

export function dayValue(year: number, month: number, day: number): PartValue {
  if (month < 1 || month > 12) return unreal('month', `there is no month ${month}`);
  if (day < 1) return unreal('day', `there is no day ${day}`);
  const days = daysInMonth(year, month);
  if (day > days) return unreal('day', `${monthName(month)} ${year} has ${days} days`);
  const iso = isoOf(year, month, day);
  return { date: iso, precision: 'day', from: iso };
}

export function monthValue(year: number, month: number): PartValue {
  return month >= 1 && month <= 12 ? period('month', year, month, 1) : unreal('month', `there is no month ${month}`);
}

/** NHS financial-year quarters: Q1 is April–June of the year that starts in April `startYear`. */
export function quarterValue(startYear: number, quarter: number): PartValue {
  return quarter === 4 ? period('quarter', startYear + 1, 1, 3, true) : period('quarter', startYear, 4 + 3 * (quarter - 1), 3, true);
}

/** The financial year April `startYear` to March of the next year. */
export function financialYearValue(startYear: number): PartValue {
  return period('year', startYear, 4, 12, true);
}

export function unreal(precision: DatePrecision, reason: string): PartValue {
  return { date: null, precision, from: null, issue: { kind: 'unreal', reason } };
}

/** A date written without its year; `build` makes it in a given year once one is known. */
export function noYear(precision: DatePrecision, build: (year: number) => PartValue): PartValue {
  return { date: null, precision, from: null, issue: { kind: 'missing', what: 'year' }, withYearOf: (next) => latestNotAfter(build, next) };
}

/** A day written without month or year ("9th" in "9th, 19th December 2013"). */
export function noMonth(day: number): PartValue {
  const withYearOf = (next: string): PartValue => dayValue(Number(next.slice(0, 4)), Number(next.slice(5, 7)), day);
  return { date: null, precision: 'day', from: null, issue: { kind: 'missing', what: 'month' }, withYearOf };
}

/** "October / November 2017": October of the year that keeps it from coming after November 2017. */
function latestNotAfter(build: (year: number) => PartValue, next: string): PartValue {
  const year = Number(next.slice(0, 4));
  const same = build(year);
  return same.date !== null && same.date > next ? build(year - 1) : same;
}
