import { z } from 'zod';
import { Person } from './person.js';

/**
 * Plans name roles, not people ("Deputy Medical Director"). A role maps to whoever holds it,
 * and to deputies who may answer for them.
 */
export const Role = z.object({
  id: z.string().min(1),
  /** The role as plans write it. */
  name: z.string().min(1),
  /** Lower-cased, punctuation-folded name: how actions' lead text is matched to roles. */
  key: z.string().min(1),
  holders: z.array(Person).default([]),
  deputies: z.array(Person).default([]),
});
export type Role = z.infer<typeof Role>;

export const NewRole = Role.omit({ id: true, key: true });
export type NewRole = z.input<typeof NewRole>;

export function roleKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
