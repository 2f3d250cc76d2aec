/** The connector fake: routes, the order of checks, records, and the HTTP server around them. */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from '../../support/seeded-random.js';
import { ArrivalLog, maxInWindow } from './arrivals.js';
import { blockedAnswer, errorAnswer, type FakeAnswer, throttled } from './responses.js';
import type {
  ActivityKind,
  BlockedShape,
  ConnectorFake,
  ConnectorFakeFaults,
  ConnectorFakeOptions,
  ConnectorFakeStats,
  FakeWindow,
  RecordedActivity,
  RequestLogEntry,
  RequestOutcome,
  ScriptedFailure,
  WindowObservation,
} from './types.js';

const DEFAULT_CONVERSATION_WINDOWS: FakeWindow[] = [{ limit: 7, windowMs: 1_000 }];
const DEFAULT_APP_WINDOWS: FakeWindow[] = [{ limit: 50, windowMs: 1_000 }];
const APP_KEY = '';
const PLAYGROUND_PREFIX = '/_connector';

type Route =
  | { kind: 'send'; conversationId: string }
  | { kind: 'reply' | 'update'; conversationId: string; activityId: string }
  | { kind: 'createConversation' }
  | { kind: 'unknown'; allowed: string | null };

interface Request {
  method: string;
  path: string;
  route: Route;
  body: Record<string, unknown> | null;
  bytes: number;
  authorization: boolean;
}

function checkProbability(value: number | undefined): void {
  if (value !== undefined && !(value >= 0 && value <= 1)) throw new RangeError(`connector fake: rate429 must be between 0 and 1, got ${value}`);
}

