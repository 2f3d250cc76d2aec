// The HTTP edge on its own: a real restify server on loopback with a stand-in message endpoint
// (the port the bot adapter fills). The local-mode guard is proven by rewriting what the
// listening socket reports as its peer — the value restify hands the guard — before any request
// on it is read, since a second, non-loopback address cannot be bound here.
import type { Socket } from 'node:net';
import type restify from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../app/logger.js';
import { HttpError } from './http-error.js';
import { createHttpServer, type MessageEndpoint, type ServerOptions } from './create-server.js';

interface Running {
  url: string;
  calls: { body: unknown }[];
  log: ReturnType<typeof memoryLogger>;
  server: restify.Server;
}

let running: Running | null = null;

afterEach(async () => {
  const server = running?.server;
  running = null;
  if (server) await new Promise<void>((resolve) => { server.close(() => { resolve(); }); });
});

async function start(options: { localOnly: boolean; peer?: string; process?: MessageEndpoint['process']; health?: ServerOptions['health'] }): Promise<Running> {
  const calls: { body: unknown }[] = [];
  const log = memoryLogger();
  const server = createHttpServer({
    localOnly: options.localOnly,
    log,
    health: options.health ?? (() => Promise.resolve({ status: 'ok', mode: 'test' })),
    messages: {
      process: options.process ?? ((request, response) => {
        calls.push({ body: request.body as unknown });
        response.send(200, { received: true });
        return Promise.resolve();
      }),
    },
  });
  const peer = options.peer;
  if (peer !== undefined) {
    server.server.prependListener('connection', (socket: Socket) => {
      Object.defineProperty(socket, 'remoteAddress', { value: peer, configurable: true });
    });
  }
  await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', () => { resolve(); }); });
  running = { url: `http://127.0.0.1:${String(server.address().port)}`, calls, log, server };
  return running;
}

const activity = { type: 'message', text: 'help' };
const post = (url: string, body: string, type = 'application/json') => fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': type }, body });

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe('createHttpServer', () => {
  it('answers HEAD /api/messages with 200 (the Agents Playground probes it)', async () => {
    const { url, calls } = await start({ localOnly: true });
    const response = await fetch(`${url}/api/messages`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(calls).toEqual([]);
  });

  it('hands POST /api/messages to the endpoint with the parsed body', async () => {
    const { url, calls } = await start({ localOnly: true });
    const response = await post(url, JSON.stringify(activity));
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ received: true });
    expect(calls).toEqual([{ body: activity }]);
  });

  it('serves /health as JSON', async () => {
    const { url } = await start({ localOnly: true });
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await json(response)).toEqual({ status: 'ok', mode: 'test' });
  });

  it.each([
    { status: 'ok', http: 200 },
    { status: 'degraded', http: 200 },
    { status: 'unavailable', http: 503 },
  ])('answers /health "$status" with HTTP $http, never cached', async ({ status, http }) => {
    const { url } = await start({ localOnly: false, health: () => Promise.resolve({ status, reasons: ['why'] }) });
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(http);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await json(response)).toEqual({ status, reasons: ['why'] });
  });

  it('answers a /health that throws with a 500 that says nothing of why, logged', async () => {
    const { url, log } = await start({ localOnly: false, health: () => Promise.reject(new Error('secret detail')) });
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('secret detail');
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'error', message: 'request failed', path: '/health' }));
  });

  describe('local mode accepts calls from this machine only', () => {
    it.each(['10.0.0.5', '192.168.0.20', '::ffff:10.0.0.5', '2001:db8::5'])('refuses POST from %s with 401, the endpoint never called', async (peer) => {
      const { url, calls, log } = await start({ localOnly: true, peer });
      const response = await post(url, JSON.stringify(activity));
      expect(response.status).toBe(401);
      expect(await json(response)).toEqual({ error: { code: 'Unauthorized', message: expect.stringContaining('local mode') as unknown } });
      expect(calls).toEqual([]);
      expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
    });

    it('refuses HEAD from another machine too', async () => {
      const { url } = await start({ localOnly: true, peer: '10.0.0.5' });
      expect((await fetch(`${url}/api/messages`, { method: 'HEAD' })).status).toBe(401);
    });

    it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.0.0.53'])('accepts %s', async (peer) => {
      const { url, calls } = await start({ localOnly: true, peer });
      expect((await post(url, JSON.stringify(activity))).status).toBe(200);
      expect(calls).toHaveLength(1);
    });

    it('still answers /health to another machine (it says nothing private)', async () => {
      const { url } = await start({ localOnly: true, peer: '10.0.0.5' });
      expect((await fetch(`${url}/health`)).status).toBe(200);
    });

    it('accepts any peer once a bot identity is configured (the adapter checks the JWT)', async () => {
      const { url, calls } = await start({ localOnly: false, peer: '10.0.0.5' });
      expect((await post(url, JSON.stringify(activity))).status).toBe(200);
      expect(calls).toHaveLength(1);
    });
  });

  describe('failures', () => {
    it('turns an endpoint failure into a 500 JSON error without the message or a stack, logged once', async () => {
      const { url, log } = await start({ localOnly: true, process: () => Promise.reject(new Error('database password is hunter2')) });
      const response = await post(url, JSON.stringify(activity));
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'InternalError', message: 'Something went wrong; it has been logged.' } });
      expect(text).not.toContain('hunter2');
      expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(log.lines.filter((line) => line.level === 'error')).toEqual([expect.objectContaining({ message: 'request failed', path: '/api/messages', error: 'Error: database password is hunter2' })]);
    });

    it('passes an HttpError through with its status and message, not logged as a failure', async () => {
      const { url, log } = await start({ localOnly: true, process: () => Promise.reject(new HttpError(400, 'BadRequest', 'That is not an activity.')) });
      const response = await post(url, JSON.stringify(activity));
      expect(response.status).toBe(400);
      expect(await json(response)).toEqual({ error: { code: 'BadRequest', message: 'That is not an activity.' } });
      expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
    });

    it('does not answer twice when the endpoint fails after it has answered', async () => {
      const { url } = await start({
        localOnly: true,
        process: (_request, response) => {
          response.send(202, { accepted: true });
          return Promise.reject(new Error('after the answer'));
        },
      });
      const response = await post(url, JSON.stringify(activity));
      expect(response.status).toBe(202);
      expect(await json(response)).toEqual({ accepted: true });
    });

    it('refuses a body that is not JSON with 400, the endpoint never called', async () => {
      const { url, calls } = await start({ localOnly: true });
      const response = await post(url, '{"type": "message", ');
      expect(response.status).toBe(400);
      expect(await response.text()).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(calls).toEqual([]);
    });

    it('refuses a body over 512 KB with 413, the endpoint never called', async () => {
      const { url, calls } = await start({ localOnly: true });
      const response = await post(url, JSON.stringify({ ...activity, text: 'x'.repeat(600 * 1024) }));
      expect(response.status).toBe(413);
      expect(calls).toEqual([]);
    });

    it('answers an unknown route with 404 and a wrong method with 405', async () => {
      const { url, calls } = await start({ localOnly: true });
      expect((await fetch(`${url}/api/other`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${url}/api/messages`)).status).toBe(405);
      expect(calls).toEqual([]);
    });
  });
});
