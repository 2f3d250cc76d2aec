import type { Logger } from '../app/logger.js';
import type { ReviewDecision } from '../core/assurance/lifecycle.js';
import type { Action, Review } from '../core/model/index.js';
import type { Caller } from '../edge/auth/caller.js';
import type { UserAssertion } from '../edge/auth/user-assertion.js';
import type { PlanStore } from '../store/plan-store.js';

export interface TabApiDeps {
  store: PlanStore;
  now: () => Date;
  /** The trust's today, YYYY-MM-DD (Europe/London): "overdue" agrees with the bot. */
  today: () => string;
  /** The trust's calendar, for dating instants ("changed since the last meeting"). Default Europe/London. */
  timeZone?: string;
  /** `teams`: callers come from SSO tokens; `local`: from the dev identity header, on loopback. */
  mode: 'local' | 'teams';
  /**
   * The store to serve one caller from. SharePoint mode: a store over Graph on behalf of the user
   * (their token is the assertion), so SharePoint's own permissions apply. Default: `store`.
   */
  storeFor?: (caller: Caller, assertion: UserAssertion | null) => Promise<PlanStore>;
  log: Logger;
  /** Tells an action's leads it is theirs again (the bot's card) after a return, reopen or reinstate. */
  leads?: LeadNotifier;
  /** Largest plan file accepted for import, decoded. Default 10 MB. */
  maxImportBytes?: number;
}

/** A request as the HTTP layer hands it over: the caller already authenticated (or null). */
export interface ApiRequest {
  method: string;
  /** The path as sent (percent-encoded), without the query. */
  path: string;
  query?: Readonly<Record<string, string>>;
  body?: unknown;
  caller: Caller | null;
  /** The caller's SSO token, for the on-behalf-of store; never logged. */
  assertion?: UserAssertion | null;
}

export interface ApiResponse {
  status: number;
  /** JSON; null when the answer is a file. */
  body: unknown;
  headers?: Record<string, string>;
  /** A download (a board paper): sent as these bytes instead of JSON. */
  file?: ApiFile;
}

/** A file to download: the HTTP layer sends its bytes with this type, saved under this name. */
export interface ApiFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

/** What a route handler gets: the request, decoded path parameters, and the store for this caller. */
export interface RouteContext {
  deps: TabApiDeps;
  request: ApiRequest;
  params: Readonly<Record<string, string>>;
  /** Non-null except on routes declared `anonymous`. */
  caller: Caller;
  store: PlanStore;
}

export type RouteHandler = (context: RouteContext) => Promise<ApiResponse>;

/** A decision that gave an action back to its leads: the action as the decision left it, and the review it recorded. */
export interface ReturnedToLead {
  action: Pick<Action, 'id' | 'leads'>;
  review: Review;
  decision: ReviewDecision;
}

/** The port the app wires (the bot's `createLeadNotifier`): resolves with what happened, never rejects. */
export interface LeadNotifier {
  returned(notice: ReturnedToLead): Promise<unknown>;
}
