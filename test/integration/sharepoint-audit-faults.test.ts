// What SharePoint needs beyond the contract: with no transactions, an audited write is a chain
// of requests (audit item, then the entity with If-Match, then the update item for a progress
// submit). These tests break such chains part way — a 412, a 429, a lost answer, a process that
// dies — and check that what a reader sees stays whole: no change without its entry, no entry
// without its change, one update per submit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Action, ChangedBy } from '../../core/model/index.js';
import type { PlanStore, ProgressChange } from '../../store/plan-store.js';
import { createGraphHttp } from '../../store/sharepoint/graph/create-graph-http.js';
import { GraphError } from '../../store/sharepoint/graph/graph-error.js';
import type { GraphHttp, GraphRequest, GraphResponse } from '../../store/sharepoint/graph/graph-http.js';
import { staticTokenSource } from '../../store/sharepoint/graph/token-source.js';
import { LISTS } from '../../store/sharepoint/list-schema.js';
import { createListClient } from '../../store/sharepoint/lists/graph-list-client.js';
import { provision } from '../../store/sharepoint/provision.js';
import { resolveSiteId } from '../../store/sharepoint/resolve-site.js';
import { createSharePointPlanStore } from '../../store/sharepoint/sharepoint-plan-store.js';
import { BY_EDITOR, buildDraft, EDITOR, expectStoreError, firstAction, LATER, LATEST, newUpdate, NOW, savedTree } from '../contract/contract-fixtures.js';
import { type GraphFake, startGraphFake } from '../fakes/graph/index.js';

const SITE_URL = 'https://contoso.sharepoint.com/sites/quality';
const AUDIT = 'Followthrough Audit';
const fast = { sleep: () => Promise.resolve(), random: () => 0.5 };
const BY_CARD: ChangedBy = { actor: EDITOR, source: 'card' };

/** Decides what happens to one `$batch` (null: send it as it is). Armed once the plan is saved. */
type BatchHook = (requests: readonly GraphRequest[], http: GraphHttp) => Promise<GraphResponse[]> | null;

let fake: GraphFake;
beforeEach(async () => {
  fake = await startGraphFake();
});
afterEach(async () => {
  await fake.close();
});

async function sharePointStore(hook: BatchHook | null = null): Promise<{ store: PlanStore; siteId: string; arm: (on: boolean) => void }> {
  const http = createGraphHttp({ baseUrl: fake.url, tokens: staticTokenSource('t'), policy: fast });
  const siteId = await resolveSiteId(http, SITE_URL);
  await provision(http, siteId);
  let armed = false;
  const wrapped: GraphHttp = { send: (request) => http.send(request), sendBatch: (requests) => (armed && hook ? hook(requests, http) : null) ?? http.sendBatch(requests) };
  return { store: createSharePointPlanStore(createListClient(wrapped, siteId, fast), fast), siteId, arm: (on) => { armed = on; } };
}

/** The fields a write sends: a create's `fields`, a PATCH's body. */
function fieldsOf(request: GraphRequest): Record<string, unknown> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return request.method === 'POST' ? ((body.fields ?? {}) as Record<string, unknown>) : body;
}
const isAuditWrite = (request: GraphRequest) => 'FtEntityId' in fieldsOf(request);
const isActionPatch = (request: GraphRequest) => request.method === 'PATCH' && 'FtOpen' in fieldsOf(request);
const isUpdateCreate = (request: GraphRequest) => request.method === 'POST' && 'FtIdempotencyKey' in fieldsOf(request);
const isMeasurePatch = (request: GraphRequest) => request.method === 'PATCH' && 'FtRevision' in fieldsOf(request);

const answer = (status: number, code: string, headers: Record<string, string> = {}): GraphResponse => ({ status, headers, body: { error: { code, message: `${code} (test)` } } });
const notRun = () => answer(424, 'failedDependency');

/** Runs the chain's requests before `at` for real; `at` is answered `status` (not run) and the rest 424, as Graph does. */
async function stopAt(http: GraphHttp, requests: readonly GraphRequest[], at: number, status: number): Promise<GraphResponse[]> {
  const ran = at === 0 ? [] : await http.sendBatch(requests.slice(0, at));
  return [...ran, answer(status, status === 429 ? 'activityLimitReached' : 'serviceNotAvailable', { 'retry-after': '0' }), ...requests.slice(at + 1).map(notRun)];
}

