import type { App } from '../../app/compose.js';
import { CliError } from '../cli-error.js';
import type { Io } from '../io.js';
import { resolvePlan } from '../resolve-plan.js';

/** What `deletePlan` takes with the plan in both stores (SQLite by its foreign keys, SharePoint item by item). */
export const DELETED_WITH_PLAN = 'recommendations, actions, updates, audit trail, measures and reminders';
/** What stays: it belongs to people, not to the plan, or was never the app's to delete. */
export const KEPT_AFTER_DELETE = 'Roles and people\'s chat connections are kept; reminder cards already sent stay in Teams chats.';

/**
 * `delete <plan> --yes`: the plan with everything under it. Without `--yes` it only says what
 * would go, and exits 2, so a mistyped plan name costs nothing. The audit trail goes too, so
 * the command suggests exporting first.
 */
export async function deleteCommand(app: App, io: Io, options: { plan: string; yes: boolean }): Promise<number> {
  const summary = await resolvePlan(app.store, options.plan);
  const contents = await countContents(app, summary.id);
  const what = `plan "${summary.title}" (id ${summary.id}) with ${contents}`;
  if (!options.yes) {
    io.out([`Would delete ${what}.`, KEPT_AFTER_DELETE, `To keep a copy first: followthrough export ${summary.id.slice(0, 8)} --json > plan.json`].join('\n'));
    throw new CliError('add --yes to delete it.', 2);
  }
  await app.store.deletePlan(summary.id);
  io.out([`Deleted ${what}.`, KEPT_AFTER_DELETE, ...recycleNote(app)].join('\n'));
  return 0;
}

async function countContents(app: App, planId: string): Promise<string> {
  const tree = await app.store.getPlan(planId);
  if (!tree) throw new CliError(`Plan ${planId} disappeared while it was being read; try again.`);
  const counts: [number, string][] = [
    [tree.recommendations.length, 'recommendation'],
    [tree.recommendations.reduce((n, r) => n + r.actions.length, 0), 'action'],
    [(await app.store.listPlanUpdates(planId)).length, 'update'],
    [(await app.store.listAudit({ planId })).length, 'audit entry'],
    [(await app.store.listMeasures(planId)).length, 'measure'],
    [(await app.store.listReminders({ planId })).length, 'reminder'],
  ];
  return counts.map(([n, noun]) => `${String(n)} ${n === 1 ? noun : plural(noun)}`).join(', ');
}

function plural(noun: string): string {
  return noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

function recycleNote(app: App): string[] {
  if (app.config.STORE !== 'sharepoint') return [];
  return ['SharePoint may keep the deleted items in the site\'s recycle bin until it is emptied (docs/data-protection.md).'];
}
