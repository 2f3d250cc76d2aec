import type { Action, PlanTree, Recommendation, Update } from '../model/index.js';
import { actionLabel, type PlanSummaryReport, summarisePlan } from '../plan/summarise-plan.js';
import { STATUSES, statusLabel, ukDate } from '../views/labels.js';
import type { BoardPaperLayout, BoardPaperRow, SummaryCount } from './board-paper-layout.js';
import { RAG_ORDER, ragLabel } from './rag-colours.js';

/** The columns NHS action plans use (the seeds' headings), in their usual order. */
export const BOARD_PAPER_COLUMNS = [
  'Ref', 'Recommendation', 'Action', 'Lead', 'Due date', 'Progress', 'Status', 'RAG', 'Evidence', 'How measured', 'Reported to',
] as const;
export type BoardPaperColumn = (typeof BOARD_PAPER_COLUMNS)[number];

/** The heading of a plan paper's one table. */
export const PLAN_SECTION_HEADING = 'Actions';

/** A plan as a board paper: its title block, the counts, and one "Actions" table in plan order. */
export function boardPaperRows(tree: PlanTree, updates: readonly Update[], today: string): BoardPaperLayout {
  const latest = latestUpdates(updates);
  const { plan } = tree;
  return {
    title: plan.title,
    details: [
      { label: 'References', value: plan.references.join('; ') },
      { label: 'Owner', value: plan.owner ?? '' },
      { label: 'As of', value: ukDate(today) },
    ],
    summary: summaryCounts(summarisePlan(tree, today)),
    sections: [{
      heading: PLAN_SECTION_HEADING,
      columns: BOARD_PAPER_COLUMNS,
      rows: tree.recommendations.flatMap((rec) => rec.actions.map((action) => actionRow(rec, action, latest.get(action.id)))),
    }],
  };
}

/** Counts a board reads first: the total, overdue, then RAG (always all four) and the statuses present. */
function summaryCounts(report: PlanSummaryReport): SummaryCount[] {
  const counts: SummaryCount[] = [{ label: 'Actions', count: report.actions }, { label: 'Overdue', count: report.overdue.length }];
  for (const rag of RAG_ORDER) counts.push({ label: `RAG: ${ragLabel(rag)}`, count: report.byRag[rag] ?? 0, rag });
  if (report.byRag.none) counts.push({ label: 'RAG: none given', count: report.byRag.none });
  for (const status of STATUSES) {
    const count = report.byStatus[status];
    if (count) counts.push({ label: `Status: ${statusLabel(status)}`, count });
  }
  return counts;
}

function actionRow(rec: Recommendation, action: Action, update: Update | undefined): BoardPaperRow {
  const cells: Record<BoardPaperColumn, string> = {
    Ref: actionLabel(rec, action),
    Recommendation: rec.text,
    Action: action.text,
    Lead: action.leadText ?? action.leads.join('; '),
    'Due date': dueText(action),
    Progress: update ? `${ukDate(update.at.slice(0, 10))}: ${update.note}` : '',
    Status: statusLabel(action.status),
    RAG: action.rag ? ragLabel(action.rag) : '',
    Evidence: action.evidence ?? '',
    'How measured': action.measurement ?? '',
    'Reported to': action.reportedTo ?? '',
  };
  return { cells: BOARD_PAPER_COLUMNS.map((column) => cells[column]), rag: action.rag };
}

/** The plan's own wording, and where the date moved to and why: a board should see slippage. */
function dueText(action: Action): string {
  const written = action.due?.text ?? '';
  const last = action.revisions.at(-1);
  if (!last) return written;
  const revised = `revised to ${ukDate(last.date)}: ${last.reason}`;
  return written === '' ? revised : `${written} (${revised})`;
}

/** Each action's newest update; the store's order is not relied on. */
function latestUpdates(updates: readonly Update[]): Map<string, Update> {
  const latest = new Map<string, Update>();
  for (const update of updates) {
    const seen = latest.get(update.actionId);
    if (!seen || update.at > seen.at) latest.set(update.actionId, update);
  }
  return latest;
}
