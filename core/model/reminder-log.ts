import { z } from 'zod';
import { IsoDate, IsoDateTime } from './iso-date.js';

export const ReminderKind = z.enum(['before-due', 'due', 'overdue', 'escalation', 'unassigned']);
export type ReminderKind = z.infer<typeof ReminderKind>;

export const ReminderState = z.enum(['planned', 'sending', 'sent', 'failed', 'skipped']);
export type ReminderState = z.infer<typeof ReminderState>;

/**
 * One reminder for one person about one action. `key` is unique: the same reminder is never
 * planned twice, which is what lets the runner restart without repeating itself.
 */
export const ReminderLogEntry = z.object({
  id: z.string().min(1),
  key: z.string().min(1),
  planId: z.string().min(1),
  actionId: z.string().min(1),
  recipient: z.string().min(1),
  kind: ReminderKind,
  dueDate: IsoDate.nullable(),
  plannedFor: IsoDateTime,
  state: ReminderState,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  sentAt: IsoDateTime.nullable(),
});
export type ReminderLogEntry = z.infer<typeof ReminderLogEntry>;

export const NewReminder = ReminderLogEntry.omit({ id: true, state: true, attempts: true, lastError: true, sentAt: true });
export type NewReminder = z.infer<typeof NewReminder>;
