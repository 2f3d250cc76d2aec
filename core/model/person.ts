import { z } from 'zod';

/** A person, identified by their Entra object id; the name is for display only. */
export const Person = z.object({
  aadObjectId: z.string().min(1),
  displayName: z.string().min(1),
  email: z.email().nullable().optional(),
});
export type Person = z.infer<typeof Person>;

/** Who did something: a person, or the importer/CLI acting for no one in particular. */
export const Actor = z.object({
  aadObjectId: z.string().nullable(),
  displayName: z.string().nullable(),
});
export type Actor = z.infer<typeof Actor>;

/** Where a change came from; the audit trail and the update timeline show it. */
export const ChangeSource = z.enum(['card', 'chat', 'tab', 'import', 'cli']);
export type ChangeSource = z.infer<typeof ChangeSource>;
