import type { ZodError, z } from 'zod';
import { IsoDateTime } from '../core/model/index.js';
import { StoreError } from './store-error.js';

/** Checks a caller's input; a rejection names the problem and nothing has been written yet. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoreError('invalid', `invalid ${what}: ${describeIssues(result.error)}`, { cause: result.error });
  return result.data;
}

/** Checks what was read back; stored data that does not fit the model fails loudly instead of leaking out. */
export function parseRow<S extends z.ZodType>(schema: S, candidate: unknown, where: string): z.output<S> {
  const result = schema.safeParse(candidate);
  if (!result.success) {
    throw new StoreError('invalid', `stored ${where} does not match the model: ${describeIssues(result.error)}`, { cause: result.error });
  }
  return result.data;
}

/** A short, readable list of what a schema rejected: "plan.title: Too small…; recommendations.0.text: …". */
export function describeIssues(error: ZodError): string {
  const shown = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.map(String).join('.');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${String(more)} more` : shown.join('; ');
}

/** An instant as the stores keep it: UTC, `toISOString` form, so that text order is time order. */
export function canonicalInstant(value: string): string {
  return new Date(value).toISOString();
}

/** A caller's instant ("now", "at"): validated, then kept in the stores' canonical form. */
export function parseInstant(value: unknown, what: string): string {
  return canonicalInstant(parseInput(IsoDateTime, value, what));
}
