import { z } from 'zod';
import { FuzzyDate } from './fuzzy-date.js';
import { IsoDateTime } from './iso-date.js';
import { ReminderSettings } from './reminder-settings.js';
import { RagKeyEntry } from './status.js';

export const PlanStatus = z.enum(['draft', 'active', 'closed']);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** A labelled line from a plan's preamble, as written ("Incident identifier/s" → "StEIS ref 2021 19349"). */
export const PlanDetail = z.object({ label: z.string(), value: z.string() });
export type PlanDetail = z.infer<typeof PlanDetail>;

export const PlanFields = z.object({
  title: z.string().min(1),
  /** Incident / investigation references as written: "StEIS ref 2021 19349", "SI 2017/18 011". */
  references: z.array(z.string()),
  /** The report the plan answers, and when it was published. */
  sourceReport: z.string().nullable().default(null),
  published: FuzzyDate.nullable().default(null),
  organisations: z.array(z.string()).default([]),
  /** The accountable owner as written (a role or named lead); escalations go here. */
  owner: z.string().nullable().default(null),
  /** Committees / boards it reports to ("Directorate Management Group"). */
  forums: z.array(z.string()).default([]),
  /** Roles, besides the plan's editors, whose holders may assure its actions ("Head of Quality Governance"). */
  reviewers: z.array(z.string()).default([]),
  status: PlanStatus.default('active'),
  /** The plan's own statements and preamble (condolences, assurances), in order. */
  statements: z.array(z.string()).default([]),
  ragKey: z.array(RagKeyEntry).default([]),
  lastUpdated: FuzzyDate.nullable().default(null),
  details: z.array(PlanDetail).default([]),
  /** This plan's reminder rules; null means the defaults. */
  reminders: ReminderSettings.nullable().default(null),
  /** The plan's own column headings as written, and what each was read as: exports lay the plan out the same way. */
  columns: z.array(z.object({ heading: z.string(), field: z.string().nullable() })).default([]),
});
export type PlanFields = z.infer<typeof PlanFields>;

export const Plan = PlanFields.extend({
  id: z.string().min(1),
  version: z.number().int().positive(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Hash of the imported content: importing the same plan twice is noticed. */
  contentKey: z.string().nullable(),
});
export type Plan = z.infer<typeof Plan>;
