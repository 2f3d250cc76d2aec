// The list client's decisions, driven through a scripted GraphHttp (the network boundary):
// when a create is looked up, when it is sent again, how writeMany waits and gives up.
import { describe, expect, it } from 'vitest';
import { GraphError } from '../graph/graph-error.js';
import type { GraphHttp, GraphRequest, GraphResponse } from '../graph/graph-http.js';
import { LISTS } from '../list-schema.js';
import { createListClient } from './graph-list-client.js';
import type { ListWrite } from './list-client.js';

const SITE = 'contoso.sharepoint.com,1111,2222';
const ITEMS = `/sites/${SITE}/lists/id-actions/items`;
type Answer = GraphResponse | GraphError;

/** A GraphHttp whose answers come from `answer`; it records every request, batched or not. */
function scripted(answer: (request: GraphRequest, batched: boolean) => Answer) {
  const sent: { method: string; path: string; batched: boolean }[] = [];
  const batches: number[] = [];
  const reply = (request: GraphRequest, batched: boolean): Answer => {
    sent.push({ method: request.method, path: request.path, batched });
    if (request.method === 'GET' && request.path.endsWith('/lists?$select=id,displayName')) {
      return ok({ value: LISTS.map((spec) => ({ id: `id-${spec.key}`, displayName: spec.displayName })) });
    }
    return answer(request, batched);
  };
  const http: GraphHttp = {
    send: (request) => {
      const result = reply(request, false);
      return result instanceof GraphError ? Promise.reject(result) : Promise.resolve(result);
    },
    sendBatch: (requests) => {
      batches.push(requests.length);
      return Promise.resolve(
        requests.map((request) => {
          const result = reply(request, true);
          return result instanceof GraphError ? { status: result.status, headers: {}, body: { error: { code: result.code, message: result.message } } } : result;
        }),
      );
    },
  };
  const sleeps: number[] = [];
  const lists = createListClient(http, SITE, { sleep: (ms) => { sleeps.push(ms); return Promise.resolve(); }, random: () => 0.5, maxAttempts: 4 });
  return { lists, sent, sleeps, batches, writes: () => sent.filter((r) => r.method !== 'GET').map((r) => `${r.method}${r.batched ? ' (batched)' : ''}`) };
}

const ok = (body: unknown, status = 200, headers: Record<string, string> = {}): GraphResponse => ({ status, headers, body });
const item = (key: string, id = '1') => ({ id, eTag: `"g-${id},1"`, fields: { '@odata.etag': `"g-${id},1"`, FtKey: key } });
const unknown = () => new GraphError({ status: 0, code: 'networkError', message: 'dropped', outcome: 'unknown' });
const throttled = (status: number, retryAfter?: string): GraphResponse => ({ status, headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter }, body: { error: { code: 'activityLimitReached', message: 'slow down' } } });
const isLookup = (request: GraphRequest) => request.method === 'GET' && request.path.includes('FtKey%20eq');
const fields = (key: string) => ({ FtKey: key, FtPlanId: 'p', FtRecommendationId: 'r' });