/** Runs the chain up to and including `last`, then the connection drops: the caller cannot tell what happened. */
async function loseAnswerAfter(http: GraphHttp, requests: readonly GraphRequest[], last: number): Promise<GraphResponse[]> {
  await http.sendBatch(requests.slice(0, last + 1));
  throw new GraphError({ status: 0, code: 'networkError', message: 'connection dropped (test)', outcome: 'unknown' });
}

describe('an audited edit interrupted part way', () => {
  it('a 429 on the action write after its audit item: the retry rewrites that item, and the trail shows one entry', async () => {
    let throttled = false;
    const { store, siteId, arm } = await sharePointStore((requests, http) => {
      const at = requests.findIndex(isActionPatch);
      if (throttled || at < 1) return null;
      throttled = true;
      return stopAt(http, requests, at, 429);
    });
    const tree = await savedTree(store);
    const action = firstAction(tree);
    arm(true);
    const updated = await store.updateAction(action.id, { status: 'complete' }, action.version, LATER, BY_EDITOR);
    expect(throttled).toBe(true);
    expect(await store.getAction(action.id)).toEqual(updated);
    expect((await store.listAudit({ planId: tree.plan.id, entityId: action.id })).map((entry) => entry.changes)).toEqual([[{ field: 'status', from: 'in-progress', to: 'complete' }]]);
    expect(fake.items(siteId, AUDIT)).toHaveLength(2);
  });

  it('a process that dies between the audit item and the action write leaves an entry no reader sees', async () => {
    const { store, siteId, arm } = await sharePointStore((requests, http) => (requests.some(isActionPatch) ? stopAt(http, requests, requests.findIndex(isActionPatch), 503) : null));
    const tree = await savedTree(store);
    const action = firstAction(tree);
    arm(true);
    await expectStoreError(store.updateAction(action.id, { status: 'blocked' }, action.version, LATER, BY_EDITOR), 'unavailable');
    arm(false);
    expect(fake.items(siteId, AUDIT)).toHaveLength(2);
    expect(await store.getAction(action.id)).toEqual(action);
    expect(await store.listAudit({ planId: tree.plan.id, entityId: action.id })).toEqual([]);

    // The next write takes the same version; only it is in the trail.
    await store.updateAction(action.id, { rag: 'red' }, action.version, LATEST, BY_EDITOR);
    expect((await store.listAudit({ planId: tree.plan.id, entityId: action.id })).map((entry) => entry.changes[0]?.field)).toEqual(['rag']);
  });

  it('a 412 from someone else\'s change refuses the edit and removes its audit item', async () => {
    const other = await sharePointStore();
    let raced = false;
    const { store, siteId, arm } = await sharePointStore((requests, http) => {
      if (raced || !requests.some(isActionPatch)) return null;
      raced = true;
      const target = firstAction(tree);
      return other.store.updateAction(target.id, { status: 'blocked' }, target.version, LATER, BY_EDITOR).then(() => http.sendBatch(requests));
    });
    const tree = await savedTree(store);
    const action = firstAction(tree);
    arm(true);
    await expectStoreError(store.updateAction(action.id, { status: 'complete' }, { unchanged: { status: action.status } }, LATEST, BY_EDITOR), 'conflict');
    expect((await store.getAction(action.id))?.status).toBe('blocked');
    expect((await store.listAudit({ planId: tree.plan.id, entityId: action.id })).map((entry) => entry.changes[0]?.to)).toEqual(['blocked']);
    expect(fake.items(siteId, AUDIT)).toHaveLength(2);
  });
});

