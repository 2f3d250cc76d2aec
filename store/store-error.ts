/** The store's one error type: what went wrong, in words a caller can act on. */
export type StoreErrorCode = 'not-found' | 'conflict' | 'invalid' | 'unavailable';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}
