import { DEMO_EDITOR_ROLE, DEMO_LEAD_ROLE, demoPlan } from '../core/demo/demo-plan.js';
import { contentKey } from './content-key.js';
import { todayIn } from './clock.js';
import type { App } from './compose.js';

/**
 * The Agents Playground signs in as its default user, "Alex Wilber" (its built-in configuration:
 * tenant 00000000-0000-0000-0000-0000000000001). In local mode that person holds the demo
 * roles, so the demo plan's reminders reach the Playground's personal chat.
 */
export const DEMO_USER = { aadObjectId: '00000000-0000-0000-0000-0000000000020', displayName: 'Alex Wilber' };

/** Loads (or refreshes) the demo plan, dated around today, and the roles that route it. */
export async function ensureDemo(app: App): Promise<string> {
  const draft = demoPlan(todayIn(app.clock, app.config.TIME_ZONE));
  const existing = await app.store.findSimilarPlans({ references: draft.plan.references });
  const id = await app.store.savePlan(draft, {
    now: app.clock.now().toISOString(),
    contentKey: contentKey(draft),
    actor: { aadObjectId: null, displayName: 'Demo data' },
    ...(existing[0] ? { replacePlanId: existing[0].id } : {}),
  });
  await app.store.saveRole({ name: DEMO_LEAD_ROLE, holders: [DEMO_USER], deputies: [] });
  await app.store.saveRole({ name: DEMO_EDITOR_ROLE, holders: [DEMO_USER], deputies: [] });
  return id;
}
