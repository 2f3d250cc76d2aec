import { type Action, NOTE_MAX } from '../../../core/model/index.js';
import { checkSubmission, type FieldErrors, LeadStatus, type ProgressSubmission } from '../../../core/updates/progress-submission.js';
import type { UpdateRequest } from '../../../core/views/tab-api.js';

export { NOTE_MAX };

/** The update form's inputs, as typed: empty strings mean "not given", as on the card. */
export interface UpdateValues {
  note: string;
  status: LeadStatus | '';
  revisedDue: string;
  revisedReason: string;
  evidence: string;
}

export type UpdateField = keyof UpdateValues;

export const LEAD_STATUSES: readonly LeadStatus[] = LeadStatus.options;

/** A fresh form: the action's status preselected when a lead could set it. */
export function initialValues(action: Pick<Action, 'status'>): UpdateValues {
  const status = LeadStatus.safeParse(action.status);
  return { note: '', status: status.success ? status.data : '', revisedDue: '', revisedReason: '', evidence: '' };
}

export type Checked = { ok: true; submission: ProgressSubmission } | { ok: false; errors: FieldErrors };

/** The card's own rules (core `checkSubmission`), so the browser refuses exactly what the server would. */
export function checkValues(values: UpdateValues, action: Action, today: string): Checked {
  return checkSubmission(values, action, today);
}

/** Inputs the quick update (note and status only) cannot show. */
const FULL_FORM_FIELDS: readonly UpdateField[] = ['revisedDue', 'revisedReason', 'evidence'];

/**
 * Whether the quick update must open into the full form: a problem with an input it does not
 * show, or marking complete an action with no evidence yet (evidence will be asked for).
 */
export function needsFullForm(values: UpdateValues, errors: FieldErrors, action: Pick<Action, 'evidence'>): boolean {
  if (FULL_FORM_FIELDS.some((field) => errors[field] !== undefined)) return true;
  return values.status === 'complete' && !action.evidence;
}

/** The key and the inputs it was made for: a retry of the same inputs reuses the key. */
export interface SubmissionKey {
  key: string;
  values: UpdateValues;
}

/**
 * The `clientKey` to send: the previous one when the inputs are unchanged (a retry after a
 * network failure or a double click must record one update), else a new one.
 */
export function keyFor(previous: SubmissionKey | null, values: UpdateValues, newKey: () => string): SubmissionKey {
  if (previous !== null && sameValues(previous.values, values)) return previous;
  return { key: newKey(), values: { ...values } };
}

function sameValues(a: UpdateValues, b: UpdateValues): boolean {
  return (Object.keys(a) as UpdateField[]).every((field) => a[field] === b[field]);
}

export function toRequest(submission: ProgressSubmission, clientKey: string): UpdateRequest {
  return { ...submission, clientKey };
}

export interface ServerProblems {
  fields: FieldErrors;
  /** Problems with inputs this form does not have, shown above it. */
  other: string[];
}

/** A 422's `fields`, split into the ones shown beside their inputs and the rest. */
export function serverProblems(fields: Readonly<Record<string, string>>): ServerProblems {
  const known: FieldErrors = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(fields)) {
    if (isUpdateField(field)) known[field] = message;
    else other.push(message);
  }
  return { fields: known, other };
}

function isUpdateField(field: string): field is UpdateField {
  return field === 'note' || field === 'status' || field === 'revisedDue' || field === 'revisedReason' || field === 'evidence';
}
