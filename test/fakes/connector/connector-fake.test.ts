// The connector fake over plain HTTP (fetch): routes, limits, faults, blocked answers, records.
import { afterEach, describe, expect, it } from 'vitest';
import { maxInWindow } from './arrivals.js';
import { route } from './fake.js';
import { startConnectorFake, type ConnectorFake, type ConnectorFakeOptions } from './index.js';

let fake: ConnectorFake | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(options: ConnectorFakeOptions = {}): Promise<ConnectorFake> {
  fake = await startConnectorFake(options);
  return fake;
}

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const init: RequestInit = { method, headers: { 'Content-Type': 'application/json', ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(new URL(path, base), init);
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown), headers: response.headers };
}

const message = { type: 'message', text: 'Your action 3.2 is due on Friday' };
const activities = (conversationId: string): string => `v3/conversations/${encodeURIComponent(conversationId)}/activities`;

async function sendMany(base: string, conversationId: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let n = 0; n < count; n += 1) statuses.push((await call(base, 'POST', activities(conversationId), { ...message, text: `#${n}` })).status);
  return statuses;
}

describe('connector fake: routes', () => {
  it('accepts a send, answers 201 with an id, and records it with its arrival time', async () => {
    const connector = await start();
    const answer = await call(connector.url, 'POST', activities('a:1xyz'), message);
    expect(answer.status).toBe(201);
    const id = (answer.body as { id: string }).id;
    expect(id).toMatch(/^\d+$/);
    const [recorded] = connector.activities('a:1xyz');
    expect(recorded).toMatchObject({ seq: 1, kind: 'send', conversationId: 'a:1xyz', activityId: id, activity: message, authorization: false });
    expect(recorded?.at).toBeGreaterThan(0);
  });

  it('decodes conversation ids and serves the Agents Playground path too', async () => {
    const connector = await start();
    const id = '19:meeting_abc@thread.v2;messageid=1700';
    expect((await call(connector.playgroundUrl, 'POST', activities(id), message)).status).toBe(201);
    expect(connector.playgroundUrl).toBe(`${connector.url}_connector/`);
    expect(connector.activities(id)).toHaveLength(1);
    expect(connector.requests()[0]?.path).toBe(`/_connector/${activities(id)}`);
  });

  it('updates an activity in place (200, same id) and accepts replies', async () => {
    const connector = await start();
    const sent = (await call(connector.url, 'POST', activities('a:1'), message)).body as { id: string };
    const updated = await call(connector.url, 'PUT', `${activities('a:1')}/${sent.id}`, { type: 'message', text: 'Done, thank you' });
    expect(updated).toMatchObject({ status: 200, body: { id: sent.id } });
    const reply = await call(connector.url, 'POST', `${activities('a:1')}/${sent.id}`, message);
    expect(reply.status).toBe(201);
    expect(connector.activities('a:1').map((entry) => [entry.kind, entry.replyToId])).toEqual([['send', undefined], ['update', undefined], ['reply', sent.id]]);
    expect(connector.stats().acceptedByKind).toEqual({ send: 1, reply: 1, update: 1, createConversation: 0 });
  });

  it('creates a 1:1 conversation, the same one each time for the same person', async () => {
    const connector = await start();
    const parameters = { bot: { id: '28:bot' }, members: [{ id: '29:person' }], channelData: { tenant: { id: 'tenant-1' } } };
    const first = await call(connector.url, 'POST', 'v3/conversations', parameters);
    const second = await call(connector.url, 'POST', 'v3/conversations', parameters);
    expect(first.status).toBe(201);
    expect((first.body as { id: string }).id).toMatch(/^a:/);
    expect(second.body).toEqual(first.body);
    expect((await call(connector.url, 'POST', 'v3/conversations', { bot: { id: '28:bot' } })).status).toBe(400);
    expect(connector.stats().acceptedByKind.createConversation).toBe(2);
  });

  it.each([
    { name: 'a body that is not JSON', method: 'POST', path: activities('a:1'), body: '{', status: 400, code: 'BadArgument' },
    { name: 'an activity without a type', method: 'POST', path: activities('a:1'), body: { text: 'x' }, status: 400, code: 'BadArgument' },
    { name: 'an unknown route', method: 'POST', path: 'v3/attachments', body: message, status: 404, code: 'NotFound' },
    { name: 'a GET of activities', method: 'GET', path: activities('a:1'), body: undefined, status: 405, code: 'MethodNotAllowed' },
    { name: 'an activity over the size limit', method: 'POST', path: activities('a:1'), body: { type: 'message', text: 'x'.repeat(2_000) }, status: 413, code: 'MessageSizeTooBig' },
  ])('refuses $name', async ({ method, path, body, status, code }) => {
    const connector = await start({ maxActivityBytes: 1_000 });
    const answer = await call(connector.url, method, path, body);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ error: { code } });
    expect(connector.activities()).toEqual([]);
  });

  it('records whether an Authorization header came', async () => {
    const connector = await start();
    await call(connector.url, 'POST', activities('a:1'), message, { Authorization: 'Bearer x' });
    await call(connector.url, 'POST', activities('a:1'), message);
    expect(connector.activities().map((entry) => entry.authorization)).toEqual([true, false]);
    expect(connector.stats().withAuthorization).toBe(1);
  });

  it.each([
    { method: 'POST', path: '/v3/conversations', kind: 'createConversation' },
    { method: 'POST', path: '/_connector/v3/conversations/a%3A1/activities', kind: 'send' },
    { method: 'PUT', path: '/v3/conversations/a%3A1/activities/17', kind: 'update' },
    { method: 'DELETE', path: '/v3/conversations/a%3A1/activities/17', kind: 'unknown' },
    { method: 'POST', path: '/_connectorx/v3/conversations', kind: 'unknown' },
  ])('routes $method $path to $kind', ({ method, path, kind }) => {
    expect(route(method, path).kind).toBe(kind);
  });
});

