import type { MeasureStatus } from '../assurance/measure-status.js';
import type { ChangeSource, PlanTree, Rag } from '../model/index.js';
import { localDate } from '../reminders/local-time.js';
import { placedActions } from '../views/meeting-view-scope.js';
import { reviewOutcomeLabel, statusLabel, ukDate } from '../views/labels.js';
import type { MeetingDecisionKind, MeetingPlan, MeetingView, PlanHeader } from '../views/tab-api.js';
import type { BoardPaperLayout, BoardPaperRow, BoardPaperSection, SummaryCount } from './board-paper-layout.js';
import { ragLabel } from './rag-colours.js';

/** The meeting paper's sections, in the order a committee takes them. */
export const MEETING_SECTIONS = {
  changes: 'Changed since the last meeting',
  overdue: 'Overdue',
  escalated: 'Escalated',
  awaiting: 'Awaiting assurance',
  decisions: 'Decisions at this meeting',
  measures: 'Outcome measures',
} as const;

/** What the view does not carry about an action, for the paper's "For" and RAG cells. */
export interface PaperAction {
  label: string;
  rag: Rag | null;
}

export interface MeetingPaperOptions {
  /** Actions by id (`paperActions`); without them RAG cells stay empty and measures say "Action". */
  actions?: ReadonlyMap<string, PaperAction>;
  /** The calendar instants are dated in (default Europe/London). */
  timeZone?: string;
}

interface Ctx {
  actions: ReadonlyMap<string, PaperAction>;
  timeZone: string;
}

/** Each action of the trees with its label ("2 b") and RAG, for `MeetingPaperOptions.actions`. */
export function paperActions(trees: readonly PlanTree[]): Map<string, PaperAction> {
  return new Map(trees.flatMap((tree) => placedActions(tree).map(({ action, label }) => [action.id, { label, rag: action.rag }] as const)));
}

/**
 * A governance meeting as a board paper: the forum, the meeting and the last one in the title
 * block, the view's counts as the summary, then one table per part of the meeting. Pure: the
 * writers (XLSX, DOCX, HTML) lay it out and make its text safe for their medium.
 */
export function meetingPaper(view: MeetingView, options: MeetingPaperOptions = {}): BoardPaperLayout {
  const ctx: Ctx = { actions: options.actions ?? new Map(), timeZone: options.timeZone ?? 'Europe/London' };
  return {
    title: `${view.forum}: meeting of ${ukDate(view.meeting.date)}`,
    details: [
      { label: 'Forum', value: view.forum },
      { label: 'Meeting date', value: ukDate(view.meeting.date) },
      { label: 'Changes since', value: ukDate(view.since) },
      { label: 'Plans', value: view.plans.map((entry) => planTitle(entry.plan)).join('; ') || 'None' },
      { label: 'As of', value: ukDate(view.today) },
    ],
    summary: summaryOf(view),
    sections: [changesSection(view, ctx), overdueSection(view, ctx), escalatedSection(view, ctx), awaitingSection(view, ctx), decisionsSection(view), measuresSection(view, ctx)],
  };
}

function summaryOf(view: MeetingView): SummaryCount[] {
  const { counts } = view;
  return [
    { label: 'Plans', count: counts.plans },
    { label: 'Actions', count: counts.actions },
    { label: 'Status changes', count: counts.statusChanges },
    { label: 'Updates', count: counts.updates },
    { label: 'New evidence', count: counts.newEvidence },
    { label: 'Revised dates', count: counts.revisedDates },
    { label: 'Overdue', count: counts.overdue },
    { label: 'Escalated', count: counts.escalated },
    { label: 'Awaiting assurance', count: counts.awaitingAssurance },
    { label: 'Decisions at this meeting', count: counts.decisions },
    { label: 'Outcome measures', count: counts.measures },
    { label: 'Outcome measures met', count: counts.measuresMet },
  ];
}

/** A plan as a committee names it: its title and first reference. */
function planTitle(plan: PlanHeader): string {
  const reference = plan.references[0];
  return reference === undefined ? plan.title : `${plan.title} (${reference})`;
}

/** The plan column: its reference, short, or its title when it has none. */
function planName(plan: PlanHeader): string {
  return plan.references[0] ?? plan.title;
}

function section(heading: string, columns: readonly string[], rows: BoardPaperRow[], note: string, empty: string): BoardPaperSection {
  return { heading, note: rows.length === 0 ? empty : note, columns, rows };
}

const plain = (cells: string[]): BoardPaperRow => ({ cells, rag: null });

