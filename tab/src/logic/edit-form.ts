import type { Action, ActionStatus, Rag } from '../../../core/model/index.js';
import type { EditableActionFields } from '../../../core/views/tab-api.js';

/** The edit form's inputs as typed; leads one per line (or separated by semicolons). */
export interface EditValues {
  text: string;
  leads: string;
  status: ActionStatus;
  rag: Rag | '';
  evidence: string;
  measurement: string;
  outcomes: string;
  monitoring: string;
  reportedTo: string;
}

const OPTIONAL_TEXT = ['evidence', 'measurement', 'outcomes', 'monitoring', 'reportedTo'] as const;

export function editValuesOf(action: Action): EditValues {
  return {
    text: action.text,
    leads: action.leads.join('\n'),
    status: action.status,
    rag: action.rag ?? '',
    evidence: action.evidence ?? '',
    measurement: action.measurement ?? '',
    outcomes: action.outcomes ?? '',
    monitoring: action.monitoring ?? '',
    reportedTo: action.reportedTo ?? '',
  };
}

export function splitLeads(text: string): string[] {
  return text.split(/[\n;]/).map((lead) => lead.trim()).filter((lead) => lead !== '');
}

export type EditCheck = { ok: true; fields: EditableActionFields } | { ok: false; errors: Partial<Record<keyof EditValues, string>> };

/**
 * Only what changed goes to the server (so two editors changing different fields do not
 * undo each other beyond the version check); an emptied optional text becomes null.
 */
export function changedFields(action: Action, values: EditValues): EditCheck {
  const text = values.text.trim();
  if (text === '') return { ok: false, errors: { text: 'The action needs its text.' } };
  const fields: EditableActionFields = {};
  if (text !== action.text) fields.text = text;
  const leads = splitLeads(values.leads);
  if (leads.join('\n') !== action.leads.join('\n')) fields.leads = leads;
  if (values.status !== action.status) fields.status = values.status;
  const rag = values.rag === '' ? null : values.rag;
  if (rag !== action.rag) fields.rag = rag;
  for (const key of OPTIONAL_TEXT) {
    const value = values[key].trim() === '' ? null : values[key].trim();
    if (value !== action[key]) fields[key] = value;
  }
  if (Object.keys(fields).length === 0) return { ok: false, errors: { text: 'Nothing has changed.' } };
  return { ok: true, fields };
}