function checkWindows(windows: readonly FakeWindow[]): void {
  for (const { limit, windowMs } of windows) {
    if (!Number.isInteger(limit) || limit < 1 || !(windowMs > 0)) throw new RangeError(`connector fake: bad window ${limit}/${windowMs} ms`);
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Routes on the path with or without the Agents Playground's `/_connector` prefix. */
export function route(method: string, rawPath: string): Route {
  const pathOnly = rawPath.split('?')[0] ?? '';
  const path = pathOnly === PLAYGROUND_PREFIX || pathOnly.startsWith(`${PLAYGROUND_PREFIX}/`) ? pathOnly.slice(PLAYGROUND_PREFIX.length) : pathOnly;
  const parts = path.split('/').filter((part) => part !== '');
  if (parts[0] !== 'v3' || parts[1] !== 'conversations') return { kind: 'unknown', allowed: null };
  const conversationId = parts[2] === undefined ? undefined : decode(parts[2]);
  if (conversationId === undefined) return method === 'POST' ? { kind: 'createConversation' } : { kind: 'unknown', allowed: 'POST' };
  if (parts[3] !== 'activities' || parts.length > 5) return { kind: 'unknown', allowed: null };
  const activityId = parts[4] === undefined ? undefined : decode(parts[4]);
  if (activityId === undefined) return method === 'POST' ? { kind: 'send', conversationId } : { kind: 'unknown', allowed: 'POST' };
  if (method === 'POST') return { kind: 'reply', conversationId, activityId };
  if (method === 'PUT') return { kind: 'update', conversationId, activityId };
  return { kind: 'unknown', allowed: 'POST, PUT' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Teams gives a person the same 1:1 chat however often it is "created". */
function conversationIdFor(parameters: Record<string, unknown>): string | null {
  const members = parameters.members;
  const first: unknown = Array.isArray(members) ? members[0] : undefined;
  const memberId = isRecord(first) && typeof first.id === 'string' ? first.id : null;
  if (memberId === null) return null;
  const channelData = isRecord(parameters.channelData) ? parameters.channelData : {};
  const tenant = typeof parameters.tenantId === 'string' ? parameters.tenantId : isRecord(channelData.tenant) && typeof channelData.tenant.id === 'string' ? channelData.tenant.id : '';
  return `a:${createHash('sha256').update(`${tenant}|${memberId}`).digest('base64url').slice(0, 40)}`;
}

class ConnectorState {
  private readonly started = performance.now();
  private readonly conversationWindows: FakeWindow[];
  private readonly appWindows: FakeWindow[];
  private readonly enforce: boolean;
  private readonly retryAfterSeconds: number;
  private readonly maxActivityBytes: number;
  private readonly blocked = new Map<string, BlockedShape>();
  private readonly scripted = new Map<string, ScriptedFailure>();
  private readonly blockedShape: BlockedShape;
  private readonly arrivals = new ArrivalLog();
  private recorded: RecordedActivity[] = [];
  private log: RequestLogEntry[] = [];
  private lastActivityId = 0;
  private faults: ConnectorFakeFaults = {};
  private nextFault: () => number = seededRandom(1);
  private nextLatency: () => number = seededRandom(2);

  constructor(private readonly options: ConnectorFakeOptions) {
    const limits = options.limits === false ? {} : (options.limits ?? {});
    this.enforce = options.limits !== false;
    this.conversationWindows = [...(limits.perConversation ?? DEFAULT_CONVERSATION_WINDOWS)];
    this.appWindows = [...(limits.app ?? DEFAULT_APP_WINDOWS)];
    checkWindows(this.conversationWindows);
    checkWindows(this.appWindows);
    this.retryAfterSeconds = options.retryAfterSeconds ?? 1;
    if (!(this.retryAfterSeconds >= 0)) throw new RangeError('connector fake: retryAfterSeconds must be ≥ 0');
    this.maxActivityBytes = options.maxActivityBytes ?? 100 * 1024;
    this.blockedShape = options.blockedShape ?? 'envelope';
    for (const id of options.blocked ?? []) this.blocked.set(id, this.blockedShape);
    this.setFaults(options.faults ?? {});
  }

  now(): number {
    return performance.now() - this.started;
  }

  setFaults(faults: ConnectorFakeFaults): void {
    checkProbability(faults.rate429);
    this.faults = { ...faults };
    const seed = faults.seed ?? 1;
    this.nextFault = seededRandom(seed);
    this.nextLatency = seededRandom(seed ^ 0x2545f491);
  }

  block(conversationId: string, shape: BlockedShape = this.blockedShape): void {
    this.blocked.set(conversationId, shape);
  }

  unblock(conversationId: string): void {
    this.blocked.delete(conversationId);
  }

  failWith(conversationId: string, failure: ScriptedFailure | null): void {
    if (failure === null) this.scripted.delete(conversationId);
    else this.scripted.set(conversationId, { ...failure });
  }

  latencyMs(): number {
    const latency = this.options.latencyMs ?? 0;
    if (typeof latency === 'number') return latency;
    return latency.min + this.nextLatency() * (latency.max - latency.min);
  }

  /**
   * Decides one request, synchronously, at the moment it is fully received. The order: malformed
   * (400/404/405/413), blocked (403), scripted failure, app limit, conversation limit, injected
   * 429, then accepted. Only accepted requests count towards the limits.
   */
  handle(request: Request): FakeAnswer {
    const at = this.now();
    const { answer, outcome, conversationId } = this.decide(request, at);
    this.log.push({ seq: this.log.length + 1, at, method: request.method, path: request.path, conversationId, status: answer.status, outcome, authorization: request.authorization });
    return answer;
  }

  private decide(request: Request, at: number): { answer: FakeAnswer; outcome: RequestOutcome; conversationId: string | null } {
    const { route: target, body } = request;
    if (target.kind === 'unknown') {
      const answer = target.allowed === null ? errorAnswer(404, 'NotFound', `No route for ${request.method} ${request.path}.`) : errorAnswer(405, 'MethodNotAllowed', `Use ${target.allowed}.`, { Allow: target.allowed });
      return { answer, outcome: 'not-found', conversationId: null };
    }
    const conversationId = target.kind === 'createConversation' ? (body === null ? null : conversationIdFor(body)) : target.conversationId;
    const invalid = this.invalid(request, conversationId);
    if (invalid !== null) return { answer: invalid, outcome: 'invalid', conversationId };
    const id = conversationId ?? '';
    const shape = this.blocked.get(id);
    if (shape !== undefined) return { answer: blockedAnswer(shape), outcome: 'blocked', conversationId: id };
    const failure = this.scripted.get(id);
    if (failure !== undefined) {
      const headers = failure.retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(failure.retryAfterSeconds) };
      return { answer: errorAnswer(failure.status, failure.code, failure.message, headers), outcome: 'scripted', conversationId: id };
    }
    if (this.enforce && this.arrivals.exceeded(APP_KEY, at, this.appWindows) !== undefined) return { answer: throttled(this.retryAfterSeconds), outcome: 'app-rate', conversationId: id };
    if (this.enforce && this.arrivals.exceeded(id, at, this.conversationWindows) !== undefined) return { answer: throttled(this.retryAfterSeconds), outcome: 'conversation-rate', conversationId: id };
    const rate429 = this.faults.rate429 ?? 0;
    if (rate429 > 0 && this.nextFault() < rate429) return { answer: throttled(this.retryAfterSeconds), outcome: 'injected-429', conversationId: id };
    this.arrivals.add(APP_KEY, at);
    this.arrivals.add(id, at);
    return { answer: this.accept(request, id, at), outcome: 'accepted', conversationId: id };
  }

  private invalid(request: Request, conversationId: string | null): FakeAnswer | null {
    if (request.bytes > this.maxActivityBytes) return errorAnswer(413, 'MessageSizeTooBig', 'Message size too large.');
    if (request.body === null) return errorAnswer(400, 'BadArgument', 'The request body must be a JSON object.');
    if (request.route.kind === 'createConversation') return conversationId === null ? errorAnswer(400, 'BadArgument', 'members must name one member with an id.') : null;
    if (typeof request.body.type !== 'string' || request.body.type === '') return errorAnswer(400, 'BadArgument', 'Activity type is required.');
    if (conversationId === '') return errorAnswer(400, 'BadArgument', 'Conversation id is required.');
    return null;
  }

  private accept(request: Request, conversationId: string, at: number): FakeAnswer {
    const target = request.route;
    const body = request.body ?? {};
    if (target.kind === 'createConversation') return { status: 201, body: { id: conversationId } };
    if (target.kind === 'unknown') throw new Error('unreachable');
    const kind: ActivityKind = target.kind;
    const activityId = kind === 'update' && target.kind === 'update' ? target.activityId : this.newActivityId();
    const entry: RecordedActivity = { seq: this.recorded.length + 1, kind, conversationId, activityId, at, activity: body, authorization: request.authorization };
    if (target.kind === 'reply') entry.replyToId = target.activityId;
    this.recorded.push(entry);
    return { status: kind === 'update' ? 200 : 201, body: { id: activityId } };
  }

  private newActivityId(): string {
    this.lastActivityId += 1;
    return String(1_700_000_000_000 + this.lastActivityId);
  }

  activities(conversationId?: string): RecordedActivity[] {
    const all = conversationId === undefined ? this.recorded : this.recorded.filter((entry) => entry.conversationId === conversationId);
    return all.map((entry) => ({ ...entry }));
  }

  requests(): RequestLogEntry[] {
    return this.log.map((entry) => ({ ...entry }));
  }

  maxRate(windowMs: number, conversationId?: string): number {
    return maxInWindow(this.arrivals.times(conversationId ?? APP_KEY), windowMs);
  }

  stats(): ConnectorFakeStats {
    const rejected: ConnectorFakeStats['rejected'] = { 'conversation-rate': 0, 'app-rate': 0, 'injected-429': 0, blocked: 0, scripted: 0, invalid: 0, 'not-found': 0 };
    const conversations: ConnectorFakeStats['conversations'] = {};
    let accepted = 0;
    let withAuthorization = 0;
    for (const entry of this.log) {
      if (entry.authorization) withAuthorization += 1;
      if (entry.outcome === 'accepted') accepted += 1;
      else rejected[entry.outcome] += 1;
      if (entry.conversationId === null) continue;
      const counts = (conversations[entry.conversationId] ??= { accepted: 0, rejected: 0 });
      if (entry.outcome === 'accepted') counts.accepted += 1;
      else counts.rejected += 1;
    }
    const acceptedByKind = { send: 0, reply: 0, update: 0, createConversation: accepted - this.recorded.length };
    for (const entry of this.recorded) acceptedByKind[entry.kind] += 1;
    return {
      requests: this.log.length,
      accepted,
      acceptedByKind,
      rejected,
      withAuthorization,
      maxObserved: { perConversation: this.conversationWindows.map((window) => this.maxPerConversation(window)), app: this.appWindows.map((window) => ({ ...window, max: this.maxRate(window.windowMs) })) },
      conversations,
    };
  }

  private maxPerConversation(window: FakeWindow): WindowObservation {
    const observation: WindowObservation = { ...window, max: 0 };
    for (const key of this.arrivals.keys()) {
      if (key === APP_KEY) continue;
      const max = maxInWindow(this.arrivals.times(key), window.windowMs);
      if (max > observation.max) {
        observation.max = max;
        observation.conversationId = key;
      }
    }
    return observation;
  }

  reset(): void {
    this.recorded = [];
    this.log = [];
    this.arrivals.clear();
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer): Record<string, unknown> | null {
  if (raw.length === 0) return null;
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function write(res: ServerResponse, answer: FakeAnswer): void {
  if (res.destroyed || res.writableEnded) return;
  const text = JSON.stringify(answer.body);
  // Two calls, not a chain: restify patches writeHead globally and its version returns undefined.
  res.writeHead(answer.status, { ...answer.headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** Never rejects: a failure inside the fake is answered 500 (and shows up in the test). */
async function serve(state: ConnectorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = req.url ?? '/';
    const raw = await readBody(req);
    const answer = state.handle({ method, path, route: route(method, path), body: parseBody(raw), bytes: raw.length, authorization: req.headers.authorization !== undefined });
    const latency = state.latencyMs();
    if (latency > 0) await sleep(latency);
    write(res, answer);
  } catch (error) {
    write(res, errorAnswer(500, 'InternalServerError', `connector fake failed: ${String(error)}`));
  }
}

export async function listenConnectorFake(options: ConnectorFakeOptions, port: number): Promise<ConnectorFake> {
  const state = new ConnectorState(options);
  const server = createServer((req, res) => {
    void serve(state, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${bound}/`;
  return {
    url,
    playgroundUrl: `${url}_connector/`,
    activities: (conversationId) => state.activities(conversationId),
    requests: () => state.requests(),
    stats: () => state.stats(),
    maxRate: (windowMs, conversationId) => state.maxRate(windowMs, conversationId),
    block: (conversationId, shape) => { state.block(conversationId, shape); },
    unblock: (conversationId) => { state.unblock(conversationId); },
    failWith: (conversationId, failure) => { state.failWith(conversationId, failure); },
    setFaults: (faults) => { state.setFaults(faults); },
    reset: () => { state.reset(); },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
        server.closeAllConnections();
      }),
  };
}
