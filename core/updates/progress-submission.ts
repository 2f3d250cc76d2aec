import { z } from 'zod';
import { progressChangeRefusal } from '../assurance/lifecycle.js';
import { type Action, ActionStatus, IsoDate, NOTE_MAX } from '../model/index.js';

/** The statuses a lead may set from a card or the tab; assurance belongs to governance. */
export const LeadStatus = z.enum(['not-started', 'in-progress', 'complete', 'blocked'], { error: 'Choose a status.' });
export type LeadStatus = z.infer<typeof LeadStatus>;

const EVIDENCE_MAX = 2000;
const REASON_MAX = 500;

const blankToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const trimmed = (max: number, what: string) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `${what} is too long (at most ${String(max)} characters)`).optional());

/**
 * A progress update as a lead submits it — from the reminder card, a chat command or the tab.
 * One schema, so every door applies the same rules (issue: "the same rules as the card").
 * Card inputs arrive as strings; empty strings mean "not given".
 */
export const ProgressSubmission = z
  .object({
    note: z.preprocess(
      blankToUndefined,
      z.string({ error: 'Say what has happened since the last update.' }).trim().max(NOTE_MAX, `The note is too long (at most ${String(NOTE_MAX)} characters).`),
    ),
    status: LeadStatus,
    revisedDue: z.preprocess(blankToUndefined, IsoDate.optional()),
    revisedReason: trimmed(REASON_MAX, 'The reason'),
    evidence: trimmed(EVIDENCE_MAX, 'The evidence'),
  })
  .strict();
export type ProgressSubmission = z.infer<typeof ProgressSubmission>;

/** Per-input messages, keyed by the input's id, as the card shows them. */
export type FieldErrors = Partial<Record<keyof ProgressSubmission, string>>;

export type SubmissionResult = { ok: true; submission: ProgressSubmission } | { ok: false; errors: FieldErrors };

/**
 * Checks a submission against the action it is for: a moved date needs a reason; marking
 * complete needs evidence (or evidence already on the action); a revised date cannot be in the
 * past; an assured or not-applicable action's status is governance's, not the update's
 * (core/assurance/lifecycle.ts), and no update sets either. Every problem is returned at once —
 * the rules that span inputs are checked on whatever could be read, even when another input is
 * wrong — so the card can show them together.
 */
export function checkSubmission(input: unknown, action: Action, today: string): SubmissionResult {
  const parsed = ProgressSubmission.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  const readable = parsed.success ? parsed.data : bestEffort(input);
  const lifecycle = lifecycleRefusal(input, action);
  if (lifecycle !== null) errors.status = lifecycle;
  const moved = readable.revisedDue !== undefined && readable.revisedDue !== currentDue(action);
  if (moved && readable.revisedReason === undefined) errors.revisedReason ??= 'Give a reason for moving the date.';
  if (moved && readable.revisedDue !== undefined && readable.revisedDue < today) errors.revisedDue ??= 'A revised date cannot be in the past.';
  if (readable.status === 'complete' && readable.evidence === undefined && !action.evidence) {
    errors.evidence ??= 'Say what shows the action is complete (a link or a description).';
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors: Object.keys(errors).length > 0 ? errors : { note: 'The update could not be read; please try again.' } };
  return { ok: true, submission: parsed.data };
}

/**
 * The lifecycle's word, in its own terms rather than "Choose a status.", when a forged or stale
 * form asks for assured or not applicable, or the action is in either: no lead status can be its
 * status then, so any update would change it.
 */
function lifecycleRefusal(input: unknown, action: Action): string | null {
  const raw = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).status : undefined;
  const asked = ActionStatus.safeParse(raw);
  return progressChangeRefusal(action.status, asked.success ? asked.data : undefined);
}

function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && field in ProgressSubmission.shape) errors[field as keyof ProgressSubmission] ??= issue.message;
  }
  return errors;
}

/** The inputs that are individually valid, for the cross-input rules when another input is not. */
function bestEffort(input: unknown): Partial<ProgressSubmission> {
  const raw = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const shape = ProgressSubmission.shape;
  const read = <K extends keyof ProgressSubmission>(key: K): ProgressSubmission[K] | undefined => {
    const result = shape[key].safeParse(raw[key]);
    return result.success ? (result.data as ProgressSubmission[K]) : undefined;
  };
  return { status: read('status'), revisedDue: read('revisedDue'), revisedReason: read('revisedReason'), evidence: read('evidence') };
}

function currentDue(action: Action): string | null {
  return action.revisions.at(-1)?.date ?? action.due?.date ?? null;
}
