import { effectiveDue, type Plan } from '../../core/model/index.js';
import type { AdaptiveCard, CardAction, CardElement } from './adaptive-card.js';
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

/** One plan the person owns, with its actions that need them. */
export interface EscalationPlan {
  plan: Pick<Plan, 'id' | 'title' | 'references' | 'owner'>;
  /** Days overdue after which the owner is told (the plan's `escalateAfterDaysOverdue`). */
  thresholdDays: number;
  items: readonly EscalationItem[];
  /** Deep link to the plan in the Teams tab. */
  openUrl?: string;
}

export interface EscalationCardData {
  /** Today in the plan's calendar (Europe/London), YYYY-MM-DD. */
  today: string;
  /** Every plan this person owns that has something for them in this sweep: one card for all. */
  plans: readonly EscalationPlan[];
}

/** Most actions one card lists, across its plans; the rest are counted, not shown. */
export const ESCALATION_MAX_ITEMS = 15;
/** Most plans one card has a section for. */
export const ESCALATION_MAX_PLANS = 8;

const LIMITS = { text: 180, planTitle: 200, role: 120, holders: 200 } as const;

/**
 * To a plan owner, once per sweep: the actions overdue beyond their plan's threshold, or that
 * nobody can be reminded about because nobody holds the lead role — for every plan they own, a
 * section each, the most overdue plan first and, within a plan, the most overdue action first.
 */
export function escalationCard(data: EscalationCardData): AdaptiveCard {
  const plans = data.plans
    .filter((section) => section.items.length > 0)
    .map((section) => ({ ...section, items: sortByDue(section.items) }))
    .sort((a, b) => earliest(a) - earliest(b));
  const single = plans.length === 1 ? plans[0] : undefined;
  const total = plans.reduce((sum, section) => sum + section.items.length, 0);
  const summary = single === undefined ? `${plural(total, 'action')} in ${plural(plans.length, 'plan')} you own` : sectionSummary(single, data.today);

  const body: CardElement[] = [
    {
      type: 'Container',
      style: 'attention',
      bleed: true,
      items: [
        heading(single === undefined ? 'Actions that need you as plan owner' : 'Actions that need the plan owner', { size: 'Medium' }),
        ...(single === undefined ? [text(`${summary}.`, { spacing: 'Small' })] : planLines(single)),
      ],
    },
  ];
  let budget = ESCALATION_MAX_ITEMS;
  for (const section of plans.slice(0, ESCALATION_MAX_PLANS)) {
    const shown = section.items.slice(0, Math.max(0, budget));
    budget -= shown.length;
    body.push(...planSection(section, shown, data.today, single !== undefined));
  }
  const unlisted = plans.slice(ESCALATION_MAX_PLANS);
  if (unlisted.length > 0) {
    const actions = unlisted.reduce((sum, section) => sum + section.items.length, 0);
    body.push(text(`${plural(unlisted.length, 'more plan')} (${plural(actions, 'action')}) not shown here: open them in Teams.`, { isSubtle: true, spacing: 'Medium' }));
  }
  const openPlan: CardAction[] = single?.openUrl ? [{ type: 'Action.OpenUrl', title: 'Open the plan in Teams', url: single.openUrl }] : [];
  return card(body, {
    fallbackText: single === undefined ? `Escalation: ${summary}.` : `Escalation for "${shorten(single.plan.title, 80).text}": ${summary}.`,
    fullWidth: true,
    ...(openPlan.length > 0 ? { actions: openPlan } : {}),
  });
}

/** The plan's title and references, and why this person is told. */
function planLines(section: EscalationPlan): CardElement[] {
  const { plan } = section;
  return [
    text(shorten(plan.title, LIMITS.planTitle).text, { weight: 'Bolder', spacing: 'Small' }),
    ...(plan.references.length > 0 ? [text(shorten(plan.references.join(' · '), LIMITS.planTitle).text, { isSubtle: true, size: 'Small', spacing: 'None' })] : []),
  ];
}

/** One plan: its title (on a card of several; else the header has it), what is wrong, each action, and what was left out. */
function planSection(section: EscalationPlan, shown: readonly EscalationItem[], today: string, single: boolean): CardElement[] {
  const owner = section.plan.owner ? ` (${shorten(section.plan.owner, LIMITS.role).text})` : '';
  const elements: CardElement[] = [];
  if (!single) elements.push({ type: 'Container', separator: true, spacing: 'Large', items: [...planLines(section)] });
  elements.push(text(`${sectionSummary(section, today)}. You are told as the plan's owner${owner}.`, { spacing: 'Medium' }));
  elements.push(...shown.map((item) => escalated(item, section, today)));
  const hidden = section.items.length - shown.length;
  if (hidden > 0) elements.push(text(`${plural(hidden, 'more action')} not shown here${section.openUrl ? ': open the plan in Teams to see them all' : ''}.`, { isSubtle: true, spacing: 'Medium' }));
  if (!single && section.openUrl) elements.push(actionSet([{ type: 'Action.OpenUrl', title: 'Open the plan in Teams', url: section.openUrl }], { spacing: 'Small' }));
  return elements;
}

/** "2 actions more than 14 days overdue; 1 action with nobody in the lead role". */
function sectionSummary(section: EscalationPlan, today: string): string {
  const late = section.items.filter((item) => (dueState(effectiveDue(item.action), today).days ?? 0) < -section.thresholdDays).length;
  const unled = section.items.filter((item) => vacancies(item).length > 0 || item.leads.length === 0).length;
  const parts = [
    late > 0 ? `${plural(late, 'action')} more than ${plural(section.thresholdDays, 'day')} overdue` : null,
    unled > 0 ? `${plural(unled, 'action')} with nobody in the lead role` : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? plural(section.items.length, 'action') : parts.join('; ');
}

/** The plan's earliest due date as a sortable number (undated plans last). */
function earliest(section: EscalationPlan): number {
  const first = section.items.map((item) => effectiveDue(item.action)).find((due): due is string => due !== null);
  return first === undefined ? Infinity : Date.parse(first);
}

function vacancies(item: EscalationItem): string[] {
  return item.leads.filter((lead) => lead.holders.length === 0).map((lead) => lead.role);
}

function escalated(item: EscalationItem, section: EscalationPlan, today: string): CardElement {
  const { action } = item;
  const due = dueState(effectiveDue(action), today, action.due?.ongoing === true);
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
  const open: OpenUpdateData = { actionId: action.id, planId: section.plan.id };
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
