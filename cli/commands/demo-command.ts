import { DEMO_EDITOR_ROLE, DEMO_LEAD_ROLE, demoPlan } from '../../core/demo/demo-plan.js';
import { summarisePlan } from '../../core/plan/summarise-plan.js';
import { todayIn } from '../../app/clock.js';
import type { App } from '../../app/compose.js';
import { CliError } from '../cli-error.js';
import { contentKey } from '../content-key.js';
import { formatPlanReport } from '../format-plan.js';
import type { Io } from '../io.js';

/** The local user of the demo; the Agents Playground signs in as this id (issue 4). */
export const DEMO_USER = { aadObjectId: '00000000-0000-0000-0000-00000000d3m0', displayName: 'Demo Lead' };

/**
 * `followthrough demo` (what `npm start` runs for now): makes sure the embedded store holds the
 * demo plan, dated around today, and its roles, then shows it.
 */
export async function demoCommand(app: App, io: Io): Promise<number> {
  const today = todayIn(app.clock, app.config.TIME_ZONE);
  const draft = demoPlan(today);
  const existing = await app.store.findSimilarPlans({ references: draft.plan.references });
  const id = await app.store.savePlan(draft, {
    now: app.clock.now().toISOString(),
    contentKey: contentKey(draft),
    actor: { aadObjectId: null, displayName: 'Demo data' },
    ...(existing[0] ? { replacePlanId: existing[0].id } : {}),
  });
  await app.store.saveRole({ name: DEMO_LEAD_ROLE, holders: [DEMO_USER], deputies: [] });
  await app.store.saveRole({ name: DEMO_EDITOR_ROLE, holders: [DEMO_USER], deputies: [] });
  const tree = await app.store.getPlan(id);
  if (!tree) throw new CliError('The demo plan was saved but cannot be read back.');
  io.out(formatPlanReport(tree, summarisePlan(tree, today), today));
  const where = app.config.STORE === 'sqlite' ? app.config.SQLITE_PATH : `SharePoint lists in ${app.config.SHAREPOINT_SITE ?? '(site not set)'}`;
  io.err(`\nStore: ${where}. Try: npx followthrough plans · npx followthrough import ../shared/seeds/<file> --dry-run`);
  return 0;
}