describe('create', () => {
  it('looks an unknown outcome up, and never POSTs again while the lookup fails', async () => {
    const script: Answer[] = [unknown(), new GraphError({ status: 503, code: 'serviceNotAvailable', message: 'busy', outcome: 'not-applied' }), ok({ value: [] }), ok(item('k'), 201)];
    const { lists, sent, sleeps } = scripted(() => script.shift() ?? ok({}));
    await expect(lists.create('actions', fields('k'))).resolves.toMatchObject({ id: '1', fields: { FtKey: 'k' } });
    expect(sent.slice(1).map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'POST']);
    expect(sent[2]?.path).toBe(`${ITEMS}?expand=fields(select=Title,FtKey,FtPlanId,FtGeneration,FtRecommendationId,FtPosition,FtStatus,FtDueDate,FtOpen,FtDueText,FtLeads,FtReview,FtVersion,FtAuditKey,FtUpdated,FtData)&$filter=fields/FtKey%20eq%20'k'&$top=1000`);
    expect(sleeps).toEqual([250, 500]);
  });

  it('returns the item a lost answer had created', async () => {
    const script: Answer[] = [unknown(), ok({ value: [item('k', '7')] })];
    const { lists, writes } = scripted(() => script.shift() ?? ok({}));
    await expect(lists.create('actions', fields('k'))).resolves.toMatchObject({ id: '7' });
    expect(writes()).toEqual(['POST']);
  });

  it('gives up after its attempts with the unknown outcome', async () => {
    const { lists, writes } = scripted((request) => (isLookup(request) ? ok({ value: [] }) : unknown()));
    await expect(lists.create('actions', fields('k'))).rejects.toMatchObject({ code: 'networkError', outcome: 'unknown' });
    expect(writes()).toEqual(['POST', 'POST', 'POST', 'POST']);
  });

  it('treats a 409 as "already there" only when the key is found', async () => {
    const conflict = new GraphError({ status: 409, code: 'nameAlreadyExists', message: 'duplicate values [FtIdempotencyKey]', outcome: 'not-applied' });
    const { lists, sleeps } = scripted((request) => (isLookup(request) ? ok({ value: [] }) : conflict));
    await expect(lists.create('actions', fields('k'))).rejects.toBe(conflict);
    expect(sleeps).toEqual([]);
  });

  it('throws what was refused straight away', async () => {
    const { lists, writes } = scripted(() => new GraphError({ status: 400, code: 'invalidRequest', message: 'bad', outcome: 'not-applied' }));
    await expect(lists.create('actions', fields('k'))).rejects.toMatchObject({ status: 400 });
    expect(writes()).toEqual(['POST']);
  });

  it('refuses an item without FtKey before sending', async () => {
    const { lists, sent } = scripted(() => ok({}));
    await expect(lists.create('actions', { FtPlanId: 'p' })).rejects.toThrow(/FtKey/);
    expect(sent).toHaveLength(0);
  });
});

