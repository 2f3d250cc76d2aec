import { z } from 'zod';
import type { Action, ActionFields, Actor, ChangedBy, ChangeSource, Plan, Review, Role } from '../model/index.js';
import { Meeting } from '../model/index.js';
import { statusPhrase, ukDate } from '../views/labels.js';
import { mayDecide, ReviewDecision, reviewerRight, type Transition, transitionOf } from './lifecycle.js';

const REASON_MAX = 500;
const blankToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A decision as a reviewer sends it, from the meeting view, the tab or the CLI. */
export const ReviewRequest = z
  .object({
    decision: ReviewDecision,
    reason: z.preprocess(blankToUndefined, z.string().trim().max(REASON_MAX, `The reason is too long (at most ${String(REASON_MAX)} characters).`).optional()),
    /** The meeting it is decided at, when it is. */
    meeting: Meeting.nullable().optional(),
    /** The action's version the reviewer looked at: a change since then is refused, not overwritten. */
    version: z.number().int().positive().optional(),
  })
  .strict();
export type ReviewRequest = z.input<typeof ReviewRequest>;

/** Per-input messages; `decision` also carries the rule that refused it. */
export type ReviewErrors = Partial<Record<'decision' | 'reason' | 'meeting' | 'version', string>>;

/** The reviewer as the platform identified them (never from a request body). */
export interface Reviewer {
  aadObjectId: string;
  displayName: string | null;
}

export interface ReviewContext {
  /** The action as it is now. */
  action: Action;
  plan: Pick<Plan, 'owner' | 'reviewers' | 'status'>;
  roles: readonly Role[];
  reviewer: Reviewer;
  /** Who recorded the action's completion (`completionOf`), or null when nobody known did. */
  completedBy: Actor | null;
}

export interface DecideReviewInput extends ReviewContext {
  request: unknown;
  source: ChangeSource;
  /** The instant stamped on the review. */
  at: string;
}

/** What must still hold for the decision to apply; the store compares these fields (and `version`, if given). */
export interface ReviewPrecondition {
  unchanged: Partial<ActionFields> & { version?: number };
}

export type ReviewResult =
  | {
      ok: true;
      decision: ReviewDecision;
      patch: Pick<Partial<ActionFields>, 'status' | 'review' | 'snoozedUntil'>;
      precondition: ReviewPrecondition;
      /** For the audit trail: the reviewer, the source, the meeting and a sentence. */
      by: ChangedBy;
      /** Tell the lead now: the action is theirs again (and reminders resume, as it is open). */
      notifyLead: boolean;
    }
  /** `forbidden`: not the caller's decision (403); `conflict`: changed since seen (409); `invalid`: the rules refuse it (422). */
  | { ok: false; refusal: 'forbidden' | 'conflict' | 'invalid'; errors: ReviewErrors };

/**
 * A governance decision about one action, checked against the lifecycle table: who may take it,
 * from which status, with what reason and evidence; a reviewer may not assure what they recorded
 * as complete themselves (separation of duties). Produces the action's patch and the precondition
 * that makes a concurrent change fail in the store instead of being overwritten.
 */
export function decideReview(input: DecideReviewInput): ReviewResult {
  const parsed = ReviewRequest.safeParse(input.request);
  if (!parsed.success) return { ok: false, refusal: 'invalid', errors: requestErrors(parsed.error.issues) };
  const request = parsed.data;
  const transition = transitionOf(request.decision);
  const forbidden = forbiddenReason(input, transition);
  if (forbidden !== null) return { ok: false, refusal: 'forbidden', errors: { decision: forbidden } };
  if (request.version !== undefined && request.version !== input.action.version) {
    return { ok: false, refusal: 'conflict', errors: { version: 'The action has changed since you opened it; look at it again before deciding.' } };
  }
  const errors: ReviewErrors = {};
  const refused = ruleRefusal(input, transition);
  if (refused !== null) errors.decision = refused;
  if (transition.reasonRequired && request.reason === undefined) errors.reason = 'Give the reason for this decision.';
  if (Object.keys(errors).length > 0) return { ok: false, refusal: 'invalid', errors };
  return accepted(input, transition, request.reason ?? null, request.meeting ?? null, request.version);
}

