import { z } from 'zod';
import { FuzzyDate } from './fuzzy-date.js';
import { IsoDate, IsoDateTime } from './iso-date.js';
import { Actor } from './person.js';
import { Review } from './review.js';
import { ActionStatus, Rag } from './status.js';

const Text = z.string();
/** Text a plan may leave out: absent and empty both read as null, so there is one form for "not given". */
const OptionalText = z.string().nullable().default(null);

/** A due date moved, and why (required: a date that slips silently is what we exist to stop). */
export const DueRevision = z.object({
  date: IsoDate,
  reason: z.string().min(1),
  at: IsoDateTime.nullable(),
  by: Actor.nullable(),
});
export type DueRevision = z.infer<typeof DueRevision>;

/**
 * The fields of an action as a plan states them. Shared by the import draft, the stored
 * action, exports and (later) the cards and the tab's API.
 */
export const ActionFields = z.object({
  /** The action's label as written: "a", "3.", "•", or null when the plan gives none. */
  ref: z.string().nullable(),
  text: Text,
  /** Lead roles as written, one entry per role ("Deputy Medical Director"). */
  leads: z.array(z.string()),
  /** The lead cell exactly as written, before it was split into roles. */
  leadText: OptionalText,
  due: FuzzyDate.nullable(),
  revisions: z.array(DueRevision).default([]),
  status: ActionStatus,
  rag: Rag.nullable(),
  /** The status cell as written. */
  statusText: OptionalText,
  furtherAction: OptionalText,
  evidence: OptionalText,
  measurement: OptionalText,
  outcomes: OptionalText,
  monitoring: OptionalText,
  reportedTo: OptionalText,
  completed: FuzzyDate.nullable().default(null),
  /** Cells under headings the importer does not map, kept with their heading. */
  other: z.array(z.object({ label: z.string(), value: z.string() })).default([]),
  /** No reminders about this action until after this date (a lead's snooze). */
  snoozedUntil: IsoDate.nullable().default(null),
  /** Marks for people to look at, e.g. "unparsed" when the importer could not separate its columns. */
  flags: z.array(z.string()).default([]),
  /** The latest governance review (assured, returned, not applicable); null until reviewed. */
  review: Review.nullable().default(null),
});
export type ActionFields = z.infer<typeof ActionFields>;

/** An action as imported, before it has an id. `progress` becomes its first update. */
export const ActionDraft = ActionFields.extend({
  progress: OptionalText,
  /** 1-based line (or spreadsheet row) it came from. */
  line: z.number().int().positive().nullable().optional(),
});
export type ActionDraft = z.infer<typeof ActionDraft>;

export const Action = ActionFields.extend({
  id: z.string().min(1),
  planId: z.string().min(1),
  recommendationId: z.string().min(1),
  /** Order within its recommendation. */
  position: z.number().int().nonnegative(),
  /** Bumped on every write; the store refuses a write made against an older version. */
  version: z.number().int().positive(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Action = z.infer<typeof Action>;

/** The date reminders work from: the latest revision, else the plan's own date. */
export function effectiveDue(action: Pick<ActionFields, 'due' | 'revisions'>): string | null {
  const last = action.revisions.at(-1);
  return last ? last.date : (action.due?.date ?? null);
}
