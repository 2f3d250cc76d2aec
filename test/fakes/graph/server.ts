/** The HTTP side: read a request, check auth, roll for faults, run it, answer (or drop) and log it. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { batchWrites, handleBatch } from './batch.js';
import { errorBody, GraphFakeError, newRequestId } from './errors.js';
import type { FaultDecision } from './faults.js';
import { dispatch } from './router.js';
import { type FakeContext, type FakeRequest, type FakeResponse, json } from './state.js';
import { logPath, lowerCaseHeaders, makeRequest, type Target, topLevelTarget } from './targets.js';
import type { GraphFakeRequestLog } from './types.js';

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface ServerHooks {
  ctx: FakeContext;
  log: (entry: GraphFakeRequestLog) => void;
  latencyMs: () => number;
  requireBearer: string | undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new GraphFakeError(413, 'requestTooLarge', 'The request body is too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new GraphFakeError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
}

function send(res: ServerResponse, response: FakeResponse, requestId: string, clientRequestId: string | undefined): void {
  if (res.destroyed || res.writableEnded) return;
  const headers: Record<string, string> = { ...response.headers, 'request-id': requestId, 'client-request-id': clientRequestId ?? requestId };
  if (response.body === undefined) {
    // Two calls, not a chain: restify patches writeHead for every server in the process and its version returns undefined.
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, { ...headers, 'Content-Type': JSON_TYPE, 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function authFailure(hooks: ServerHooks, headers: Record<string, string>): GraphFakeError | null {
  if (hooks.requireBearer === undefined) return null;
  const given = headers.authorization;
  if (given === `Bearer ${hooks.requireBearer}`) return null;
  const message = given === undefined ? 'Access token is empty.' : 'Access token validation failure. Invalid audience.';
  return new GraphFakeError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"' });
}

function throttled(decision: FaultDecision): GraphFakeError | null {
  if (decision.kind === '429') return new GraphFakeError(429, 'activityLimitReached', 'The request has been throttled.', { 'Retry-After': String(decision.retryAfter) });
  if (decision.kind === '503') return new GraphFakeError(503, 'serviceNotAvailable', 'The service is temporarily unavailable.', { 'Retry-After': String(decision.retryAfter) });
  return null;
}

function execute(hooks: ServerHooks, request: FakeRequest, requestId: string): FakeResponse {
  if (request.segments.length === 1 && request.segments[0] === '$batch') {
    if (request.method !== 'POST') throw new GraphFakeError(405, 'methodNotAllowed', '$batch only supports POST.');
    const { ctx } = hooks;
    return handleBatch(ctx, request.body, { log: hooks.log, decide: (isWrite) => ctx.plan.decide(isWrite) });
  }
  return dispatch(hooks.ctx, request, requestId);
}

function isWrite(request: FakeRequest): boolean {
  if (request.segments[0] === '$batch') return batchWrites(request.body);
  return request.method !== 'GET';
}

/** Answers one request, or returns null when the connection was dropped (status 0 in the log). */
function answer(hooks: ServerHooks, req: IncomingMessage, target: Target, raw: Buffer, requestId: string): FakeResponse | null {
  const headers = lowerCaseHeaders(req.headers);
  const auth = authFailure(hooks, headers);
  if (auth) throw auth;
  const request = makeRequest(req.method ?? 'GET', target, headers, parseBody(raw));
  const decision = hooks.ctx.plan.decide(isWrite(request));
  const refusal = throttled(decision);
  if (refusal) throw refusal;
  if (decision.kind === 'drop' && !decision.afterWrite) return null;
  const response = execute(hooks, request, requestId);
  return decision.kind === 'drop' ? null : response;
}

/** Handles one HTTP request end to end; never rejects. */
export async function serve(hooks: ServerHooks, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = newRequestId();
  const method = (req.method ?? 'GET').toUpperCase();
  const clientRequestId = lowerCaseHeaders(req.headers)['client-request-id'];
  let path = req.url ?? '';
  const log = (status: number): void => { hooks.log({ method, path, status, batched: false }); };
  try {
    const raw = await readBody(req);
    const latency = hooks.latencyMs();
    if (latency > 0) await sleep(latency);
    const target = topLevelTarget(req.url ?? '/');
    path = logPath(target);
    const response = answer(hooks, req, target, raw, requestId);
    if (response === null) {
      log(0);
      req.socket.destroy();
      return;
    }
    log(response.status);
    send(res, response, requestId, clientRequestId);
  } catch (error) {
    const failure = error instanceof GraphFakeError ? error : new GraphFakeError(500, 'generalException', `Graph fake failed: ${String(error)}`);
    log(failure.status);
    send(res, json(failure.status, errorBody(failure.code, failure.message, requestId, clientRequestId), failure.headers), requestId, clientRequestId);
  }
}
