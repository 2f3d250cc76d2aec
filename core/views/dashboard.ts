import { ActionStatus, type PlanTree, Rag, type Update } from '../model/index.js';
import { summarisePlan } from '../plan/summarise-plan.js';
import { completionSeries } from './completion-series.js';
import { byLead, byOrganisation, type PlacedAction } from './dashboard-groups.js';
import { planHeader } from './plan-header.js';
import type { Dashboard } from './tab-api.js';

const RAG_KEYS = [...Rag.options, 'none' as const];

/** A plan's dashboard as of `today`: counts, what is late or due within `soonDays`, groups and progress over time. */
export function buildDashboard(tree: PlanTree, updates: readonly Update[], today: string, soonDays = 14): Dashboard {
  // The CLI's `show` counts the same way: one summary, two faces.
  const summary = summarisePlan(tree, today, soonDays);
  const placed: PlacedAction[] = tree.recommendations.flatMap((recommendation) => recommendation.actions.map((action) => ({ action, recommendation })));
  const overdueIds = new Set(summary.overdue.map((item) => item.actionId));
  return {
    plan: planHeader(tree.plan),
    today,
    total: summary.actions,
    byStatus: everyKey(ActionStatus.options, summary.byStatus),
    byRag: everyKey(RAG_KEYS, summary.byRag),
    overdue: summary.overdue,
    dueSoon: summary.dueSoon,
    byOrganisation: byOrganisation(placed, tree.plan, overdueIds),
    byLead: byLead(placed, overdueIds),
    completion: completionSeries(placed.map((entry) => entry.action), updates, today),
  };
}

/** Every key present, 0 where none: the charts show a bar for each, even an empty one. */
function everyKey<K extends string>(keys: readonly K[], counts: Partial<Record<K, number>>): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, counts[key] ?? 0])) as Record<K, number>;
}
