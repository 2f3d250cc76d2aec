import { type ReviewDecision, transitionOf } from '../../../core/assurance/lifecycle.js';
import type { Review } from '../../../core/model/index.js';
import { reviewOutcomeLabel } from '../../../core/views/labels.js';
import type { DecisionOffer, MeetingAwaiting } from '../../../core/views/tab-api.js';
import { ukDate, ukDateTime } from './labels.js';

/** A governance decision as a button: what it says, whether it asks for a reason, and why it is off. */
export interface DecisionButton {
  decision: ReviewDecision;
  label: string;
  /** The dialog asks for a reason (required) or offers a comment (optional). */
  reason: 'required' | 'optional';
  /** Null: the button works. Otherwise shown beside the disabled button. */
  disabledReason: string | null;
}

const ACTION_PAGE_LABELS: Record<ReviewDecision, string> = {
  assure: 'Assure',
  return: 'Return to the lead',
  reopen: 'Reopen',
  'not-applicable': 'Mark not applicable',
  reinstate: 'Reinstate',
};

/** The meeting's words: a committee approves or returns what awaits it. */
const MEETING_LABELS: Partial<Record<ReviewDecision, string>> = { assure: 'Approve', return: 'Return' };

export const NOT_A_REVIEWER = 'Only a reviewer of this plan may assure or return its actions.';

function reasonOf(decision: ReviewDecision): DecisionButton['reason'] {
  return transitionOf(decision).reasonRequired ? 'required' : 'optional';
}

/**
 * Approve and Return for an action awaiting assurance. Both are shown even when the viewer may
 * not use them, disabled with the server's reason, so nobody wonders where the buttons went.
 */
export function awaitingButtons(item: Pick<MeetingAwaiting, 'canAssure' | 'canReturn' | 'assureBlocked'>, canReview: boolean): DecisionButton[] {
  const why = (allowed: boolean, own: string | null): string | null => {
    if (allowed) return null;
    if (!canReview) return NOT_A_REVIEWER;
    return own ?? 'You may not take this decision.';
  };
  return (['assure', 'return'] as const).map((decision) => ({
    decision,
    label: MEETING_LABELS[decision] ?? ACTION_PAGE_LABELS[decision],
    reason: reasonOf(decision),
    disabledReason: decision === 'assure' ? why(item.canAssure, item.assureBlocked) : why(item.canReturn, item.assureBlocked),
  }));
}

/** The action page's decisions, in the order the server offers them. */
export function offerButtons(offers: readonly DecisionOffer[]): DecisionButton[] {
  return offers.map((offer) => ({ decision: offer.decision, label: ACTION_PAGE_LABELS[offer.decision], reason: reasonOf(offer.decision), disabledReason: offer.refusal }));
}

/** "Approve action 2b", "Return action 2b to its lead": the dialog's title. */
export function decisionTitle(button: Pick<DecisionButton, 'decision' | 'label'>, actionName: string): string {
  if (button.decision === 'return') return `Return ${actionName} to its lead`;
  if (button.decision === 'not-applicable') return `Mark ${actionName} not applicable`;
  return `${button.label} ${actionName}`;
}

/** "Assured by Dee Deputy on 10 Jun 2025, 14:05 at Quality and Safety Committee (10 Jun 2025): evidence seen." */
export function reviewText(review: Review): string {
  const who = review.by.displayName ?? 'someone';
  const where = review.meeting === null ? '' : ` at ${review.meeting.forum} (${ukDate(review.meeting.date)})`;
  const why = review.reason === null || review.reason.trim() === '' ? '' : `: ${review.reason}`;
  return `${reviewOutcomeLabel(review.outcome)} by ${who} on ${ukDateTime(review.at)}${where}${why}`;
}
