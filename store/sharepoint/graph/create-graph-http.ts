import { randomUUID } from 'node:crypto';
import { Client, HTTPMessageHandler, ResponseType, type GraphRequest as SdkRequest } from '@microsoft/microsoft-graph-client';
import { errorFromResponse, GraphError, isRecord } from './graph-error.js';
import { MAX_BATCH, type GraphHttp, type GraphRequest, type GraphResponse } from './graph-http.js';
import { authenticate, captureErrors, RequestState, retry, timeout, type RequestEvent } from './middleware.js';
import { retryPolicy, type RetryPolicy } from './retry-policy.js';
import type { TokenSource } from './token-source.js';

export interface GraphHttpOptions {
  /** The Graph version root: `https://graph.microsoft.com/v1.0`, or a fake's `http://127.0.0.1:PORT/v1.0`. */
  baseUrl: string;
  tokens: TokenSource;
  policy?: Partial<RetryPolicy>;
  /** Per attempt, body included. Default 30 s. */
  timeoutMs?: number;
  /** Called after every attempt (telemetry); never sees headers or bodies. */
  onRequest?: (event: RequestEvent) => void;
}

/**
 * GraphHttp over @microsoft/microsoft-graph-client with our own middleware chain. The SDK builds
 * the URL and runs the chain; retries, timeouts and error mapping are ours.
 */
export function createGraphHttp(options: GraphHttpOptions): GraphHttp {
  const base = graphBase(options.baseUrl);
  const client = Client.initWithMiddleware({
    baseUrl: base.host,
    defaultVersion: base.version,
    middleware: [captureErrors(), authenticate(options.tokens), retry(retryPolicy(options.policy), options.onRequest), timeout(options.timeoutMs ?? 30_000), new HTTPMessageHandler()],
  });

  async function send(request: GraphRequest): Promise<GraphResponse> {
    const path = relativePath(base, request.path);
    const state = new RequestState(request.method, path, randomUUID());
    const call = client
      .api(path)
      .headers({ ...request.headers, 'client-request-id': state.clientRequestId })
      .responseType(ResponseType.RAW)
      .middlewareOptions([state]);
    let raw: unknown;
    try {
      raw = await dispatch(call, request);
    } catch (error) {
      if (state.failure instanceof GraphError) throw state.failure;
      throw new GraphError({ status: 0, code: 'clientError', message: `${request.method} ${path.split('?')[0] ?? ''}: the Graph client failed`, outcome: request.method === 'GET' ? 'not-applied' : 'unknown', cause: state.failure ?? error });
    }
    if (!(raw instanceof Response)) throw new Error('The Graph client returned no raw response');
    const response = await readResponse(raw);
    if (response.status >= 200 && response.status < 300) return response;
    throw errorFromResponse(request.method, response, state.retryAfterMs);
  }

  async function sendBatch(requests: readonly GraphRequest[]): Promise<GraphResponse[]> {
    if (requests.length > MAX_BATCH) {
      throw new GraphError({ status: 400, code: 'batchTooLarge', message: `A $batch holds at most ${MAX_BATCH} requests, not ${requests.length}`, outcome: 'not-applied' });
    }
    if (requests.length === 0) return [];
    const response = await send({ method: 'POST', path: '/$batch', body: { requests: requests.map((request, index) => batchStep(base, request, index)) } });
    return batchResponses(response.body, requests.length);
  }

  return { send, sendBatch };
}

interface GraphBase {
  /** Everything before the version segment. */
  host: string;
  version: string;
  /** host + '/' + version, without a trailing slash. */
  root: string;
}

export function graphBase(baseUrl: string): GraphBase {
  const url = new URL(baseUrl);
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const version = segments.pop();
  if (version === undefined || url.search !== '' || url.hash !== '') {
    throw new TypeError(`baseUrl must be the Graph version root, like https://graph.microsoft.com/v1.0 (got ${url.origin}${url.pathname})`);
  }
  const host = [url.origin, ...segments].join('/');
  return { host, version, root: `${host}/${version}` };
}

/**
 * The path relative to the version root. Absolute URLs (`@odata.nextLink`) must be under our own
 * base — a token is never sent anywhere else. The SDK only understands absolute `https://` URLs,
 * and takes any `https://` in the path, query included, for the start of a host
 * (GraphRequest.parsePath), so we always give it a relative path with no `://` in it.
 */
export function relativePath(base: GraphBase, path: string): string {
  let relative = path;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    const prefix = `${base.root}/`;
    if (path.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) {
      throw new GraphError({ status: 0, code: 'foreignUrl', message: `Refusing to send a Graph request outside ${base.root}`, outcome: 'not-applied' });
    }
    relative = path.slice(prefix.length - 1);
  }
  if (!relative.startsWith('/')) relative = `/${relative}`;
  const queryAt = relative.indexOf('?');
  const [pathPart, query] = queryAt === -1 ? [relative, ''] : [relative.slice(0, queryAt), relative.slice(queryAt)];
  if (pathPart.includes('://')) {
    throw new GraphError({ status: 0, code: 'invalidRequest', message: 'A Graph path may not contain "://"', outcome: 'not-applied' });
  }
  // A URL inside a query value (a filter on a link, say) would make the SDK take it for the host.
  return pathPart + query.replaceAll('://', '%3A//');
}

function dispatch(call: SdkRequest, request: GraphRequest): Promise<unknown> {
  switch (request.method) {
    case 'GET':
      return call.get() as Promise<unknown>;
    case 'POST':
      return call.post(request.body) as Promise<unknown>;
    case 'PATCH':
      return call.patch(request.body) as Promise<unknown>;
    case 'DELETE':
      return call.delete() as Promise<unknown>;
  }
}

async function readResponse(raw: Response): Promise<GraphResponse> {
  const text = await raw.text();
  return { status: raw.status, headers: Object.fromEntries(raw.headers), body: parseBody(text) };
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function batchStep(base: GraphBase, request: GraphRequest, index: number): Record<string, unknown> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  return {
    id: String(index + 1),
    method: request.method,
    url: relativePath(base, request.path),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(request.dependsOn !== undefined && request.dependsOn.length > 0 ? { dependsOn: request.dependsOn.map((position) => dependencyId(position, index)) } : {}),
  };
}

/** Batch ids are positions from 1; a request can only wait for one before it. */
function dependencyId(position: number, index: number): string {
  if (!Number.isInteger(position) || position < 0 || position >= index) {
    throw new GraphError({ status: 400, code: 'invalidRequest', message: `Request ${index + 1} of a $batch cannot depend on position ${position}`, outcome: 'not-applied' });
  }
  return String(position + 1);
}

/** Maps `{ responses: [{ id, status, headers, body }] }` back to request order by id. */
export function batchResponses(body: unknown, count: number): GraphResponse[] {
  const byId = new Map<string, GraphResponse>();
  const responses = isRecord(body) && Array.isArray(body.responses) ? (body.responses as unknown[]) : [];
  for (const entry of responses) {
    if (!isRecord(entry) || typeof entry.status !== 'number') continue;
    const headers: Record<string, string> = {};
    if (isRecord(entry.headers)) for (const [name, value] of Object.entries(entry.headers)) if (typeof value === 'string') headers[name.toLowerCase()] = value;
    byId.set(String(entry.id), { status: entry.status, headers, body: entry.body ?? null });
  }
  return Array.from({ length: count }, (_, index) => byId.get(String(index + 1)) ?? missingResponse(index));
}

function missingResponse(index: number): GraphResponse {
  return { status: 502, headers: {}, body: { error: { code: 'missingBatchResponse', message: `The $batch answer had no response for request ${index + 1}` } } };
}
