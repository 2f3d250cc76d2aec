import { ActionStatus, type AuditEntity, type AuditEntry, type FieldChange, Rag } from '../../../core/model/index.js';
import { ragLabel, sourceLabel, statusLabel, ukDate, ukDateTime } from './labels.js';

/** The audit trail in words: which field, old → new, who, when, from where, at which meeting. */

const FIELD_LABELS: Record<string, string> = {
  text: 'Action',
  leads: 'Leads',
  leadText: 'Lead as written',
  due: 'Due date',
  revisions: 'Date changes',
  status: 'Status',
  rag: 'RAG',
  statusText: 'Status as written',
  furtherAction: 'Further action',
  evidence: 'Evidence',
  measurement: 'Measurement',
  outcomes: 'Outcomes',
  monitoring: 'Monitoring',
  reportedTo: 'Reported to',
  completed: 'Completed',
  snoozedUntil: 'Reminders snoozed until',
  review: 'Review',
  title: 'Title',
  references: 'References',
  owner: 'Owner',
  forums: 'Forums',
  reviewers: 'Reviewers',
  number: 'Number',
  organisation: 'Organisation',
  finding: 'Finding',
  name: 'Name',
  unit: 'Unit',
  target: 'Target',
  direction: 'Better when it goes',
  actionId: 'Action measured',
  values: 'Readings',
};

/** "reportedTo" → "Reported to" for a field this list does not know yet. */
export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known !== undefined) return known;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Codes the trail stores as they are (status, RAG, an action's id), in the words the rest of the tab uses. */
function valueText(field: string, value: string | null, names: ReadonlyMap<string, string>): string {
  if (value === null) return 'nothing';
  if (field === 'actionId') return names.get(value) ?? 'an action no longer in the plan';
  if (field === 'status') {
    const status = ActionStatus.safeParse(value);
    if (status.success) return statusLabel(status.data);
  }
  if (field === 'rag') {
    const rag = Rag.safeParse(value);
    if (rag.success) return ragLabel(rag.data);
  }
  return value;
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/**
 * "Status: In progress → Complete"; "Evidence: Audit report"; "Owner: removed (was …)". `names`
 * turns the action ids a measure's trail holds into the labels people use ("Action 2b").
 */
export function changeText(change: FieldChange, names: ReadonlyMap<string, string> = NO_NAMES): string {
  const label = fieldLabel(change.field);
  const text = (value: string | null): string => valueText(change.field, value, names);
  if (change.from === null) return `${label}: ${text(change.to)}`;
  if (change.to === null) return `${label}: removed (was ${text(change.from)})`;
  return `${label}: ${text(change.from)} → ${text(change.to)}`;
}

/** "Alex Wilber · 10 Jun 2025, 09:15 · from the card · at Quality and Safety Committee (10 Jun 2025)". */
export function entryByline(entry: Pick<AuditEntry, 'actor' | 'at' | 'source' | 'meeting'>): string {
  const parts = [entry.actor.displayName ?? 'Someone', ukDateTime(entry.at), sourceLabel(entry.source)];
  if (entry.meeting !== null) parts.push(`at ${entry.meeting.forum} (${ukDate(entry.meeting.date)})`);
  return parts.join(' · ');
}

/** What a plan-wide trail entry is about: "Action 2b", "Plan", "Recommendation 3", "Measure: Audit compliance". */
export function entityText(entity: AuditEntity, label: string): string {
  if (entity === 'action') return label.startsWith('Action') ? label : `Action ${label}`;
  if (entity === 'measure') return `Measure: ${label}`;
  return label;
}
