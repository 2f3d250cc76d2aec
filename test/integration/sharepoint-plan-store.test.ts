import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanStore } from '../../store/plan-store.js';
import { createGraphHttp } from '../../store/sharepoint/graph/create-graph-http.js';
import type { GraphHttp, GraphRequest } from '../../store/sharepoint/graph/graph-http.js';
import { staticTokenSource } from '../../store/sharepoint/graph/token-source.js';
import { LISTS } from '../../store/sharepoint/list-schema.js';
import { createListClient } from '../../store/sharepoint/lists/graph-list-client.js';
import { provision } from '../../store/sharepoint/provision.js';
import { resolveSiteId } from '../../store/sharepoint/resolve-site.js';
import { createSharePointPlanStore } from '../../store/sharepoint/sharepoint-plan-store.js';
import { BY_EDITOR } from '../contract/contract-fixtures.js';
import { buildDraft, describePlanStoreContract, LATER, LATEST, NOW } from '../contract/plan-store.contract.js';
import { type GraphFake, startGraphFake } from '../fakes/graph/index.js';

const SITE_URL = 'https://contoso.sharepoint.com/sites/quality';
const TOKEN = 'test-token';
const fastRetries = { sleep: () => Promise.resolve(), random: () => 0.5 };

async function sharePointStore(fake: GraphFake, wrap: (http: GraphHttp) => GraphHttp = (http) => http): Promise<{ store: PlanStore; http: GraphHttp; siteId: string }> {
  const http = wrap(createGraphHttp({ baseUrl: fake.url, tokens: staticTokenSource(TOKEN), policy: { sleep: fastRetries.sleep, random: fastRetries.random } }));
  const siteId = await resolveSiteId(http, SITE_URL);
  await provision(http, siteId);
  return { store: createSharePointPlanStore(createListClient(http, siteId, fastRetries)), http, siteId };
}

describePlanStoreContract('SharePoint lists over the Graph fake', async () => {
  const fake = await startGraphFake({ requireBearer: TOKEN });
  const { store } = await sharePointStore(fake);
  return { store, cleanup: () => fake.close() };
});

