import { z } from 'zod';
import { IsoDate } from './iso-date.js';

/**
 * How exactly a plan's wording pins a date down. A month means its last day, a quarter its
 * last day, and so on: we plan against the end of the period named (docs/decisions/003).
 */
export const DatePrecision = z.enum(['day', 'month', 'quarter', 'part-year', 'year', 'ongoing', 'none']);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** One date as written, and what it means. */
export const DatePart = z.object({
  text: z.string(),
  date: IsoDate.nullable(),
  precision: DatePrecision,
});
export type DatePart = z.infer<typeof DatePart>;

/**
 * A date as NHS plans write it ("Sep-20", "Q1 25/26", "Early 2024", "Ongoing"). The original
 * text is always kept. `date` is the date to plan against: the end of the period named, and
 * the latest one when the text names several ("September 2023 Q1 2026": the plan was revised).
 */
export const FuzzyDate = DatePart.extend({
  /** Start of the period when the text names a range or a quarter ("April 2022 - March 2023"). */
  start: IsoDate.nullable().optional(),
  /** Earlier dates in the same text, oldest first: targets that were since revised. */
  earlier: z.array(DatePart).optional(),
  /** Words around the date that are not part of it ("in line with delivery of reshaped CMH Service"). */
  note: z.string().optional(),
  /** Why no date could be taken although the text looks like one ("31 September 2020" does not exist). */
  problem: z.string().optional(),
  /** The text says the work continues ("Ongoing"). */
  ongoing: z.boolean().optional(),
  /** The text says the work is done ("Complete", "COMPLETED 31/01/2020"). */
  complete: z.boolean().optional(),
});
export type FuzzyDate = z.infer<typeof FuzzyDate>;
