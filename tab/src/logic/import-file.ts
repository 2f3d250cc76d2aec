import type { Field } from '../../../core/import/fields.js';

/** The files the importer reads (the server picks the reader by extension and content). */
export const ACCEPTED_EXTENSIONS = ['.docx', '.xlsx', '.csv', '.tsv', '.txt', '.json'] as const;

export function isAcceptedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** Bytes as base64 for `ImportRequest.contentBase64`, in slices so big files do not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = '';
  for (let at = 0; at < bytes.length; at += SLICE) binary += String.fromCharCode(...bytes.subarray(at, at + SLICE));
  return btoa(binary);
}

/** What a column can be read as; a Record so a new importer field cannot be forgotten here. */
export const FIELD_LABELS: Record<Field | 'other', string> = {
  number: 'Recommendation number',
  organisation: 'Organisation',
  finding: 'Finding',
  recommendation: 'Recommendation',
  action: 'Action',
  ref: 'Action reference',
  lead: 'Lead',
  due: 'Due date',
  completed: 'Completed',
  progress: 'Progress',
  status: 'Status / RAG',
  evidence: 'Evidence',
  furtherAction: 'Further action',
  measurement: 'Measurement',
  outcomes: 'Outcomes',
  monitoring: 'Monitoring',
  reportedTo: 'Reported to',
  other: 'Other (kept as written)',
};

export function fieldLabel(field: string): string {
  return field in FIELD_LABELS ? FIELD_LABELS[field as keyof typeof FIELD_LABELS] : field;
}

/**
 * The mapping to send: only headings changed from the reader's guess, so the server keeps
 * guessing the rest. Null when nothing was changed.
 */
export function mappingToSend(columns: readonly { heading: string; field: string }[], chosen: Readonly<Record<string, string>>): Record<string, string> | null {
  const mapping: Record<string, string> = {};
  for (const { heading, field } of columns) {
    const wanted = chosen[heading];
    if (wanted !== undefined && wanted !== field) mapping[heading] = wanted;
  }
  return Object.keys(mapping).length > 0 ? mapping : null;
}
