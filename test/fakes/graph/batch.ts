/**
 * `POST /$batch`: up to 20 sub-requests, each run on its own with its own fault roll; the
 * answer is 200 with one sub-response per request, in an order Graph does not promise.
 */
import { z } from 'zod';
import { badRequest, errorBody, newRequestId } from './errors.js';
import type { FaultDecision } from './faults.js';
import { dispatch } from './router.js';
import { type FakeContext, type FakeRequest, type FakeResponse, json } from './state.js';
import { batchTarget, logPath, lowerCaseHeaders, makeRequest } from './targets.js';
import type { GraphFakeRequestLog } from './types.js';

export const MAX_BATCH = 20;

const subRequest = z.looseObject({
  id: z.string().min(1),
  method: z.string().min(1),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});
const batchBody = z.object({ requests: z.array(subRequest) });
type SubRequest = z.infer<typeof subRequest>;

export interface BatchHooks {
  log: (entry: GraphFakeRequestLog) => void;
  decide: (isWrite: boolean) => FaultDecision;
}

function parseBatch(body: unknown): SubRequest[] {
  const parsed = batchBody.safeParse(body);
  if (!parsed.success) throw badRequest(`Invalid batch payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, 'BadRequest');
  const { requests } = parsed.data;
  if (requests.length === 0) throw badRequest('A batch must contain at least one request.', 'BadRequest');
  if (requests.length > MAX_BATCH) throw badRequest(`The batch contains ${requests.length} requests; the limit is ${MAX_BATCH}.`, 'BadRequest');
  if (new Set(requests.map((r) => r.id)).size !== requests.length) throw badRequest('Batch request ids must be unique.', 'BadRequest');
  return requests;
}

/** A body given as a string is JSON text or base64 of it (as some SDKs send it). */
function subBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return JSON.parse(Buffer.from(body, 'base64').toString('utf8'));
  }
}

function failure(status: number, code: string, message: string, headers: Record<string, string> = {}): FakeResponse {
  return json(status, errorBody(code, message, newRequestId()), headers);
}

function subResponseFor(ctx: FakeContext, sub: SubRequest, request: FakeRequest, decision: FaultDecision): FakeResponse {
  if (request.segments[0] === '$batch') return failure(400, 'BadRequest', 'A batch cannot contain another batch.');
  if (sub.body !== undefined && request.headers['content-type'] === undefined) {
    return failure(400, 'BadRequest', `Write request id : ${sub.id} does not contain Content-Type header or body.`);
  }
  if (decision.kind === '429') return failure(429, 'activityLimitReached', 'The request has been throttled.', { 'Retry-After': String(decision.retryAfter) });
  if (decision.kind === '503') return failure(503, 'serviceNotAvailable', 'The service is temporarily unavailable.', { 'Retry-After': String(decision.retryAfter) });
  if (decision.kind === 'drop' && !decision.afterWrite) return failure(504, 'gatewayTimeout', 'The request timed out before it could be completed.');
  const response = dispatch(ctx, request, newRequestId());
  if (decision.kind === 'drop') return failure(504, 'gatewayTimeout', 'The request timed out; it may or may not have been applied.');
  return response;
}

/** A sub-request whose dependency did not succeed is not run (Graph answers 424 without a fault roll). */
function failedDependency(sub: SubRequest, statusById: ReadonlyMap<string, number>): FakeResponse | null {
  for (const id of sub.dependsOn ?? []) {
    const status = statusById.get(id);
    if (status === undefined) return failure(400, 'BadRequest', `Request ${sub.id} depends on ${id}, which is not an earlier request of the batch.`);
    if (status < 200 || status >= 300) return failure(424, 'failedDependency', `Request ${sub.id} was not run: request ${id}, which it depends on, failed.`);
  }
  return null;
}

function runOne(ctx: FakeContext, sub: SubRequest, hooks: BatchHooks, statusById: ReadonlyMap<string, number>): Record<string, unknown> {
  const method = sub.method.toUpperCase();
  let response: FakeResponse;
  let path = sub.url;
  try {
    const target = batchTarget(sub.url);
    path = logPath(target);
    const request = makeRequest(method, target, lowerCaseHeaders(sub.headers ?? {}), sub.body === undefined ? undefined : subBody(sub.body));
    response = failedDependency(sub, statusById) ?? subResponseFor(ctx, sub, request, hooks.decide(method !== 'GET'));
  } catch {
    response = failure(400, 'BadRequest', `Request id ${sub.id} could not be read (URL or body).`);
  }
  hooks.log({ method, path, status: response.status, batched: true });
  const headers: Record<string, string> = { ...response.headers };
  if (response.body !== undefined) headers['Content-Type'] = 'application/json';
  return { id: sub.id, status: response.status, headers, ...(response.body === undefined ? {} : { body: response.body }) };
}

export function handleBatch(ctx: FakeContext, body: unknown, hooks: BatchHooks): FakeResponse {
  const requests = parseBatch(body);
  // Sub-requests run one after another in request order, so a dependency has always run first.
  const statusById = new Map<string, number>();
  const answers = requests.map((sub) => {
    const answer = runOne(ctx, sub, hooks, statusById);
    statusById.set(sub.id, Number(answer.status));
    return answer;
  });
  const order = ctx.plan.permutation(answers.length);
  return json(200, { responses: order.map((at) => answers[at]) });
}

/** True when the batch body asks for any write (used to decide drop-after-write on the envelope). */
export function batchWrites(body: unknown): boolean {
  const parsed = batchBody.safeParse(body);
  return parsed.success && parsed.data.requests.some((r) => r.method.toUpperCase() !== 'GET');
}