describe('writeMany', () => {
  const creates = (n: number) => Array.from({ length: n }, (_, i): ListWrite => ({ kind: 'create', list: 'actions', fields: fields(`k${i}`) }));

  it('sends batches of at most 20', async () => {
    const { lists, batches } = scripted((request) => ok(item((request.body as { fields: { FtKey: string } }).fields.FtKey), 201));
    const results = await lists.writeMany(creates(45));
    expect(batches).toEqual([20, 20, 5]);
    expect(results.map((r) => r.ok && r.item?.fields.FtKey)).toEqual(Array.from({ length: 45 }, (_, i) => `k${i}`));
  });

  it('retries only throttled items after the largest Retry-After, looking a 503 create up first', async () => {
    const rounds = new Map<string, number>();
    const { lists, sleeps, sent } = scripted((request) => {
      if (isLookup(request)) return ok({ value: request.path.includes("'k1'") ? [item('k1', '11')] : [] });
      const key = (request.body as { fields: { FtKey: string } }).fields.FtKey;
      const seen = (rounds.get(key) ?? 0) + 1;
      rounds.set(key, seen);
      if (seen === 1 && key === 'k0') return throttled(429, '3');
      if (seen === 1 && key === 'k1') return throttled(503, '5');
      return ok(item(key, key.slice(1)), 201);
    });
    const results = await lists.writeMany(creates(3));
    expect(results.map((r) => r.ok && r.item?.id)).toEqual(['0', '11', '2']);
    expect(sleeps).toEqual([5250]);
    expect(sent.filter((r) => r.method === 'POST').length).toBe(4);
  });

  it('backs off when throttled without Retry-After, and reports the last answer when rounds run out', async () => {
    const { lists, sleeps } = scripted(() => throttled(429));
    const [result] = await lists.writeMany(creates(1));
    expect(result).toEqual({ ok: false, status: 429, code: 'activityLimitReached', message: 'slow down', requestId: null });
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it('looks creates up, and sends other writes again, when a whole batch was lost', async () => {
    let batchesSent = 0;
    const http: GraphHttp = {
      send: (request) => {
        if (request.path.endsWith('/lists?$select=id,displayName')) return Promise.resolve(ok({ value: [{ id: 'id-actions', displayName: 'Followthrough Actions' }] }));
        return Promise.resolve(ok({ value: [item('k0', '5')] }));
      },
      sendBatch: (requests) => {
        batchesSent += 1;
        if (batchesSent === 1) return Promise.reject(unknown());
        return Promise.resolve(requests.map(() => ok(null, 204)));
      },
    };
    const lists = createListClient(http, SITE, { sleep: () => Promise.resolve(), random: () => 0 });
    const results = await lists.writeMany([{ kind: 'create', list: 'actions', fields: fields('k0') }, { kind: 'delete', list: 'actions', itemId: '9' }]);
    expect(results).toEqual([{ ok: true, item: { id: '5', eTag: '"g-5,1"', fields: { FtKey: 'k0' } } }, { ok: true, item: null }]);
    expect(batchesSent).toBe(2);
  });

  it('gives a result for writes it could not even prepare', async () => {
    const { lists, sent } = scripted(() => ok({}));
    const results = await lists.writeMany([{ kind: 'update', list: 'actions', itemId: '1', fields: { FtVersion: 'two' } }]);
    expect(results).toEqual([{ ok: false, status: 400, code: 'invalidRequest', message: expect.stringContaining('FtVersion') as unknown, requestId: null }]);
    expect(sent.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });
});

describe('writeChain', () => {
  const patch = (eTag: string): ListWrite => ({ kind: 'update', list: 'actions', itemId: '4', eTag, fields: { FtVersion: 2 } });

  it('sends one batch in which each write depends on the one before, and reads each answer', async () => {
    const seen: GraphRequest[][] = [];
    const http: GraphHttp = {
      send: () => Promise.resolve(ok({ value: LISTS.map((spec) => ({ id: `id-${spec.key}`, displayName: spec.displayName })) })),
      sendBatch: (requests) => {
        seen.push([...requests]);
        return Promise.resolve([ok(item('k', '3'), 201), { status: 412, headers: {}, body: { error: { code: 'preconditionFailed', message: 'stale' } } }, { status: 424, headers: {}, body: null }, throttled(429, '2')]);
      },
    };
    const lists = createListClient(http, SITE, { sleep: () => Promise.resolve(), random: () => 0 });
    const results = await lists.writeChain([{ kind: 'create', list: 'actions', fields: fields('k') }, patch('"e,1"'), { kind: 'delete', list: 'actions', itemId: '5' }, patch('"e,2"')]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.map((r) => r.dependsOn)).toEqual([undefined, [0], [1], [2]]);
    expect(seen[0]?.[1]?.headers).toEqual({ 'If-Match': '"e,1"' });
    expect(results.map((r) => (r.ok ? r.item?.id ?? null : r.status))).toEqual(['3', 412, 424, 429]);
    expect(results[3]).toMatchObject({ ok: false, retryAfterMs: 2000 });
  });

  it('answers status 0 for every write when the batch answer was lost, and the batch status when it was refused', async () => {
    const { lists } = scripted(() => unknown());
    expect((await lists.writeChain([patch('"e,1"'), patch('"e,2"')])).map((r) => !r.ok && r.status)).toEqual([0, 0]);
    const http: GraphHttp = {
      send: () => Promise.resolve(ok({ value: LISTS.map((spec) => ({ id: `id-${spec.key}`, displayName: spec.displayName })) })),
      sendBatch: () => Promise.reject(new GraphError({ status: 429, code: 'activityLimitReached', message: 'slow down', outcome: 'not-applied', retryAfterMs: 5000 })),
    };
    const refused = createListClient(http, SITE, { sleep: () => Promise.resolve(), random: () => 0 });
    expect(await refused.writeChain([patch('"e,1"')])).toEqual([{ ok: false, status: 429, code: 'activityLimitReached', message: 'slow down', requestId: null, retryAfterMs: 5000 }]);
  });
});
