import { effectiveDue, type Plan } from '../../core/model/index.js';
import type { AdaptiveCard, CardElement } from './adaptive-card.js';
import { actionSet, card, execute, heading, shortText, text, TONE_COLOR } from './card-parts.js';
import { actionTitle, dueState, plural, shorten, statusLabel, ukDate } from './card-text.js';
import { type ListedAction, OPEN_UPDATE_VERB, type OpenUpdateData, sortByDue } from './digest-card.js';

/** One of an action's lead roles and who holds it now (display names; deputies included if the caller wishes). */
export interface EscalationLead {
  role: string;
  holders: readonly string[];
}

export interface EscalationItem {
  action: ListedAction;
  recommendationNumber: string | null;
  /** The action's lead roles; empty when the plan names none. */
  leads: readonly EscalationLead[];
}

export interface EscalationCardData {
  /** Today in the plan's calendar (Europe/London), YYYY-MM-DD. */
  today: string;
  plan: Pick<Plan, 'id' | 'title' | 'references' | 'owner'>;
  /** Days overdue after which the owner is told (the plan's `escalateAfterDaysOverdue`). */
  thresholdDays: number;
  items: readonly EscalationItem[];
  /** Deep link to the plan in the Teams tab. */
  openUrl?: string;
}

export const ESCALATION_MAX_ITEMS = 15;

const LIMITS = { text: 180, planTitle: 200, role: 120, holders: 200 } as const;

/**
 * To the plan's owner: actions overdue beyond the threshold, or that nobody can be reminded about
 * because nobody holds the lead role. Most overdue first, with who leads and how late it is.
 */
export function escalationCard(data: EscalationCardData): AdaptiveCard {
  const ordered = sortByDue(data.items);
  const shown = ordered.slice(0, ESCALATION_MAX_ITEMS);
  const hidden = ordered.length - shown.length;
  const late = ordered.filter((item) => (dueState(effectiveDue(item.action), data.today).days ?? 0) < -data.thresholdDays).length;
  const unled = ordered.filter((item) => vacancies(item).length > 0 || item.leads.length === 0).length;
  const summary = [
    late > 0 ? `${plural(late, 'action')} more than ${plural(data.thresholdDays, 'day')} overdue` : null,
    unled > 0 ? `${plural(unled, 'action')} with nobody in the lead role` : null,
  ]
    .filter((part) => part !== null)
    .join('; ');

  const body: CardElement[] = [
    {
      type: 'Container',
      style: 'attention',
      bleed: true,
      items: [
        heading('Actions that need the plan owner', { size: 'Medium' }),
        text(shorten(data.plan.title, LIMITS.planTitle).text, { weight: 'Bolder', spacing: 'Small' }),
        ...(data.plan.references.length > 0 ? [text(shorten(data.plan.references.join(' · '), LIMITS.planTitle).text, { isSubtle: true, size: 'Small', spacing: 'None' })] : []),
      ],
    },
    text(
      `${summary === '' ? plural(ordered.length, 'action') : summary}. You are told as the plan's owner${data.plan.owner ? ` (${shorten(data.plan.owner, LIMITS.role).text})` : ''}.`,
      { spacing: 'Medium' },
    ),
    ...shown.map((item) => escalated(item, data)),
  ];
  if (hidden > 0) body.push(text(`${plural(hidden, 'more action')} not shown here${data.openUrl ? ': open the plan in Teams to see them all' : ''}.`, { isSubtle: true, spacing: 'Medium' }));
  return card(body, {
    fallbackText: `Escalation for "${shorten(data.plan.title, 80).text}": ${summary === '' ? plural(ordered.length, 'action') : summary}.`,
    fullWidth: true,
    ...(data.openUrl ? { actions: [{ type: 'Action.OpenUrl' as const, title: 'Open the plan in Teams', url: data.openUrl }] } : {}),
  });
}

function vacancies(item: EscalationItem): string[] {
  return item.leads.filter((lead) => lead.holders.length === 0).map((lead) => lead.role);
}

function escalated(item: EscalationItem, data: EscalationCardData): CardElement {
  const { action } = item;
  const due = dueState(effectiveDue(action), data.today, action.due?.ongoing === true);
  const dueLine = [
    due.label,
    due.date ? `due ${ukDate(due.date)}` : null,
    action.due && action.due.text.trim() !== '' ? `plan says "${shorten(action.due.text, 40).text}"` : null,
    statusLabel(action.status),
  ]
    .filter((part) => part !== null)
    .join(' · ');
  const leadLines: CardElement[] =
    item.leads.length === 0
      ? [text('No lead role is named for this action.', { color: 'Attention', size: 'Small', spacing: 'Small' })]
      : item.leads.map((lead) =>
          lead.holders.length === 0
            ? text(`Nobody holds the role '${shorten(lead.role, LIMITS.role).text}'.`, { color: 'Attention', size: 'Small', spacing: 'Small' })
            : text(`Led by ${shorten(lead.role, LIMITS.role).text}: ${shorten(lead.holders.join(', '), LIMITS.holders).text}`, { size: 'Small', spacing: 'Small' }),
        );
  const open: OpenUpdateData = { actionId: action.id, planId: data.plan.id };
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      text(actionTitle(item.recommendationNumber, action.ref), { weight: 'Bolder' }),
      shortText(action.text, LIMITS.text, { spacing: 'Small' }),
      text(dueLine, { color: TONE_COLOR[due.tone], ...(due.tone === 'overdue' ? { weight: 'Bolder' as const } : {}), size: 'Small', spacing: 'Small' }),
      ...leadLines,
      actionSet([execute('Update', OPEN_UPDATE_VERB, { ...open }, { noInputs: true })], { spacing: 'Small' }),
    ],
  };
}
