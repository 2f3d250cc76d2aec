import { z } from 'zod';
import { IsoDateTime } from './iso-date.js';
import { Actor, ChangeSource } from './person.js';
import { Meeting } from './review.js';

/** What an audit entry is about. */
export const AuditEntity = z.enum(['plan', 'recommendation', 'action', 'measure']);
export type AuditEntity = z.infer<typeof AuditEntity>;

/**
 * One field changed: its value before and after, as text a person can read (dates as
 * YYYY-MM-DD, lists joined with "; ", structured values as compact JSON; null for empty).
 */
export const FieldChange = z.object({
  field: z.string().min(1),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/** Who made a change, from where, and (for governance decisions) at which meeting. */
export const ChangedBy = z.object({
  actor: Actor,
  source: ChangeSource,
  meeting: Meeting.nullable().default(null),
  /** A sentence for the trail when the field list alone does not say it ("Plan replaced by import of plan.docx"). */
  summary: z.string().nullable().default(null),
});
export type ChangedBy = z.input<typeof ChangedBy>;

/**
 * One change to a plan, recommendation, action or measure, written by the store in the same
 * write as the change itself: who, when, where from, which fields, old → new.
 */
export const AuditEntry = z.object({
  id: z.string().min(1),
  planId: z.string().min(1),
  entity: AuditEntity,
  entityId: z.string().min(1),
  at: IsoDateTime,
  actor: Actor,
  source: ChangeSource,
  meeting: Meeting.nullable().default(null),
  summary: z.string().nullable().default(null),
  /** Empty only for entries that are all summary (a plan created or replaced by import). */
  changes: z.array(FieldChange),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Which entries to read: a plan's, optionally one entity's, optionally only from an instant on. */
export const AuditQuery = z.object({
  planId: z.string().min(1),
  entityId: z.string().min(1).optional(),
  /** Inclusive. */
  since: IsoDateTime.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
