import { DEMO_EDITOR_ROLE, DEMO_LEAD_ROLE, DEMO_REVIEWER_ROLE, demoMeasures, demoPlan } from '../core/demo/demo-plan.js';
import type { ChangedBy } from '../core/model/index.js';
import { contentKey } from './content-key.js';
import { todayIn } from './clock.js';
import type { App } from './compose.js';

/**
 * The Agents Playground signs in as its default user, "Alex Wilber" (its built-in configuration:
 * tenant 00000000-0000-0000-0000-0000000000001). In local mode that person holds the demo
 * roles, so the demo plan's reminders reach the Playground's personal chat.
 */
export const DEMO_USER = { aadObjectId: '00000000-0000-0000-0000-0000000000020', displayName: 'Alex Wilber' };

/**
 * A second person for local mode's "Act as": the demo's reviewer. Alex completes an action from
 * the card; Megan assures it at the meeting (nobody assures what they completed themselves).
 */
export const DEMO_REVIEWER = { aadObjectId: '00000000-0000-0000-0000-0000000000031', displayName: 'Megan Bowen' };

const DEMO_DATA: ChangedBy = { actor: { aadObjectId: null, displayName: 'Demo data' }, source: 'import' };

/** Loads (or refreshes) the demo plan, dated around today, the roles that route it, and its measures. */
export async function ensureDemo(app: App): Promise<string> {
  const today = todayIn(app.clock, app.config.TIME_ZONE);
  const draft = demoPlan(today);
  const existing = await app.store.findSimilarPlans({ references: draft.plan.references });
  const id = await app.store.savePlan(draft, {
    now: app.clock.now().toISOString(),
    contentKey: contentKey(draft),
    actor: { aadObjectId: null, displayName: 'Demo data' },
    source: 'import',
    summary: existing[0] ? 'Demo plan refreshed, dated around today' : 'Demo plan loaded, dated around today',
    ...(existing[0] ? { replacePlanId: existing[0].id } : {}),
  });
  await app.store.saveRole({ name: DEMO_LEAD_ROLE, holders: [DEMO_USER], deputies: [] });
  await app.store.saveRole({ name: DEMO_EDITOR_ROLE, holders: [DEMO_USER], deputies: [] });
  await app.store.saveRole({ name: DEMO_REVIEWER_ROLE, holders: [DEMO_REVIEWER], deputies: [] });
  await ensureDemoMeasures(app, id, today);
  return id;
}

/**
 * The demo's measures, each once: created with their readings the first time; on a refresh
 * (the plan replaced, its actions new) pointed at the action they measure again, their readings
 * kept as the history they are.
 */
async function ensureDemoMeasures(app: App, planId: string, today: string): Promise<void> {
  const [tree, stored] = await Promise.all([app.store.getPlan(planId), app.store.listMeasures(planId)]);
  const byLabel = new Map((tree?.recommendations ?? []).flatMap((rec) => rec.actions.map((action) => [`${rec.number ?? ''}${action.ref ?? ''}`, action.id] as const)));
  const now = app.clock.now().toISOString();
  for (const spec of demoMeasures(today)) {
    const fields = { ...spec.fields, actionId: spec.action === null ? null : (byLabel.get(spec.action) ?? null) };
    const found = stored.find((measure) => measure.name === spec.fields.name);
    if (found === undefined) {
      const created = await app.store.saveMeasure(planId, fields, null, now, DEMO_DATA);
      for (const value of spec.values) await app.store.addMeasureValue(created.id, { ...value, by: DEMO_DATA.actor, at: now }, DEMO_DATA);
    } else if (found.actionId !== fields.actionId) {
      await app.store.saveMeasure(planId, fields, { id: found.id, version: found.version }, now, DEMO_DATA);
    }
  }
}
