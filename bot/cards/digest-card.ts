import { type Action, effectiveDue, type Plan } from '../../core/model/index.js';
import type { AdaptiveCard, CardElement } from './adaptive-card.js';
import { actionSet, card, execute, heading, shortText, text, TONE_COLOR } from './card-parts.js';
import { actionTitle, dueState, plural, shorten, statusLabel, ukDate } from './card-text.js';
import { type ReviewSeen, reviewState, stateLine, stateWords } from './review-state.js';

export const OPEN_UPDATE_VERB = 'openUpdate';

/** Data of an "Update" button: the bot answers with that action's reminder card. */
export interface OpenUpdateData {
  actionId: string;
  planId: string;
}

/** The action as a list shows it. */
export type ListedAction = Pick<Action, 'id' | 'planId' | 'ref' | 'text' | 'due' | 'revisions' | 'status'>;

export interface DigestItem {
  action: ListedAction;
  plan: Pick<Plan, 'id' | 'title'>;
  recommendationNumber: string | null;
  /** The action's latest review, if any: a returned action is marked, with the reason. */
  review?: ReviewSeen | null;
}

export interface DigestCardData {
  /** Today in the plan's calendar (Europe/London), YYYY-MM-DD. */
  today: string;
  items: readonly DigestItem[];
  /** "Actions due soon or overdue" (a reminder digest) or "Your actions" ("my actions"). */
  title?: string;
  /** Where to see every action when the list is cut short (the tab's deep link). */
  moreUrl?: string;
  /** What the "Nothing is due" card says; the default suits a reminder digest. */
  emptyText?: string;
}

/** Most actions one card lists; the rest are counted, not shown (the card must stay small). */
export const DIGEST_MAX_ITEMS = 20;

const LIMITS = { text: 180, planTitle: 100, stateLine: 240 } as const;

/** One card listing a person's due and overdue actions, most overdue first, each with an "Update" button. */
export function digestCard(data: DigestCardData): AdaptiveCard {
  const title = data.title ?? 'Actions due soon or overdue';
  if (data.items.length === 0) {
    return card(
      [
        { type: 'Container', style: 'good', bleed: true, items: [heading('Nothing is due', { size: 'Medium', color: 'Good' })] },
        text(data.emptyText ?? 'None of the actions you lead is due soon or overdue. Thank you for keeping them up to date.'),
        text('Say "help" to see what else I can do.', { isSubtle: true, size: 'Small' }),
      ],
      { fallbackText: 'Nothing is due.' },
    );
  }
  const ordered = sortByDue(data.items);
  const shown = ordered.slice(0, DIGEST_MAX_ITEMS);
  const hidden = ordered.length - shown.length;
  const overdue = ordered.filter((item) => (dueState(effectiveDue(item.action), data.today).days ?? 0) < 0).length;
  const returned = ordered.filter((item) => reviewState(item.action.status, item.review ?? null).kind === 'returned').length;
  const summary = [plural(ordered.length, 'action'), overdue > 0 ? `${String(overdue)} overdue` : null, returned > 0 ? `${String(returned)} returned at review` : null]
    .filter((part) => part !== null)
    .join(', ');

  const body: CardElement[] = [
    { type: 'Container', style: overdue > 0 ? 'attention' : 'emphasis', bleed: true, items: [heading(title, { size: 'Medium' }), text(summary, { spacing: 'Small' })] },
    ...shown.map((item) => listedAction(item, data.today)),
  ];
  if (hidden > 0) {
    body.push(text(`${plural(hidden, 'more action')} not shown here${data.moreUrl ? ': open the plan in Teams to see them all' : ''}.`, { isSubtle: true, spacing: 'Medium' }));
  }
  return card(body, {
    fallbackText: `${title}: ${summary}.`,
    fullWidth: true,
    ...(hidden > 0 && data.moreUrl ? { actions: [{ type: 'Action.OpenUrl' as const, title: 'See all in Teams', url: data.moreUrl }] } : {}),
  });
}

function listedAction(item: DigestItem, today: string): CardElement {
  const { action } = item;
  const due = dueState(effectiveDue(action), today, action.due?.ongoing === true);
  const date = due.date ? ukDate(due.date) : null;
  const written = action.due?.text.trim();
  const dueLine = [due.label, date && written && written !== date ? `${date} (plan says "${shorten(written, 40).text}")` : (date ?? written ?? null), statusLabel(action.status)]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ');
  const open: OpenUpdateData = { actionId: action.id, planId: item.plan.id };
  const state = reviewState(action.status, item.review ?? null);
  const said = stateLine(state);
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      shortText(item.plan.title, LIMITS.planTitle, { isSubtle: true, size: 'Small' }),
      text(actionTitle(item.recommendationNumber, action.ref), { weight: 'Bolder', spacing: 'None' }),
      // A returned action is the lead's to act on first: the reason, before the action's text.
      ...(said === null ? [] : [shortText(said, LIMITS.stateLine, { weight: 'Bolder', color: stateWords(state)?.color ?? 'Default', size: 'Small', spacing: 'Small' })]),
      shortText(action.text, LIMITS.text, { spacing: 'Small' }),
      text(dueLine, { color: TONE_COLOR[due.tone], size: 'Small', spacing: 'Small' }),
      actionSet([execute('Update', OPEN_UPDATE_VERB, { ...open }, { noInputs: true })], { spacing: 'Small' }),
    ],
  };
}

/** Soonest (most overdue) first; undated last; then plan and position as given. */
export function sortByDue<T extends { action: Pick<Action, 'due' | 'revisions'> }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index, due: effectiveDue(item.action) }))
    .sort((a, b) => {
      if (a.due !== b.due) {
        if (a.due === null) return 1;
        if (b.due === null) return -1;
        return a.due < b.due ? -1 : 1;
      }
      return a.index - b.index;
    })
    .map(({ item }) => item);
}
