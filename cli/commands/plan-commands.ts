import { writeFile } from 'node:fs/promises';
import { boardPaperRows } from '../../core/export/board-paper.js';
import { summarisePlan } from '../../core/plan/summarise-plan.js';
import { treeToDraft } from '../../core/plan/tree-to-draft.js';
import type { PlanTree, Update } from '../../core/model/index.js';
import { todayIn } from '../../app/clock.js';
import type { App } from '../../app/compose.js';
import { writeBoardPaperXlsx } from '../../edge/files/write-board-paper-xlsx.js';
import { CliError } from '../cli-error.js';
import { formatPlanList, formatPlanReport } from '../format-plan.js';
import type { Io } from '../io.js';
import { resolvePlan } from '../resolve-plan.js';

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

/**
 * `export <plan> --json`: the import shape, so the output imports back as the same plan.
 * `export <plan> --xlsx <file>`: a board paper written to the file.
 */
export async function exportCommand(app: App, io: Io, options: { plan: string; json: boolean; xlsx: string | undefined }): Promise<number> {
  if (options.json === (options.xlsx !== undefined)) throw new CliError('Give one of --json or --xlsx <file>.', 2);
  const tree = await loadTree(app, options.plan);
  const updates = await loadUpdates(app, tree);
  if (options.xlsx === undefined) {
    io.out(JSON.stringify(treeToDraft(tree, updates), null, 2));
    return 0;
  }
  const layout = boardPaperRows(tree, [...updates.values()].flat(), todayIn(app.clock, app.config.TIME_ZONE));
  const bytes = await writeBoardPaperXlsx(layout);
  // A bad path is the user's to fix, not a crash: say so in one line.
  await writeFile(options.xlsx, bytes).catch((error: unknown) => {
    throw new CliError(`Could not write ${options.xlsx}: ${error instanceof Error ? error.message : String(error)}`);
  });
  io.out(`Board paper for "${tree.plan.title}" (${String(layout.rows.length)} actions) written to ${options.xlsx}`);
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
