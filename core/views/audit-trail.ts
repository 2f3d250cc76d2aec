import type { AuditEntry, Measure, PlanTree } from '../model/index.js';
import { fallbackLabel, labelsOf } from './meeting-view-decisions.js';
import type { AuditTrail } from './tab-api.js';

/**
 * A plan's whole trail as the tab shows it, newest first, each entry named by what it is about
 * ("Plan", "Recommendation 3", "2 b", a measure's name; "Action" for one since removed).
 * Entries at the same instant keep the reverse of the order they were written.
 */
export function buildAuditTrail(tree: PlanTree, audit: readonly AuditEntry[], measures: readonly Measure[]): AuditTrail {
  const labels = labelsOf(tree, measures);
  const entries = audit
    .filter((entry) => entry.planId === tree.plan.id)
    .reverse()
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .map((entry) => ({ ...entry, label: labels.get(entry.entityId) ?? fallbackLabel(entry) }));
  return { planId: tree.plan.id, entries };
}
