/** The connector fake's public types; index.ts re-exports them. README.md describes the behaviour. */

export interface FakeWindow {
  /** At most this many accepted requests … */
  limit: number;
  /** … in any sliding window of this many milliseconds. */
  windowMs: number;
}

/**
 * How a blocked conversation answers (both 403):
 * - `envelope`: `{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}`
 * - `subcode`: Teams' documented example, `{"errorCode":209,"message":"{…\"subCode\": \"MessageWritesBlocked\"…}"}`
 */
export type BlockedShape = 'envelope' | 'subcode';

export interface ConnectorFakeLimits {
  /** Per conversation. Default: 7 per 1 s. Teams also has 8/2 s, 60/30 s and 1800/hour. */
  perConversation?: FakeWindow[];
  /** For the whole app. Default: 50 per 1 s. */
  app?: FakeWindow[];
}

export interface ConnectorFakeFaults {
  /** Probability (0..1) that a request that passed the limits is answered 429 anyway (Teams does this under load). */
  rate429?: number;
  /** Seed of the PRNG deciding injected faults and latency; the same seed replays the same run. Default 1. */
  seed?: number;
}

/** A scripted answer for every request to one conversation. */
export interface ScriptedFailure {
  status: number;
  code: string;
  message: string;
  /** Sent as Retry-After when given. */
  retryAfterSeconds?: number;
}

export interface ConnectorFakeOptions {
  /** Enforced sliding-window limits; `false` turns enforcement off (rates are still observed). */
  limits?: ConnectorFakeLimits | false;
  faults?: ConnectorFakeFaults;
  /** Retry-After, in seconds, on every 429 (fractions allowed, e.g. 0.05). Default 1. */
  retryAfterSeconds?: number;
  /** Conversations whose person blocked the bot: every write gets 403. */
  blocked?: string[];
  /** Default `envelope`. */
  blockedShape?: BlockedShape;
  /** Delay before each answer: fixed, or uniform in [min, max] from the seeded PRNG. Default 0. */
  latencyMs?: number | { min: number; max: number };
  /** A bigger activity is refused with 413 MessageSizeTooBig. Default 100 KB. */
  maxActivityBytes?: number;
}

export type ActivityKind = 'send' | 'reply' | 'update';

export interface RecordedActivity {
  /** Order of acceptance, from 1. */
  seq: number;
  kind: ActivityKind;
  conversationId: string;
  /** The id answered (for an update, the id updated). */
  activityId: string;
  /** For `reply`: the activity id in the URL. */
  replyToId?: string;
  /** When it was accepted, in ms since the fake started (performance.now scale). */
  at: number;
  /** The request body as received. */
  activity: Record<string, unknown>;
  /** Whether an Authorization header came with it (local mode sends none). */
  authorization: boolean;
}

export type RequestOutcome = 'accepted' | 'conversation-rate' | 'app-rate' | 'injected-429' | 'blocked' | 'scripted' | 'invalid' | 'not-found';

export interface RequestLogEntry {
  seq: number;
  at: number;
  method: string;
  /** As received, `/_connector` prefix included. */
  path: string;
  /** The conversation written to (created, for POST /v3/conversations); null when the route had none. */
  conversationId: string | null;
  status: number;
  outcome: RequestOutcome;
  authorization: boolean;
}

export interface WindowObservation {
  limit: number;
  windowMs: number;
  /** Most accepted requests seen in any window of this length. */
  max: number;
  /** For per-conversation observations: the conversation where the maximum was seen. */
  conversationId?: string;
}

export interface ConnectorFakeStats {
  requests: number;
  accepted: number;
  acceptedByKind: Record<ActivityKind | 'createConversation', number>;
  rejected: Record<Exclude<RequestOutcome, 'accepted'>, number>;
  /** Requests that carried an Authorization header. */
  withAuthorization: number;
  /** For each enforced (or, with limits off, default) window: the highest count observed. */
  maxObserved: { perConversation: WindowObservation[]; app: WindowObservation[] };
  conversations: Record<string, { accepted: number; rejected: number }>;
}

export interface ConnectorFake {
  /** Use as the reference's serviceUrl, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** The same server under the Agents Playground's path, http://127.0.0.1:41234/_connector/ */
  playgroundUrl: string;
  /** Accepted activities (sends, replies, updates) in order of acceptance; one conversation's, or all. */
  activities(conversationId?: string): RecordedActivity[];
  /** Every request answered, in order. */
  requests(): RequestLogEntry[];
  stats(): ConnectorFakeStats;
  /** Most accepted requests in any window of `windowMs`: app-wide, or for one conversation. */
  maxRate(windowMs: number, conversationId?: string): number;
  block(conversationId: string, shape?: BlockedShape): void;
  unblock(conversationId: string): void;
  /** Every request to this conversation gets this answer until cleared with null. */
  failWith(conversationId: string, failure: ScriptedFailure | null): void;
  setFaults(faults: ConnectorFakeFaults): void;
  /** Forgets recorded activities, requests and rate windows (blocked and scripted conversations stay). */
  reset(): void;
  close(): Promise<void>;
}
