// Request ids at the HTTP edge: taken from the caller when safe, echoed back, and on every line
// logged while the request is handled — including past the bot route's body parser.
import type restify from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../app/logger.js';
import { createHttpServer } from './create-server.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('requestIdFrom', () => {
  it.each([
    ['a safe x-request-id', { 'x-request-id': 'support-ticket-42' }, 'support-ticket-42'],
    ['x-request-id over traceparent', { 'x-request-id': 'abc', traceparent: `00-${TRACE}-00f067aa0ba902b7-01` }, 'abc'],
    ['the trace id of a traceparent', { traceparent: `00-${TRACE}-00f067aa0ba902b7-01` }, TRACE],
  ])('takes %s', (_name, headers, expected) => {
    expect(requestIdFrom(headers)).toBe(expected);
  });

  it.each([
    ['nothing', {}],
    ['an x-request-id that would split a log line', { 'x-request-id': 'abc\n{"level":"error"}' }],
    ['an x-request-id with spaces', { 'x-request-id': 'drop table' }],
    ['an x-request-id too long to repeat', { 'x-request-id': 'a'.repeat(129) }],
    ['a malformed traceparent', { traceparent: 'not-a-trace' }],
    ['the all-zero trace id', { traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` }],
  ])('makes a new id for %s', (_name, headers) => {
    expect(requestIdFrom(headers)).toMatch(UUID);
  });
});

let server: restify.Server | null = null;

afterEach(async () => {
  const running = server;
  server = null;
  if (running) await new Promise<void>((resolve) => { running.close(() => { resolve(); }); });
});

async function start(): Promise<{ url: string; log: ReturnType<typeof memoryLogger> }> {
  const log = memoryLogger();
  const created = createHttpServer({
    localOnly: true,
    log,
    health: () => Promise.resolve({ status: 'ok' }),
    messages: {
      process: async (request, response) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.info('activity handled', { type: (request.body as { type: string }).type });
        if ((request.body as { text?: string }).text === 'fail') throw new Error('the store went away');
        response.send(200, {});
      },
    },
  });
  // A route without a body parser, as the tab's are: the id reaches it from before routing.
  created.get('/api/probe', async (_request, response) => {
    await Promise.resolve();
    log.info('probe');
    response.send(200, {});
  });
  server = created;
  await new Promise<void>((resolve) => { created.listen(0, '127.0.0.1', () => { resolve(); }); });
  return { url: `http://127.0.0.1:${String(created.address().port)}`, log };
}

const post = (url: string, text: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ type: 'message', text }) });

describe('request ids over HTTP', () => {
  it('echoes the caller\'s id and puts it on the lines the bot route logs, past its body parser', async () => {
    const { url, log } = await start();
    const response = await post(url, 'help', { [REQUEST_ID_HEADER]: 'req-from-front-door' });
    expect(response.status).toBe(200);
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe('req-from-front-door');
    expect(log.lines).toEqual([expect.objectContaining({ message: 'activity handled', requestId: 'req-from-front-door' })]);
  });

  it('makes one up when the caller sends none, and answers every route with it, a 404 too', async () => {
    const { url, log } = await start();
    const probe = await fetch(`${url}/api/probe`);
    const id = probe.headers.get(REQUEST_ID_HEADER) ?? '';
    expect(id).toMatch(UUID);
    expect(log.lines).toEqual([expect.objectContaining({ message: 'probe', requestId: id })]);
    expect((await fetch(`${url}/health`)).headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
    expect((await fetch(`${url}/nowhere`)).headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
  });

  it('keeps concurrent requests apart, and logs a failure under its request\'s id', async () => {
    const { url, log } = await start();
    const answers = await Promise.all(['a', 'b', 'c'].map((id) => post(url, id === 'b' ? 'fail' : 'help', { [REQUEST_ID_HEADER]: `req-${id}` })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 500, 200]);
    const handled = log.lines.filter((line) => line.message === 'activity handled').map((line) => line.requestId);
    expect(handled.sort()).toEqual(['req-a', 'req-b', 'req-c']);
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([expect.objectContaining({ message: 'request failed', requestId: 'req-b' })]);
  });
});
