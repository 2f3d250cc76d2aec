import { type Action, effectiveDue, type Plan, type Update } from '../../core/model/index.js';
import type { AdaptiveCard, CardElement } from './adaptive-card.js';
import { card, facts, heading, longText, text, TONE_COLOR } from './card-parts.js';
import { actionTitle, dueState, shorten, statusLabel, ukDate } from './card-text.js';
import { type ReviewSeen, reviewState, stateBanner } from './review-state.js';

/** The action as it is now, after the update. */
export type RecordedAction = Pick<Action, 'id' | 'ref' | 'text' | 'due' | 'revisions' | 'status' | 'evidence'>;

export interface RecordedCardData {
  /** Today in the plan's calendar (Europe/London), YYYY-MM-DD. */
  today: string;
  plan: Pick<Plan, 'id' | 'title' | 'references'>;
  recommendationNumber: string | null;
  /** The action after the update was applied. */
  action: RecordedAction;
  /** The action as the lead saw it before: its status and due date, for "was → now". */
  before: Pick<Action, 'status' | 'due' | 'revisions'>;
  update: Pick<Update, 'note' | 'status' | 'revisedDue' | 'evidence' | 'author'>;
  /** When it was recorded, as the caller formats it in UK time ("3 Oct 2025, 14:05"). */
  when: string;
  /** Deep link to the action in the Teams tab, if there is one. */
  openUrl?: string;
  /** The action's latest review, if any: "where it stands now" follows the lifecycle. */
  review?: ReviewSeen | null;
}

const LIMITS = {
  action: 300,
  note: { preview: 600, max: 2500 },
  evidence: { preview: 400, max: 2500 },
  reason: 500,
  planTitle: 200,
} as const;

/** Replaces the reminder card after a successful submit: what was recorded, by whom, when, and where the action stands now. No inputs. */
export function recordedCard(data: RecordedCardData): AdaptiveCard {
  const { action, update } = data;
  const title = actionTitle(data.recommendationNumber, action.ref);
  const by = update.author.displayName ?? 'Someone';
  const dueBefore = effectiveDue(data.before);
  const dueNow = effectiveDue(action);
  const due = dueState(dueNow, data.today, action.due?.ongoing === true);
  const statusChanged = update.status !== null && update.status !== data.before.status;
  const state = reviewState(action.status, data.review ?? null);
  // Open and not returned: the due date is what matters; otherwise where it stands with review
  // (a returned action shows both: it is open again, and why).
  const banner = stateBanner(state);
  const dueLine = text(due.label, { weight: 'Bolder', color: TONE_COLOR[due.tone], spacing: 'Small' });
  const standing = banner === null ? [dueLine] : state.kind === 'returned' ? [dueLine, banner] : [banner];

  const body: CardElement[] = [
    {
      type: 'Container',
      style: 'good',
      bleed: true,
      items: [heading(`Update recorded: ${title}`, { size: 'Medium', color: 'Good' }), text(`By ${by}, ${data.when}.`, { spacing: 'Small' })],
    },
    text(shorten(data.plan.title, LIMITS.planTitle).text, { weight: 'Bolder', spacing: 'Medium' }),
    text(shorten(action.text.replace(/\s+/g, ' '), LIMITS.action).text, { isSubtle: true, spacing: 'Small' }),
    heading('What was recorded', { spacing: 'Medium' }),
    ...(update.note.trim() === '' ? [] : longText('note', update.note, LIMITS.note, { toggleTitle: 'Show or hide the whole note' })),
    ...facts([
      {
        title: 'Status',
        value: statusChanged && update.status !== null ? `${statusLabel(data.before.status)} → ${statusLabel(update.status)}` : `${statusLabel(action.status)} (unchanged)`,
      },
      update.revisedDue
        ? { title: 'Due date', value: `${dueBefore ? ukDate(dueBefore) : 'none'} → ${ukDate(update.revisedDue.date)}` }
        : null,
      update.revisedDue ? { title: 'Why it moved', value: shorten(update.revisedDue.reason, LIMITS.reason).text } : null,
    ]),
  ];
  if (update.evidence !== null && update.evidence.trim() !== '') {
    body.push(text('Evidence', { weight: 'Bolder', spacing: 'Small' }), ...longText('evidence', update.evidence, LIMITS.evidence, { toggleTitle: 'Show or hide all the evidence' }));
  }
  body.push(
    heading('Where the action stands now', { spacing: 'Medium' }),
    ...facts([
      { title: 'Status', value: statusLabel(action.status) },
      { title: 'Due date', value: dueNow ? ukDate(dueNow) : (action.due?.text ?? 'None given') },
    ]),
    ...standing,
  );

  return card(body, {
    fallbackText: `Update recorded for ${title} by ${by}, ${data.when}.`,
    fullWidth: true,
    ...(data.openUrl ? { actions: [{ type: 'Action.OpenUrl' as const, title: 'Open in Teams', url: data.openUrl }] } : {}),
  });
}
