import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGraphHttp, relativePath, graphBase, batchResponses, type GraphHttpOptions } from './create-graph-http.js';
import { GraphError } from './graph-error.js';
import type { GraphHttp } from './graph-http.js';
import type { RequestEvent } from './middleware.js';
import { staticTokenSource, type TokenSource } from './token-source.js';

const TOKEN = 'eyJ0eXAiOiJKV1QifQ.very-secret-token.sig';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
type Reply = (res: ServerResponse, seen: Seen) => void;

/** A tiny Graph stand-in: answers each request with the next scripted reply (200 {} when none is left). */
async function startServer() {
  const seen: Seen[] = [];
  const replies: Reply[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(entry);
      (replies.shift() ?? json(200, {}))(res, entry);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1.0`,
    seen,
    script: (...next: Reply[]) => replies.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}
const empty = (status: number, headers: Record<string, string> = {}): Reply => (res) => {
  res.writeHead(status, headers);
  res.end();
};
const drop: Reply = (res) => {
  res.socket?.destroy();
};
const hang: Reply = () => undefined;
const graphError = (status: number, code: string, headers: Record<string, string> = {}, requestId = 'inner-request-id') =>
  json(status, { error: { code, message: `${code} happened`, innerError: { 'request-id': requestId, date: '2025-03-01T12:00:00' } } }, headers);

let server: Awaited<ReturnType<typeof startServer>>;
let sleeps: number[];
let events: RequestEvent[];

function http(options: Partial<GraphHttpOptions> = {}): GraphHttp {
  return createGraphHttp({
    baseUrl: server.url,
    tokens: staticTokenSource(TOKEN),
    policy: { random: () => 0.5, now: () => Date.parse('2025-03-01T12:00:00Z'), sleep: (ms) => { sleeps.push(ms); return Promise.resolve(); }, ...options.policy },
    onRequest: (event) => events.push(event),
    ...options,
  });
}

beforeEach(async () => {
  server = await startServer();
  sleeps = [];
  events = [];
});
afterEach(async () => {
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

describe('send', () => {
  it('returns status, headers and parsed body, sending the bearer token and a client-request-id', async () => {
    server.script(json(200, { value: [1, 2] }, { 'request-id': 'r-1' }));
    const response = await http().send({ method: 'GET', path: '/sites/root/lists?$select=id,displayName' });
    expect(response).toMatchObject({ status: 200, body: { value: [1, 2] } });
    expect(response.headers['request-id']).toBe('r-1');
    const [request] = server.seen;
    expect(request?.url).toBe('/v1.0/sites/root/lists?$select=id,displayName');
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers['client-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sends JSON bodies and caller headers, and reads an empty 204 as null', async () => {
    server.script(empty(204));
    const response = await http().send({ method: 'PATCH', path: 'sites/s/lists/l/items/1/fields', body: { FtStatus: 'active' }, headers: { 'If-Match': '"abc,1"' } });
    expect(response).toEqual({ status: 204, headers: expect.any(Object) as unknown, body: null });
    expect(server.seen[0]).toMatchObject({ method: 'PATCH', url: '/v1.0/sites/s/lists/l/items/1/fields', body: '{"FtStatus":"active"}' });
    expect(server.seen[0]?.headers['if-match']).toBe('"abc,1"');
    expect(server.seen[0]?.headers['content-type']).toBe('application/json');
  });

  it('follows an absolute @odata.nextLink under its own base URL', async () => {
    await http().send({ method: 'GET', path: `${server.url}/sites/s/lists/l/items?$skiptoken=Paged%3DTRUE%26p_ID%3D5&$top=5` });
    expect(server.seen[0]?.url).toBe('/v1.0/sites/s/lists/l/items?$top=5&$skiptoken=Paged%3DTRUE%26p_ID%3D5');
  });

  it('refuses to send the token to another host', async () => {
    const error = await failure(http().send({ method: 'GET', path: 'https://attacker.example/v1.0/sites' }));
    expect(error.code).toBe('foreignUrl');
    expect(server.seen).toHaveLength(0);
  });

  it('retries a 429 after exactly its Retry-After, for a POST too', async () => {
    server.script(graphError(429, 'activityLimitReached', { 'Retry-After': '7' }), json(201, { id: '1' }));
    const response = await http().send({ method: 'POST', path: '/sites/s/lists/l/items', body: { fields: {} } });
    expect(response.status).toBe(201);
    expect(sleeps).toEqual([7000]);
    expect(server.seen.map((r) => r.method)).toEqual(['POST', 'POST']);
    expect(server.seen[0]?.headers['client-request-id']).toBe(server.seen[1]?.headers['client-request-id']);
  });

  it('honours a Retry-After given as an HTTP-date', async () => {
    server.script(empty(503, { 'Retry-After': 'Sat, 01 Mar 2025 12:00:12 GMT' }), json(200, {}));
    await http().send({ method: 'GET', path: '/sites/s' });
    expect(sleeps).toEqual([12_000]);
  });

  it('backs off with jitter when a retryable answer has no Retry-After', async () => {
    server.script(empty(503), empty(504), empty(503), json(200, {}));
    await http().send({ method: 'GET', path: '/sites/s' });
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it('never repeats a POST that got a 503: the outcome is unknown', async () => {
    server.script(graphError(503, 'serviceNotAvailable', { 'Retry-After': '1', 'request-id': 'header-request-id' }));
    const error = await failure(http().send({ method: 'POST', path: '/sites/s/lists/l/items', body: { fields: {} } }));
    expect(error).toMatchObject({ status: 503, code: 'serviceNotAvailable', outcome: 'unknown', requestId: 'header-request-id', retryAfterMs: 1000 });
    expect(server.seen).toHaveLength(1);
  });

  it('repeats a PATCH with If-Match after a 503, but not one without', async () => {
    server.script(empty(503), json(200, {}));
    await http().send({ method: 'PATCH', path: '/x', body: {}, headers: { 'If-Match': '"e,1"' } });
    expect(server.seen).toHaveLength(2);
    server.script(empty(503));
    const error = await failure(http().send({ method: 'PATCH', path: '/x', body: {} }));
    expect(error).toMatchObject({ status: 503, outcome: 'unknown' });
    expect(server.seen).toHaveLength(3);
  });

  it('gives up after the last attempt with the last answer', async () => {
    server.script(...Array.from({ length: 5 }, () => graphError(429, 'activityLimitReached', { 'Retry-After': '0' })));
    const error = await failure(http().send({ method: 'GET', path: '/x' }));
    expect(error).toMatchObject({ status: 429, code: 'activityLimitReached', outcome: 'not-applied' });
    expect(server.seen).toHaveLength(5);
  });

  it('does not retry before a Retry-After longer than its cap: it gives up and says how long', async () => {
    server.script(graphError(429, 'activityLimitReached', { 'Retry-After': '300' }));
    const error = await failure(http().send({ method: 'GET', path: '/x' }));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 300_000 });
    expect(sleeps).toEqual([]);
  });

  it('keeps the request-id from the header, else from innerError', async () => {
    server.script(graphError(404, 'itemNotFound', { 'request-id': 'from-header' }));
    expect((await failure(http().send({ method: 'GET', path: '/x' }))).requestId).toBe('from-header');
    server.script(graphError(404, 'itemNotFound', {}, 'from-inner-error'));
    const error = await failure(http().send({ method: 'GET', path: '/x' }));
    expect(error).toMatchObject({ status: 404, code: 'itemNotFound', message: 'itemNotFound happened', requestId: 'from-inner-error', outcome: 'not-applied' });
  });

  it('maps a non-Graph error body to a status code', async () => {
    server.script((res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });
    expect(await failure(http().send({ method: 'DELETE', path: '/x' }))).toMatchObject({ status: 502, code: 'http502', outcome: 'unknown' });
  });

  it('turns a dropped connection on a write into outcome unknown, without repeating it', async () => {
    server.script(drop);
    const error = await failure(http().send({ method: 'POST', path: '/sites/s/lists/l/items', body: { fields: { FtKey: 'k' } } }));
    expect(error).toMatchObject({ status: 0, code: 'networkError', outcome: 'unknown', requestId: null });
    expect(server.seen).toHaveLength(1);
  });

  it('repeats a GET after a dropped connection', async () => {
    server.script(drop, json(200, { ok: true }));
    await expect(http().send({ method: 'GET', path: '/x' })).resolves.toMatchObject({ body: { ok: true } });
    expect(server.seen).toHaveLength(2);
    expect(events.map((e) => [e.attempt, e.status, e.error])).toEqual([[0, 0, 'networkError'], [1, 200, undefined]]);
  });

  it('never puts the token in an error, whatever went wrong', async () => {
    server.script(graphError(401, 'InvalidAuthenticationToken'), drop, hang);
    const errors = [
      await failure(http().send({ method: 'GET', path: '/x' })),
      await failure(http().send({ method: 'POST', path: '/x', body: {} })),
      await failure(http({ timeoutMs: 50 }).send({ method: 'POST', path: '/x', body: {} })),
    ];
    for (const error of errors) {
      expect(`${error.message} ${JSON.stringify(error)} ${String(error.stack)}`).not.toContain(TOKEN);
    }
    expect(errors.map((e) => e.code)).toEqual(['InvalidAuthenticationToken', 'networkError', 'timeout']);
  });

  it('times an attempt out, retrying a GET and giving up after the last attempt', async () => {
    server.script(hang, hang);
    const error = await failure(http({ timeoutMs: 50, policy: { maxAttempts: 2 } }).send({ method: 'GET', path: '/slow' }));
    expect(error).toMatchObject({ status: 0, code: 'timeout', outcome: 'not-applied' });
    expect(server.seen).toHaveLength(2);
  });

  it('times out a body that never finishes', async () => {
    server.script((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"value":[');
    });
    const error = await failure(http({ timeoutMs: 50, policy: { maxAttempts: 1 } }).send({ method: 'DELETE', path: '/x' }));
    expect(error).toMatchObject({ code: 'timeout', outcome: 'unknown' });
  });

  it('reports a token failure without sending anything', async () => {
    const tokens: TokenSource = { getToken: () => Promise.reject(Object.assign(new Error('boom'), { errorCode: 'invalid_client' })) };
    const error = await failure(http({ tokens }).send({ method: 'GET', path: '/x' }));
    expect(error).toMatchObject({ status: 401, code: 'tokenUnavailable' });
    expect(server.seen).toHaveLength(0);
  });
});

describe('sendBatch', () => {
  it('posts $batch and maps sub-responses back to request order, returning a throttled one', async () => {
    server.script((res, seen) => {
      const { requests } = JSON.parse(seen.body) as { requests: { id: string }[] };
      const answers = requests.map((r, i) => (i === 1 ? { id: r.id, status: 429, headers: { 'Retry-After': '3' }, body: { error: { code: 'activityLimitReached' } } } : { id: r.id, status: 201, body: { n: i } }));
      json(200, { responses: answers.reverse() })(res, seen);
    });
    const responses = await http().sendBatch([
      { method: 'POST', path: '/sites/s/lists/l/items', body: { fields: { FtKey: 'a' } } },
      { method: 'POST', path: `${server.url}/sites/s/lists/l/items`, body: { fields: { FtKey: 'b' } } },
      { method: 'DELETE', path: '/sites/s/lists/l/items/9', headers: { 'If-Match': '*' } },
    ]);
    expect(responses.map((r) => r.status)).toEqual([201, 429, 201]);
    expect(responses[1]?.headers['retry-after']).toBe('3');
    expect(responses[2]?.body).toEqual({ n: 2 });
    expect(server.seen[0]?.url).toBe('/v1.0/$batch');
    expect(JSON.parse(server.seen[0]?.body ?? '')).toEqual({
      requests: [
        { id: '1', method: 'POST', url: '/sites/s/lists/l/items', headers: { 'Content-Type': 'application/json' }, body: { fields: { FtKey: 'a' } } },
        { id: '2', method: 'POST', url: '/sites/s/lists/l/items', headers: { 'Content-Type': 'application/json' }, body: { fields: { FtKey: 'b' } } },
        { id: '3', method: 'DELETE', url: '/sites/s/lists/l/items/9', headers: { 'If-Match': '*' } },
      ],
    });
  });

  it('sends dependsOn as the ids of earlier requests, and refuses one on itself or a later one before sending', async () => {
    server.script(json(200, { responses: [{ id: '1', status: 201 }, { id: '2', status: 424 }] }));
    await http().sendBatch([
      { method: 'POST', path: '/a', body: {} },
      { method: 'PATCH', path: '/b', body: {}, dependsOn: [0] },
    ]);
    const sent = JSON.parse(server.seen[0]?.body ?? '') as { requests: { id: string; dependsOn?: string[] }[] };
    expect(sent.requests.map((r) => r.dependsOn)).toEqual([undefined, ['1']]);
    expect(await failure(http().sendBatch([{ method: 'DELETE', path: '/x', dependsOn: [0] }]))).toMatchObject({ status: 400, code: 'invalidRequest' });
    expect(server.seen).toHaveLength(1);
  });

  it('refuses more than 20 requests without sending, and sends nothing for none', async () => {
    const many = Array.from({ length: 21 }, () => ({ method: 'GET' as const, path: '/x' }));
    expect(await failure(http().sendBatch(many))).toMatchObject({ code: 'batchTooLarge' });
    await expect(http().sendBatch([])).resolves.toEqual([]);
    expect(server.seen).toHaveLength(0);
  });

  it('retries the whole batch on a 429, but not on a 503', async () => {
    server.script(empty(429, { 'Retry-After': '1' }), json(200, { responses: [{ id: '1', status: 204 }] }));
    await expect(http().sendBatch([{ method: 'DELETE', path: '/x' }])).resolves.toEqual([{ status: 204, headers: {}, body: null }]);
    server.script(empty(503));
    expect(await failure(http().sendBatch([{ method: 'DELETE', path: '/x' }]))).toMatchObject({ status: 503, outcome: 'unknown' });
  });
});

describe('helpers', () => {
  it('splits the base URL into host and version', () => {
    expect(graphBase('https://graph.microsoft.com/v1.0/')).toEqual({ host: 'https://graph.microsoft.com', version: 'v1.0', root: 'https://graph.microsoft.com/v1.0' });
    expect(graphBase('http://127.0.0.1:9/graph/beta').host).toBe('http://127.0.0.1:9/graph');
    expect(() => graphBase('https://graph.microsoft.com')).toThrow(/version root/);
  });

  it('keeps paths relative and refuses what the SDK would mangle', () => {
    const base = graphBase('https://graph.microsoft.com/v1.0');
    expect(relativePath(base, 'https://GRAPH.microsoft.com/v1.0/sites?$top=1')).toBe('/sites?$top=1');
    expect(relativePath(base, 'sites/root')).toBe('/sites/root');
    expect(() => relativePath(base, 'https://graph.microsoft.com/beta/sites')).toThrow(GraphError);
    expect(relativePath(base, "/sites?$filter=fields/Url eq 'https://x'")).toBe("/sites?$filter=fields/Url eq 'https%3A//x'");
    expect(() => relativePath(base, '/sites/https://x')).toThrow(GraphError);
  });

  it('fills a missing sub-response with a 502 so nothing is silently lost', () => {
    expect(batchResponses({ responses: [{ id: '2', status: 200, body: 'x' }] }, 2).map((r) => r.status)).toEqual([502, 200]);
  });
});
