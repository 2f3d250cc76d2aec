import { z } from 'zod';
import type { Action, ActionFields } from '../model/index.js';

/**
 * What must still be true for a change to an action to apply:
 * - `{ version }`: nothing has changed since that version (a full edit form);
 * - `{ unchanged }`: the fields the change touches still hold the values the writer saw (a card
 *   submit: someone fixing a typo in the action's text must not make a lead's update fail, but a
 *   status someone else changed meanwhile must not be silently overwritten).
 */
export type ActionPrecondition = { version: number } | { unchanged: Partial<ActionFields> };

/** What a store accepts: a bare version number, or either form above. */
export const ActionPreconditionInput = z.union([
  z.number().int().positive().transform((version) => ({ version })),
  z.object({ version: z.number().int().positive() }).strict(),
  z.object({ unchanged: z.record(z.string(), z.unknown()) }).strict(),
]);
type CheckedPrecondition = z.output<typeof ActionPreconditionInput>;

/** Null when the precondition holds; otherwise the reason, naming what changed. */
export function preconditionFailure(current: Action, precondition: ActionPrecondition | CheckedPrecondition): string | null {
  if ('version' in precondition) {
    return current.version === precondition.version ? null : `it is at version ${current.version}, not ${precondition.version}`;
  }
  const changed = Object.entries(precondition.unchanged)
    .filter(([field, seen]) => !sameValue((current as Record<string, unknown>)[field], seen))
    .map(([field]) => field);
  return changed.length === 0 ? null : `${changed.join(', ')} changed since it was read`;
}

/** Values compared as JSON: the model holds only plain data. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