const CHANGE_COLUMNS = ['Plan', 'Ref', 'Action', 'What changed', 'Date', 'By', 'From'] as const;

interface Change { at: string; cells: string[] }

/** Status changes, updates, new evidence and moved dates, oldest first within each plan. */
function changesSection(view: MeetingView, ctx: Ctx): BoardPaperSection {
  const rows = view.plans.flatMap((entry) => planChanges(entry, ctx).sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((change) => plain(change.cells)));
  return section(MEETING_SECTIONS.changes, CHANGE_COLUMNS, rows, `Since the meeting of ${ukDate(view.since)}.`, `Nothing has changed since the meeting of ${ukDate(view.since)}.`);
}

function planChanges(entry: MeetingPlan, ctx: Ctx): Change[] {
  const plan = planName(entry.plan);
  const row = (ref: { label: string; text: string }, what: string, at: string, by: { displayName: string | null } | null, source: ChangeSource | null): Change => ({
    at,
    cells: [plan, ref.label, ref.text, what, day(at, ctx), by?.displayName ?? '', source === null ? '' : sourceLabel(source)],
  });
  return [
    ...entry.statusChanges.map((c) => row(c, c.from === null ? `Status: ${statusLabel(c.to)}` : `Status: ${statusLabel(c.from)} → ${statusLabel(c.to)}`, c.at, c.by, c.source)),
    ...entry.updates.map((u) => row(u, `Update: ${u.update.note}`, u.update.at, u.update.author, u.update.source)),
    ...entry.newEvidence.map((e) => row(e, `Evidence: ${e.evidence}`, e.at, e.by, e.source)),
    ...entry.revisedDates.map((r) => row(r, `Due date moved${r.from === null ? '' : ` from ${ukDate(r.from)}`} to ${ukDate(r.to)}: ${r.reason}`, r.at, r.by, null)),
  ];
}

const OVERDUE_COLUMNS = ['Plan', 'Ref', 'Action', 'Lead', 'Due date', 'Days overdue', 'Escalated', 'RAG', "Lead's latest word"] as const;

function overdueSection(view: MeetingView, ctx: Ctx): BoardPaperSection {
  const rows = view.plans.flatMap((entry) =>
    entry.overdue.map((item) => ({
      cells: [planName(entry.plan), item.label, item.text, item.leads.join('; '), item.dueText, String(item.daysOverdue), item.escalated ? 'Yes' : 'No', ragText(item.actionId, ctx), latestWord(item.lastUpdate, ctx)],
      rag: ragOf(item.actionId, ctx),
    })),
  );
  return section(MEETING_SECTIONS.overdue, OVERDUE_COLUMNS, rows, 'Open actions past their due date, most overdue first, with the lead\'s latest update.', 'No action is overdue.');
}

const ESCALATED_COLUMNS = ['Plan', 'Ref', 'Action', 'Lead', 'Due date', 'Days overdue', 'Escalated after (days)', 'RAG'] as const;

function escalatedSection(view: MeetingView, ctx: Ctx): BoardPaperSection {
  const rows = view.plans.flatMap((entry) =>
    entry.overdue
      .filter((item) => item.escalated)
      .map((item) => ({
        cells: [planName(entry.plan), item.label, item.text, item.leads.join('; '), item.dueText, String(item.daysOverdue), String(entry.escalateAfterDays), ragText(item.actionId, ctx)],
        rag: ragOf(item.actionId, ctx),
      })),
  );
  return section(MEETING_SECTIONS.escalated, ESCALATED_COLUMNS, rows, 'Overdue beyond the plan\'s escalation threshold: the plan owner has been told.', 'No action is overdue beyond its plan\'s escalation threshold.');
}

const AWAITING_COLUMNS = ['Plan', 'Ref', 'Action', 'Lead', 'Evidence', 'Completed', 'Last review', 'RAG'] as const;

function awaitingSection(view: MeetingView, ctx: Ctx): BoardPaperSection {
  const rows = view.plans.flatMap((entry) =>
    entry.awaitingAssurance.map((item) => {
      const completed = item.completedAt === null ? '' : `${day(item.completedAt, ctx)}${item.completedBy?.displayName ? ` by ${item.completedBy.displayName}` : ''}`;
      const review = item.lastReview === null ? '' : `${reviewOutcomeLabel(item.lastReview.outcome)} on ${day(item.lastReview.at, ctx)}${item.lastReview.reason === null ? '' : `: ${item.lastReview.reason}`}`;
      return { cells: [planName(entry.plan), item.label, item.text, item.leads.join('; '), item.evidence ?? '', completed, review, ragText(item.actionId, ctx)], rag: ragOf(item.actionId, ctx) };
    }),
  );
  return section(MEETING_SECTIONS.awaiting, AWAITING_COLUMNS, rows, 'Complete, with evidence for the committee to assure or return.', 'No action is awaiting assurance.');
}

