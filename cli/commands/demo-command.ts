import { summarisePlan } from '../../core/plan/summarise-plan.js';
import { todayIn } from '../../app/clock.js';
import type { App } from '../../app/compose.js';
import { ensureDemo } from '../../app/demo.js';
import { CliError } from '../cli-error.js';
import { formatPlanReport } from '../format-plan.js';
import type { Io } from '../io.js';

/**
 * `followthrough demo` (what `npm start` runs for now): makes sure the embedded store holds the
 * demo plan, dated around today, and its roles, then shows it.
 */
export async function demoCommand(app: App, io: Io): Promise<number> {
  const today = todayIn(app.clock, app.config.TIME_ZONE);
  const id = await ensureDemo(app);
  const tree = await app.store.getPlan(id);
  if (!tree) throw new CliError('The demo plan was saved but cannot be read back.');
  io.out(formatPlanReport(tree, summarisePlan(tree, today), today));
  const where = app.config.STORE === 'sqlite' ? app.config.SQLITE_PATH : `SharePoint lists in ${app.config.SHAREPOINT_SITE ?? '(site not set)'}`;
  io.err(`\nStore: ${where}. Try: npx followthrough plans · npx followthrough import ../shared/seeds/<file> --dry-run`);
  return 0;
}
