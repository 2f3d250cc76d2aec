import { type Action, type ActionStatus, effectiveDue, NOTE_MAX, type Plan, type Recommendation, type Update } from '../../core/model/index.js';
import { type FieldErrors, LeadStatus, type ProgressSubmission } from '../../core/updates/progress-submission.js';
import type { AdaptiveCard, CardElement, CardInput } from './adaptive-card.js';
import { card, execute, facts, heading, longText, text, TONE_COLOR, TONE_STYLE } from './card-parts.js';
import { actionTitle, type DueState, dueState, leadsText, parsedDue, plural, shorten, statusLabel, ukDate } from './card-text.js';
import { type ReviewSeen, type ReviewState, reviewState, STATE_TITLES, stateBanner, stateLine, stateWords, takesUpdates } from './review-state.js';

/** The ids of the card's inputs: exactly the fields of a progress submission. */
export const REMINDER_INPUT_IDS = ['note', 'status', 'revisedDue', 'revisedReason', 'evidence'] as const satisfies readonly (keyof ProgressSubmission)[];

export const SUBMIT_UPDATE_VERB = 'submitUpdate';
export const SNOOZE_VERB = 'snooze';
export const SNOOZE_CHOICES_DAYS = [3, 7] as const;

/** Data of the "Submit update" button; Teams merges the inputs into it. */
export interface SubmitUpdateData {
  actionId: string;
  planId: string;
  /** This card's id: a double submit of the same card records one update. */
  cardId: string;
}

export interface SnoozeData {
  actionId: string;
  planId: string;
  days: number;
}

/** The action as the reminder card shows it. */
export type ReminderAction = Pick<Action, 'id' | 'planId' | 'ref' | 'text' | 'leads' | 'due' | 'revisions' | 'status' | 'evidence'> &
  Partial<Pick<Action, 'snoozedUntil'>>;

/** The latest update on the action. */
export interface LastUpdateView {
  /** Who wrote it; null when unknown (e.g. progress imported with the plan). */
  by: string | null;
  /** When, as the caller formats it in UK time ("3 Oct 2025, 14:05"). */
  when: string;
  note: Update['note'];
  /** A status it set, if any. */
  status?: ActionStatus | null;
}

/** What the lead submitted, as the card's inputs sent it (strings), to show again with errors. */
export type SubmittedValues = Partial<Record<keyof ProgressSubmission, string>>;

export interface ReminderCardData {
  /** Today in the plan's calendar (Europe/London), YYYY-MM-DD: days left and the earliest revised date. */
  today: string;
  /** Unique per card sent; comes back with "Submit update". */
  cardId: string;
  plan: Pick<Plan, 'id' | 'title' | 'references'>;
  /** Null when the plan has no recommendations above its actions. */
  recommendation: Pick<Recommendation, 'number' | 'text'> | null;
  action: ReminderAction;
  lastUpdate: LastUpdateView | null;
  /** Deep link to the action in the Teams tab. */
  openUrl: string;
  /** From a refused submit: a message per input. */
  errors?: FieldErrors;
  /** From a refused submit: what the lead entered, kept in the inputs. */
  submitted?: SubmittedValues;
  /** A line for the top of the card, e.g. "Someone else changed this action a moment ago: check it and submit again." */
  notice?: string;
  /** The action's latest review (assured, returned, not applicable), if any: the card follows the lifecycle. */
  review?: ReviewSeen | null;
}

const LIMITS = {
  recommendation: { preview: 280, max: 3000 },
  action: { preview: 280, max: 2500 },
  lastNote: { preview: 280, max: 2500 },
  evidenceOnRecord: 400,
  planTitle: 200,
  references: 200,
  /** A refused note is kept for the lead to shorten, but not without bound. */
  submittedNote: NOTE_MAX * 2,
  submittedOther: 2500,
} as const;

const REASON_MAX = 500;
const EVIDENCE_MAX = 2000;

const STATUS_CHOICES = LeadStatus.options.map((value) => ({ title: statusLabel(value), value }));

/**
 * The reminder a lead answers in place: what the action is, when it is due, what was said last,
 * and the inputs of a progress update. Given `errors`, the same card again with each message under
 * its input and the lead's values kept. It follows the lifecycle: a returned action says why
 * first; a complete one that it awaits assurance; an assured or not-applicable one says so, by
 * whom and where, and has no inputs.
 */
