import restify from 'restify';
import type { Logger } from '../app/logger.js';
import { HttpError } from './http-error.js';
import { isLoopbackAddress } from './loopback.js';
import { assignRequestIds, inRequestContext } from './request-id.js';
import { mountTab, type TabServing } from './tab-routes.js';

/** What the bot route needs from the bot adapter: botbuilder's CloudAdapter fits it. */
export interface MessageEndpoint {
  process(request: restify.Request, response: restify.Response): Promise<void>;
}

export interface ServerOptions {
  messages: MessageEndpoint;
  /** Local mode: no bot identity, so no JWT to check — accept calls from loopback only. */
  localOnly: boolean;
  /** GET /health's answer (server/health.ts): `status: 'unavailable'` is sent as 503, anything else as 200. */
  health: () => Promise<{ readonly status: string }>;
  log: Logger;
  /** The Teams tab: its API under /api/* and its front end under /tab/. Absent: the bot alone. */
  tab?: TabServing;
}

/**
 * restify is only the transport: it registers routes and starts and stops (the shape of the
 * Teams SDK's restify adapter). Failures become JSON with a real status, logged once, here.
 */
export function createHttpServer(options: ServerOptions): restify.Server {
  const server = restify.createServer({ name: 'followthrough', handleUncaughtExceptions: false });
  assignRequestIds(server);
  // Only the bot's endpoint parses bodies this way; the tab's API reads its own, with its own limits.
  const activityBody = restify.plugins.bodyParser({ maxBodySize: 512 * 1024, mapParams: false });

  // The Agents Playground probes the endpoint with HEAD before it connects.
  // restify 11 tells handlers apart by being declared async (or taking `next`).
  server.head('/api/messages', async (request, response) => {
    await guarded(options, request, response, () => {
      response.send(200);
    });
  });
  server.post('/api/messages', activityBody, async (request: restify.Request, response: restify.Response) => {
    await guarded(options, request, response, () => {
      // botbuilder 4.23 throws (a 500) on a body without a type instead of answering 400.
      const body: unknown = request.body;
      if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') {
        throw new HttpError(400, 'BadRequest', 'Expected a Bot Framework activity (a JSON object with a "type").');
      }
      return options.messages.process(request, response);
    });
  });
  // Open to any caller, local mode included: it says nothing private. App Service's health check
  // takes an instance that answers 503 out of the load balancer.
  server.get('/health', async (request, response) => {
    await guarded({ ...options, localOnly: false }, request, response, async () => {
      const health = await options.health();
      response.header('cache-control', 'no-store');
      response.send(health.status === 'unavailable' ? 503 : 200, health);
    });
  });
  if (options.tab) mountTab(server, options.tab, { localOnly: options.localOnly, log: options.log });
  return server;
}

async function guarded(options: ServerOptions, request: restify.Request, response: restify.Response, handle: () => Promise<void> | void): Promise<void> {
  await inRequestContext(request, () => answer(options, request, response, handle));
}

async function answer(options: ServerOptions, request: restify.Request, response: restify.Response, handle: () => Promise<void> | void): Promise<void> {
  try {
    if (options.localOnly && !isLoopbackAddress(request.socket.remoteAddress)) {
      throw new HttpError(401, 'Unauthorized', 'This bot runs in local mode and accepts calls from this machine only.');
    }
    await handle();
  } catch (error) {
    const known = error instanceof HttpError ? error : null;
    if (!known) options.log.error('request failed', { path: request.path(), error: describe(error) });
    if (!response.headersSent) response.send(known?.status ?? 500, { error: { code: known?.code ?? 'InternalError', message: known?.message ?? 'Something went wrong; it has been logged.' } });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
