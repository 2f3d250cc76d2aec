import type { AuditEntry, FieldChange, Meeting, Measure, PlanTree } from '../model/index.js';
import { byTime } from './meeting-view-changes.js';
import { placedActions, sameForum } from './meeting-view-scope.js';
import type { MeetingDecision, MeetingDecisionKind } from './tab-api.js';

/**
 * Decisions recorded against this meeting (forum and date) for the plan, oldest first. All of
 * them, not only the in-scope actions': the meeting named itself when it decided.
 */
export function meetingDecisions(tree: PlanTree, audit: readonly AuditEntry[], measures: readonly Measure[], meeting: Meeting): MeetingDecision[] {
  const labels = labelsOf(tree, measures);
  const decided = audit.filter((entry) => entry.planId === tree.plan.id && entry.meeting !== null && sameForum(entry.meeting.forum, meeting.forum) && entry.meeting.date === meeting.date);
  return byTime(
    decided.map((entry) => ({
      entity: entry.entity,
      entityId: entry.entityId,
      label: labels.get(entry.entityId) ?? fallbackLabel(entry),
      kind: decisionKind(entry),
      at: entry.at,
      by: entry.actor,
      source: entry.source,
      summary: entry.summary,
      changes: entry.changes,
    })),
  );
}

/** What the decision was, read from the status it set. */
export function decisionKind(entry: Pick<AuditEntry, 'entity' | 'changes'>): MeetingDecisionKind {
  const status = entry.changes.find((change: FieldChange) => change.field === 'status');
  if (status === undefined) return 'other';
  if (entry.entity === 'plan') return status.to === 'closed' ? 'plan-closed' : status.from === 'closed' ? 'plan-reopened' : 'other';
  if (entry.entity !== 'action') return 'other';
  if (status.to === 'assured') return 'assured';
  if (status.to === 'not-applicable') return 'not-applicable';
  // Back to the lead from complete (returned), assured (reopened) or not applicable (reinstated).
  return status.from === 'complete' || status.from === 'assured' || status.from === 'not-applicable' ? 'returned' : 'other';
}

/** What each of the plan's things is called in the trail: "Plan", "Recommendation 3", "2 b", a measure's name. */
export function labelsOf(tree: PlanTree, measures: readonly Measure[]): Map<string, string> {
  const labels = new Map<string, string>([[tree.plan.id, 'Plan']]);
  for (const rec of tree.recommendations) labels.set(rec.id, rec.number === null ? 'Recommendation (unnumbered)' : `Recommendation ${rec.number}`);
  for (const { action, label } of placedActions(tree)) labels.set(action.id, label);
  for (const measure of measures) labels.set(measure.id, measure.name);
  return labels;
}

/** Something since removed from the plan: say what it was. */
export function fallbackLabel(entry: Pick<AuditEntry, 'entity'>): string {
  return { plan: 'Plan', recommendation: 'Recommendation', action: 'Action', measure: 'Measure' }[entry.entity];
}