describe('a progress submit interrupted part way', () => {
  const complete = (before: Pick<Action, 'status' | 'evidence'>): ProgressChange => ({ patch: { status: 'complete', evidence: 'Final protocol v1.0' }, expected: { unchanged: { status: before.status, evidence: before.evidence } } });

  it('sends its writes as one chain after one parallel read', async () => {
    const { store, arm } = await sharePointStore();
    const tree = await savedTree(store);
    const action = firstAction(tree);
    arm(true);
    const before = fake.requests.length;
    await store.recordProgress(newUpdate(tree, { idempotencyKey: 'card-1', status: 'complete' }), complete(action), BY_CARD);
    const made = fake.requests.slice(before).filter((request) => !request.batched);
    expect(made.map((request) => request.method)).toEqual(['GET', 'GET', 'GET', 'POST']);
    expect(fake.requests.slice(before).filter((request) => request.batched).map((request) => request.method)).toEqual(['POST', 'PATCH', 'POST']);
  });

  it('an answer lost after the action write: the retry recognises it and records only the update', async () => {
    let lost = false;
    const { store, siteId, arm } = await sharePointStore((requests, http) => {
      const at = requests.findIndex(isActionPatch);
      if (lost || at < 0) return null;
      lost = true;
      return loseAnswerAfter(http, requests, at);
    });
    const tree = await savedTree(store);
    const action = firstAction(tree);
    arm(true);
    const recorded = await store.recordProgress(newUpdate(tree, { idempotencyKey: 'card-2', status: 'complete' }), complete(action), BY_CARD);
    expect(lost).toBe(true);
    expect(recorded).toMatchObject({ repeated: false, action: { status: 'complete', version: action.version + 1 } });
    expect(await store.getAction(action.id)).toEqual(recorded.action);
    expect(await submitted(store, action.id)).toEqual([recorded.update]);
    expect(await store.listAudit({ planId: tree.plan.id, entityId: action.id })).toHaveLength(1);
    expect(fake.items(siteId, AUDIT)).toHaveLength(2);
  });

  it('a submit that dies after the action write reads as a whole, audited change, and its repeat only adds the update', async () => {
    const { store: failing, arm } = await sharePointStore((requests, http) => {
      const at = requests.findIndex(isUpdateCreate);
      return at < 0 ? null : stopAt(http, requests, at, 503);
    });
    const { store: reader } = await sharePointStore();
    const tree = await savedTree(reader);
    const action = firstAction(tree);
    const update = newUpdate(tree, { idempotencyKey: 'card-3', status: 'complete', evidence: 'Final protocol v1.0' });
    arm(true);
    await expectStoreError(failing.recordProgress(update, complete(action), BY_CARD), 'unavailable');

    // Meanwhile: the change and its entry, no update — nothing a reader would take as recorded.
    const changed = await reader.getAction(action.id);
    expect(changed).toMatchObject({ status: 'complete', version: action.version + 1 });
    expect(await reader.listAudit({ planId: tree.plan.id, entityId: action.id })).toHaveLength(1);
    expect(await reader.findUpdate('card-3')).toBeNull();

    const repeated = await reader.recordProgress(update, complete(action), BY_CARD);
    expect(repeated).toMatchObject({ repeated: false, action: changed, update: { idempotencyKey: 'card-3' } });
    expect((await reader.getAction(action.id))?.version).toBe(action.version + 1);
    expect(await submitted(reader, action.id)).toHaveLength(1);
    expect(await reader.listAudit({ planId: tree.plan.id, entityId: action.id })).toHaveLength(1);
  });

  it('a 412 from an edit in SharePoint between the read and the chain re-applies it once', async () => {
    let edited = false;
    const { store, siteId, arm } = await sharePointStore((requests, http) => {
      const patch = requests.find(isActionPatch);
      if (edited || patch === undefined) return null;
      edited = true;
      return http.send({ method: 'PATCH', path: patch.path, body: { Title: 'Edited in SharePoint' } }).then(() => http.sendBatch(requests));
    });
    const tree = await savedTree(store);
    const action = firstAction(tree);
    arm(true);
    const recorded = await store.recordProgress(newUpdate(tree, { idempotencyKey: 'card-4', status: 'complete' }), complete(action), BY_CARD);
    expect(fake.requests.some((request) => request.status === 412)).toBe(true);
    expect(recorded.action.version).toBe(action.version + 1);
    expect(await submitted(store, action.id)).toEqual([recorded.update]);
    expect(await store.listAudit({ planId: tree.plan.id, entityId: action.id })).toHaveLength(1);
    expect(fake.items(siteId, AUDIT)).toHaveLength(2);
  });

  it('under throttling and dropped connections, each submit is recorded once, with one entry per change', async () => {
    const { store, siteId } = await sharePointStore();
    const tree = await savedTree(store);
    const action = firstAction(tree);
    const statuses = ['blocked', 'in-progress', 'complete', 'in-progress', 'blocked', 'complete'] as const;
    fake.setFaults({ rate429: 0.15, rate503: 0.1, dropRate: 0.05, retryAfterSeconds: 0, seed: 11 });
    const from = fake.requests.length;
    let seen: Action['status'] = action.status;
    for (const [index, status] of statuses.entries()) {
      const submit = () => store.recordProgress(newUpdate(tree, { idempotencyKey: `card-s${String(index)}`, status, at: LATER }), { patch: { status }, expected: { unchanged: { status: seen } } }, BY_CARD);
      await repeatUntilDone(submit);
      seen = status;
    }
    fake.setFaults({});
    const faults = fake.requests.slice(from).map((request) => request.status);
    expect([429, 503, 0].every((status) => faults.includes(status))).toBe(true);
    const current = await store.getAction(action.id);
    expect(current).toMatchObject({ status: 'complete', version: action.version + statuses.length });
    const updates = await submitted(store, action.id);
    expect(updates.map((update) => update.idempotencyKey)).toEqual(statuses.map((_, index) => `card-s${String(index)}`));
    const trail = await store.listAudit({ planId: tree.plan.id, entityId: action.id });
    expect(trail.map((entry) => entry.changes.map((change) => change.to))).toEqual(statuses.map((status) => [status]));
    const keys = fake.items(siteId, AUDIT).map((item) => String(item.fields.FtKey));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('measures under concurrent writes', () => {
  const COMPLIANCE = { name: 'Audit compliance with the transfer protocol', unit: '%', target: 90, direction: 'increase' as const, actionId: null };

  it('an edit of a measure is applied again, not refused, when only a value was added meanwhile', async () => {
    const other = await sharePointStore();
    let raced = false;
    const { store, arm } = await sharePointStore((requests, http) => {
      if (raced || !requests.some(isMeasurePatch) || !requests.some(isAuditWrite)) return null;
      raced = true;
      return other.store.addMeasureValue(measureId, { date: '2024-03-31', value: 89.87, note: null, by: EDITOR, at: LATER }, BY_EDITOR).then(() => http.sendBatch(requests));
    });
    const tree = await savedTree(store);
    const measureId = (await store.saveMeasure(tree.plan.id, COMPLIANCE, null, NOW, BY_EDITOR)).id;
    arm(true);
    const edited = await store.saveMeasure(tree.plan.id, { ...COMPLIANCE, target: 95 }, { id: measureId, version: 1 }, LATEST, BY_EDITOR);
    expect(raced).toBe(true);
    expect(edited).toMatchObject({ target: 95, version: 2, values: [{ date: '2024-03-31', value: 89.87 }] });
    expect(await store.listMeasures(tree.plan.id)).toEqual([edited]);
    const trail = await store.listAudit({ planId: tree.plan.id, entityId: measureId });
    expect(trail.map((entry) => entry.changes.map((change) => change.field))).toEqual([['name', 'unit', 'target', 'direction'], ['value on 2024-03-31'], ['target']]);
  });

  it('a replace turns the measures of actions it removed into plan-level ones, and a delete removes measures and trail', async () => {
    const { store, siteId } = await sharePointStore();
    const tree = await savedTree(store);
    const measure = await store.saveMeasure(tree.plan.id, { ...COMPLIANCE, actionId: firstAction(tree).id }, null, NOW, BY_EDITOR);
    await store.savePlan(buildDraft(), { now: LATER, replacePlanId: tree.plan.id });
    expect(await store.listMeasures(tree.plan.id)).toEqual([{ ...measure, actionId: null }]);
    await store.deletePlan(tree.plan.id);
    expect(fake.items(siteId, AUDIT)).toEqual([]);
    expect(fake.items(siteId, 'Followthrough Measures')).toEqual([]);
  });
});

describe('provisioning a site made before the audit trail', () => {
  it('adds the audit and measures lists and the new columns, and plans already there are audited from then on', async () => {
    const http = createGraphHttp({ baseUrl: fake.url, tokens: staticTokenSource('t'), policy: fast });
    const siteId = await resolveSiteId(http, SITE_URL);
    const added = new Set(['FtAuditKey', 'FtReview', 'FtReviewers']);
    const older = LISTS.filter((spec) => spec.key !== 'audit' && spec.key !== 'measures').map((spec) => ({ ...spec, columns: spec.columns.filter((column) => !added.has(column.name)) }));
    await provision(http, siteId, { lists: older });

    const report = await provision(http, siteId);
    expect(report.lists.filter((list) => list.created).map((list) => list.name)).toEqual(['Followthrough Audit', 'Followthrough Measures']);
    const columnsAdded = report.lists.flatMap((list) => list.columns.filter((column) => !list.created && column.change === 'created').map((column) => `${list.name}.${column.name}`));
    expect(columnsAdded).toEqual(['Followthrough Plans.FtReviewers', 'Followthrough Plans.FtAuditKey', 'Followthrough Actions.FtReview', 'Followthrough Actions.FtAuditKey']);
    expect(report.differences).toEqual([]);
  });
});

/** The action's updates from submits (the import wrote one too, without a key). */
async function submitted(store: PlanStore, actionId: string) {
  return (await store.listUpdates(actionId)).filter((update) => update.idempotencyKey !== null);
}

/** What a card does when a submit fails outright: send it again with the same key. */
async function repeatUntilDone<T>(submit: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await submit();
    } catch (error) {
      if (attempt >= 8) throw error;
    }
  }
}
