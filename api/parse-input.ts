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
