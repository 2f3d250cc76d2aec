import { randomUUID } from 'node:crypto';
import { type Plan, type ReminderKind, type ReminderLogEntry, type ReminderSettings, type Role, roleKey } from '../../core/model/index.js';
import type { CardRenderer, DigestEntry, EscalationPlanView } from '../service/views.js';
import type { Card } from '../service/turns.js';

/** A due reminder with what its card shows: the action now, and its whole plan. */
export interface LoadedReminder {
  entry: ReminderLogEntry;
  kind: ReminderKind;
  view: DigestEntry;
  plan: Plan;
}

export interface CardContext {
  render: CardRenderer;
  today: string;
  roles: readonly Role[];
  defaults: ReminderSettings;
  openUrl: (actionId: string) => string;
}

/** Reminders that go to the plan's owner rather than the action's leads. */
export const OWNER_KINDS: readonly ReminderKind[] = ['escalation', 'unassigned'];

/**
 * The cards one person gets in one sweep: at most one about the actions they lead (the full
 * reminder for one, a digest for several) and at most one as a plan owner (one escalation
 * digest, a section per plan). Each card comes with the reminders it carries.
 */
export function cardsFor(context: CardContext, loaded: readonly LoadedReminder[]): { card: Card; reminders: LoadedReminder[] }[] {
  const asLead = loaded.filter((item) => !OWNER_KINDS.includes(item.kind));
  const asOwner = loaded.filter((item) => OWNER_KINDS.includes(item.kind));
  const cards: { card: Card; reminders: LoadedReminder[] }[] = [];
  const [first] = asLead;
  if (first !== undefined) {
    const card = asLead.length === 1 ? context.render.reminder({ ...first.view, cardId: randomUUID(), openUrl: context.openUrl(first.view.action.id) }) : context.render.digest(unique(asLead).map((item) => item.view), 'Actions due');
    cards.push({ card, reminders: asLead });
  }
  if (asOwner.length > 0) cards.push({ card: escalationCard(context, asOwner), reminders: asOwner });
  return cards;
}

/** The owner's digest: per plan, each action once with its lead roles and who holds them ("Nobody holds the role …"). */
function escalationCard(context: CardContext, owned: readonly LoadedReminder[]): Card {
  const roles = new Map(context.roles.map((role) => [role.key, role]));
  const holdersOf = (name: string): string[] => {
    const role = roles.get(roleKey(name));
    const people = role === undefined ? [] : role.holders.length > 0 ? role.holders : role.deputies;
    return people.map((person) => person.displayName);
  };
  const byPlan = new Map<string, LoadedReminder[]>();
  for (const item of unique(owned)) byPlan.set(item.plan.id, [...(byPlan.get(item.plan.id) ?? []), item]);
  const plans: EscalationPlanView[] = [...byPlan.values()].flatMap((items) => {
    const [head] = items;
    if (head === undefined) return [];
    return [
      {
        plan: head.view.plan,
        thresholdDays: (head.plan.reminders ?? context.defaults).escalateAfterDaysOverdue,
        items: items.map(({ view }) => ({ ...view, leads: view.action.leads.map((role) => ({ role, holders: holdersOf(role) })) })),
        openUrl: context.openUrl(head.view.action.id),
      },
    ];
  });
  return context.render.escalation({ today: context.today, plans });
}

/** Each action once (an action can have an escalation and an unassigned reminder in one sweep). */
function unique(items: readonly LoadedReminder[]): LoadedReminder[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.view.action.id)) return false;
    seen.add(item.view.action.id);
    return true;
  });
}
