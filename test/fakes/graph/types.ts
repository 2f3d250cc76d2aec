/** The fake's public types; index.ts re-exports them. Other engineers code against these. */

export interface GraphFakeSite {
  id: string;
  hostname: string;
  path: string;
  displayName?: string;
}

export interface GraphFakeFaults {
  /** Probability (0..1) that a request (or a $batch sub-request) is answered 429 with Retry-After, without being executed. */
  rate429?: number;
  /** Probability of 503 with Retry-After, without being executed. */
  rate503?: number;
  /** Probability that the connection is destroyed with no response. For writes, half of these happen AFTER the write was applied (so the client cannot know the outcome). */
  dropRate?: number;
  /** Seconds in Retry-After (integer, default 1; tests use 0). */
  retryAfterSeconds?: number;
  /** Seed for the deterministic PRNG deciding faults. */
  seed?: number;
  /**
   * Extra (not a fault): probability (0..0.9) that a page of a collection that has more to come is
   * answered empty with an `@odata.nextLink` to the same place, as Graph sometimes does. Default 0.
   */
  emptyPageRate?: number;
}

export interface GraphFakeOptions {
  /** Default: one site, see DEFAULT_SITE. */
  sites?: GraphFakeSite[];
  /** Delay before every response. */
  latencyMs?: number;
  faults?: GraphFakeFaults;
  /** Items per page when $top is absent (default 200). */
  defaultPageSize?: number;
  /** $top is capped at this (default 5000). */
  maxPageSize?: number;
  /** List view threshold (default 5000). */
  threshold?: number;
  /** If set, every request needs `Authorization: Bearer <it>` (else 401 InvalidAuthenticationToken). */
  requireBearer?: string;
  /** Apps in the tenant's Teams catalog, for proactive installation. */
  catalogApps?: { id: string; externalId: string; displayName: string }[];
}

export interface GraphFakeRequestLog {
  method: string;
  /** Path as received, version segment and query string included (e.g. `/v1.0/sites/…/items?$top=5`). */
  path: string;
  /** HTTP status answered; 0 when the connection was dropped instead. */
  status: number;
  batched: boolean;
}

export interface GraphFake {
  /** Base URL including the version segment, e.g. http://127.0.0.1:43123/v1.0 */
  url: string;
  /** Every request answered (top-level and $batch sub-requests, flagged), in order. */
  requests: GraphFakeRequestLog[];
  setFaults(faults: GraphFakeFaults): void;
  setLatency(ms: number): void;
  /** Inspect state for assertions: items of a list by display name. */
  items(siteId: string, listName: string): { id: string; eTag: string; fields: Record<string, unknown> }[];
  close(): Promise<void>;
}

export const DEFAULT_SITE: GraphFakeSite = {
  id: 'contoso.sharepoint.com,11111111-1111-1111-1111-111111111111,22222222-2222-2222-2222-222222222222',
  hostname: 'contoso.sharepoint.com',
  path: '/sites/quality',
};
