import { type Action, type ActionStatus, CLOSED_STATUSES, effectiveDue, type PlanTree, type Rag, type Recommendation } from '../model/index.js';
import { daysBetween } from './calendar.js';

export interface DueItem {
  actionId: string;
  label: string;
  text: string;
  leads: string[];
  due: string;
  dueText: string;
  /** Positive: days until due; negative: days overdue. */
  days: number;
}

export interface PlanSummaryReport {
  actions: number;
  byStatus: Partial<Record<ActionStatus, number>>;
  byRag: Partial<Record<Rag | 'none', number>>;
  overdue: DueItem[];
  dueSoon: DueItem[];
  undated: number;
}

/** Counts and lists for a plan as of `today`: what the CLI's `show` and the tab's dashboard say. */
export function summarisePlan(tree: PlanTree, today: string, soonDays = 14): PlanSummaryReport {
  const report: PlanSummaryReport = { actions: 0, byStatus: {}, byRag: {}, overdue: [], dueSoon: [], undated: 0 };
  for (const rec of tree.recommendations) {
    for (const action of rec.actions) {
      report.actions++;
      report.byStatus[action.status] = (report.byStatus[action.status] ?? 0) + 1;
      const rag = action.rag ?? 'none';
      report.byRag[rag] = (report.byRag[rag] ?? 0) + 1;
      classifyDue(report, action, actionLabel(rec, action), today, soonDays);
    }
  }
  // Stable sorts: equal days keep plan order.
  report.overdue.sort((a, b) => a.days - b.days);
  report.dueSoon.sort((a, b) => a.days - b.days);
  return report;
}

/** "2 b": the recommendation's number (a dash when it has none) and the action's ref, if any. */
export function actionLabel(rec: Pick<Recommendation, 'number'>, action: Pick<Action, 'ref'>): string {
  return `${rec.number ?? '–'} ${action.ref ?? ''}`.trim();
}

function classifyDue(report: PlanSummaryReport, action: Action, label: string, today: string, soonDays: number): void {
  if (CLOSED_STATUSES.includes(action.status)) return;
  const due = effectiveDue(action);
  if (due === null) {
    report.undated++;
    return;
  }
  const days = daysBetween(today, due);
  const item: DueItem = { actionId: action.id, label, text: action.text, leads: action.leads, due, dueText: action.due?.text ?? due, days };
  if (days < 0) report.overdue.push(item);
  else if (days <= soonDays) report.dueSoon.push(item);
}
