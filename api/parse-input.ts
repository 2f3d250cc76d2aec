import type { z } from 'zod';
import { ApiError } from './api-error.js';

/** A request body or query read with the contract's schema; anything else is a 400 naming the first problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ApiError(400, 'BadRequest', `${what}: ${describeIssues(parsed.error.issues)}`);
}

/** "fields.status: Invalid option" — where, then what, for the first few problems. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * A request whose inputs a person typed: not the right shape at all → 400; the right shape with
 * inputs the model refuses → 422 with a message per input (under `under`, when the inputs are
 * nested, as an edit's `fields`). A strict schema's unknown input is named, not dropped.
 */
export function parseFields<S extends z.ZodType>(schema: S, input: unknown, what: string, options: { code: string; under?: string }): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  let other = false;
  for (const issue of parsed.error.issues) {
    const path = options.under === undefined ? issue.path : issue.path[0] === options.under ? issue.path.slice(1) : null;
    const [field] = path ?? [];
    if (typeof field === 'string') fields[field] ??= issue.message;
    else if (path !== null && issue.code === 'unrecognized_keys') for (const key of issue.keys) fields[key] ??= 'This cannot be set here.';
    else other = true;
  }
  if (!other && Object.keys(fields).length > 0) throw new ApiError(422, options.code, `${what} cannot be saved as it is.`, fields);
  throw new ApiError(400, 'BadRequest', `${what}: ${describeIssues(parsed.error.issues)}`);
}
