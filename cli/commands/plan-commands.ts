import type { PaperKind } from '../../core/export/paper-file.js';
import { summarisePlan } from '../../core/plan/summarise-plan.js';
import { treeToDraft } from '../../core/plan/tree-to-draft.js';
import type { PlanTree, Update } from '../../core/model/index.js';
import { todayIn } from '../../app/clock.js';
import { planPaper, writePaper } from '../../app/board-papers.js';
import type { App } from '../../app/compose.js';
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

/**
 * `export <plan> --json`: the import shape, so the output imports back as the same plan.
 * `export <plan> --xlsx|--docx|--html <file>`: the board paper, one layout in three formats,
 * written whole or not at all.
 */
export async function exportCommand(app: App, io: Io, options: { plan: string; target: ExportTarget }): Promise<number> {
  const { target } = options;
  const tree = await loadTree(app, options.plan);
  if (target.kind === 'json') {
    io.out(JSON.stringify(treeToDraft(tree, await updatesByAction(app, tree)), null, 2));
    return 0;
  }
  // The tab's download and this command write the same paper (app/board-papers.ts): the plan's
  // actions, then its outcome measures when it has any.
  const today = todayIn(app.clock, app.config.TIME_ZONE);
  const paper = await planPaper(app.store, tree.plan.id, today);
  if (paper === null) throw new CliError(`Plan ${tree.plan.id} disappeared while it was being read; try again.`);
  const file = await writePaper(paper.layout, target.kind, paper.tree.plan, today, app.clock.now());
  await writeWholeFile(target.file, file.bytes);
  const actions = paper.tree.recommendations.reduce((sum, rec) => sum + rec.actions.length, 0);
  io.out(`Board paper for "${paper.tree.plan.title}" (${String(actions)} actions) written to ${target.file}`);
  return 0;
}

/** One read of the plan's updates, grouped by action (not one request per action). */
async function updatesByAction(app: App, tree: PlanTree): Promise<Map<string, Update[]>> {
  const updates = new Map<string, Update[]>(tree.recommendations.flatMap((rec) => rec.actions.map((action) => [action.id, [] as Update[]])));
  for (const update of await app.store.listPlanUpdates(tree.plan.id)) updates.get(update.actionId)?.push(update);
  return updates;
}

async function loadTree(app: App, query: string): Promise<PlanTree> {
  const summary = await resolvePlan(app.store, query);
  const tree = await app.store.getPlan(summary.id);
  if (!tree) throw new CliError(`Plan ${summary.id} disappeared while it was being read; try again.`);
  return tree;
}
