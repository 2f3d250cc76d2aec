import { afterAll, describe, expect, it } from 'vitest';
import { composeApp, graphFor } from '../../app/compose.js';
import { loadConfig } from '../../config/config.js';
import { provision } from '../../store/sharepoint/provision.js';
import { resolveSiteId } from '../../store/sharepoint/resolve-site.js';
import { buildDraft, LATER, NOW } from '../contract/plan-store.contract.js';

/**
 * Against a real tenant. Runs only with FOLLOWTHROUGH_LIVE=1 and the SharePoint settings of a
 * site set aside for testing (README, "Live tests"): it provisions the lists there and writes,
 * reads and deletes one plan. Nothing here can reach a tenant from CI, so CI skips it.
 */
const env = process.env;
const enabled = env.FOLLOWTHROUGH_LIVE === '1';

describe.skipIf(!enabled)('SharePoint in a real tenant', () => {
  const config = enabled ? loadConfig({ ...env, STORE: 'sharepoint' }) : null;
  const created: string[] = [];

  afterAll(async () => {
    if (!config) return;
    const { store } = await composeApp(config);
    for (const id of created) await store.deletePlan(id);
  });

  it('provisions the lists, and a second run changes nothing', async () => {
    if (!config) throw new Error('not configured');
    const http = await graphFor(config);
    const siteId = await resolveSiteId(http, config.SHAREPOINT_SITE ?? '');
    await provision(http, siteId);
    const again = await provision(http, siteId);
    expect(again).toMatchObject({ changed: false, differences: [] });
  });

  it('saves, reads, updates with If-Match, records an update once, sweeps and deletes a plan', async () => {
    if (!config) throw new Error('not configured');
    const { store } = await composeApp(config);
    const draft = buildDraft({ title: `Live test ${new Date().toISOString()}`, references: [`LIVE-${String(Date.now())}`] });
    const id = await store.savePlan(draft, { now: NOW, contentKey: null });
    created.push(id);
    const tree = await store.getPlan(id);
    const action = tree?.recommendations.flatMap((r) => r.actions).find((a) => a.due?.date);
    if (!action) throw new Error('the test plan has no dated action');
    expect(tree?.recommendations).toHaveLength(draft.recommendations.length);

    const updated = await store.updateAction(action.id, { status: 'blocked' }, { unchanged: { status: action.status } }, LATER, { actor: { aadObjectId: null, displayName: 'Live test' }, source: 'cli' });
    expect(updated.status).toBe('blocked');
    const key = `live-${action.id}`;
    const first = await store.addUpdate({ actionId: action.id, planId: id, at: LATER, author: { aadObjectId: null, displayName: 'Live test' }, source: 'cli', note: 'Live test note', idempotencyKey: key });
    const again = await store.addUpdate({ actionId: action.id, planId: id, at: LATER, author: { aadObjectId: null, displayName: 'Live test' }, source: 'cli', note: 'Live test note', idempotencyKey: key });
    expect(again.id).toBe(first.id);
    const due = await store.listOpenActionsDueBy(action.due?.date ?? '2099-12-31');
    expect(due.map((a) => a.id)).toContain(action.id);
  });
});
