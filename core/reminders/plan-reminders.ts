import { type Action, CLOSED_STATUSES, effectiveDue, type NewReminder, type Person, type ReminderSettings } from '../model/index.js';
import { dayNumber } from './day-number.js';
import { groupDigests } from './digests.js';
import { localDate } from './local-time.js';
import { type Cadence, cadenceOf, escalationOccasion, leadOccasion, type Occasion } from './occasions.js';
import { leadRecipients, type RoleDirectory, roleDirectory } from './recipients.js';
import { sendingTime } from './sending-time.js';
import type { ReminderInput, ReminderItem, ReminderPlan, ReminderProblem } from './types.js';
import { type WorkingCalendar, workingCalendar } from './working-days.js';

/** A plan's settings, ready to use: when reminders fall, which days count, when they go out. */
interface Rules {
  cadence: Cadence;
  calendar: WorkingCalendar;
  plannedFor: string;
}

/** One planning sweep: its inputs, what is computed once, and what it has planned so far. */
interface Sweep {
  input: ReminderInput;
  today: string;
  todayDay: number;
  directory: RoleDirectory;
  workingDays: WorkingCalendar;
  everyDay: WorkingCalendar;
  rules: Map<ReminderSettings, Rules>;
  sendingTimes: Map<string, string>;
  reminders: NewReminder[];
  problems: ReminderProblem[];
}

/** An action being planned, with its due date and rules. */
interface Target {
  item: ReminderItem;
  due: string;
  rules: Rules;
  /** A no-owner problem was already reported for it in this sweep. */
  ownerReported: boolean;
}

/**
 * The reminders due by today for each action: for each of its series (the lead's, and the
 * owner's escalations) only the latest occasion that has arrived, so a sweep that missed days
 * catches up with one reminder, and the same day's sweep plans the same keys again.
 */
export function planReminders(input: ReminderInput): ReminderPlan {
  const sweep = startSweep(input);
  for (const item of input.items) planItem(sweep, item);
  return { reminders: sweep.reminders, digests: groupDigests(sweep.reminders), problems: sweep.problems };
}

/** The store's unique key: one per action, recipient, occasion and due date. */
export function reminderKey(actionId: string, recipient: string, occasion: Occasion, dueDate: string): string {
  return `${actionId}|${recipient}|${occasion.kind}|${occasion.tag}|${dueDate}`;
}

function startSweep(input: ReminderInput): Sweep {
  const today = localDate(input.now, input.timeZone);
  return {
    input,
    today,
    todayDay: dayNumber(today),
    directory: roleDirectory(input.roles),
    workingDays: workingCalendar(input.holidays, true),
    everyDay: workingCalendar(input.holidays, false),
    rules: new Map(),
    sendingTimes: new Map(),
    reminders: [],
    problems: [],
  };
}

function planItem(sweep: Sweep, item: ReminderItem): void {
  const settings = item.plan.reminders ?? sweep.input.defaults;
  const due = isRemindable(item, settings) ? effectiveDue(item.action) : null;
  const dueDay = due === null ? Number.NaN : dayNumber(due);
  if (due === null || Number.isNaN(dueDay)) return;
  const target: Target = { item, due, rules: rulesFor(sweep, settings), ownerReported: false };
  const { cadence, calendar } = target.rules;
  if (!isSnoozed(item.action, sweep.today)) {
    const occasion = leadOccasion(dueDay, sweep.todayDay, cadence, calendar);
    if (occasion !== null) remindLeads(sweep, target, occasion);
  }
  const escalation = escalationOccasion(dueDay, sweep.todayDay, cadence, calendar);
  if (escalation !== null) remindOwner(sweep, target, escalation);
}

function isRemindable(item: ReminderItem, settings: ReminderSettings): boolean {
  return settings.enabled && item.plan.status !== 'closed' && !CLOSED_STATUSES.includes(item.action.status);
}

/** Snoozed through `snoozedUntil`, inclusive. */
function isSnoozed(action: Action, today: string): boolean {
  return action.snoozedUntil !== null && action.snoozedUntil >= today;
}

function remindLeads(sweep: Sweep, target: Target, occasion: Occasion): void {
  const { action, plan } = target.item;
  const { people, vacant } = leadRecipients(action.leads, sweep.directory);
  for (const role of vacant) sweep.problems.push({ kind: 'no-holder', planId: plan.id, actionId: action.id, role });
  if (action.leads.length === 0) sweep.problems.push({ kind: 'no-lead', planId: plan.id, actionId: action.id });
  if (people.length > 0) addReminders(sweep, target, occasion, people);
  else remindOwner(sweep, target, { kind: 'unassigned', tag: occasion.tag });
}

function remindOwner(sweep: Sweep, target: Target, occasion: Occasion): void {
  const { action, plan } = target.item;
  const people = plan.owner === null ? [] : sweep.directory.people(plan.owner);
  if (people.length > 0) addReminders(sweep, target, occasion, people);
  else if (!target.ownerReported) {
    target.ownerReported = true;
    sweep.problems.push({ kind: 'no-owner', planId: plan.id, actionId: action.id, owner: plan.owner });
  }
}

function addReminders(sweep: Sweep, target: Target, occasion: Occasion, people: readonly Person[]): void {
  const { action, plan } = target.item;
  for (const person of people) {
    sweep.reminders.push({
      key: reminderKey(action.id, person.aadObjectId, occasion, target.due),
      planId: plan.id,
      actionId: action.id,
      recipient: person.aadObjectId,
      kind: occasion.kind,
      dueDate: target.due,
      plannedFor: target.rules.plannedFor,
    });
  }
}

/** Rules are worked out once per settings object; sending times once per window. */
function rulesFor(sweep: Sweep, settings: ReminderSettings): Rules {
  let rules = sweep.rules.get(settings);
  if (rules === undefined) {
    const calendar = settings.workingDaysOnly ? sweep.workingDays : sweep.everyDay;
    rules = { cadence: cadenceOf(settings), calendar, plannedFor: plannedFor(sweep, settings, calendar) };
    sweep.rules.set(settings, rules);
  }
  return rules;
}

function plannedFor(sweep: Sweep, settings: ReminderSettings, calendar: WorkingCalendar): string {
  const id = `${settings.window.start}-${settings.window.end}-${settings.workingDaysOnly ? 'working' : 'any'}`;
  let instant = sweep.sendingTimes.get(id);
  if (instant === undefined) {
    instant = sendingTime(sweep.input.now, sweep.input.timeZone, settings.window, calendar);
    sweep.sendingTimes.set(id, instant);
  }
  return instant;
}
