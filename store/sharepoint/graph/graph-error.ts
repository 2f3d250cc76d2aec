/**
 * The one error type of the Graph boundary. Everything that goes wrong below GraphHttp — an error
 * response, a dropped connection, a timeout, a token that could not be had — arrives as this.
 *
 * `outcome` says whether the request may have changed anything: `not-applied` when Graph refused
 * it (429, 4xx) or it never left; `unknown` when a write may or may not have happened (dropped
 * connection, timeout, 5xx). The list client looks a create up by its key before retrying an
 * unknown one. Messages never carry tokens or request bodies.
 */
export type GraphOutcome = 'not-applied' | 'unknown';

export interface GraphErrorInit {
  status: number;
  code: string;
  message: string;
  requestId?: string | null;
  outcome: GraphOutcome;
  /** How long Graph asked us to wait (Retry-After), when it said. */
  retryAfterMs?: number | null;
  cause?: unknown;
}

export class GraphError extends Error {
  /** HTTP status; 0 when no response arrived (network error, timeout). */
  readonly status: number;
  /** Graph's `error.code`, or `networkError` / `timeout` / one of ours. */
  readonly code: string;
  /** The `request-id` Graph gave the failed request: quote it to Microsoft support. */
  readonly requestId: string | null;
  readonly outcome: GraphOutcome;
  readonly retryAfterMs: number | null;

  constructor(init: GraphErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'GraphError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.outcome = init.outcome;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }
}

/** Reads Graph's error body (`{ error: { code, message, innerError } }`), tolerating anything else. */
export function graphErrorBody(body: unknown): { code: string | null; message: string | null; requestId: string | null } {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const inner = error && (isRecord(error.innerError) ? error.innerError : isRecord(error.innererror) ? error.innererror : null);
  return {
    code: error && typeof error.code === 'string' ? error.code : null,
    message: error && typeof error.message === 'string' ? error.message : null,
    requestId: inner && typeof inner['request-id'] === 'string' ? inner['request-id'] : null,
  };
}

/** Whether a request with this method and status may have been applied. */
export function outcomeOf(method: string, status: number): GraphOutcome {
  if (method === 'GET') return 'not-applied';
  return status >= 500 || status === 0 ? 'unknown' : 'not-applied';
}

/** Builds the error for a non-2xx response. */
export function errorFromResponse(method: string, response: { status: number; headers: Record<string, string>; body: unknown }, retryAfterMs: number | null = null): GraphError {
  const parsed = graphErrorBody(response.body);
  return new GraphError({
    status: response.status,
    code: parsed.code ?? `http${response.status}`,
    message: parsed.message ?? `Graph answered ${response.status}`,
    requestId: response.headers['request-id'] ?? parsed.requestId,
    outcome: outcomeOf(method, response.status),
    retryAfterMs,
  });
}

/** Passes a GraphError through and rethrows anything else (a bug, not a Graph failure). */
export function graphErrorOnly(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  throw error;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
