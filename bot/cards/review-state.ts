import type { ActionStatus, ReviewOutcome } from '../../core/model/index.js';
import type { CardElement, ContainerStyle, TextColor } from './adaptive-card.js';
import { heading, text } from './card-parts.js';
import { shorten, ukDate } from './card-text.js';

/**
 * Where an action stands with governance, as the cards say it (core/assurance/lifecycle.ts
 * decides; the cards only tell). Pure: the caller turns the stored review into `ReviewSeen`.
 */

/** The latest review as a card shows it. */
export interface ReviewSeen {
  outcome: ReviewOutcome;
  reason: string | null;
  /** The reviewer's display name; null when not known. */
  by: string | null;
  /** The day it was decided (YYYY-MM-DD): the meeting's date when decided at one. */
  on: string;
  /** The meeting's forum, when decided at one. */
  forum: string | null;
}

export type ReviewState =
  /** Nothing from governance to say: the lead's to work on. */
  | { kind: 'open' }
  /** Back with the lead after a review (returned, reopened or reinstated), until reviewed again. */
  | { kind: 'returned'; review: ReviewSeen }
  /** Complete: waits for a reviewer. `earlier` is a return the lead has since answered. */
  | { kind: 'awaiting-assurance'; earlier: ReviewSeen | null }
  /** Assured; `review` is null when the plan came in assured and nobody here reviewed it. */
  | { kind: 'assured'; review: ReviewSeen | null }
  | { kind: 'not-applicable'; review: ReviewSeen | null };

/** The state an action's status and latest review put it in. */
export function reviewState(status: ActionStatus, review: ReviewSeen | null): ReviewState {
  const returned = review?.outcome === 'returned' ? review : null;
  switch (status) {
    case 'assured':
      return { kind: 'assured', review: review?.outcome === 'assured' ? review : null };
    case 'not-applicable':
      return { kind: 'not-applicable', review: review?.outcome === 'not-applicable' ? review : null };
    case 'complete':
      return { kind: 'awaiting-assurance', earlier: returned };
    default:
      return returned === null ? { kind: 'open' } : { kind: 'returned', review: returned };
  }
}

/** Assured and not applicable are governance's: a card about them takes no update. */
export function takesUpdates(state: ReviewState): boolean {
  return state.kind !== 'assured' && state.kind !== 'not-applicable';
}

const LIMITS = { reason: 500, name: 100, forum: 120 } as const;

/** "by Dr Rao on 3 Jun 2025 at Quality Committee" (the parts known). */
export function decidedBy(review: ReviewSeen): string {
  return [
    review.by === null ? null : `by ${shorten(review.by, LIMITS.name).text}`,
    `on ${ukDate(review.on)}`,
    review.forum === null ? null : `at ${shorten(review.forum, LIMITS.forum).text}`,
  ]
    .filter((part) => part !== null)
    .join(' ');
}

/** The card's one-word-or-so name for the state, for headings: "Assured", "Returned at review". */
export const STATE_TITLES: Record<ReviewState['kind'], string> = {
  open: 'Update needed',
  returned: 'Returned at review',
  'awaiting-assurance': 'Awaiting assurance',
  assured: 'Assured',
  'not-applicable': 'Not applicable',
};

/** One sentence for lists and fallbacks: "Returned at review: the audit covers one ward only." */
export function stateLine(state: ReviewState): string | null {
  switch (state.kind) {
    case 'open':
      return null;
    case 'returned':
      return `Returned at review: ${reasonOf(state.review)}`;
    case 'awaiting-assurance':
      return 'Awaiting assurance';
    case 'assured':
      return state.review === null ? 'Assured' : `Assured ${decidedBy(state.review)}`;
    case 'not-applicable':
      return state.review === null ? 'Not applicable' : `Not applicable: ${reasonOf(state.review)}`;
  }
}

/** What a card says about a state: a headline, its colour, and the lines under it. */
export interface StateWords {
  headline: string;
  color: TextColor;
  style: ContainerStyle;
  lines: CardElement[];
}

/**
 * What the lead must read about governance: why the action came back and what to do, that it
 * waits for a reviewer, or that it is settled (and who settled it). Null for an open action
 * with no review to tell.
 */
export function stateWords(state: ReviewState): StateWords | null {
  const small = { size: 'Small' as const, spacing: 'Small' as const };
  switch (state.kind) {
    case 'open':
      return null;
    case 'returned':
      return {
        headline: `Returned at review: ${reasonOf(state.review)}`,
        color: 'Attention',
        style: 'attention',
        lines: [
          text(`Returned ${decidedBy(state.review)}.`, small),
          text('Put right what the review asked for and say so in an update; mark the action complete again, with its evidence, when it is done.', { spacing: 'Small' }),
        ],
      };
    case 'awaiting-assurance':
      return {
        headline: 'Awaiting assurance',
        color: 'Good',
        style: 'good',
        lines: [
          text('Marked complete: a reviewer will look at the evidence and assure the action or return it to you. No reminders meanwhile.', { spacing: 'Small' }),
          ...(state.earlier === null ? [] : [text(`It was returned ${decidedBy(state.earlier)}: ${reasonOf(state.earlier)}`, { ...small, isSubtle: true })]),
        ],
      };
    case 'assured':
      return {
        headline: state.review === null ? 'Assured' : `Assured ${decidedBy(state.review)}`,
        color: 'Good',
        style: 'good',
        lines: [
          ...(state.review === null ? [text('The plan recorded it as assured; no reviewer is recorded here.', small)] : []),
          ...(state.review?.reason ? [text(shorten(state.review.reason, LIMITS.reason).text, small)] : []),
          text('Nothing more is needed. A reviewer must reopen it before it can be updated.', { spacing: 'Small' }),
        ],
      };
    case 'not-applicable':
      return {
        headline: 'Not applicable',
        color: 'Default',
        style: 'emphasis',
        lines: [
          text(state.review === null ? 'The plan recorded it as not applicable.' : `Marked not applicable ${decidedBy(state.review)}: ${reasonOf(state.review)}`, small),
          text('Nothing more is needed. A plan editor must reinstate it before it can be updated.', { spacing: 'Small' }),
        ],
      };
  }
}

/** The state in a coloured box (null when there is nothing to say). */
export function stateBanner(state: ReviewState): CardElement | null {
  const words = stateWords(state);
  if (words === null) return null;
  return { type: 'Container', style: words.style, items: [heading(words.headline, { color: words.color }), ...words.lines] };
}

function reasonOf(review: ReviewSeen): string {
  const reason = review.reason?.trim();
  return reason ? shorten(reason.replace(/\s+/g, ' '), LIMITS.reason).text : 'no reason was recorded.';
}
