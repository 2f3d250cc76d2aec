import type { z } from 'zod';
import { StoreError } from '../store-error.js';
import { describeIssues } from './sqlite-errors.js';

/** A row as better-sqlite3 returns it: column name to value, nothing assumed until validated. */
export type Row = Record<string, unknown>;

/** Checks a caller's input; a rejection names the problem and nothing has been written yet. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoreError('invalid', `invalid ${what}: ${describeIssues(result.error)}`, { cause: result.error });
  return result.data;
}

/** Checks what was read back; a row that does not fit the model fails loudly instead of leaking out. */
export function parseRow<S extends z.ZodType>(schema: S, candidate: unknown, where: string): z.output<S> {
  const result = schema.safeParse(candidate);
  if (!result.success) {
    throw new StoreError('invalid', `stored ${where} does not match the model: ${describeIssues(result.error)}`, { cause: result.error });
  }
  return result.data;
}

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

/** An instant as the store keeps it: UTC, `toISOString` form, so that text order is time order. */
export function canonicalInstant(value: string): string {
  return new Date(value).toISOString();
}