describe('connector fake: limits', () => {
  it('answers 429 with Retry-After and the Throttled body past 7 per second in one conversation, not in another', async () => {
    const connector = await start();
    expect(await sendMany(connector.url, 'a:busy', 8)).toEqual([201, 201, 201, 201, 201, 201, 201, 429]);
    const refused = await call(connector.url, 'POST', activities('a:busy'), message);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toEqual({ error: { code: 'Throttled', message: 'Too many requests.' } });
    expect((await call(connector.url, 'POST', activities('a:quiet'), message)).status).toBe(201);
    const stats = connector.stats();
    expect(stats.rejected['conversation-rate']).toBe(2);
    expect(stats.conversations['a:busy']).toEqual({ accepted: 7, rejected: 2 });
    expect(stats.maxObserved.perConversation).toEqual([{ limit: 7, windowMs: 1_000, max: 7, conversationId: 'a:busy' }]);
  });

  it('frees the window as it slides, and counts only accepted requests', async () => {
    const connector = await start({ limits: { perConversation: [{ limit: 2, windowMs: 150 }] }, retryAfterSeconds: 0.15 });
    expect(await sendMany(connector.url, 'a:1', 3)).toEqual([201, 201, 429]);
    const refused = connector.requests()[2];
    expect(refused?.outcome).toBe('conversation-rate');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await sendMany(connector.url, 'a:1', 3)).toEqual([201, 201, 429]);
    expect(connector.maxRate(150, 'a:1')).toBe(2);
  });

  it('limits the whole app across conversations', async () => {
    const connector = await start({ limits: { app: [{ limit: 3, windowMs: 10_000 }] }, retryAfterSeconds: 0.5 });
    const statuses: number[] = [];
    for (const id of ['a:1', 'a:2', 'a:3', 'a:4']) statuses.push((await call(connector.url, 'POST', activities(id), message)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(connector.requests()[3]).toMatchObject({ outcome: 'app-rate', status: 429 });
    expect(connector.stats().maxObserved.app).toEqual([{ limit: 3, windowMs: 10_000, max: 3 }]);
  });

  it('enforces several windows at once (Teams: 8 per 2 s as well as 7 per second)', async () => {
    // Scaled down in time (3 per 150 ms, 4 per 600 ms) to keep the test quick.
    const connector = await start({ limits: { perConversation: [{ limit: 3, windowMs: 150 }, { limit: 4, windowMs: 600 }] } });
    expect(await sendMany(connector.url, 'a:1', 3)).toEqual([201, 201, 201]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await sendMany(connector.url, 'a:1', 2)).toEqual([201, 429]);
    expect(connector.stats().maxObserved.perConversation.map((entry) => entry.max)).toEqual([3, 4]);
  });

  it('observes rates without enforcing them when limits are off', async () => {
    const connector = await start({ limits: false });
    expect(await sendMany(connector.url, 'a:1', 12)).toEqual(Array(12).fill(201));
    expect(connector.stats().maxObserved.perConversation[0]).toMatchObject({ limit: 7, max: 12 });
  });
});

describe('connector fake: faults and blocked conversations', () => {
  it('injects 429s at the configured rate, the same ones for the same seed', async () => {
    const outcomes = async (seed: number): Promise<number[]> => {
      const connector = await start({ limits: false, faults: { rate429: 0.1, seed }, retryAfterSeconds: 0.05 });
      const statuses = await sendMany(connector.url, 'a:1', 200);
      const refused = connector.requests().find((entry) => entry.status === 429);
      expect(refused?.outcome).toBe('injected-429');
      await connector.close();
      fake = null;
      return statuses;
    };
    const first = await outcomes(7);
    expect(await outcomes(7)).toEqual(first);
    const throttled = first.filter((status) => status === 429).length;
    expect(throttled).toBeGreaterThan(8);
    expect(throttled).toBeLessThan(35);
  });

  it('answers a blocked conversation 403 ConversationBlockedByUser, before any limit, without counting it', async () => {
    const connector = await start({ blocked: ['a:gone'], faults: { rate429: 1 } });
    const answer = await call(connector.url, 'POST', activities('a:gone'), message);
    expect(answer).toMatchObject({ status: 403, body: { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } } });
    expect(connector.stats()).toMatchObject({ accepted: 0, rejected: { blocked: 1 } });
    expect(connector.maxRate(1_000)).toBe(0);
  });

  it("can answer with Teams' documented MessageWritesBlocked body instead", async () => {
    const connector = await start();
    connector.block('a:gone', 'subcode');
    const answer = await call(connector.url, 'POST', activities('a:gone'), message);
    expect(answer.status).toBe(403);
    const body = answer.body as { errorCode: number; message: string };
    expect(body.errorCode).toBe(209);
    expect(JSON.parse(body.message)).toEqual({ subCode: 'MessageWritesBlocked', details: 'Thread is blocked from message writes.', errorCode: null, errorSubCode: null });
    connector.unblock('a:gone');
    expect((await call(connector.url, 'POST', activities('a:gone'), message)).status).toBe(201);
  });

  it('answers a scripted failure for one conversation until cleared', async () => {
    const connector = await start();
    connector.failWith('a:1', { status: 404, code: 'ConversationNotFound', message: 'Conversation not found.' });
    expect(await call(connector.url, 'POST', activities('a:1'), message)).toMatchObject({ status: 404, body: { error: { code: 'ConversationNotFound' } } });
    connector.failWith('a:1', { status: 503, code: 'ServiceUnavailable', message: 'Try later.', retryAfterSeconds: 2 });
    expect((await call(connector.url, 'POST', activities('a:1'), message)).headers.get('retry-after')).toBe('2');
    connector.failWith('a:1', null);
    expect((await call(connector.url, 'POST', activities('a:1'), message)).status).toBe(201);
    expect(connector.stats().rejected.scripted).toBe(2);
  });

  it('delays answers by the configured latency', async () => {
    const connector = await start({ latencyMs: { min: 60, max: 80 } });
    const started = performance.now();
    await call(connector.url, 'POST', activities('a:1'), message);
    expect(performance.now() - started).toBeGreaterThanOrEqual(59);
  });

  it('forgets records and windows on reset, keeping blocked conversations', async () => {
    const connector = await start({ blocked: ['a:gone'] });
    await sendMany(connector.url, 'a:1', 7);
    connector.reset();
    expect(connector.activities()).toEqual([]);
    expect(await sendMany(connector.url, 'a:1', 1)).toEqual([201]);
    expect((await call(connector.url, 'POST', activities('a:gone'), message)).status).toBe(403);
  });

  it('refuses impossible options', async () => {
    await expect(startConnectorFake({ faults: { rate429: 2 } })).rejects.toThrow('rate429');
    await expect(startConnectorFake({ limits: { app: [{ limit: 0, windowMs: 1_000 }] } })).rejects.toThrow('bad window');
  });
});

describe('maxInWindow', () => {
  it.each([
    { times: [], windowMs: 1_000, expected: 0 },
    { times: [0, 100, 200], windowMs: 1_000, expected: 3 },
    { times: [0, 1_000, 2_000], windowMs: 1_000, expected: 1 },
    { times: [0, 999, 1_000, 1_500, 1_998], windowMs: 1_000, expected: 4 },
  ])('$times in $windowMs ms windows → $expected', ({ times, windowMs, expected }) => {
    expect(maxInWindow(times, windowMs)).toBe(expected);
  });
});
