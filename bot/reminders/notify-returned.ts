import type { ReviewDecision } from '../../core/assurance/lifecycle.js';
import type { Action, Plan, Review } from '../../core/model/index.js';
import { leadRecipients, roleDirectory } from '../../core/reminders/recipients.js';
import type { Logger } from '../../app/logger.js';
import type { PlanStore } from '../../store/plan-store.js';
import type { ReturnDecision } from '../cards/returned-card.js';
import type { CardRenderer } from '../service/views.js';
import type { Delivery } from './reminder-sender.js';

/** What the API knows after a decision whose result says `notifyLead`. */
export interface ReturnedNotice {
  /** The action as the decision left it. */
  action: Pick<Action, 'id' | 'leads'>;
  /** Not needed: the action's plan and recommendation are read by key, as they are now. */
  plan?: Pick<Plan, 'id' | 'title' | 'references'>;
  /** The review the decision recorded (its reason, reviewer, time and meeting). */
  review: Review;
  /** Which decision sent it back (the decision result's `decision`); the card words it accordingly. Default `return`. */
  decision?: ReviewDecision;
}

export type NoticeOutcome =
  | { recipient: string; outcome: 'sent' }
  /** Blocked the bot: their conversation is marked unusable, as a reminder's would be. */
  | { recipient: string; outcome: 'blocked' | 'failed'; detail: string }
  /** No usable conversation yet: they will see the return on their next reminder card. */
  | { recipient: string; outcome: 'unreachable' };

export interface NotifyReport {
  /** One per person who answers for the action's leads (the reviewer aside): told, or why not. */
  results: NoticeOutcome[];
  /** Lead roles nobody holds: nobody could be told for them. */
  vacant: string[];
}

/** The port the app wires and the API calls after a decision with `notifyLead`. */
export interface LeadNotifier {
  /** Tells the action's leads; resolves with what happened to each, and never rejects (a failure is logged and reported). */
  returned(notice: ReturnedNotice): Promise<NotifyReport>;
}

export interface NotifyDeps {
  /** The app's own store (roles and conversations), not a caller's on-behalf-of one. */
  store: PlanStore;
  /** The reminder runner's delivery (pacedDelivery over the one sender): one set of Teams limits for both. */
  delivery: Delivery;
  render: CardRenderer;
  /** Today in the trust's calendar. */
  today: () => string;
  openUrl: (actionId: string) => string;
  now: () => Date;
  log: Logger;
}

const RETURN_DECISIONS: readonly ReturnDecision[] = ['return', 'reopen', 'reinstate'];

/** Decisions already announced by this process, so a repeated call for one decision sends nothing. */
const REMEMBERED = 500;

export function createLeadNotifier(deps: NotifyDeps): LeadNotifier {
  const told: string[] = [];
  return {
    async returned(notice) {
      const key = `${notice.action.id}|${notice.review.at}`;
      if (told.includes(key)) return { results: [], vacant: [] };
      told.push(key);
      if (told.length > REMEMBERED) told.shift();
      try {
        return await notifyReturned(deps, notice);
      } catch (error) {
        deps.log.error('could not tell the lead their action was returned', { actionId: notice.action.id, error: error instanceof Error ? error.message : String(error) });
        return { results: [], vacant: [] };
      }
    },
  };
}

/**
 * Sends the returned card to whoever answers for the action's lead roles (holders, else deputies:
 * the reminders' rule), except the reviewer themselves, through the paced delivery — Teams'
 * limits and 429s handled there, one message per person, never posted twice behind our back.
 */
export async function notifyReturned(deps: NotifyDeps, notice: ReturnedNotice): Promise<NotifyReport> {
  const [context, roles] = await Promise.all([deps.store.getActionContext(notice.action.id), deps.store.listRoles()]);
  // Read now: the leads as they stand (an edit may have landed since the decision).
  const { people, vacant } = leadRecipients(context?.action.leads ?? notice.action.leads, roleDirectory(roles));
  const report: NotifyReport = { results: [], vacant: [...vacant] };
  if (context === null) return report;
  const { action } = context;
  const card = deps.render.returned({
    plan: { id: context.plan.id, title: context.plan.title, references: context.plan.references, owner: context.plan.owner },
    recommendation: { number: context.recommendation.number, text: context.recommendation.text },
    action,
    lastUpdate: null,
    today: deps.today(),
    review: notice.review,
    decision: RETURN_DECISIONS.find((decision) => decision === notice.decision) ?? 'return',
    openUrl: deps.openUrl(action.id),
  });
  const reachable: Parameters<Delivery['deliver']>[0][number][] = [];
  for (const person of people.filter((candidate) => candidate.aadObjectId !== notice.review.by.aadObjectId)) {
    const conversation = await deps.store.getConversation(person.aadObjectId);
    if (conversation?.usable === true) reachable.push({ recipient: person.aadObjectId, reference: conversation.reference, card, summary: 'Followthrough: an action came back to you' });
    else report.results.push({ recipient: person.aadObjectId, outcome: 'unreachable' });
  }
  const delivered = await deps.delivery.deliver(reachable, async (result) => {
    if (result.outcome === 'blocked') await deps.store.markConversationUnusable(result.recipient, result.detail, deps.now().toISOString());
  });
  report.results.push(...delivered);
  return report;
}
