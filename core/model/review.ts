import { z } from 'zod';
import { IsoDate, IsoDateTime } from './iso-date.js';
import { Actor } from './person.js';

/** A governance meeting: the forum (committee) and the day it sat. Decisions are recorded against it. */
export const Meeting = z.object({
  forum: z.string().trim().min(1).max(200),
  date: IsoDate,
});
export type Meeting = z.infer<typeof Meeting>;

/**
 * What a review decided about a completed action:
 * - `assured`: the evidence shows the action is done and did what it was for;
 * - `returned`: not yet — the action goes back to its lead (status in progress) with the reason;
 * - `not-applicable`: an editor decided the action no longer applies, with the reason.
 */
export const ReviewOutcome = z.enum(['assured', 'returned', 'not-applicable']);
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

/** The latest review of an action; earlier ones are in the audit trail. */
export const Review = z.object({
  outcome: ReviewOutcome,
  /** Required for `returned` and `not-applicable`; optional for `assured`. */
  reason: z.string().nullable(),
  by: Actor,
  at: IsoDateTime,
  /** The meeting it was decided at, when it was (usually). */
  meeting: Meeting.nullable().default(null),
});
export type Review = z.infer<typeof Review>;
