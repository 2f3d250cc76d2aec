/** Values of list item fields: checking what a client writes, comparing, and index keys. */
import { type Column, isDateOnly, isMultiLine } from './columns.js';
import { badRequest } from './errors.js';
import { isoSeconds } from './errors.js';

/** A stored value. Dates are kept as ISO strings to the second in UTC (`2025-01-31T00:00:00Z`). */
export type FieldValue = string | number | boolean;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses `2025-01-31` (as UTC midnight) or a full ISO instant; null if it is neither or not a real date. */
export function parseInstant(text: string): number | null {
  const day = DATE_ONLY.exec(text);
  if (day) {
    const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    return isoSeconds(ms).startsWith(text) ? ms : null;
  }
  if (!DATE_TIME.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

function invalid(column: Column, what: string): Error {
  return badRequest(`Invalid value for field '${column.name}': ${what}.`);
}

function checkText(column: Column, value: unknown): string {
  if (typeof value !== 'string') throw invalid(column, 'expected a string');
  const max = column.facet.maxLength;
  if (!isMultiLine(column) && typeof max === 'number' && value.length > max) {
    throw badRequest(`The value of field '${column.name}' is ${value.length} characters long; the column allows at most ${max}.`);
  }
  return value;
}

function checkDate(column: Column, value: unknown): string {
  if (typeof value !== 'string') throw invalid(column, 'expected an ISO 8601 date string');
  const ms = parseInstant(value);
  if (ms === null) throw invalid(column, `'${value}' is not an ISO 8601 date`);
  return isDateOnly(column) ? `${isoSeconds(ms).slice(0, 10)}T00:00:00Z` : isoSeconds(ms);
}

function checkChoice(column: Column, value: unknown): string {
  if (typeof value !== 'string') throw invalid(column, 'expected a string');
  const choices = Array.isArray(column.facet.choices) ? column.facet.choices : [];
  if (column.facet.allowTextEntry !== true && !choices.includes(value)) throw invalid(column, `'${value}' is not one of its choices`);
  return value;
}

function checkNumber(column: Column, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(column, 'expected a number');
  const { minimum, maximum } = column.facet;
  if ((typeof minimum === 'number' && value < minimum) || (typeof maximum === 'number' && value > maximum)) throw invalid(column, 'out of range');
  return value;
}

/** The value to store for what a client wrote, or null to clear the field. Throws 400 on a bad value. */
export function coerceFieldValue(column: Column, value: unknown): FieldValue | null {
  if (value === null) return null;
  switch (column.kind) {
    case 'text': return checkText(column, value);
    case 'number': return checkNumber(column, value);
    case 'boolean':
      if (typeof value !== 'boolean') throw invalid(column, 'expected true or false');
      return value;
    case 'dateTime': return checkDate(column, value);
    case 'choice': return checkChoice(column, value);
  }
}

/** Key under which a value sits in a column index. Text compares case-insensitively, as SharePoint does. */
export function indexKey(value: FieldValue): string {
  return typeof value === 'string' ? value.toLowerCase() : String(value);
}

/** Orders two stored values of one column; text is compared case-insensitively. */
export function compareValues(a: FieldValue, b: FieldValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = indexKey(a);
  const y = indexKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