export function reminderCard(data: ReminderCardData): AdaptiveCard {
  const { action, plan } = data;
  const title = actionTitle(data.recommendation?.number ?? null, action.ref);
  const due = dueState(effectiveDue(action), data.today, action.due?.ongoing === true);
  const state = reviewState(action.status, data.review ?? null);
  // Assured and not applicable are governance's: the card tells, and takes no update.
  const open = takesUpdates(state);
  const errors = data.errors ?? {};
  const errorCount = REMINDER_INPUT_IDS.filter((id) => errors[id] !== undefined).length;

  const body: CardElement[] = [header(state, title, due)];
  // Returned: the reason comes first, so the lead knows what to do before anything else.
  const returned = state.kind === 'returned' ? stateBanner(state) : null;
  if (returned !== null) body.push(returned);
  if (data.notice !== undefined && data.notice.trim() !== '') {
    body.push({ type: 'Container', style: 'warning', items: [text(shorten(data.notice, 500).text, { weight: 'Bolder' })] });
  }
  if (errorCount > 0 && open) {
    body.push({
      type: 'Container',
      style: 'attention',
      items: [text(`Your update was not saved: ${plural(errorCount, 'thing')} to put right below.`, { weight: 'Bolder', color: 'Attention' })],
    });
  }
  if (errorCount > 0 && !open) body.push(...refusedOnSettled(data, errors));
  body.push(
    text(shorten(plan.title, LIMITS.planTitle).text, { weight: 'Bolder', spacing: 'Medium' }),
    ...(plan.references.length > 0 ? [text(shorten(plan.references.join(' · '), LIMITS.references).text, { isSubtle: true, size: 'Small', spacing: 'None' })] : []),
  );
  if (data.recommendation !== null && data.recommendation.text.trim() !== '') {
    const number = data.recommendation.number?.trim();
    body.push(
      heading(number ? `Recommendation ${number}` : 'Recommendation', { spacing: 'Medium' }),
      ...longText('recommendation', data.recommendation.text, LIMITS.recommendation, { toggleTitle: 'Show or hide the full recommendation' }),
    );
  }
  body.push(heading(title, { spacing: 'Medium' }), ...longText('action', action.text, LIMITS.action, { toggleTitle: 'Show or hide the full action' }));
  const revision = action.revisions.at(-1);
  body.push(
    ...facts([
      { title: action.leads.length > 1 ? 'Leads' : 'Lead', value: leadsText(action.leads) },
      action.due ? { title: 'Due (as the plan says)', value: action.due.text } : null,
      { title: revision ? 'Due (plan date)' : 'Due date', value: parsedDue(action.due) },
      revision ? { title: 'Due date now', value: `${ukDate(revision.date)}, revised: ${shorten(revision.reason, 200).text}` } : null,
      { title: 'Status', value: statusLabel(action.status) },
      action.snoozedUntil ? { title: 'Snoozed until', value: ukDate(action.snoozedUntil) } : null,
      action.evidence ? { title: 'Evidence on record', value: shorten(action.evidence, LIMITS.evidenceOnRecord).text } : null,
    ]),
  );
  body.push(heading('Last update', { spacing: 'Medium' }));
  if (data.lastUpdate === null) {
    body.push(text('No updates yet.', { isSubtle: true, spacing: 'Small' }));
  } else {
    const last = data.lastUpdate;
    const said = [last.by ?? 'Someone', last.when, last.status ? `status ${statusLabel(last.status)}` : null].filter((part) => part !== null).join(' · ');
    body.push(text(said, { isSubtle: true, size: 'Small', spacing: 'Small' }));
    if (last.note.trim() !== '') body.push(...longText('last-note', last.note, LIMITS.lastNote, { toggleTitle: 'Show or hide the whole update' }));
  }
  const openInTeams = { type: 'Action.OpenUrl' as const, title: 'Open in Teams', url: data.openUrl };
  if (!open) {
    return card(body, { fallbackText: `${title} of "${shorten(plan.title, 80).text}": ${stateLine(state) ?? statusLabel(action.status)}.`, fullWidth: true, actions: [openInTeams] });
  }
  body.push(heading('Your update', { spacing: 'Large', separator: true }), ...inputs(data, errors));

  const ids = { actionId: action.id, planId: plan.id };
  const submit: SubmitUpdateData = { ...ids, cardId: data.cardId };
  // Snoozing quietens reminders, and a complete action has none.
  const snoozes = state.kind === 'awaiting-assurance' ? [] : SNOOZE_CHOICES_DAYS;
  const why = state.kind === 'returned' ? ` ${stateLine(state) ?? ''}` : '';
  return card(body, {
    fallbackText: `${title} of "${shorten(plan.title, 80).text}": ${state.kind === 'awaiting-assurance' ? 'awaiting assurance' : due.label}.${why} Open Teams to update it.`,
    fullWidth: true,
    actions: [
      execute('Submit update', SUBMIT_UPDATE_VERB, { ...submit }, { style: 'positive' }),
      ...snoozes.map((days) => {
        const snooze: SnoozeData = { ...ids, days };
        return execute(`Snooze ${plural(days, 'day')}`, SNOOZE_VERB, { ...snooze }, { noInputs: true });
      }),
      openInTeams,
    ],
  });
}

