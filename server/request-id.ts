import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type restify from 'restify';
import { withLogContext } from '../app/logger.js';

/** Sent back on every answer, so a person reporting a problem can quote it. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller's id may look like: short, and nothing that could forge a log line or a header. */
const SAFE_ID = /^[A-Za-z0-9._:+=@-]{1,128}$/;
/** W3C trace context: version-traceid-parentid-flags; the trace id names the whole operation. */
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;
const ZERO_TRACE = '0'.repeat(32);

const ids = new WeakMap<restify.Request, string>();

/** The caller's `x-request-id` if it is safe to repeat, else the trace id of its `traceparent`, else a new id. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const given = headers[REQUEST_ID_HEADER];
  if (typeof given === 'string' && SAFE_ID.test(given)) return given;
  const trace = TRACEPARENT.exec(typeof headers.traceparent === 'string' ? headers.traceparent.trim().toLowerCase() : '')?.[1];
  if (trace !== undefined && trace !== ZERO_TRACE) return trace;
  return randomUUID();
}

/**
 * Gives every request an id before routing: echoed in the answer's `x-request-id` and on every
 * line logged while the request is handled. restify runs its handler chain inside `next()`, so
 * the log context reaches the routes — except past a body parser, whose `end` event runs outside
 * it: routes that parse first re-enter with `inRequestContext`.
 */
export function assignRequestIds(server: restify.Server): void {
  server.pre((request: restify.Request, response: restify.Response, next: restify.Next) => {
    const id = requestIdFrom(request.headers);
    ids.set(request, id);
    response.setHeader(REQUEST_ID_HEADER, id);
    withLogContext({ requestId: id }, () => {
      next();
    });
  });
}

/** Runs `work` with the request's id on every log line. */
export function inRequestContext<T>(request: restify.Request, work: () => T): T {
  let id = ids.get(request);
  if (id === undefined) {
    id = requestIdFrom(request.headers);
    ids.set(request, id);
  }
  return withLogContext({ requestId: id }, work);
}
