import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createGraphHttp } from '../store/sharepoint/graph/create-graph-http.js';
import type { RequestEvent } from '../store/sharepoint/graph/middleware.js';
import { staticTokenSource } from '../store/sharepoint/graph/token-source.js';
import { graphRequestLogger, graphRoute } from './graph-request-log.js';
import { memoryLogger } from './logger.js';

const PERSON = '5c1e0c07-0000-4000-8000-00000000a1e5';
const event = (status: number, extra: Partial<RequestEvent> = {}): RequestEvent => ({
  method: 'GET',
  path: `/sites/contoso.sharepoint.com,1f2e,9a8b/lists/4b3c/items?$filter=fields/FtRecipient eq '${PERSON}'`,
  attempt: 0,
  status,
  durationMs: 84,
  clientRequestId: 'c-1',
  requestId: 'r-1',
  ...extra,
});

describe('graphRoute', () => {
  it.each([
    ['/sites/contoso.sharepoint.com,1f2e,9a8b/lists/4b3c/items/17?$expand=fields', '/sites/{id}/lists/{id}/items/{id}'],
    ['/$batch', '/$batch'],
    [`/users/${PERSON}/teamwork/installedApps?$filter=teamsApp/id eq 'x'`, '/users/{id}/teamwork/installedApps'],
    ['/users/alex.wilber@contoso.com/chats', '/users/{id}/chats'],
    ['/sites/contoso.sharepoint.com:/sites/quality', '/sites/{id}/sites/quality'],
  ])('%s → %s', (path, route) => {
    expect(graphRoute(path)).toBe(route);
  });
});

describe('graphRequestLogger', () => {
  it.each([
    { status: 200, level: 'debug', message: 'graph request' },
    { status: 404, level: 'debug', message: 'graph request' },
    { status: 412, level: 'debug', message: 'graph request' },
    { status: 429, level: 'warn', message: 'graph request throttled' },
    { status: 503, level: 'warn', message: 'graph request failed' },
    { status: 0, level: 'warn', message: 'graph request failed' },
  ])('writes a $status at $level', ({ status, level, message }) => {
    const log = memoryLogger();
    graphRequestLogger(log)(event(status, status === 0 ? { error: 'timeout', requestId: null } : {}));
    expect(log.lines).toEqual([expect.objectContaining({ level, message, status, route: '/sites/{id}/lists/{id}/items', method: 'GET', durationMs: 84, clientRequestId: 'c-1' })]);
    expect(JSON.stringify(log.lines)).not.toContain(PERSON);
  });

  it('writes a few throttling warnings a minute and sums up the rest; debug lines are not limited', () => {
    const log = memoryLogger();
    const timers: (() => void)[] = [];
    const onRequest = graphRequestLogger(log, { perWindow: 2, now: () => 0, later: (_ms, run) => timers.push(run) });
    for (let n = 0; n < 50; n += 1) onRequest(event(429));
    for (let n = 0; n < 5; n += 1) onRequest(event(200));
    for (const run of timers) run();
    expect(log.lines.map((line) => line.message)).toEqual(['graph request throttled', 'graph request throttled', ...Array<string>(5).fill('graph request'), 'graph warnings held back']);
    expect(log.lines.at(-1)).toMatchObject({ level: 'warn', held: { 'HTTP 429': 48 }, windowSeconds: 60 });
  });

  it('is called by the Graph client for each attempt, with the request-id Graph answered', async () => {
    const answers = [
      { status: 429, headers: { 'retry-after': '0', 'request-id': 'graph-429' } },
      { status: 200, headers: { 'request-id': 'graph-200' } },
    ];
    const server = createServer((_request, response) => {
      const next = answers.shift() ?? { status: 500, headers: {} };
      response.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const log = memoryLogger();
      const http = createGraphHttp({
        baseUrl: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/v1.0`,
        tokens: staticTokenSource('secret-token'),
        policy: { sleep: () => Promise.resolve(), random: () => 0.5 },
        onRequest: graphRequestLogger(log),
      });
      await http.send({ method: 'GET', path: `/users/${PERSON}/teamwork/installedApps` });
      expect(log.lines).toEqual([
        expect.objectContaining({ level: 'warn', message: 'graph request throttled', status: 429, requestId: 'graph-429', attempt: 0, route: '/users/{id}/teamwork/installedApps' }),
        expect.objectContaining({ level: 'debug', message: 'graph request', status: 200, requestId: 'graph-200', attempt: 1 }),
      ]);
      expect(JSON.stringify(log.lines)).not.toMatch(new RegExp(`${PERSON}|secret-token`));
    } finally {
      await new Promise<void>((resolve) => { server.close(() => { resolve(); }); });
    }
  });
});
