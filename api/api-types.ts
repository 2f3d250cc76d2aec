import type { Logger } from '../app/logger.js';
import type { Caller } from '../edge/auth/caller.js';
import type { UserAssertion } from '../edge/auth/user-assertion.js';
import type { PlanStore } from '../store/plan-store.js';

export interface TabApiDeps {
  store: PlanStore;
  now: () => Date;
  /** The trust's today, YYYY-MM-DD (Europe/London): "overdue" agrees with the bot. */
  today: () => string;
  /** `teams`: callers come from SSO tokens; `local`: from the dev identity header, on loopback. */
  mode: 'local' | 'teams';
  /**
   * The store to serve one caller from. SharePoint mode: a store over Graph on behalf of the user
   * (their token is the assertion), so SharePoint's own permissions apply. Default: `store`.
   */
  storeFor?: (caller: Caller, assertion: UserAssertion | null) => Promise<PlanStore>;
  log: Logger;
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
  body: unknown;
  headers?: Record<string, string>;
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