/**
 * The top of the card. An open action (returned ones too: the return is shown just below) leads
 * with its due date; a complete, assured or not-applicable one with where it stands.
 */
function header(state: ReviewState, title: string, due: DueState): CardElement {
  const words = state.kind === 'open' || state.kind === 'returned' ? null : stateWords(state);
  if (words === null) {
    return {
      type: 'Container',
      style: TONE_STYLE[due.tone],
      bleed: true,
      items: [heading(`Update needed: ${title}`, { size: 'Medium' }), text(due.label, { weight: 'Bolder', color: TONE_COLOR[due.tone], spacing: 'Small' })],
    };
  }
  const named = STATE_TITLES[state.kind];
  return {
    type: 'Container',
    style: words.style,
    bleed: true,
    items: [
      heading(`${named}: ${title}`, { size: 'Medium' }),
      ...(words.headline === named ? [] : [text(words.headline, { weight: 'Bolder', color: words.color, spacing: 'Small' })]),
      ...words.lines,
    ],
  };
}

/**
 * A submit refused because the action was assured (or marked not applicable) after the card
 * went out: the lifecycle's own words, and the lead's note so it is not lost.
 */
function refusedOnSettled(data: ReminderCardData, errors: FieldErrors): CardElement[] {
  const why = errors.status ?? REMINDER_INPUT_IDS.map((id) => errors[id]).find((message) => message !== undefined) ?? '';
  const note = data.submitted?.note?.trim() ?? '';
  return [
    {
      type: 'Container',
      style: 'warning',
      items: [
        text(`Your update was not saved. ${why}`, { weight: 'Bolder' }),
        ...(note === '' ? [] : [text(`What you wrote, to keep elsewhere if it is still needed: ${shorten(note, LIMITS.submittedOther).text}`, { size: 'Small', spacing: 'Small' })]),
      ],
    },
  ];
}

function inputs(data: ReminderCardData, errors: FieldErrors): CardElement[] {
  const given = data.submitted ?? {};
  const kept = (id: keyof ProgressSubmission, max: number): { value?: string } => {
    const value = given[id];
    return value === undefined || value === '' ? {} : { value: Array.from(value).slice(0, max).join('') };
  };
  // What the lead chose, else the current status (if it is one a lead can choose), else nothing: they must pick.
  const status = [given.status, data.action.status].map((value) => LeadStatus.safeParse(value)).find((result) => result.success);
  const hasEvidence = Boolean(data.action.evidence);
  const fields: CardInput[] = [
    {
      type: 'Input.Text',
      id: 'note',
      label: 'What has happened since the last update?',
      isMultiline: true,
      isRequired: true,
      maxLength: NOTE_MAX,
      placeholder: 'Progress, what is next, anything in the way',
      errorMessage: `Write a progress note (at most ${String(NOTE_MAX)} characters).`,
      ...kept('note', LIMITS.submittedNote),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'status',
      label: 'Status',
      choices: STATUS_CHOICES,
      isRequired: true,
      errorMessage: 'Choose a status.',
      placeholder: 'Choose a status',
      ...(status?.success ? { value: status.data } : {}),
    },
    {
      type: 'Input.Date',
      id: 'revisedDue',
      label: 'New due date (only if the date is moving)',
      min: data.today,
      errorMessage: 'Choose today or a later date.',
      ...kept('revisedDue', 10),
    },
    {
      type: 'Input.Text',
      id: 'revisedReason',
      label: 'Why the date is moving (required when the date moves)',
      maxLength: REASON_MAX,
      ...kept('revisedReason', LIMITS.submittedOther),
    },
    {
      type: 'Input.Text',
      id: 'evidence',
      label: hasEvidence ? 'Evidence (add to what is on record; needed to mark complete)' : 'Evidence (required to mark complete)',
      isMultiline: true,
      maxLength: EVIDENCE_MAX,
      placeholder: 'A link, or what shows the action is done',
      ...kept('evidence', LIMITS.submittedOther),
    },
  ];
  return fields.flatMap((input) => {
    const message = errors[input.id as keyof ProgressSubmission];
    return message === undefined ? [input] : [input, text(message, { id: `${input.id}-error`, color: 'Attention', size: 'Small', spacing: 'Small' })];
  });
}
