import type { ActionStatus, ReviewOutcome } from '../model/index.js';

/** The words people read for each status: the bot's cards and the tab say the same. */
const STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  blocked: 'Blocked',
  complete: 'Complete',
  assured: 'Assured',
  'not-applicable': 'Not applicable',
  unknown: 'Not known',
};

/** Every status, in the order lists and filters show them. */
export const STATUSES = Object.keys(STATUS_LABELS) as ActionStatus[];

export function statusLabel(status: ActionStatus): string {
  return STATUS_LABELS[status];
}

/** The status as the rest of a sentence about the action: "Action 2 b is in progress." */
export function statusPhrase(status: ActionStatus): string {
  return status === 'unknown' ? 'has no status recorded' : `is ${STATUS_LABELS[status].toLowerCase()}`;
}

const OUTCOME_LABELS: Record<ReviewOutcome, string> = { assured: 'Assured', returned: 'Returned', 'not-applicable': 'Not applicable' };

/** A review's outcome as the meeting view and the trail say it. */
export function reviewOutcomeLabel(outcome: ReviewOutcome): string {
  return OUTCOME_LABELS[outcome];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-09-30" → "30 Sep 2025" (UK order, no locale data needed). Anything else is returned as given. */
export function ukDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) return iso;
  return `${String(Number(match[3]))} ${month} ${match[1] ?? ''}`;
}
