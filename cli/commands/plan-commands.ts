import { summarisePlan } from '../../core/plan/summarise-plan.js';
import { treeToDraft } from '../../core/plan/tree-to-draft.js';
import type { PlanTree, Update } from '../../core/model/index.js';
import { todayIn } from '../../app/clock.js';
import type { App } from '../../app/compose.js';
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

/** `export <plan> --json`: the import shape, so the output imports back as the same plan. */
export async function exportCommand(app: App, io: Io, options: { plan: string; json: boolean }): Promise<number> {
  if (!options.json) throw new CliError('Only --json export is available so far (DOCX and XLSX board papers are planned).', 2);
  const tree = await loadTree(app, options.plan);
  const updates = new Map<string, Update[]>();
  for (const action of tree.recommendations.flatMap((r) => r.actions)) {
    updates.set(action.id, await app.store.listUpdates(action.id));
  }
  io.out(JSON.stringify(treeToDraft(tree, updates), null, 2));
  return 0;
}

async function loadTree(app: App, query: string): Promise<PlanTree> {
  const summary = await resolvePlan(app.store, query);
  const tree = await app.store.getPlan(summary.id);
  if (!tree) throw new CliError(`Plan ${summary.id} disappeared while it was being read; try again.`);
  return tree;
}
