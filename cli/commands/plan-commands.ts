import { boardPaperRows } from '../../core/export/board-paper.js';
import { boardPaperHtml } from '../../core/export/board-paper-html.js';
import { type BoardPaperLayout, rowCount } from '../../core/export/board-paper-layout.js';
import type { PaperKind } from '../../core/export/paper-file.js';
import { summarisePlan } from '../../core/plan/summarise-plan.js';
import { treeToDraft } from '../../core/plan/tree-to-draft.js';
import type { PlanTree, Update } from '../../core/model/index.js';
import { todayIn } from '../../app/clock.js';
import type { App } from '../../app/compose.js';
import { writeBoardPaperDocx } from '../../edge/files/write-board-paper-docx.js';
import { writeBoardPaperXlsx } from '../../edge/files/write-board-paper-xlsx.js';
import { CliError } from '../cli-error.js';
import { formatPlanList, formatPlanReport } from '../format-plan.js';
import type { Io } from '../io.js';
import { resolvePlan } from '../resolve-plan.js';
import { writeWholeFile } from '../write-whole-file.js';

export async function plansCommand(app: App, io: Io, options: { json: boolean }): Promise<number> {
  const plans = await app.store.listPlans();
  io.out(options.json ? JSON.stringify(plans, null, 2) : formatPlanList(plans));
  return 0;
}

export async function showCommand(app: App, io: Io, options: { plan: string; json: boolean }): Promise<number> {
  const tree = await loadTree(app, options.plan);
  const today = todayIn(app.clock, app.config.TIME_ZONE);
  const report = summarisePlan(tree, today);
  io.out(options.json ? JSON.stringify({ plan: tree.plan, today, ...report }, null, 2) : formatPlanReport(tree, report, today));
  return 0;
}

/** Where `export` sends the plan: stdout as JSON, or a board paper written to a file. */
export type ExportTarget = { kind: 'json' } | { kind: PaperKind; file: string };

const WRITERS: Readonly<Record<PaperKind, (layout: BoardPaperLayout, app: App) => Promise<Uint8Array | string>>> = {
  xlsx: (layout) => writeBoardPaperXlsx(layout),
  docx: (layout, app) => writeBoardPaperDocx(layout, { created: app.clock.now() }),
  html: (layout) => Promise.resolve(boardPaperHtml(layout)),
};

/**
 * `export <plan> --json`: the import shape, so the output imports back as the same plan.
 * `export <plan> --xlsx|--docx|--html <file>`: the board paper, one layout in three formats,
 * written whole or not at all.
 */
export async function exportCommand(app: App, io: Io, options: { plan: string; target: ExportTarget }): Promise<number> {
  const { target } = options;
  const tree = await loadTree(app, options.plan);
  const updates = await loadUpdates(app, tree);
  if (target.kind === 'json') {
    io.out(JSON.stringify(treeToDraft(tree, updates), null, 2));
    return 0;
  }
  const layout = boardPaperRows(tree, [...updates.values()].flat(), todayIn(app.clock, app.config.TIME_ZONE));
  await writeWholeFile(target.file, await WRITERS[target.kind](layout, app));
  io.out(`Board paper for "${tree.plan.title}" (${String(rowCount(layout))} actions) written to ${target.file}`);
  return 0;
}

async function loadUpdates(app: App, tree: PlanTree): Promise<Map<string, Update[]>> {
  const updates = new Map<string, Update[]>();
  for (const action of tree.recommendations.flatMap((r) => r.actions)) {
    updates.set(action.id, await app.store.listUpdates(action.id));
  }
  return updates;
}

async function loadTree(app: App, query: string): Promise<PlanTree> {
  const summary = await resolvePlan(app.store, query);
  const tree = await app.store.getPlan(summary.id);
  if (!tree) throw new CliError(`Plan ${summary.id} disappeared while it was being read; try again.`);
  return tree;
}
