import { z } from 'zod';
import { FuzzyDate } from './fuzzy-date.js';

/**
 * Where an action is in its life. `assured` (reviewed and signed off) and `not-applicable`
 * belong to governance; `unknown` is what an import gives when the plan says nothing.
 */
export const ActionStatus = z.enum([
  'not-started',
  'in-progress',
  'blocked',
  'complete',
  'assured',
  'not-applicable',
  'unknown',
]);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** Statuses that need no more reminders. */
export const CLOSED_STATUSES: readonly ActionStatus[] = ['complete', 'assured', 'not-applicable'];

/** RAG, with the blue many trusts use for "complete and assured" (BRAG). */
export const Rag = z.enum(['red', 'amber', 'green', 'blue']);
export type Rag = z.infer<typeof Rag>;

/** A line of a plan's own RAG key ("Amber — Action being progressed"). */
export const RagKeyEntry = z.object({
  rag: Rag,
  meaning: z.string(),
  status: ActionStatus,
});
export type RagKeyEntry = z.infer<typeof RagKeyEntry>;

/** What a status cell says, normalised; the words as written are kept. */
export const NormalisedStatus = z.object({
  text: z.string(),
  status: ActionStatus,
  rag: Rag.nullable(),
  /** A date written with the status ("Complete 31/01/2020", "Commenced Q2 2025"). */
  date: FuzzyDate.nullable(),
});
export type NormalisedStatus = z.infer<typeof NormalisedStatus>;
