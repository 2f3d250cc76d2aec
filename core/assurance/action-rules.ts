import { type Action, CLOSED_STATUSES, effectiveDue, type Role, roleKey, type Update } from '../model/index.js';
import { daysBetween } from '../plan/calendar.js';
import { localDate } from '../reminders/local-time.js';
import { draft, type FindingDraft } from './finding-draft.js';

export interface ActionCheckContext {
  /** Roles by `roleKey`, as the update rights match them (core/updates/permissions.ts). */
  roles: ReadonlyMap<string, Role>;
  /** This action's updates. */
  updates: readonly Update[];
  today: string;
  timeZone: string;
}

/** Every action rule, in the order their findings are listed. */
export function actionFindings(action: Action, context: ActionCheckContext): FindingDraft[] {
  return [...leadFindings(action, context.roles), ...dueDateFindings(action), ...evidenceFindings(action), ...overdueFindings(action, context)];
}

/**
 * A closed action (complete, assured, not applicable) needs no one to remind, but should still
 * have had a lead and a date: for those, what is an error on an open action is a warning.
 */
function gapSeverity(action: Pick<Action, 'status'>): 'error' | 'warning' {
  return CLOSED_STATUSES.includes(action.status) ? 'warning' : 'error';
}

export function leadFindings(action: Pick<Action, 'leads' | 'status'>, roles: ReadonlyMap<string, Role>): FindingDraft[] {
  const severity = gapSeverity(action);
  const leads = action.leads.filter((lead) => lead.trim() !== '');
  if (leads.length === 0) return [draft('action-without-lead', severity, 'no lead role is named.')];
  return leads.flatMap((lead) => {
    const role = roles.get(roleKey(lead));
    if (role === undefined) return [draft('lead-role-unheld', severity, `the lead role "${lead}" is not given to anyone in Followthrough.`)];
    if (role.holders.length > 0) return [];
    if (role.deputies.length > 0) return [draft('lead-role-unheld', 'warning', `the lead role "${lead}" is held by deputies only.`)];
    return [draft('lead-role-unheld', severity, `nobody holds the lead role "${lead}".`)];
  });
}

/**
 * A revised date counts (it is the date reminders use). "Ongoing" is not a date: it is a
 * warning, as monitoring work often is ongoing, but nothing will ever remind about it.
 */
export function dueDateFindings(action: Pick<Action, 'due' | 'revisions' | 'status'>): FindingDraft[] {
  if (effectiveDue(action) !== null) return [];
  if (action.due?.ongoing === true || action.due?.precision === 'ongoing') {
    return [draft('action-without-due-date', 'warning', `its due date is "${action.due.text}", so no reminder will ever be sent.`)];
  }
  const written = action.due && action.due.text.trim() !== '' ? ` ("${action.due.text}" could not be read as a date)` : '';
  return [draft('action-without-due-date', gapSeverity(action), `no due date${written}.`)];
}

/** Assurance means someone saw evidence; "complete" without any is worth a look before sign-off. */
export function evidenceFindings(action: Pick<Action, 'status' | 'evidence'>): FindingDraft[] {
  if (action.evidence !== null && action.evidence.trim() !== '') return [];
  if (action.status === 'assured') return [draft('assured-without-evidence', 'error', 'assured, but no evidence is recorded.')];
  if (action.status === 'complete') return [draft('complete-without-evidence', 'warning', 'complete, but no evidence is recorded.')];
  return [];
}

/**
 * Overdue and silent: no update on or after the due date. Updates are dated in the trust's
 * time zone, so one sent at 00:30 BST on the due date counts as on it.
 */
export function overdueFindings(action: Pick<Action, 'status' | 'due' | 'revisions'>, context: Omit<ActionCheckContext, 'roles'>): FindingDraft[] {
  const due = effectiveDue(action);
  if (due === null || CLOSED_STATUSES.includes(action.status)) return [];
  const days = daysBetween(due, context.today);
  if (days <= 0) return [];
  if (context.updates.some((update) => localDate(update.at, context.timeZone) >= due)) return [];
  return [draft('overdue-without-update', 'warning', `${String(days)} ${days === 1 ? 'day' : 'days'} overdue (${dueWording(action, due)}) with no update since.`)];
}

/** The plan's own wording for a short date ("Sep-25"); the date itself when revised or wordy. */
function dueWording(action: Pick<Action, 'due' | 'revisions'>, due: string): string {
  if (action.revisions.length > 0) return `due ${due}, revised`;
  const text = action.due?.text.trim() ?? '';
  return text !== '' && text.length <= 24 ? `due ${text}` : `due ${due}`;
}
