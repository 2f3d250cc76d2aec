import type { Field } from './fields.js';

/** A column's text gathered from one or more rows, before dates, statuses and leads are read. */
export type FieldTexts = Partial<Record<Field, string>>;

export interface RawAction {
  values: FieldTexts;
  /** Cells under headings we do not map: kept with their heading. */
  other: { label: string; value: string }[];
  line: number | null;
  flags: string[];
}

export interface RawRecommendation {
  number: string | null;
  values: FieldTexts;
  line: number | null;
  flags: string[];
  actions: RawAction[];
}
