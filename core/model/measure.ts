import { z } from 'zod';
import { IsoDate, IsoDateTime } from './iso-date.js';
import { Actor } from './person.js';

/** Which way is better. */
export const MeasureDirection = z.enum(['increase', 'decrease']);
export type MeasureDirection = z.infer<typeof MeasureDirection>;

/** One dated reading ("audit compliance 89.87% in March 2024"). */
export const MeasureValue = z.object({
  date: IsoDate,
  value: z.number(),
  note: z.string().trim().max(500).nullable().default(null),
  by: Actor,
  at: IsoDateTime,
});
export type MeasureValue = z.infer<typeof MeasureValue>;

/** What a plan editor states about a measure; the store adds ids, versions and values. */
export const MeasureFields = z.object({
  /** "Audit compliance with the discharge checklist". */
  name: z.string().trim().min(1).max(200),
  /** "%", "people", "days"… or empty. */
  unit: z.string().trim().max(20).default(''),
  /** The value that counts as met; null when the measure is tracked without one. */
  target: z.number().nullable().default(null),
  direction: MeasureDirection.default('increase'),
  /** The action it shows the effect of, or null for a plan-level outcome indicator. */
  actionId: z.string().min(1).nullable().default(null),
});
export type MeasureFields = z.infer<typeof MeasureFields>;

/**
 * An impact measure: evidence that an action changed things, not only that it was done
 * (seed 002: audit compliance 60.49% → 89.87%). Values are kept in date order.
 */
export const Measure = MeasureFields.extend({
  id: z.string().min(1),
  planId: z.string().min(1),
  values: z.array(MeasureValue).default([]),
  version: z.number().int().positive(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Measure = z.infer<typeof Measure>;
