import { measureStatus } from '../core/assurance/measure-status.js';
import { boardPaperRows } from '../core/export/board-paper.js';
import { boardPaperHtml } from '../core/export/board-paper-html.js';
import type { BoardPaperLayout, BoardPaperSection } from '../core/export/board-paper-layout.js';
import { MEETING_SECTIONS, measureCells, meetingPaper, paperActions } from '../core/export/meeting-paper.js';
import { PAPER_CONTENT_TYPES, type PaperKind, paperFileName } from '../core/export/paper-file.js';
import type { Measure, PlanTree } from '../core/model/index.js';
import type { MeetingView } from '../core/views/tab-api.js';
import { writeBoardPaperDocx } from '../edge/files/write-board-paper-docx.js';
import { writeBoardPaperXlsx } from '../edge/files/write-board-paper-xlsx.js';
import type { PlanStore } from '../store/plan-store.js';
import { type MeetingRequest, meetingInputs, meetingViewOf } from './meeting-inputs.js';

/** A paper ready to download: its bytes, type and name. */
export interface PaperFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

const WRITERS: Readonly<Record<PaperKind, (layout: BoardPaperLayout, created: Date) => Promise<Uint8Array>>> = {
  xlsx: (layout) => writeBoardPaperXlsx(layout),
  docx: (layout, created) => writeBoardPaperDocx(layout, { created }),
  html: (layout) => Promise.resolve(new TextEncoder().encode(boardPaperHtml(layout))),
};

/** One layout in one format, named for its subject and day. */
export async function writePaper(layout: BoardPaperLayout, kind: PaperKind, subject: { title: string; references: readonly string[] }, today: string, created: Date): Promise<PaperFile> {
  return { bytes: await WRITERS[kind](layout, created), contentType: PAPER_CONTENT_TYPES[kind], fileName: paperFileName(subject, kind, today) };
}

/**
 * A plan's board paper: the plan's actions in its seeds' columns, and its outcome measures after
 * them when it has any (the plan shows which indicators are met). Null: no such plan.
 */
export async function planPaper(store: PlanStore, planId: string, today: string): Promise<{ tree: PlanTree; layout: BoardPaperLayout } | null> {
  const [tree, updates, measures] = await Promise.all([store.getPlan(planId), store.listPlanUpdates(planId), store.listMeasures(planId)]);
  if (tree === null) return null;
  const layout = boardPaperRows(tree, updates, today);
  if (measures.length === 0) return { tree, layout };
  return { tree, layout: { ...layout, sections: [...layout.sections, planMeasuresSection(tree, measures)] } };
}

function planMeasuresSection(tree: PlanTree, measures: readonly Measure[]): BoardPaperSection {
  const statuses = measures.map(measureStatus);
  const actions = paperActions([tree]);
  const met = statuses.filter((status) => status.state === 'met').length;
  return {
    heading: MEETING_SECTIONS.measures,
    note: `${String(met)} of ${String(statuses.length)} outcome measures met.`,
    columns: ['Measure', 'For', 'First', 'Latest', 'Change', 'Target', 'Met'],
    rows: statuses.map((status) => ({ cells: measureCells(status, { actions }), rag: null })),
  };
}

/** A forum's meeting as a paper, with the view it was laid out from (nobody acts from a paper). */
export async function meetingPaperOf(store: PlanStore, request: Omit<MeetingRequest, 'viewer'>): Promise<{ view: MeetingView; layout: BoardPaperLayout }> {
  const inputs = await meetingInputs(store, request.forum);
  const view = meetingViewOf(inputs, { ...request, viewer: null });
  const actions = paperActions(inputs.plans.map((plan) => plan.tree));
  return { view, layout: meetingPaper(view, { actions, ...(request.timeZone === undefined ? {} : { timeZone: request.timeZone }) }) };
}
