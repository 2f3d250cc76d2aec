import { type ActionStatus, CLOSED_STATUSES } from '../../../core/model/index.js';
import type { ActionRow, PlanView } from '../../../core/views/tab-api.js';
import { type DueInfo, dueInfo } from './due.js';
import { actionLabel } from './labels.js';

type RecommendationView = PlanView['recommendations'][number];

/** One action of the plan view with what filtering needs worked out once, not on every keystroke. */
export interface PreparedRow {
  row: ActionRow;
  recommendation: Omit<RecommendationView, 'actions'>;
  /** "2b": recommendation number and action ref. */
  label: string;
  due: DueInfo;
  /** Plan order, for the default sort and for ties. */
  order: number;
  /** Lower-cased text, ref, leads and last note: what the search box looks in. */
  haystack: string;
}

export type StatusFilter = ActionStatus | 'all' | 'open';
export type SortOrder = 'plan' | 'due' | 'status';

export interface ActionFilters {
  status: StatusFilter;
  overdueOnly: boolean;
  /** Open actions due within this many days, overdue included; null for any time. */
  withinDays: number | null;
  lead: string | null;
  organisation: string | null;
  search: string;
  sort: SortOrder;
}

export const NO_FILTERS: ActionFilters = { status: 'all', overdueOnly: false, withinDays: null, lead: null, organisation: null, search: '', sort: 'plan' };

export function prepareRows(view: Pick<PlanView, 'recommendations' | 'today'>): PreparedRow[] {
  const rows: PreparedRow[] = [];
  for (const { actions, ...recommendation } of view.recommendations) {
    for (const row of actions) {
      const { action, lastUpdate } = row;
      const label = actionLabel(recommendation.number, action.ref);
      const haystack = [label, action.ref ?? '', action.text, ...action.leads, lastUpdate?.note ?? ''].join('\n').toLowerCase();
      rows.push({ row, recommendation, label, due: dueInfo(action, view.today), order: rows.length, haystack });
    }
  }
  return rows;
}

/** The rows the filters let through, in the order asked for. */
export function applyFilters(rows: readonly PreparedRow[], filters: ActionFilters): PreparedRow[] {
  const words = filters.search.toLowerCase().split(/\s+/).filter((word) => word !== '');
  const kept = rows.filter((prepared) => {
    const { action } = prepared.row;
    if (!statusMatches(action.status, filters.status)) return false;
    if (filters.overdueOnly && prepared.due.tone !== 'overdue') return false;
    if (filters.withinDays !== null && !dueWithin(prepared.due, filters.withinDays)) return false;
    if (filters.lead !== null && !action.leads.includes(filters.lead)) return false;
    if (filters.organisation !== null && prepared.recommendation.organisation !== filters.organisation) return false;
    return words.every((word) => prepared.haystack.includes(word));
  });
  return sortRows(kept, filters.sort);
}

function statusMatches(status: ActionStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return !CLOSED_STATUSES.includes(status);
  return status === filter;
}

function dueWithin(due: DueInfo, days: number): boolean {
  // Closed and undated actions are never "due"; overdue ones are due within any window.
  return due.days !== null && due.tone !== 'closed' && due.days <= days;
}

// Most in need of attention first.
const STATUS_ORDER: Record<ActionStatus, number> = {
  blocked: 0,
  'not-started': 1,
  'in-progress': 2,
  unknown: 3,
  complete: 4,
  assured: 5,
  'not-applicable': 6,
};

export function sortRows(rows: PreparedRow[], sort: SortOrder): PreparedRow[] {
  const byPlan = (a: PreparedRow, b: PreparedRow): number => a.order - b.order;
  const byDue = (a: PreparedRow, b: PreparedRow): number => dueKey(a).localeCompare(dueKey(b));
  if (sort === 'due') return rows.sort((a, b) => byDue(a, b) || byPlan(a, b));
  if (sort === 'status') return rows.sort((a, b) => STATUS_ORDER[a.row.action.status] - STATUS_ORDER[b.row.action.status] || byDue(a, b) || byPlan(a, b));
  return rows.sort(byPlan);
}

// Undated actions sort after every dated one.
const dueKey = (prepared: PreparedRow): string => prepared.due.date ?? '9999-99-99';

/** The choices the lead and organisation filters offer: what the plan names, sorted. */
export function filterChoices(rows: readonly PreparedRow[]): { leads: string[]; organisations: string[] } {
  const leads = new Set<string>();
  const organisations = new Set<string>();
  for (const { row, recommendation } of rows) {
    for (const lead of row.action.leads) leads.add(lead);
    if (recommendation.organisation !== null) organisations.add(recommendation.organisation);
  }
  const sorted = (values: Set<string>): string[] => [...values].sort((a, b) => a.localeCompare(b, 'en-GB'));
  return { leads: sorted(leads), organisations: sorted(organisations) };
}

export interface RecommendationGroup {
  recommendation: PreparedRow['recommendation'];
  rows: PreparedRow[];
}

/**
 * Rows under their recommendations, for plan order. Given every recommendation (when nothing is
 * filtered out), those without actions are kept too: a recommendation nobody has answered is news.
 */
export function groupByRecommendation(rows: readonly PreparedRow[], every?: readonly PreparedRow['recommendation'][]): RecommendationGroup[] {
  const groups = new Map<string, RecommendationGroup>();
  for (const recommendation of every ?? []) groups.set(recommendation.id, { recommendation, rows: [] });
  for (const prepared of rows) {
    const group = groups.get(prepared.recommendation.id);
    if (group) group.rows.push(prepared);
    else groups.set(prepared.recommendation.id, { recommendation: prepared.recommendation, rows: [prepared] });
  }
  return [...groups.values()];
}

/** True when the filters hide nothing (so empty recommendations are shown too). */
export function isUnfiltered(filters: ActionFilters): boolean {
  return filters.status === 'all' && !filters.overdueOnly && filters.withinDays === null && filters.lead === null && filters.organisation === null && filters.search.trim() === '';
}