describe('SharePoint store: what only a remote store has to get right', () => {
  let fake: GraphFake;
  beforeEach(async () => {
    fake = await startGraphFake({ requireBearer: TOKEN, defaultPageSize: 7 });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('provisions every list with indexed key columns, and a second run changes nothing', async () => {
    const { http, siteId } = await sharePointStore(fake);
    for (const spec of LISTS) expect(fake.items(siteId, spec.displayName)).toEqual([]);
    const again = await provision(http, siteId);
    expect(again).toMatchObject({ changed: false, differences: [] });
    expect(again.lists.every((list) => !list.created && list.columns.every((c) => c.change === 'unchanged'))).toBe(true);
  });

  it('a newer schema adds the missing list and column, and reports a column whose type differs', async () => {
    const http = createGraphHttp({ baseUrl: fake.url, tokens: staticTokenSource(TOKEN) });
    const siteId = await resolveSiteId(http, SITE_URL);
    const [plans, ...rest] = LISTS;
    if (!plans) throw new Error('schema has no lists');
    const older = [{ ...plans, columns: plans.columns.filter((c) => c.name !== 'FtActionCount') }];
    await provision(http, siteId, { lists: older });
    const newer = await provision(http, siteId);
    expect(newer.lists.find((l) => l.name === plans.displayName)?.columns.filter((c) => c.change !== 'unchanged')).toEqual([{ name: 'FtActionCount', change: 'created' }]);
    expect(newer.lists.filter((l) => l.created).map((l) => l.name)).toEqual(rest.map((l) => l.displayName));
    const retyped = [{ ...plans, columns: plans.columns.map((c) => (c.name === 'FtActionCount' ? { ...c, type: 'text' as const } : c)) }];
    expect((await provision(http, siteId, { lists: retyped })).differences).toEqual(['Followthrough Plans.FtActionCount: is number, expected text']);
  });

  it('reads a whole plan in requests proportional to pages, not items', async () => {
    const { store } = await sharePointStore(fake);
    const id = await store.savePlan(buildDraft(), { now: NOW, contentKey: null });
    const before = fake.requests.length;
    const tree = await store.getPlan(id);
    const actions = tree?.recommendations.reduce((n, r) => n + r.actions.length, 0) ?? 0;
    const made = fake.requests.slice(before).filter((r) => !r.batched).length;
    // One read of the plan item, then each list's pages (page size 7 here).
    expect(made).toBeLessThanOrEqual(1 + Math.ceil((tree?.recommendations.length ?? 0) / 7) + Math.ceil(actions / 7) + 1);
  });

  it('writes a plan exactly once under throttling and dropped connections', async () => {
    const { store, siteId } = await sharePointStore(fake);
    fake.setFaults({ rate429: 0.2, rate503: 0.1, dropRate: 0.05, retryAfterSeconds: 0, seed: 7 });
    const id = await saveWithRetries(store);
    fake.setFaults({});
    const tree = await store.getPlan(id);
    expect(tree?.recommendations.flatMap((r) => r.actions)).toHaveLength(buildDraft().recommendations.flatMap((r) => r.actions).length);
    for (const spec of LISTS) {
      const keys = fake.items(siteId, spec.displayName).map((item) => item.fields.FtKey);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('re-applies an update after a 412 caused by an edit to another column in SharePoint', async () => {
    let interfere = false;
    const { store } = await sharePointStore(fake, (http) => editTitleBeforeFirstActionPatch(http, () => interfere));
    const id = await store.savePlan(buildDraft(), { now: NOW, contentKey: null });
    const action = (await store.getPlan(id))?.recommendations[0]?.actions[0];
    if (!action) throw new Error('no action');
    interfere = true;
    const updated = await store.updateAction(action.id, { status: 'complete' }, action.version, LATER, BY_EDITOR);
    interfere = false;
    expect(updated.status).toBe('complete');
    expect(fake.requests.some((r) => r.status === 412)).toBe(true);
    expect((await store.getAction(action.id))?.status).toBe('complete');
    // The second attempt rewrote the first one's audit item (same version, same write): one entry.
    expect((await store.listAudit({ planId: id, entityId: action.id })).map((entry) => entry.changes)).toEqual([[{ field: 'status', from: action.status, to: 'complete' }]]);
  });

  describe('leases and conversations without transactions', () => {
    const SWEEP = 'reminder-sweep';

    it('two running copies race for a free lease: one create wins, the other meets a 409 and gets nothing', async () => {
      const meeting = rendezvous();
      const wrap = (http: GraphHttp) => meetBeforeReadingLease(http, SWEEP, meeting);
      const [one, two] = [await sharePointStore(fake, wrap), await sharePointStore(fake, wrap)];
      const before = fake.requests.length;
      meeting.arm(2);
      const results = await Promise.all([one.store.acquireLease(SWEEP, 'host-a', LATER, NOW), two.store.acquireLease(SWEEP, 'host-b', LATER, NOW)]);
      expect(results.filter((lease) => lease !== null)).toHaveLength(1);
      expect(fake.requests.slice(before).filter((r) => r.method === 'POST' && r.status === 409)).toHaveLength(1);
      expect(fake.items(one.siteId, 'Followthrough Leases')).toHaveLength(1);
    });

    it('two running copies race for an expired lease: one If-Match PATCH wins, the other meets a 412 and gets nothing', async () => {
      const meeting = rendezvous();
      const wrap = (http: GraphHttp) => meetBeforeReadingLease(http, SWEEP, meeting);
      const [one, two] = [await sharePointStore(fake, wrap), await sharePointStore(fake, wrap)];
      await one.store.acquireLease(SWEEP, 'host-gone', LATER, NOW);
      const before = fake.requests.length;
      meeting.arm(2);
      const results = await Promise.all([one.store.acquireLease(SWEEP, 'host-a', LATEST, LATER), two.store.acquireLease(SWEEP, 'host-b', LATEST, LATER)]);
      const winners = results.filter((lease) => lease !== null);
      expect(winners).toHaveLength(1);
      expect(fake.requests.slice(before).filter((r) => r.method === 'PATCH' && r.status === 412)).toHaveLength(1);
      const [item] = fake.items(one.siteId, 'Followthrough Leases');
      expect(item?.fields).toMatchObject({ FtKey: SWEEP, FtHolder: winners[0]?.holder });
    });

    it('a lease PATCH whose answer was lost is recognised as ours when its retry meets a 412', async () => {
      let repeat = false;
      const { store } = await sharePointStore(fake, (http) => repeatFirstPatchOf(http, 'FtHolder', () => repeat));
      await store.acquireLease(SWEEP, 'host-a', LATER, NOW);
      repeat = true;
      const renewed = await store.acquireLease(SWEEP, 'host-a', LATEST, NOW);
      expect(renewed).toEqual({ name: SWEEP, holder: 'host-a', expiresAt: LATEST });
      expect(fake.requests.some((r) => r.method === 'PATCH' && r.status === 412)).toBe(true);
      expect(await store.acquireLease(SWEEP, 'host-b', LATEST, LATER)).toBeNull();
    });

    it('re-applies marking a conversation unusable after someone edited its item in SharePoint', async () => {
      let interfere = false;
      const { store } = await sharePointStore(fake, (http) => editTitleBeforeFirstPatchOf(http, 'FtUsable', () => interfere));
      const reference = { serviceUrl: 'https://smba.trafficmanager.net/uk/', channelId: 'msteams', conversation: { id: 'a:1x' }, bot: { id: '28:bot' } };
      const saved = await store.saveConversation({ aadObjectId: 'person-1', displayName: 'Dr Amara Okafor', tenantId: null, reference, usable: true, unusableReason: null, updatedAt: NOW });
      interfere = true;
      await store.markConversationUnusable('person-1', '403 MessageWritesBlocked', LATER);
      expect(fake.requests.some((r) => r.method === 'PATCH' && r.status === 412)).toBe(true);
      expect(await store.getConversation('person-1')).toEqual({ ...saved, usable: false, unusableReason: '403 MessageWritesBlocked', updatedAt: LATER });
    });
  });

  it('shows nothing of a plan whose save failed part way', async () => {
    const { store } = await sharePointStore(fake);
    fake.setFaults({ rate503: 1, retryAfterSeconds: 0, seed: 1 });
    await expect(store.savePlan(buildDraft(), { now: NOW, contentKey: null })).rejects.toMatchObject({ code: 'unavailable' });
    fake.setFaults({});
    expect(await store.listPlans()).toEqual([]);
  });
});

/** Retries the whole save only if it failed outright; its creates are idempotent, so nothing doubles. */
async function saveWithRetries(store: PlanStore): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await store.savePlan(buildDraft(), { now: NOW, contentKey: null });
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/** Someone edits an action's Title in SharePoint between the store's read and its write (sent alone or in a batch). */
function editTitleBeforeFirstActionPatch(http: GraphHttp, active: () => boolean): GraphHttp {
  let done = false;
  const isActionFieldsPatch = (request: GraphRequest) => request.method === 'PATCH' && /\/items\/[^/]+\/fields$/.test(request.path) && request.headers?.['If-Match'] !== undefined;
  const interfere = async (requests: readonly GraphRequest[]) => {
    const patch = requests.find(isActionFieldsPatch);
    if (!active() || done || patch === undefined) return;
    done = true;
    await http.send({ method: 'PATCH', path: patch.path, body: { Title: 'Edited in SharePoint' } });
  };
  return {
    async sendBatch(requests) {
      await interfere(requests);
      return http.sendBatch(requests);
    },
    async send(request) {
      await interfere([request]);
      return http.send(request);
    },
  };
}

/** Holds requests until `n` have arrived, then lets them all go: two writers read the same state. */
function rendezvous(): { arm: (n: number) => void; meet: () => Promise<void> } {
  let needed = 0;
  let waiting: (() => void)[] = [];
  return {
    arm(n) {
      needed = n;
      waiting = [];
    },
    meet() {
      if (needed === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length < needed) return;
        needed = 0;
        for (const release of waiting) release();
      });
    },
  };
}

/** Makes a store's reads of the lease item wait at the rendezvous, so racing stores read the same state. */
function meetBeforeReadingLease(http: GraphHttp, name: string, meeting: ReturnType<typeof rendezvous>): GraphHttp {
  return {
    sendBatch: (requests) => http.sendBatch(requests),
    async send(request) {
      if (request.method === 'GET' && request.path.includes(name)) await meeting.meet();
      return http.send(request);
    },
  };
}

function isFieldsPatchWith(request: GraphRequest, field: string): boolean {
  return request.method === 'PATCH' && /\/items\/[^/]+\/fields$/.test(request.path) && request.headers?.['If-Match'] !== undefined && typeof request.body === 'object' && request.body !== null && field in request.body;
}

/** The first matching PATCH is applied, its answer lost, and it is sent again: the retry meets a 412. */
function repeatFirstPatchOf(http: GraphHttp, field: string, active: () => boolean): GraphHttp {
  let done = false;
  return {
    sendBatch: (requests) => http.sendBatch(requests),
    async send(request) {
      if (active() && !done && isFieldsPatchWith(request, field)) {
        done = true;
        await http.send(request);
      }
      return http.send(request);
    },
  };
}

/** Someone edits the item's Title in SharePoint between the store's read and its first matching PATCH. */
function editTitleBeforeFirstPatchOf(http: GraphHttp, field: string, active: () => boolean): GraphHttp {
  let done = false;
  return {
    sendBatch: (requests) => http.sendBatch(requests),
    async send(request) {
      if (active() && !done && isFieldsPatchWith(request, field)) {
        done = true;
        await http.send({ method: 'PATCH', path: request.path, body: { Title: 'Edited in SharePoint' } });
      }
      return http.send(request);
    },
  };
}
