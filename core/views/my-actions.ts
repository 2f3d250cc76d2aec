import { type Action, CLOSED_STATUSES, effectiveDue, type Plan, type Recommendation, type Update } from '../model/index.js';
import { planHeader } from './plan-header.js';
import type { MyActionItem, MyActions } from './tab-api.js';

export interface MyActionEntry {
  plan: Plan;
  recommendation: Recommendation;
  action: Action;
  lastUpdate: Update | null;
}

/** The caller's open actions across plans: soonest effective due first, undated last. */
export function buildMyActions(entries: readonly MyActionEntry[], today: string): MyActions {
  const open = entries.filter((entry) => !CLOSED_STATUSES.includes(entry.action.status));
  return { today, items: open.sort(compareEntries).map(toItem) };
}

function toItem({ plan, recommendation, action, lastUpdate }: MyActionEntry): MyActionItem {
  const { id, number, text, organisation } = recommendation;
  return { plan: planHeader(plan), recommendation: { id, number, text, organisation }, action, lastUpdate };
}

function compareEntries(a: MyActionEntry, b: MyActionEntry): number {
  return (
    compareDue(effectiveDue(a.action), effectiveDue(b.action)) ||
    naturalOrder(a.plan.title, b.plan.title) ||
    naturalOrder(a.recommendation.number ?? '', b.recommendation.number ?? '') ||
    naturalOrder(a.action.ref ?? '', b.action.ref ?? '')
  );
}

/** ISO dates compare as text; no date sorts after every date. */
function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** "2" before "10", as people number recommendations; a fixed locale keeps the order the same everywhere. */
function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
