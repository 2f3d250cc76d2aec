/** Graph-shaped errors: every failure the fake answers is one of these, turned into JSON in one place. */
import { randomUUID } from 'node:crypto';

export class GraphFakeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphFakeError';
  }
}

/** ISO 8601 to the second, as Graph writes timestamps (no milliseconds). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function newRequestId(): string {
  return randomUUID();
}

export function errorBody(code: string, message: string, requestId: string, clientRequestId?: string): Record<string, unknown> {
  const innerError: Record<string, string> = { 'request-id': requestId, date: isoSeconds(Date.now()) };
  if (clientRequestId !== undefined) innerError['client-request-id'] = clientRequestId;
  return { error: { code, message, innerError } };
}

export const badRequest = (message: string, code = 'invalidRequest'): GraphFakeError => new GraphFakeError(400, code, message);
export const notFound = (message: string): GraphFakeError => new GraphFakeError(404, 'itemNotFound', message);
export const conflict = (message: string, code = 'nameAlreadyExists'): GraphFakeError => new GraphFakeError(409, code, message);
export const notAllowed = (method: string, what: string): GraphFakeError => new GraphFakeError(405, 'methodNotAllowed', `${method} is not supported on ${what}.`);
