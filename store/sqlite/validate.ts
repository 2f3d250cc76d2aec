import { StoreError } from '../store-error.js';
export { canonicalInstant, parseInput, parseRow } from '../validate.js';

/** A row as better-sqlite3 returns it: column name to value, nothing assumed until validated. */
export type Row = Record<string, unknown>;

/** Reads a JSON column; NULL reads as null. */
export function readJson(value: unknown, column: string, where: string): unknown {
  if (value === null) return null;
  if (typeof value !== 'string') throw new StoreError('invalid', `stored ${where} has a non-text ${column}`);
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    throw new StoreError('invalid', `stored ${where} has unreadable JSON in ${column}`, { cause: error });
  }
}

/** Writes a JSON column; null and undefined are stored as NULL. */
export function writeJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

