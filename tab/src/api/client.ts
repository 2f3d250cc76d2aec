import type { z } from 'zod';
import { DEV_USER_HEADER } from '../../../core/views/tab-api.js';
import { ApiError, asApiError, errorFromResponse, parseJson } from './api-error.js';

/** How calls prove who is calling: Teams SSO, local mode's chosen person, or nobody yet. */
export type Credentials =
  | { kind: 'teams'; token: () => Promise<string> }
  | { kind: 'dev'; userId: string }
  | { kind: 'none' };

/** A file the server sent (a board or meeting paper), with the name it suggested. */
export interface Download {
  blob: Blob;
  /** The answer's Content-Disposition, for the file name (logic/download-name.ts). */
  disposition: string | null;
}

export interface Api {
  get<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>>;
  send<S extends z.ZodType>(method: 'POST' | 'PATCH', path: string, body: unknown, schema: S, signal?: AbortSignal): Promise<z.output<S>>;
  /** GET a file with the same credentials as every other call: a plain link could not carry the bearer token. */
  download(path: string, signal?: AbortSignal): Promise<Download>;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The one place the tab calls the server. Answers are checked against the contract's schemas,
 * so a server that drifts from `core/views/tab-api.ts` shows up as a clear message, not a blank page.
 */
export function createApi(credentials: Credentials, fetchImpl: Fetch = (input, init) => fetch(input, init)): Api {
  async function call<S extends z.ZodType>(method: string, path: string, body: unknown, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
    const headers: Record<string, string> = { accept: 'application/json', ...(await authHeaders(credentials)) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(path, { method, headers, body: body === undefined ? null : JSON.stringify(body), signal: signal ?? null, credentials: 'same-origin' });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw asApiError(error);
    }
    if (!response.ok) throw errorFromResponse(response.status, text);
    const parsed = schema.safeParse(parseJson(text));
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') ?? '';
      throw new ApiError(response.status, 'UnexpectedAnswer', `The server's answer was not what this tab expects${where ? ` (at ${where})` : ''}. The tab and the server may be different versions; reload the page.`);
    }
    return parsed.data;
  }
  async function download(path: string, signal?: AbortSignal): Promise<Download> {
    const headers = await authHeaders(credentials);
    let response: Response;
    try {
      response = await fetchImpl(path, { method: 'GET', headers, signal: signal ?? null, credentials: 'same-origin' });
      if (!response.ok) throw errorFromResponse(response.status, await response.text());
      return { blob: await response.blob(), disposition: response.headers.get('content-disposition') };
    } catch (error) {
      if (signal?.aborted || error instanceof ApiError) throw error;
      throw asApiError(error);
    }
  }
  return {
    get: (path, schema, signal) => call('GET', path, undefined, schema, signal),
    send: (method, path, body, schema, signal) => call(method, path, body, schema, signal),
    download,
  };
}

async function authHeaders(credentials: Credentials): Promise<Record<string, string>> {
  if (credentials.kind === 'dev') return { [DEV_USER_HEADER]: credentials.userId };
  if (credentials.kind === 'none') return {};
  try {
    // Teams caches the token and refreshes it; asking every call is what its documentation advises.
    return { authorization: `Bearer ${await credentials.token()}` };
  } catch {
    throw new ApiError(401, 'SignInFailed', 'Teams could not sign you in to Followthrough.');
  }
}

/** Path segments escaped for URLs (ids come from the server, but are not trusted to be URL-safe). */
export function apiPath(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce((path, part, index) => path + part + (index < values.length ? encodeURIComponent(values[index] ?? '') : ''), '');
}
