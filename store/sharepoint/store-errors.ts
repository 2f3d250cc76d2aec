import { StoreError } from '../store-error.js';
import { GraphError } from './graph/graph-error.js';

/**
 * Graph failures in the store's words. The request-id stays in the message: Microsoft support
 * asks for it.
 */
export function toStoreError(error: unknown, doing: string): StoreError {
  if (error instanceof StoreError) return error;
  if (error instanceof GraphError) {
    const detail = `${doing} failed: Graph ${String(error.status)} ${error.code}: ${error.message}${error.requestId ? ` (request-id ${error.requestId})` : ''}`;
    return new StoreError(codeFor(error.status), detail, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError('unavailable', `${doing} failed: ${message}`, { cause: error });
}

function codeFor(status: number): StoreError['code'] {
  if (status === 404) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 400 || status === 422) return 'invalid';
  return 'unavailable';
}

export function isGraphStatus(error: unknown, status: number): boolean {
  return error instanceof GraphError && error.status === status;
}
