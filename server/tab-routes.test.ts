// The tab's HTTP edge on a real restify server on loopback: the API behind local-mode
// authentication, the rate limit, the body reader, and the built front end from a folder of the
// test's own. A non-loopback peer is simulated as in create-server.test.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type restify from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import { devCaller } from '../api/dev-identities.js';
import { createTabApi } from '../api/tab-api.js';
import { memoryLogger } from '../app/logger.js';
import { ApiErrorBody, DEV_USER_HEADER, Me, PlanListResponse } from '../core/views/tab-api.js';
import { NOW, PEOPLE, TODAY, tabWorld, type TabWorld } from '../test/support/tab-world.js';
import { createHttpServer } from './create-server.js';
import { createRateLimiter, type RateLimit } from './rate-limit.js';
import { localAuthentication } from './tab-auth.js';

interface Running {
  url: string;
  server: restify.Server;
  world: TabWorld;
  folder: string;
  messages: unknown[];
}

let running: Running | null = null;

afterEach(async () => {
  const current = running;
  running = null;
  if (!current) return;
  await new Promise<void>((resolve) => { current.server.close(() => { resolve(); }); });
  await current.world.app.store.close();
  rmSync(current.folder, { recursive: true, force: true });
});

async function start(options: { peer?: string; rate?: RateLimit; built?: boolean; bodyLimits?: { imports: number; other: number } } = {}): Promise<Running> {
  const world = await tabWorld();
  const folder = mkdtempSync(join(tmpdir(), 'followthrough-tab-'));
  if (options.built !== false) {
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Followthrough</title><script type="module" src="/tab/assets/index-abc123.js"></script>');
    writeFileSync(join(folder, 'assets', 'index-abc123.js'), 'console.log("tab");');
    writeFileSync(join(folder, 'assets', 'index-abc123.css'), 'body{}');
    writeFileSync(join(folder, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  }
  const log = memoryLogger();
  const messages: unknown[] = [];
  const server = createHttpServer({
    localOnly: true,
    log,
    health: () => Promise.resolve({ status: 'ok' }),
    messages: { process: (request, response) => { messages.push(request.body); response.send(200, {}); return Promise.resolve(); } },
    tab: {
      api: createTabApi({ store: world.app.store, now: () => new Date(NOW), today: () => TODAY, mode: 'local', log }),
      authenticate: localAuthentication(async (id) => devCaller(id, await world.app.store.listRoles())),
      limiter: createRateLimiter(options.rate ?? { perSecond: 100, burst: 100 }),
      staticDir: folder,
      ...(options.bodyLimits ? { bodyLimits: options.bodyLimits } : {}),
    },
  });
  const peer = options.peer;
  if (peer !== undefined) {
    server.server.prependListener('connection', (socket: Socket) => {
      Object.defineProperty(socket, 'remoteAddress', { value: peer, configurable: true });
    });
  }
  await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', () => { resolve(); }); });
  running = { url: `http://127.0.0.1:${String(server.address().port)}`, server, world, folder, messages };
  return running;
}

const as = (person: { aadObjectId: string }): Record<string, string> => ({ [DEV_USER_HEADER]: person.aadObjectId });

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ApiErrorBody.parse(await response.json()).error;
}

describe('the tab API over HTTP in local mode', () => {
  it('answers the dev identity named in the header, not cached', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/api/me`, { headers: as(PEOPLE.nurse) });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Me.parse(await response.json())).toMatchObject({ aadObjectId: PEOPLE.nurse.aadObjectId, displayName: 'Nina Nurse', mode: 'local', roles: ['Head of Nursing'] });
  });

  it('without a dev identity: 401 saying to pick one, but the list to pick from is open', async () => {
    const { url } = await start();
    const refused = await fetch(`${url}/api/plans`);
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).message).toMatch(/pick a dev identity/i);
    expect((await fetch(`${url}/api/dev/identities`)).status).toBe(200);
  });

  it('refuses a dev identity no role names with 401', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/api/plans`, { headers: as(PEOPLE.stranger) });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await errorOf(response)).message).toContain(PEOPLE.stranger.aadObjectId);
  });

  it.each(['10.0.0.5', '::ffff:192.168.1.4'])('refuses the dev identity from %s with 401, even for the identity list', async (peer) => {
    const { url } = await start({ peer });
    for (const path of ['/api/me', '/api/dev/identities']) {
      const response = await fetch(`${url}${path}`, { headers: as(PEOPLE.lead) });
      expect(response.status).toBe(401);
      expect((await errorOf(response)).message).toMatch(/this machine only/);
    }
  });

  it('limits each caller\'s rate: 429 with Retry-After once the burst is spent, others unaffected', async () => {
    const { url } = await start({ rate: { perSecond: 0.5, burst: 3 } });
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 4; i++) {
      last = await fetch(`${url}/api/plans`, { headers: as(PEOPLE.lead) });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.headers.get('retry-after')).toBe('2');
    expect(last ? (await errorOf(last)).code : null).toBe('TooManyRequests');
    expect((await fetch(`${url}/api/plans`, { headers: as(PEOPLE.nurse) })).status).toBe(200);
  });

  it('reads JSON bodies: 400 when not JSON, 415 when not declared JSON, 413 over the limit', async () => {
    const { url, world } = await start({ bodyLimits: { imports: 4096, other: 1024 } });
    const path = `${url}/api/actions/${world.id('1a')}/updates`;
    const headers = { ...as(PEOPLE.lead), 'content-type': 'application/json' };
    expect((await fetch(path, { method: 'POST', headers, body: '{"note": ' })).status).toBe(400);
    expect((await fetch(path, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const big = await fetch(path, { method: 'POST', headers, body: JSON.stringify({ note: 'x'.repeat(2000), status: 'in-progress', clientKey: 'k-12345678' }) });
    expect([big.status, (await errorOf(big)).code]).toEqual([413, 'PayloadTooLarge']);
    const imports = await fetch(`${url}/api/imports/preview`, { method: 'POST', headers, body: JSON.stringify({ fileName: 'a.txt', contentBase64: 'QUJD'.repeat(400) }) });
    expect(imports.status).not.toBe(413);
    expect((await world.app.store.listUpdates(world.id('1a'))).filter((u) => u.source === 'tab')).toEqual([]);
  });

  it('records an update posted over HTTP and answers 201', async () => {
    const { url, world } = await start();
    const response = await fetch(`${url}/api/actions/${world.id('1a')}/updates`, {
      method: 'POST',
      headers: { ...as(PEOPLE.lead), 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'Sample drawn', status: 'in-progress', clientKey: 'http-click-1' }),
    });
    expect(response.status).toBe(201);
    expect((await world.app.store.listUpdates(world.id('1a'))).map((u) => u.note)).toContain('Sample drawn');
  });

  it('sends a paper as a file: its bytes, type and name, not cached, not sniffed, running nothing', async () => {
    const { url, world } = await start();
    const html = await fetch(`${url}/api/plans/${world.planId}/export?format=html`, { headers: as(PEOPLE.nurse) });
    expect(html.status).toBe(200);
    expect(Object.fromEntries(['content-type', 'content-disposition', 'cache-control', 'x-content-type-options', 'content-security-policy'].map((name) => [name, html.headers.get(name)]))).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-disposition': `attachment; filename="steis-2099-00001-board-paper-${TODAY}.html"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    expect(await html.text()).toMatch(/^<!DOCTYPE html>[\s\S]*Demo: action plan/);
    const xlsx = await fetch(`${url}/api/plans/${world.planId}/export?format=xlsx`, { headers: as(PEOPLE.nurse) });
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([xlsx.headers.get('content-type'), xlsx.headers.get('content-length'), String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)]).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', String(bytes.byteLength), 'PK',
    ]);
    const bad = await fetch(`${url}/api/plans/${world.planId}/export?format=pdf`, { headers: as(PEOPLE.nurse) });
    expect([bad.status, bad.headers.get('cache-control'), (await errorOf(bad)).code]).toEqual([400, 'no-store', 'BadRequest']);
  });

  it('leaves the bot\'s endpoint to the bot: POST reaches it, GET is 405', async () => {
    const { url, messages } = await start();
    expect((await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message' }) })).status).toBe(200);
    expect(messages).toEqual([{ type: 'message' }]);
    const get = await fetch(`${url}/api/messages`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST, HEAD']);
    expect(PlanListResponse.parse(await (await fetch(`${url}/api/plans`, { headers: as(PEOPLE.lead) })).json())).toHaveLength(1);
  });
});

describe('the built front end under /tab/', () => {
  it.each([
    ['/tab/', 'text/html; charset=utf-8', 'no-cache', /<title>Followthrough/],
    ['/tab', 'text/html; charset=utf-8', 'no-cache', /<title>Followthrough/],
    ['/tab/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable', /console\.log/],
    ['/tab/assets/index-abc123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable', /body/],
    ['/tab/icon.svg', 'image/svg+xml', 'no-cache', /<svg/],
  ])('serves %s as %s, cached "%s"', async (path, type, cache, content) => {
    const { url } = await start();
    const response = await fetch(`${url}${path}`);
    expect(response.status).toBe(200);
    expect([response.headers.get('content-type'), response.headers.get('cache-control')]).toEqual([type, cache]);
    expect(await response.text()).toMatch(content);
  });

  it.each(['/tab/actions/abc-123', '/tab/plans/p1/dashboard', '/tab/my-actions'])('answers the app\'s own route %s with index.html', async (path) => {
    const { url } = await start();
    const response = await fetch(`${url}${path}`);
    expect([response.status, response.headers.get('cache-control')]).toEqual([200, 'no-cache']);
    expect(await response.text()).toMatch(/<title>Followthrough/);
    // Only Teams and the other Microsoft 365 hosts may frame the pages; scripts need no such header.
    expect(response.headers.get('content-security-policy')).toMatch(/^frame-ancestors 'self' https:\/\/teams\.microsoft\.com .*https:\/\/\*\.cloud\.microsoft/);
    expect((await fetch(`${url}/tab/assets/index-abc123.js`)).headers.get('content-security-policy')).toBeNull();
  });

  it.each(['/tab/assets/index-old999.js', '/tab/%2e%2e/%2e%2e/etc/passwd', '/tab/..%2F..%2Fpackage.json', '/tab/%E0%A4%A'])('answers %s with 404', async (path) => {
    const { url } = await start();
    expect((await fetch(`${url}${path}`)).status).toBe(404);
  });

  it('answers 503 saying to build before the front end is built', async () => {
    const { url } = await start({ built: false });
    for (const path of ['/tab/', '/tab/actions/x']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build');
    }
  });
});
