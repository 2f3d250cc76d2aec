import { ActionStatus, type AuditEntry, type FieldChange, type Update } from '../model/index.js';
import { localDate } from '../reminders/local-time.js';
import type { PlacedAction } from './meeting-view-scope.js';
import type { MeetingActionRef, MeetingEvidence, MeetingRevisedDate, MeetingStatusChange, MeetingUpdate } from './tab-api.js';

/** What a forum sees since its last meeting: the in-scope actions, their updates and trail, from `since` on. */
export interface SinceContext {
  actions: ReadonlyMap<string, PlacedAction>;
  updates: readonly Update[];
  audit: readonly AuditEntry[];
  since: string;
  timeZone: string;
}

export function actionRef({ recommendation, action, label }: PlacedAction): MeetingActionRef {
  return { actionId: action.id, recommendationId: recommendation.id, label, text: action.text, leads: action.leads, status: action.status };
}

/** On or after the last meeting's day, in the trust's calendar (an update at 00:30 BST is that day's). */
export function onOrAfter(at: string, since: string, timeZone: string): boolean {
  return localDate(at, timeZone) >= since;
}

/** The in-scope action audit entries since, each with its action. */
function actionEntries(context: SinceContext): { entry: AuditEntry; placed: PlacedAction }[] {
  return context.audit.flatMap((entry) => {
    const placed = entry.entity === 'action' ? context.actions.get(entry.entityId) : undefined;
    return placed !== undefined && onOrAfter(entry.at, context.since, context.timeZone) ? [{ entry, placed }] : [];
  });
}

/** The in-scope updates since, each with its action. */
function recentUpdates(context: SinceContext): { update: Update; placed: PlacedAction }[] {
  return context.updates.flatMap((update) => {
    const placed = context.actions.get(update.actionId);
    return placed !== undefined && onOrAfter(update.at, context.since, context.timeZone) ? [{ update, placed }] : [];
  });
}

/**
 * A card or tab update and the audit entry of the fields it changed are one event written at one
 * instant; the trail's entry is preferred (it knows the status before), the update fills in where
 * there is no trail (plans kept before the trail existed).
 */
function sameEvent(entry: AuditEntry, update: Update): boolean {
  return entry.entityId === update.actionId && Date.parse(entry.at) === Date.parse(update.at);
}

function hasChange(entry: AuditEntry, field: string): boolean {
  return entry.changes.some((change) => change.field === field);
}

export function statusChanges(context: SinceContext): MeetingStatusChange[] {
  const entries = actionEntries(context);
  const fromTrail = entries.flatMap(({ entry, placed }) =>
    entry.changes.flatMap((change) => {
      const to = ActionStatus.safeParse(change.to);
      if (change.field !== 'status' || !to.success) return [];
      const from = ActionStatus.safeParse(change.from);
      return [{ ...actionRef(placed), from: from.success ? from.data : null, to: to.data, at: entry.at, by: entry.actor, source: entry.source }];
    }),
  );
  const fromUpdates = recentUpdates(context)
    .filter(({ update }) => update.status !== null && !entries.some(({ entry }) => hasChange(entry, 'status') && sameEvent(entry, update)))
    .map(({ update, placed }) => ({ ...actionRef(placed), from: null, to: update.status ?? placed.action.status, at: update.at, by: update.author, source: update.source }));
  return byTime([...fromTrail, ...fromUpdates]);
}

/** Updates since with something said in them (a bare status change is listed with the status changes). */
export function updatesSince(context: SinceContext): MeetingUpdate[] {
  const said = recentUpdates(context).filter(({ update }) => update.note.trim() !== '');
  return said.sort((a, b) => Date.parse(a.update.at) - Date.parse(b.update.at)).map(({ update, placed }) => ({ ...actionRef(placed), update }));
}

export function newEvidence(context: SinceContext): MeetingEvidence[] {
  const entries = actionEntries(context);
  const fromTrail = entries.flatMap(({ entry, placed }) =>
    entry.changes.flatMap((change) => {
      const added = change.field === 'evidence' ? addedText(change) : null;
      return added === null ? [] : [{ ...actionRef(placed), evidence: added, at: entry.at, by: entry.actor, source: entry.source }];
    }),
  );
  const fromUpdates = recentUpdates(context).flatMap(({ update, placed }) => {
    const evidence = update.evidence?.trim() ?? '';
    if (evidence === '' || entries.some(({ entry }) => hasChange(entry, 'evidence') && sameEvent(entry, update))) return [];
    return [{ ...actionRef(placed), evidence, at: update.at, by: update.author, source: update.source }];
  });
  return byTime([...fromTrail, ...fromUpdates]);
}

/** Evidence is appended line by line (core/updates/apply-submission.ts): what is new is what follows the old. */
function addedText(change: FieldChange): string | null {
  const to = change.to?.trim() ?? '';
  if (to === '') return null;
  const from = change.from?.trim() ?? '';
  const added = from !== '' && to.startsWith(from) ? to.slice(from.length).trim() : to;
  return added === '' ? null : added;
}

/** Dates moved since, from the actions' own revisions (each keeps its reason, who and when). */
export function revisedDates(context: SinceContext): MeetingRevisedDate[] {
  const found: MeetingRevisedDate[] = [];
  for (const placed of context.actions.values()) {
    const { revisions, due } = placed.action;
    revisions.forEach((revision, index) => {
      if (revision.at === null || !onOrAfter(revision.at, context.since, context.timeZone)) return;
      const from = index > 0 ? (revisions[index - 1]?.date ?? null) : (due?.date ?? null);
      found.push({ ...actionRef(placed), from, to: revision.date, reason: revision.reason, at: revision.at, by: revision.by });
    });
  }
  return byTime(found);
}

/** Oldest first; equal instants keep the order given. */
export function byTime<T extends { at: string }>(items: T[]): T[] {
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
