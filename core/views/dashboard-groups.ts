import { type Action, type ActionStatus, CLOSED_STATUSES, type Plan, type Recommendation, roleKey } from '../model/index.js';
import type { DashboardGroup } from './tab-api.js';

export interface PlacedAction {
  action: Action;
  recommendation: Recommendation;
}

const DONE: readonly ActionStatus[] = ['complete', 'assured'];

/** Actions by the organisation their recommendation is addressed to. */
export function byOrganisation(placed: readonly PlacedAction[], plan: Pick<Plan, 'organisations'>, overdueIds: ReadonlySet<string>): DashboardGroup[] {
  // A plan for one organisation leaves it unsaid on each recommendation.
  const fallback = plan.organisations.length === 1 ? nonBlank(plan.organisations[0]) : null;
  return tally(placed, (entry) => [nonBlank(entry.recommendation.organisation) ?? fallback ?? 'Not stated'], overdueIds);
}

/** Actions by each lead role they name; an action with several leads counts under each. */
export function byLead(placed: readonly PlacedAction[], overdueIds: ReadonlySet<string>): DashboardGroup[] {
  return tally(placed, (entry) => {
    const leads = entry.action.leads.map(nonBlank).filter((lead) => lead !== null);
    return leads.length > 0 ? leads : ['No lead'];
  }, overdueIds);
}

function tally(placed: readonly PlacedAction[], namesOf: (entry: PlacedAction) => string[], overdueIds: ReadonlySet<string>): DashboardGroup[] {
  const groups = new Map<string, DashboardGroup>();
  for (const entry of placed) {
    for (const group of groupsFor(groups, namesOf(entry))) count(group, entry.action, overdueIds);
  }
  return [...groups.values()].sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'en'));
}

/**
 * The groups one action counts in, each once. Names are folded as lead text is matched to roles,
 * so "Head of Nursing" and "HEAD OF NURSING." are one group, shown as first written.
 */
function groupsFor(groups: Map<string, DashboardGroup>, names: readonly string[]): Set<DashboardGroup> {
  const found = new Set<DashboardGroup>();
  for (const name of names) {
    const key = roleKey(name) || name;
    let group = groups.get(key);
    if (!group) {
      group = { name, total: 0, open: 0, overdue: 0, complete: 0 };
      groups.set(key, group);
    }
    found.add(group);
  }
  return found;
}

/** not-applicable is closed but not done: it counts in the total only. */
function count(group: DashboardGroup, action: Action, overdueIds: ReadonlySet<string>): void {
  group.total++;
  if (!CLOSED_STATUSES.includes(action.status)) group.open++;
  if (overdueIds.has(action.id)) group.overdue++;
  if (DONE.includes(action.status)) group.complete++;
}

function nonBlank(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
