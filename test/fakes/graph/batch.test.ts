import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphFake, type GraphFake } from './index.js';
import { type BatchReply, call, createList, type GraphErrorBody, listPath, SITE, text } from './test-client.js';

let fake: GraphFake;
beforeEach(async () => {
  fake = await startGraphFake();
  await createList(fake, 'Updates', [text('FtIdempotencyKey', { indexed: true, enforceUniqueValues: true, required: true })]);
});
afterEach(async () => { await fake.close(); });

const json = { 'Content-Type': 'application/json' };
const createRequest = (id: string, key: unknown) => ({ id, method: 'POST', url: `${listPath('Updates')}/items`, headers: json, body: { fields: { FtIdempotencyKey: key } } });
const batch = (requests: unknown[]) => call<BatchReply & GraphErrorBody>(fake, 'POST', '/$batch', { requests });
const byId = (reply: BatchReply) => Object.fromEntries(reply.responses.map((r) => [r.id, r]));

describe('$batch', () => {
  it('runs each sub-request on its own and answers each with its own status', async () => {
    const reply = await batch([
      createRequest('1', 'a'),
      createRequest('2', 'a'),
      createRequest('3', null),
      { id: '4', method: 'GET', url: `/sites/${SITE}/lists/Updates/items?expand=fields` },
      { id: '5', method: 'GET', url: `sites/${SITE}/lists/Nope` },
      { id: '6', method: 'PATCH', url: `/v1.0${listPath('Updates')}/items/1/fields`, headers: { ...json, 'If-Match': '"nope,1"' }, body: { Title: 'x' } },
    ]);
    expect(reply.status).toBe(200);
    const answers = byId(reply.body);
    expect(answers['1']?.status).toBe(201);
    expect(answers['1']?.headers.ETag).toMatch(/,1"$/);
    expect(answers['2']?.status).toBe(409);
    expect((answers['2']?.body as GraphErrorBody).error.code).toBe('nameAlreadyExists');
    expect(answers['3']?.status).toBe(400);
    expect(answers['4']?.status).toBe(200);
    expect(answers['5']?.status).toBe(404);
    expect(answers['6']?.status).toBe(412);
    expect(fake.items(SITE, 'Updates')).toHaveLength(1);
  });

  it('does not promise to answer in request order', async () => {
    const requests = Array.from({ length: 20 }, (_, i) => createRequest(String(i), `k${i}`));
    const reply = await batch(requests);
    const ids = reply.body.responses.map((r) => r.id);
    expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual(requests.map((r) => r.id));
    expect(ids).not.toEqual(requests.map((r) => r.id));
  });

  it('answers throttled sub-requests 429 with Retry-After inside a 200, without running them', async () => {
    fake.setFaults({ rate429: 0.5, retryAfterSeconds: 0, seed: 3 });
    const reply = await batch(Array.from({ length: 20 }, (_, i) => createRequest(String(i), `k${i}`)));
    expect(reply.status).toBe(200);
    const throttled = reply.body.responses.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.every((r) => r.headers['Retry-After'] === '0')).toBe(true);
    const created = reply.body.responses.filter((r) => r.status === 201).length;
    expect(fake.items(SITE, 'Updates')).toHaveLength(created);
    expect(created + throttled.length).toBe(20);
  });

  it('refuses more than 20 requests with 400', async () => {
    const reply = await batch(Array.from({ length: 21 }, (_, i) => createRequest(String(i), `k${i}`)));
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/20/);
    expect(fake.items(SITE, 'Updates')).toHaveLength(0);
  });

  it.each([
    ['an empty batch', []],
    ['duplicate ids', [createRequest('1', 'a'), createRequest('1', 'b')]],
    ['a request without a url', [{ id: '1', method: 'GET' }]],
  ])('refuses %s with 400', async (_, requests) => {
    expect((await batch(requests)).status).toBe(400);
  });

  it('answers 400 to a sub-request that has a body but no Content-Type, or is itself a batch', async () => {
    const reply = await batch([
      { id: '1', method: 'POST', url: `${listPath('Updates')}/items`, body: { fields: { FtIdempotencyKey: 'a' } } },
      { id: '2', method: 'POST', url: '/$batch', headers: json, body: { requests: [] } },
    ]);
    expect(byId(reply.body)['1']?.status).toBe(400);
    expect(byId(reply.body)['2']?.status).toBe(400);
  });

  it('runs a request that depends on others only when they succeeded, else answers 424 without running it', async () => {
    const reply = await batch([
      createRequest('1', 'a'),
      { ...createRequest('2', 'a'), dependsOn: ['1'] },
      { ...createRequest('3', 'b'), dependsOn: ['2'] },
      { ...createRequest('4', 'c'), dependsOn: ['1'] },
      { ...createRequest('5', 'd'), dependsOn: ['9'] },
    ]);
    const answers = byId(reply.body);
    expect([1, 2, 3, 4, 5].map((id) => answers[String(id)]?.status)).toEqual([201, 409, 424, 201, 400]);
    expect((answers['3']?.body as GraphErrorBody).error.code).toBe('failedDependency');
    expect(fake.items(SITE, 'Updates').map((item) => item.fields.FtIdempotencyKey)).toEqual(['a', 'c']);
  });

  it('does not run the dependants of a throttled request', async () => {
    fake.setFaults({ rate429: 0.5, retryAfterSeconds: 0, seed: 1 }); // the batch passes, its first request is throttled
    const reply = await batch([createRequest('1', 'a'), { ...createRequest('2', 'b'), dependsOn: ['1'] }]);
    expect(reply.body.responses.map((r) => [r.id, r.status]).sort()).toEqual([['1', 429], ['2', 424]]);
    expect(fake.items(SITE, 'Updates')).toHaveLength(0);
  });

  it('logs each sub-request, flagged, before the batch itself', async () => {
    await batch([createRequest('1', 'a'), { id: '2', method: 'GET', url: `${listPath('Updates')}/items?$top=1` }]);
    const log = fake.requests.slice(-3);
    expect(log.map((r) => [r.method, r.batched, r.status])).toEqual([['POST', true, 201], ['GET', true, 200], ['POST', false, 200]]);
    expect(log[1]?.path).toBe(`/v1.0/sites/${SITE}/lists/Updates/items?$top=1`);
    expect(log[2]?.path).toBe('/v1.0/$batch');
  });
});
