import type { ApiErrorBody } from '../core/views/tab-api.js';

/**
 * The tab API's one error type: a real HTTP status, a stable code the front end can branch on,
 * a message safe to show, and per-input messages for a refused update or edit (422).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, 'NotFound', `${what} was not found; it may have been deleted or replaced.`);
export const forbidden = (message: string): ApiError => new ApiError(403, 'Forbidden', message);
