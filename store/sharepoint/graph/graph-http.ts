/**
 * The one seam between Followthrough and a Graph client library. Everything above it (list
 * operations, provisioning, the SharePoint store) speaks only this; everything below it lives
 * in this folder (store/sharepoint/graph/), so replacing @microsoft/microsoft-graph-client —
 * which has had no release since 2023 — touches this folder only.
 */
export interface GraphRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path relative to the Graph version root, e.g. `/sites/{id}/lists/{id}/items`, or an absolute `@odata.nextLink`. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Only in `sendBatch`: the positions (in the same batch) of requests this one runs after.
   * Graph runs it only if they succeeded, and answers 424 Failed Dependency otherwise.
   */
  dependsOn?: readonly number[];
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or null for an empty body. */
  body: unknown;
}

export interface GraphHttp {
  /**
   * Sends one request. Throttling (429, and 503/504 with Retry-After) is retried here with
   * bounded backoff for requests that are safe to repeat; what cannot be retried safely comes
   * back as a GraphError (graph-error.ts) carrying status, code and request-id.
   */
  send(request: GraphRequest): Promise<GraphResponse>;
  /**
   * Sends up to 20 requests as one `$batch`. Resolves with one response per request, in order,
   * each with its own status: a 429 inside a 200 batch is returned, not thrown, so the caller can
   * retry just those items (the SDK does not).
   */
  sendBatch(requests: readonly GraphRequest[]): Promise<GraphResponse[]>;
}

export const MAX_BATCH = 20;
