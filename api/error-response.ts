import type { Logger } from '../app/logger.js';
import { GraphError } from '../store/sharepoint/graph/graph-error.js';
import { ConsentRequiredError } from '../store/sharepoint/graph/token-source.js';
import { StoreError } from '../store/store-error.js';
import { ApiError } from './api-error.js';
import type { ApiRequest, ApiResponse } from './api-types.js';

/**
 * The one place the tab API turns a failure into an answer: our own errors keep their status,
 * store and Graph failures get the status that says what to do, and anything unexpected is a
 * logged 500 that shows no detail.
 */
export function errorResponse(error: unknown, request: ApiRequest, log: Logger): ApiResponse {
  const known = asApiError(error);
  if (known !== null) {
    if (known.status >= 500) log.warn('tab API unavailable', { method: request.method, path: request.path, error: describe(error) });
    return { status: known.status, body: known.body() };
  }
  log.error('tab API request failed', { method: request.method, path: request.path, error: describe(error) });
  return { status: 500, body: new ApiError(500, 'InternalError', 'Something went wrong; it has been logged.').body() };
}

function asApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  const consent = causeOf(error, ConsentRequiredError);
  // The on-behalf-of exchange needs the person: the tab asks Teams for consent and tries again.
  if (consent !== null) return new ApiError(401, 'ConsentRequired', 'Followthrough needs your consent to read SharePoint for you; sign in again.');
  if (!(error instanceof StoreError)) return null;
  switch (error.code) {
    case 'not-found':
      return new ApiError(404, 'NotFound', error.message);
    case 'conflict':
      return new ApiError(409, 'Conflict', `${error.message}. Reload and try again.`);
    case 'invalid':
      return new ApiError(400, 'Invalid', error.message);
    case 'unavailable':
      // SharePoint's own permissions decide what a person may see (the store reads on their behalf).
      if (causeOf(error, GraphError)?.status === 403) return new ApiError(403, 'Forbidden', 'SharePoint does not give you access to this.');
      return new ApiError(503, 'Unavailable', 'The plan store is not answering; try again in a moment.');
  }
}

/** The first error of this class in the cause chain (the store wraps Graph's errors). */
function causeOf<T extends Error>(error: unknown, type: abstract new (...args: never[]) => T): T | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof type) return current;
  }
  return null;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
