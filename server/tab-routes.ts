import type restify from 'restify';
import type { Logger } from '../app/logger.js';
import { DEV_USER_HEADER } from '../core/views/tab-api.js';
import type { ApiFile } from '../api/api-types.js';
import type { TabApi } from '../api/tab-api.js';
import { paperContentDisposition } from '../core/export/paper-file.js';
import { AuthError } from '../edge/auth/auth-error.js';
import { HttpError } from './http-error.js';
import { isLoopbackAddress } from './loopback.js';
import type { RateLimiter } from './rate-limit.js';
import { readJsonBody } from './read-json-body.js';
import { tabFiles } from './static-tab.js';
import type { Authenticate } from './tab-auth.js';

/** What the server needs to serve the Teams tab: its API, who is calling, how fast, and the built front end. */
export interface TabServing {
  api: TabApi;
  authenticate: Authenticate;
  limiter: RateLimiter;
  /** The built front end (dist/tab). */
  staticDir: string;
  /** Largest JSON body for imports (a base64 file) and for everything else. */
  bodyLimits?: { imports: number; other: number };
}

/** 10 MB of file is about 13.4 MB of base64, plus the JSON around it. */
const DEFAULT_LIMITS = { imports: 14 * 1024 * 1024, other: 256 * 1024 };

/**
 * `/api/*` except the bot's `/api/messages`: authenticate (Teams SSO, or local mode's dev
 * identity from loopback), rate-limit per caller, read the body, then the framework-free API.
 * `/tab/*`: the front end's files, and index.html for the app's own routes.
 */
export function mountTab(server: restify.Server, tab: TabServing, options: { localOnly: boolean; log: Logger }): void {
  const handle = async (request: restify.Request, response: restify.Response): Promise<void> => {
    try {
      await answerApi(tab, options.localOnly, request, response);
    } catch (error) {
      sendFailure(error, request, response, options.log);
    }
  };
  server.get('/api/*', handle);
  server.post('/api/*', handle);
  server.patch('/api/*', handle);

  const files = tabFiles(tab.staticDir);
  const serve = async (request: restify.Request, response: restify.Response): Promise<void> => {
    try {
      const answer = await files(request.path());
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    } catch (error) {
      sendFailure(error, request, response, options.log);
    }
  };
  server.get('/tab', serve);
  server.get('/tab/*', serve);
}

async function answerApi(tab: TabServing, localOnly: boolean, request: restify.Request, response: restify.Response): Promise<void> {
  const path = request.path();
  // The bot's endpoint answers POST and HEAD only; its other methods land here.
  if (path === '/api/messages') {
    response.header('Allow', 'POST, HEAD');
    throw new HttpError(405, 'MethodNotAllowed', '/api/messages is the bot\'s endpoint: POST activities to it.');
  }
  if (localOnly && !isLoopbackAddress(request.socket.remoteAddress)) {
    throw new AuthError('dev-identity', 'This Followthrough runs in local mode and accepts calls from this machine only.');
  }
  const { caller, assertion } = await tab.authenticate({ authorization: request.header('authorization') || undefined, devUser: request.header(DEV_USER_HEADER) || undefined });
  const wait = tab.limiter.take(caller ? `${caller.tenantId ?? 'local'}:${caller.aadObjectId}` : `address:${request.socket.remoteAddress ?? ''}`);
  if (wait > 0) {
    response.header('Retry-After', String(wait));
    throw new HttpError(429, 'TooManyRequests', `Too many requests; try again in ${String(wait)} s.`);
  }
  const limits = tab.bodyLimits ?? DEFAULT_LIMITS;
  const body = request.method === 'GET' ? undefined : await readJsonBody(request, path.startsWith('/api/imports') ? limits.imports : limits.other);
  const query = Object.fromEntries(new URL(request.url ?? '/', 'http://localhost').searchParams);
  const answer = await tab.api.handle({ method: request.method ?? 'GET', path, query, body, caller, assertion });
  if (answer.file !== undefined) {
    sendFile(response, answer.status, answer.file, answer.headers);
    return;
  }
  // Answers name people and plans: never kept by a shared cache or the browser's.
  response.header('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(answer.headers ?? {})) response.header(name, value);
  response.send(answer.status, answer.body);
}

/**
 * A download (a board paper) as its bytes, saved under its name. Not cached either; not sniffed
 * into anything else; and a paper opened in the browser may run nothing and fetch nothing.
 */
function sendFile(response: restify.Response, status: number, file: ApiFile, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    ...headers,
    'Content-Type': file.contentType,
    'Content-Disposition': paperContentDisposition(file.fileName),
    'Content-Length': String(file.bytes.byteLength),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  response.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

/** Errors as `ApiErrorBody` with a real status; only the unexpected are logged as failures, and never with a token. */
function sendFailure(error: unknown, request: restify.Request, response: restify.Response, log: Logger): void {
  const path = request.path();
  let status = 500;
  let code = 'InternalError';
  let message = 'Something went wrong; it has been logged.';
  if (error instanceof AuthError) {
    // Entra's keys out of reach is our outage, not the caller's bad token.
    status = error.reason === 'keys-unavailable' ? 503 : 401;
    code = status === 503 ? 'Unavailable' : 'Unauthorized';
    message = error.message;
    if (status === 401) response.header('WWW-Authenticate', 'Bearer error="invalid_token"');
    log.info('tab request not authenticated', { path, reason: error.reason });
  } else if (error instanceof HttpError) {
    ({ status, code, message } = error);
  } else {
    log.error('request failed', { path, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
  if (!response.headersSent) response.send(status, { error: { code, message } });
}
