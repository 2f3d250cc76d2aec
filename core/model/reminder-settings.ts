import { z } from 'zod';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day as HH:MM');

/**
 * When a plan's leads are reminded (per plan; a plan without its own uses the defaults).
 * Times are UK local time; days are working days in England and Wales when `workingDaysOnly`.
 */
export const ReminderSettings = z.object({
  enabled: z.boolean().default(true),
  /** Days before the due date to remind; 0 is the day itself. */
  offsetsDays: z.array(z.number().int().min(0).max(365)).min(1).default([14, 7, 1, 0]),
  /** Once overdue, remind again every this many days. */
  overdueEveryDays: z.number().int().min(1).max(90).default(7),
  /** Days overdue after which the plan owner is told too. */
  escalateAfterDaysOverdue: z.number().int().min(1).max(365).default(14),
  workingDaysOnly: z.boolean().default(true),
  /** Messages are only sent inside this window, local time. */
  window: z.object({ start: ClockTime, end: ClockTime }).refine((w) => w.start < w.end, 'the window must start before it ends').default({ start: '09:00', end: '17:00' }),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = ReminderSettings.parse({});
