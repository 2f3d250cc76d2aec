import type { Field } from './fields.js';

/** Every field a column can hold, for checking a mapping that came from outside. */
export const FIELDS: readonly Field[] = [
  'number', 'organisation', 'finding', 'recommendation', 'action', 'ref', 'lead', 'due', 'completed',
  'progress', 'status', 'evidence', 'furtherAction', 'measurement', 'outcomes', 'monitoring', 'reportedTo',
];

/**
 * A person's correction of how the columns were read, by heading as the file writes it:
 * `{ "Owner": "lead", "Notes": "other" }` ("other": keep the cells under their heading, map
 * nothing). Headings not named keep the importer's own reading.
 */
export type ColumnMapping = Readonly<Record<string, Field | 'other'>>;

/**
 * The header's fields with a mapping applied. A field keeps to one column: one a person gave to
 * a heading is taken from any column the importer had guessed it for. Returns the headings the
 * mapping names that the file does not have, so a caller can say so rather than ignore them.
 */
export function applyColumnMapping(headings: readonly string[], guessed: readonly (Field | null)[], mapping: ColumnMapping): { fields: (Field | null)[]; unknown: string[] } {
  const named = new Set(Object.keys(mapping));
  const chosen = new Set(headings.flatMap((heading) => {
    const field = mapping[heading];
    return field === undefined || field === 'other' ? [] : [field];
  }));
  const fields = headings.map((heading, index) => {
    const field = mapping[heading];
    if (field !== undefined) return field === 'other' ? null : field;
    const guess = guessed[index] ?? null;
    return guess !== null && chosen.has(guess) ? null : guess;
  });
  return { fields, unknown: [...named].filter((heading) => !headings.includes(heading)) };
}
