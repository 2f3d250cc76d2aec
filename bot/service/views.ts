import type { Action, Plan, Recommendation, Review, Update } from '../../core/model/index.js';
import type { ReturnDecision } from '../cards/returned-card.js';
import type { FieldErrors } from '../../core/updates/progress-submission.js';
import type { Card } from './turns.js';

/** An action with what a card needs around it. */
export interface ActionView {
  plan: Pick<Plan, 'id' | 'title' | 'references' | 'owner'>;
  recommendation: Pick<Recommendation, 'number' | 'text'>;
  action: Action;
  lastUpdate: Update | null;
}

export interface ReminderView extends ActionView {
  today: string;
  cardId: string;
  openUrl: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  /** A line at the top, e.g. "Someone changed the status meanwhile: please check". */
  notice?: string;
}

export interface RecordedView extends ActionView {
  today: string;
  update: Update;
  /** The action as the lead saw it, for "was → now". */
  before: Pick<ActionView['action'], 'status' | 'due' | 'revisions'>;
  openUrl: string;
}

export interface DigestEntry extends ActionView {
  today: string;
}

export interface EscalationPlanView {
  plan: ActionView['plan'];
  thresholdDays: number;
  items: readonly (ActionView & { leads: readonly { role: string; holders: readonly string[] }[] })[];
  openUrl: string;
}

/** One owner's escalations in one sweep: a section per plan they own. */
export interface EscalationView {
  today: string;
  plans: readonly EscalationPlanView[];
}

/** A reviewer sent the action back (returned, reopened, reinstated): its leads are told. */
export interface ReturnedView extends ActionView {
  today: string;
  review: Review;
  decision: ReturnDecision;
  openUrl: string;
}

/**
 * Card rendering, as the bot service needs it. bot/service/card-renderer.ts implements it with
 * the card functions in bot/cards/; tests can render real cards too.
 */
export interface CardRenderer {
  reminder(view: ReminderView): Card;
  recorded(view: RecordedView): Card;
  digest(entries: readonly DigestEntry[], title: string): Card;
  /** For a plan owner: overdue or unassigned actions of each plan they own, with each lead role and who holds it. */
  escalation(view: EscalationView): Card;
  /** For an action's leads: a reviewer sent it back, why, and a button to update it. */
  returned(view: ReturnedView): Card;
  help(): Card;
  message(title: string, text: string, tone: 'good' | 'warning' | 'attention' | 'default'): Card;
  confirmNote(view: ActionView & { note: string; cardId: string }): Card;
}
