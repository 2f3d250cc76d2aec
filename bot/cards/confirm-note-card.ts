import { type Action, NOTE_MAX, type Plan } from '../../core/model/index.js';
import type { AdaptiveCard, CardAction, CardElement } from './adaptive-card.js';
import { card, execute, heading, longText, shortText, text } from './card-parts.js';
import { actionTitle, plural, shorten } from './card-text.js';
import { OPEN_UPDATE_VERB, type OpenUpdateData } from './digest-card.js';

export const CONFIRM_NOTE_VERB = 'confirmNote';

/** Data of the "Add note" button: the note travels in the card, the bot records it once. */
export interface ConfirmNoteData {
  actionId: string;
  planId: string;
  /** Unique per card: pressing twice records one update. */
  cardId: string;
  note: string;
}

export interface ConfirmNoteCardData {
  plan: Pick<Plan, 'id' | 'title'>;
  recommendationNumber: string | null;
  action: Pick<Action, 'id' | 'ref' | 'text'>;
  /** The note as typed after "update 2b:". */
  note: string;
  cardId: string;
}

const LIMITS = { planTitle: 150, action: 200, note: { preview: 600, max: NOTE_MAX } } as const;

/**
 * After "update 2b: …" in chat: which action the note would go on, and the note, to confirm
 * before anything is recorded (a mistyped ref must not land on someone else's action). A note
 * longer than NOTE_MAX is not offered for confirmation: the lead is asked to shorten it.
 */
export function confirmNoteCard(data: ConfirmNoteCardData): AdaptiveCard {
  const title = actionTitle(data.recommendationNumber, data.action.ref);
  const note = data.note.trim();
  const tooLong = Array.from(note).length > NOTE_MAX;
  const body: CardElement[] = [
    { type: 'Container', style: 'emphasis', bleed: true, items: [heading(`Add this note to ${title}?`, { size: 'Medium' })] },
    text(shorten(data.plan.title, LIMITS.planTitle).text, { weight: 'Bolder', spacing: 'Medium' }),
    shortText(data.action.text, LIMITS.action, { isSubtle: true, spacing: 'Small' }),
    heading('Your note', { spacing: 'Medium' }),
    ...longText('note', note, LIMITS.note, { toggleTitle: 'Show or hide the whole note' }),
  ];
  const open: OpenUpdateData = { actionId: data.action.id, planId: data.plan.id };
  const actions: CardAction[] = [];
  if (tooLong) {
    body.push(text(`This note is ${plural(Array.from(note).length, 'character')} long; a note may have at most ${String(NOTE_MAX)}. Shorten it and send it again.`, { color: 'Attention', weight: 'Bolder' }));
  } else {
    const confirm: ConfirmNoteData = { ...open, cardId: data.cardId, note };
    actions.push(execute('Add note', CONFIRM_NOTE_VERB, { ...confirm }, { noInputs: true, style: 'positive' }));
  }
  body.push(text('To change the status, move the date or add evidence as well, open the full update instead.', { isSubtle: true, size: 'Small', spacing: 'Medium' }));
  actions.push(execute('Open the full update', OPEN_UPDATE_VERB, { ...open }, { noInputs: true }));
  return card(body, { fallbackText: `Add your note to ${title}? Open Teams to confirm.`, actions });
}
