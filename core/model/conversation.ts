import { z } from 'zod';
import { IsoDateTime } from './iso-date.js';

/**
 * Where the bot can reach a person proactively: the parts of a Bot Framework conversation
 * reference we need, plus whatever else the channel sent (kept, not interpreted).
 */
export const ConversationReference = z.looseObject({
  serviceUrl: z.url(),
  channelId: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1), tenantId: z.string().optional(), conversationType: z.string().optional() }),
  bot: z.looseObject({ id: z.string().min(1), name: z.string().optional() }),
  user: z.looseObject({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() }).optional(),
  locale: z.string().optional(),
});
export type ConversationReference = z.infer<typeof ConversationReference>;

/** One person's chat with the bot, keyed by their Entra object id. */
export const Conversation = z.object({
  aadObjectId: z.string().min(1),
  displayName: z.string().nullable(),
  tenantId: z.string().nullable(),
  reference: ConversationReference,
  /** False after the person uninstalled or blocked the bot (403 MessageWritesBlocked): stop trying. */
  usable: z.boolean(),
  unusableReason: z.string().nullable(),
  updatedAt: IsoDateTime,
});
export type Conversation = z.infer<typeof Conversation>;

/** Held by one process at a time: only the lease holder sweeps reminders. */
export const Lease = z.object({
  name: z.string().min(1),
  holder: z.string().min(1),
  expiresAt: IsoDateTime,
});
export type Lease = z.infer<typeof Lease>;
