import { ApiErrorBody } from '../../../core/views/tab-api.js';

/** A failed call, as the views show it. Status 0: the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/** The error an answer's status and body stand for: the API's own `{ error }` when it sent one. */
export function errorFromResponse(status: number, body: string): ApiError {
  const parsed = ApiErrorBody.safeParse(parseJson(body));
  if (parsed.success) return new ApiError(status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.fields ?? {});
  // Not ours: a proxy's page, a gateway timeout. Say what happened in words, not the body.
  return new ApiError(status, `Http${String(status)}`, FALLBACK_MESSAGES[status] ?? `The server answered ${String(status)}.`);
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: 'You are not signed in.',
  403: 'You are not allowed to see this.',
  404: 'Not found.',
  502: 'The server is not answering; try again in a moment.',
  503: 'The server is busy or restarting; try again in a moment.',
  504: 'The server took too long to answer; try again.',
};

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Any thrown value as an ApiError, so views have one shape to show. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof TypeError) return new ApiError(0, 'NetworkError', 'The server could not be reached. Check your connection and try again.');
  return new ApiError(0, 'UnexpectedError', error instanceof Error ? error.message : String(error));
}
