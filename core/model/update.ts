import { z } from 'zod';
import { IsoDate, IsoDateTime } from './iso-date.js';
import { Actor, ChangeSource } from './person.js';
import { ActionStatus } from './status.js';

/** Longest progress note accepted from a card or the tab. */
export const NOTE_MAX = 2000;

/** A dated progress entry on an action: who said what, from where, and what it changed. */
export const Update = z.object({
  id: z.string().min(1),
  actionId: z.string().min(1),
  planId: z.string().min(1),
  at: IsoDateTime,
  author: Actor,
  source: ChangeSource,
  note: z.string(),
  status: ActionStatus.nullable().default(null),
  revisedDue: z.object({ date: IsoDate, reason: z.string().min(1) }).nullable().default(null),
  evidence: z.string().nullable().default(null),
  /** Set by the sender (e.g. the card's submit id) so a double submit records one update. */
  idempotencyKey: z.string().nullable().default(null),
});
export type Update = z.infer<typeof Update>;

/** An update as offered by a card, the tab or the CLI, before the store gives it an id. */
export const NewUpdate = Update.omit({ id: true });
export type NewUpdate = z.input<typeof NewUpdate>;
