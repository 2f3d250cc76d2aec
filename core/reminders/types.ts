import type { Action, NewReminder, Plan, ReminderSettings, Role } from '../model/index.js';

/** What the planner needs to know of an action's plan. */
export type ReminderPlanInfo = Pick<Plan, 'id' | 'title' | 'status' | 'owner' | 'reminders'>;

/** One open action to consider, with its plan. */
export interface ReminderItem {
  action: Action;
  plan: ReminderPlanInfo;
  /** Carried for the cards that show the reminder; the planner does not use it. */
  recommendationNumber: string | null;
}

export interface ReminderInput {
  /** The current instant, ISO 8601 (UTC). */
  now: string;
  /** The zone whose calendar decides "today" and whose clocks the window is read on ("Europe/London"). */
  timeZone: string;
  /** Bank holidays (England and Wales) as ISO dates; Saturdays and Sundays are always off. */
  holidays: ReadonlySet<string>;
  items: readonly ReminderItem[];
  roles: readonly Role[];
  /** Settings for plans whose own `reminders` are null. */
  defaults: ReminderSettings;
}

/** Reminders for one person to be sent together, as one card. */
export interface Digest<T extends Pick<NewReminder, 'recipient' | 'plannedFor'> = NewReminder> {
  recipient: string;
  plannedFor: string;
  reminders: T[];
}

/** Something the planner could not route; it is reported, never skipped silently. */
export type ReminderProblem =
  /** A lead role nobody holds or deputises for. */
  | { kind: 'no-holder'; planId: string; actionId: string; role: string }
  /** An action with no lead role at all. */
  | { kind: 'no-lead'; planId: string; actionId: string }
  /** An escalation or an unassigned action, and nobody answers for the plan's owner (or it has none). */
  | { kind: 'no-owner'; planId: string; actionId: string; owner: string | null };

export interface ReminderPlan {
  reminders: NewReminder[];
  digests: Digest[];
  problems: ReminderProblem[];
}