/**
 * Why this reviewer may not take this decision on this action now, or null when they may
 * (leaving aside the reason, which is asked for with the decision). The meeting view asks it
 * to offer only the buttons that would work.
 */
export function decisionRefusal(context: ReviewContext, decision: ReviewDecision): string | null {
  const transition = transitionOf(decision);
  return forbiddenReason(context, transition) ?? ruleRefusal(context, transition);
}

function forbiddenReason(context: ReviewContext, transition: Transition): string | null {
  const right = reviewerRight(context.reviewer.aadObjectId, context.plan, context.roles);
  if (mayDecide(right, transition.who)) return null;
  return transition.who === 'editor' ? 'Only an editor of this plan may take this decision.' : 'Only a reviewer of this plan may assure or return its actions.';
}

function ruleRefusal(context: ReviewContext, transition: Transition): string | null {
  const { action } = context;
  if (context.plan.status === 'closed') return 'The plan is closed; reopen it first.';
  if (!transition.from.includes(action.status)) return `Not possible: the action ${statusPhrase(action.status)}.`;
  if (transition.evidenceRequired && (action.evidence ?? '').trim() === '') return 'No evidence is recorded; it cannot be assured without it.';
  if (transition.decision === 'assure' && sameActor(context.completedBy, context.reviewer)) {
    return 'You recorded this action as complete; another reviewer must assure it.';
  }
  return null;
}

function accepted(input: DecideReviewInput, transition: Transition, reason: string | null, meeting: Meeting | null, version: number | undefined): ReviewResult {
  const { action } = input;
  const by: Actor = { aadObjectId: input.reviewer.aadObjectId, displayName: input.reviewer.displayName };
  const review: Review = { outcome: transition.outcome, reason, by, at: input.at, meeting };
  const patch: Pick<Partial<ActionFields>, 'status' | 'review' | 'snoozedUntil'> = { status: transition.to, review };
  // Back with the lead: a snooze taken while it waited for review must not hide it.
  if (transition.backToLead && action.snoozedUntil !== null) patch.snoozedUntil = null;
  const unchanged: ReviewPrecondition['unchanged'] = { status: action.status, review: action.review };
  // Assurance vouches for the evidence as the reviewer read it.
  if (transition.evidenceRequired) unchanged.evidence = action.evidence;
  if (version !== undefined) unchanged.version = version;
  return {
    ok: true,
    decision: transition.decision,
    patch,
    precondition: { unchanged },
    by: { actor: by, source: input.source, meeting, summary: decisionSummary(transition, reason, meeting) },
    notifyLead: transition.backToLead,
  };
}

const SENTENCES: Record<ReviewDecision, string> = {
  assure: 'Assured',
  return: 'Returned to the lead',
  reopen: 'Reopened after assurance and returned to the lead',
  'not-applicable': 'Marked not applicable',
  reinstate: 'Reinstated (applicable again) and returned to the lead',
};

/** "Returned to the lead at Quality Committee on 3 Jun 2025: the audit covers one ward only." */
export function decisionSummary(transition: Pick<Transition, 'decision'>, reason: string | null, meeting: Meeting | null): string {
  const where = meeting === null ? '' : ` at ${meeting.forum} on ${ukDate(meeting.date)}`;
  return `${SENTENCES[transition.decision]}${where}${reason === null ? '.' : `: ${reason}`}`;
}

function sameActor(a: Actor | null, reviewer: Reviewer): boolean {
  return a?.aadObjectId !== undefined && a.aadObjectId !== null && a.aadObjectId === reviewer.aadObjectId;
}

function requestErrors(issues: readonly z.core.$ZodIssue[]): ReviewErrors {
  const errors: ReviewErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    const key = typeof field === 'string' && field in ReviewRequest.shape ? (field as keyof ReviewErrors) : 'decision';
    errors[key] ??= issue.message;
  }
  return errors;
}
