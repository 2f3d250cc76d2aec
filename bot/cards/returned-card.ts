import { type Action, effectiveDue, type Plan } from '../../core/model/index.js';
import type { AdaptiveCard, CardAction, CardElement } from './adaptive-card.js';
import { card, execute, facts, heading, shortText, text } from './card-parts.js';
import { actionTitle, dueState, shorten, ukDate } from './card-text.js';
import { OPEN_UPDATE_VERB, type OpenUpdateData } from './digest-card.js';
import { decidedBy, type ReviewSeen } from './review-state.js';

/** The decisions that send an action back to its lead (core/assurance/lifecycle.ts `backToLead`). */
export type ReturnDecision = 'return' | 'reopen' | 'reinstate';

export interface ReturnedCardData {
  /** Today in the plan's calendar (Europe/London), YYYY-MM-DD. */
  today: string;
  plan: Pick<Plan, 'id' | 'title' | 'references'>;
  recommendationNumber: string | null;
  action: Pick<Action, 'id' | 'ref' | 'text' | 'due' | 'revisions'>;
  decision: ReturnDecision;
  /** The review that sent it back: its reason, reviewer, day and meeting. */
  review: ReviewSeen;
  /** Deep link to the action in the Teams tab. */
  openUrl?: string;
}

const LIMITS = { reason: 500, action: 300, planTitle: 200, references: 200 } as const;

const HEADINGS: Record<ReturnDecision, { title: string; verb: string }> = {
  return: { title: 'Returned to you at review', verb: 'Returned' },
  reopen: { title: 'Reopened after assurance and returned to you', verb: 'Reopened' },
  reinstate: { title: 'Reinstated and returned to you', verb: 'Reinstated' },
};

/**
 * To an action's leads when a reviewer sends it back: which action, why, who decided and at
 * which meeting, and an "Update now" button that opens the reminder card to answer it.
 */
export function returnedCard(data: ReturnedCardData): AdaptiveCard {
  const { action, review } = data;
  const title = actionTitle(data.recommendationNumber, action.ref);
  const words = HEADINGS[data.decision];
  const reason = review.reason?.trim() ? shorten(review.reason.replace(/\s+/g, ' '), LIMITS.reason).text : 'No reason was recorded.';
  const due = dueState(effectiveDue(action), data.today, action.due?.ongoing === true);

  const body: CardElement[] = [
    {
      type: 'Container',
      style: 'attention',
      bleed: true,
      items: [heading(`${words.title}: ${title}`, { size: 'Medium' }), text(`${words.verb} ${decidedBy(review)}.`, { spacing: 'Small' })],
    },
    heading('Why', { spacing: 'Medium' }),
    text(reason, { weight: 'Bolder', color: 'Attention', spacing: 'Small' }),
    text('Put right what the review asked for and say so in an update; mark the action complete again, with its evidence, when it is done.', { spacing: 'Small' }),
    text(shorten(data.plan.title, LIMITS.planTitle).text, { weight: 'Bolder', spacing: 'Medium' }),
    ...(data.plan.references.length > 0 ? [text(shorten(data.plan.references.join(' · '), LIMITS.references).text, { isSubtle: true, size: 'Small', spacing: 'None' })] : []),
    shortText(action.text, LIMITS.action, { spacing: 'Small' }),
    ...facts([
      { title: 'Meeting', value: review.forum === null ? '' : `${review.forum}, ${ukDate(review.on)}` },
      { title: 'Due date', value: due.date === null ? due.label : `${ukDate(due.date)} (${due.label.toLowerCase()})` },
    ]),
  ];
  const open: OpenUpdateData = { actionId: action.id, planId: data.plan.id };
  const actions: CardAction[] = [execute('Update now', OPEN_UPDATE_VERB, { ...open }, { noInputs: true, style: 'positive' })];
  if (data.openUrl !== undefined) actions.push({ type: 'Action.OpenUrl', title: 'Open in Teams', url: data.openUrl });
  return card(body, {
    fallbackText: `${words.verb}: ${title} of "${shorten(data.plan.title, 80).text}" — ${reason}`,
    fullWidth: true,
    actions,
  });
}