const DECISION_COLUMNS = ['Plan', 'About', 'Decision', 'By', 'Summary'] as const;

const DECISION_LABELS: Readonly<Record<MeetingDecisionKind, string>> = {
  assured: 'Assured',
  returned: 'Returned to the lead',
  'not-applicable': 'Not applicable',
  'plan-closed': 'Plan closed',
  'plan-reopened': 'Plan reopened',
  other: 'Changed',
};

function decisionsSection(view: MeetingView): BoardPaperSection {
  const rows = view.plans.flatMap((entry) =>
    entry.decisions.map((item) => plain([planName(entry.plan), item.label, DECISION_LABELS[item.kind], item.by.displayName ?? '', item.summary ?? changesText(item.changes)])),
  );
  const meeting = `${view.meeting.forum} on ${ukDate(view.meeting.date)}`;
  return section(MEETING_SECTIONS.decisions, DECISION_COLUMNS, rows, `Recorded against ${meeting}.`, `No decision has been recorded against ${meeting} yet.`);
}

const MEASURE_COLUMNS = ['Plan', 'Measure', 'For', 'First', 'Latest', 'Change', 'Target', 'Met'] as const;

const STATE_LABELS: Readonly<Record<MeasureStatus['state'], string>> = { met: 'Met', 'not-met': 'Not met', 'no-target': 'No target set', 'no-values': 'No values yet' };

function measuresSection(view: MeetingView, ctx: Ctx): BoardPaperSection {
  const rows = view.plans.flatMap((entry) => entry.measures.map((measure) => plain([planName(entry.plan), ...measureCells(measure, ctx)])));
  const met = view.counts.measuresMet;
  return section(MEETING_SECTIONS.measures, MEASURE_COLUMNS, rows, `${String(met)} of ${String(view.counts.measures)} outcome measures met.`, 'No outcome measures are recorded for these plans.');
}

/** A measure's cells after the plan: name, what it is for, first and latest readings, the change, the target and the verdict. */
export function measureCells(measure: MeasureStatus, ctx: { actions: ReadonlyMap<string, PaperAction> }): string[] {
  const reading = (r: { date: string; value: number } | null): string => (r === null ? '' : `${withUnit(r.value, measure.unit)} (${ukDate(r.date)})`);
  const change = measure.change === null ? '' : `${measure.change > 0 ? '+' : ''}${withUnit(measure.change, measure.unit)}`;
  const target = measure.target === null ? '' : `${measure.direction === 'increase' ? 'at least' : 'at most'} ${withUnit(measure.target, measure.unit)}`;
  const subject = measure.actionId === null ? 'Whole plan' : `Action ${ctx.actions.get(measure.actionId)?.label ?? ''}`.trim();
  return [measure.name, subject, reading(measure.first), reading(measure.latest), change, target, STATE_LABELS[measure.state]];
}

/** "89.87%", "76 people", "12". */
export function withUnit(value: number, unit: string): string {
  if (unit === '') return String(value);
  return unit === '%' ? `${String(value)}%` : `${String(value)} ${unit}`;
}

function changesText(changes: readonly { field: string; from: string | null; to: string | null }[]): string {
  return changes.map((change) => `${change.field}: ${change.from ?? '—'} → ${change.to ?? '—'}`).join('; ');
}

function latestWord(update: { note: string; at: string; author: { displayName: string | null } } | null, ctx: Ctx): string {
  if (update === null) return 'No update recorded';
  return `${day(update.at, ctx)}${update.author.displayName ? ` (${update.author.displayName})` : ''}: ${update.note}`;
}

function ragOf(actionId: string, ctx: Ctx): Rag | null {
  return ctx.actions.get(actionId)?.rag ?? null;
}

function ragText(actionId: string, ctx: Ctx): string {
  const rag = ragOf(actionId, ctx);
  return rag === null ? '' : ragLabel(rag);
}

/** The day an instant fell on in the trust's calendar, as a board reads it. */
function day(at: string, ctx: Ctx): string {
  return ukDate(localDate(at, ctx.timeZone));
}

const SOURCE_LABELS: Readonly<Record<ChangeSource, string>> = { card: 'Teams card', chat: 'Teams chat', tab: 'Teams tab', import: 'Import', cli: 'Command line' };

export function sourceLabel(source: ChangeSource): string {
  return SOURCE_LABELS[source];
}
