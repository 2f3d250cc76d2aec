// The list client over the real GraphHttp (SDK + our middleware) against the Graph fake over HTTP:
// paging, filters, idempotent creates under dropped connections, batched writes under throttling.
import { afterEach, describe, expect, it } from 'vitest';
import { createGraphHttp } from '../../store/sharepoint/graph/create-graph-http.js';
import { GraphError } from '../../store/sharepoint/graph/graph-error.js';
import type { GraphHttp } from '../../store/sharepoint/graph/graph-http.js';
import { staticTokenSource } from '../../store/sharepoint/graph/token-source.js';
import { LISTS, listSpec, type ListKey } from '../../store/sharepoint/list-schema.js';
import { listDefinition } from '../../store/sharepoint/lists/column-definition.js';
import { createListClient } from '../../store/sharepoint/lists/graph-list-client.js';
import type { ListClient, ListWrite } from '../../store/sharepoint/lists/list-client.js';
import { DEFAULT_SITE, startGraphFake, type GraphFake, type GraphFakeOptions } from '../fakes/graph/index.js';

const SITE = DEFAULT_SITE.id;
const TOKEN = 'integration-token';
const noSleep = (): Promise<void> => Promise.resolve();

let fake: GraphFake | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function setup(options: GraphFakeOptions = {}, provision = true): Promise<{ fake: GraphFake; http: GraphHttp; lists: ListClient }> {
  const started = await startGraphFake({ requireBearer: TOKEN, ...options });
  fake = started;
  const http = createGraphHttp({ baseUrl: started.url, tokens: staticTokenSource(TOKEN), policy: { sleep: noSleep, maxAttempts: 8 } });
  if (provision) {
    for (const spec of LISTS) await http.send({ method: 'POST', path: `/sites/${SITE}/lists`, body: listDefinition(spec) });
  }
  return { fake: started, http, lists: createListClient(http, SITE, { sleep: noSleep, maxAttempts: 10 }) };
}

function action(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Title: `${n}. Audit the discharge checklist`,
    FtKey: `action-${n}`,
    FtPlanId: n % 2 === 0 ? 'plan-even' : "plan-o'dd",
    FtGeneration: 'g1',
    FtRecommendationId: 'rec-1',
    FtPosition: n,
    FtStatus: n % 3 === 0 ? 'complete' : 'in-progress',
    FtDueDate: `2025-${String((n % 12) + 1).padStart(2, '0')}-15`,
    FtDueText: 'Q1 25/26',
    FtLeads: 'Director of Nursing',
    FtVersion: 1,
    FtUpdated: '2025-03-01T12:00:00Z',
    FtData: JSON.stringify({ n }),
    ...extra,
  };
}

function keysIn(graph: GraphFake, list: ListKey): string[] {
  return graph.items(SITE, listSpec(list).displayName).map((item) => String(item.fields.FtKey));
}

async function caught(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

describe('GraphListClient against the Graph fake', () => {
  it('creates, reads back by key and maps field types', async () => {
    const { lists } = await setup();
    const created = await lists.create('actions', action(1, { FtDueDate: '2025-06-30' }));
    expect(created.id).toMatch(/^\d+$/);
    expect(created.eTag).not.toBe('');
    expect(created.fields).toMatchObject({ FtKey: 'action-1', FtDueDate: '2025-06-30', FtPosition: 1, FtVersion: 1, FtStatus: 'in-progress' });
    expect(Object.keys(created.fields).some((name) => name.startsWith('@odata'))).toBe(false);

    const found = await lists.getByKey('actions', 'action-1', ['FtDueDate']);
    expect(found).toEqual({ id: created.id, eTag: created.eTag, fields: { FtKey: 'action-1', FtDueDate: '2025-06-30' } });
    expect(await lists.getByKey('actions', 'action-404')).toBeNull();

    const plan = await lists.create('plans', { Title: 'Plan', FtKey: 'plan-1', FtStatus: 'active', FtCommitted: true, FtGeneration: 'g1', FtVersion: 3, FtUpdated: '2025-03-01T12:00:00Z', FtData: '{}' });
    expect(plan.fields).toMatchObject({ FtCommitted: true, FtVersion: 3, FtUpdated: '2025-03-01T12:00:00Z' });
  });

  it('follows every nextLink, through small and empty pages', async () => {
    const { fake: graph, lists } = await setup({ defaultPageSize: 4, faults: { emptyPageRate: 0.5, seed: 7 } });
    const results = await lists.writeMany(Array.from({ length: 23 }, (_, i): ListWrite => ({ kind: 'create', list: 'actions', fields: action(i) })));
    expect(results.every((result) => result.ok)).toBe(true);

    const before = graph.requests.length;
    const all = await lists.query('actions', { select: ['FtPosition'], pageSize: 4 });
    expect(all.map((item) => item.fields.FtPosition).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 23 }, (_, i) => i));
    const pages = graph.requests.slice(before).filter((r) => r.method === 'GET' && r.path.includes('/items'));
    expect(pages.length).toBeGreaterThanOrEqual(6);

    const paged = await lists.query('actions', { pageSize: 5, where: [{ field: 'FtPlanId', op: 'eq', value: 'plan-even' }] });
    expect(paged).toHaveLength(12);
  });

  it('filters on indexed columns, escaping quotes and comparing dates', async () => {
    const { fake: graph, lists } = await setup();
    await lists.writeMany(Array.from({ length: 12 }, (_, i): ListWrite => ({ kind: 'create', list: 'actions', fields: action(i) })));
    await lists.create('plans', { Title: 'Shown', FtKey: 'p-shown', FtCommitted: true, FtData: '{}' });
    await lists.create('plans', { Title: 'Hidden', FtKey: 'p-hidden', FtCommitted: false, FtData: '{}' });

    const odd = await lists.query('actions', { where: [{ field: 'FtPlanId', op: 'eq', value: "plan-o'dd" }] });
    expect(odd.map((item) => item.fields.FtKey).sort()).toEqual(['action-1', 'action-11', 'action-3', 'action-5', 'action-7', 'action-9']);

    const dueByJune = await lists.query('actions', { where: [{ field: 'FtDueDate', op: 'le', value: '2025-06-30' }, { field: 'FtStatus', op: 'ne', value: 'complete' }] });
    expect(dueByJune.map((item) => item.fields.FtDueDate).sort()).toEqual(['2025-02-15', '2025-03-15', '2025-05-15', '2025-06-15']);

    const shown = await lists.query('plans', { where: [{ field: 'FtCommitted', op: 'eq', value: true }] });
    expect(shown.map((item) => item.fields.FtKey)).toEqual(['p-shown']);

    const sent = graph.requests.length;
    const error = await caught(lists.query('actions', { where: [{ field: 'FtPosition', op: 'eq', value: 1 }] }));
    expect(error).toMatchObject({ status: 400, outcome: 'not-applied' });
    expect(error.message).toContain('FtPosition');
    await expect(lists.query('actions', { where: [{ field: 'FtDueDate', op: 'eq', value: 'next week' }] })).rejects.toThrow(/FtDueDate/);
    expect(graph.requests.length).toBe(sent);
  });

  it('never duplicates a create when connections drop, even after the write', async () => {
    const { fake: graph, lists } = await setup();
    graph.setFaults({ dropRate: 0.3, seed: 11 });
    const created = [];
    for (let n = 0; n < 40; n += 1) created.push(await lists.create('actions', action(n)));
    graph.setFaults({});

    const keys = keysIn(graph, 'actions');
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
    expect(created.map((item) => item.fields.FtKey)).toEqual(Array.from({ length: 40 }, (_, n) => `action-${n}`));
    const droppedPosts = graph.requests.filter((r) => r.method === 'POST' && r.status === 0 && !r.batched);
    expect(droppedPosts.length).toBeGreaterThan(0);
  });

  it('returns the existing item when its FtKey is taken (409), and reports other unique clashes', async () => {
    const { fake: graph, lists } = await setup();
    const first = await lists.create('actions', action(1));
    const again = await lists.create('actions', action(1, { Title: 'retried' }));
    expect(again.id).toBe(first.id);
    expect(keysIn(graph, 'actions')).toEqual(['action-1']);

    const update = { Title: 'Update', FtPlanId: 'p', FtActionId: 'a', FtAt: '2025-03-01T12:00:00Z', FtIdempotencyKey: 'submit-1', FtSource: 'card', FtData: '{}' };
    await lists.create('updates', { ...update, FtKey: 'u-1' });
    const clash = await caught(lists.create('updates', { ...update, FtKey: 'u-2' }));
    expect(clash.status).toBe(409);
  });

  it('writes 200 creates under 20% throttling exactly once, results in order', async () => {
    const { fake: graph, lists } = await setup();
    graph.setFaults({ rate429: 0.1, rate503: 0.1, retryAfterSeconds: 0, seed: 3 });
    const writes = Array.from({ length: 200 }, (_, i): ListWrite => ({ kind: 'create', list: 'actions', fields: action(i) }));
    const results = await lists.writeMany(writes);
    graph.setFaults({});

    expect(results.map((result) => (result.ok ? result.item?.fields.FtKey : `${result.status} ${result.code}`))).toEqual(writes.map((_, i) => `action-${i}`));
    const keys = keysIn(graph, 'actions');
    expect(keys).toHaveLength(200);
    expect(new Set(keys).size).toBe(200);
    const throttled = graph.requests.filter((r) => r.batched && (r.status === 429 || r.status === 503));
    expect(throttled.length).toBeGreaterThan(20);
  });

  it('writes exactly once when whole batches and sub-requests may be lost', async () => {
    const { fake: graph, lists } = await setup();
    graph.setFaults({ rate429: 0.1, dropRate: 0.15, retryAfterSeconds: 0, seed: 5 });
    const results = await lists.writeMany(Array.from({ length: 120 }, (_, i): ListWrite => ({ kind: 'create', list: 'actions', fields: action(i) })));
    graph.setFaults({});

    expect(results.filter((result) => !result.ok)).toEqual([]);
    const keys = keysIn(graph, 'actions');
    expect(new Set(keys).size).toBe(120);
    expect(keys).toHaveLength(120);
    expect(graph.requests.some((r) => r.batched && r.status === 504)).toBe(true);
  });

  it('mixes creates, updates and deletes in one writeMany, one result per write', async () => {
    const { fake: graph, lists } = await setup();
    const a = await lists.create('actions', action(1));
    const b = await lists.create('actions', action(2));
    const results = await lists.writeMany([
      { kind: 'update', list: 'actions', itemId: a.id, eTag: a.eTag, fields: { FtStatus: 'blocked', FtDueDate: '2026-03-31' } },
      { kind: 'delete', list: 'actions', itemId: b.id },
      { kind: 'create', list: 'actions', fields: action(3) },
      { kind: 'update', list: 'actions', itemId: b.id, fields: { FtStatus: 'complete' } },
      { kind: 'create', list: 'actions', fields: { FtKey: 'bad', FtPosition: 'first' } },
    ]);
    expect(results[0]).toMatchObject({ ok: true, item: { id: a.id, fields: { FtStatus: 'blocked', FtDueDate: '2026-03-31' } } });
    expect(results[0]?.ok === true && results[0].item?.eTag).not.toBe(a.eTag);
    expect(results[1]).toEqual({ ok: true, item: null });
    expect(results[2]).toMatchObject({ ok: true, item: { fields: { FtKey: 'action-3' } } });
    expect(results[3]).toMatchObject({ ok: false, status: 404 });
    expect(results[4]).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('FtPosition') as unknown });
    expect(keysIn(graph, 'actions').sort()).toEqual(['action-1', 'action-3']);
  });

  it('updates with If-Match: the new eTag comes back, a stale one is a 412', async () => {
    const { lists } = await setup();
    const item = await lists.create('actions', action(1));
    const updated = await lists.update('actions', item.id, { FtStatus: 'complete', FtVersion: 2 }, item.eTag);
    expect(updated).toMatchObject({ id: item.id, fields: { FtStatus: 'complete', FtVersion: 2 } });
    expect(updated.eTag).not.toBe(item.eTag);

    const stale = await caught(lists.update('actions', item.id, { FtStatus: 'blocked' }, item.eTag));
    expect(stale).toMatchObject({ status: 412, outcome: 'not-applied' });
    expect(stale.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const [batched] = await lists.writeMany([{ kind: 'update', list: 'actions', itemId: item.id, eTag: item.eTag, fields: { FtStatus: 'blocked' } }]);
    expect(batched).toMatchObject({ ok: false, status: 412 });
    expect((await lists.getByKey('actions', 'action-1'))?.fields.FtStatus).toBe('complete');
  });

  it('deletes idempotently', async () => {
    const { fake: graph, lists } = await setup();
    const item = await lists.create('actions', action(1));
    await lists.delete('actions', item.id);
    await lists.delete('actions', item.id);
    expect(keysIn(graph, 'actions')).toEqual([]);
  });

  it('says which list is missing when the site is not provisioned', async () => {
    const { lists } = await setup({}, false);
    const error = await caught(lists.query('plans'));
    expect(error).toMatchObject({ status: 404, code: 'listNotFound' });
    expect(error.message).toContain('Followthrough Plans');
  });
});
