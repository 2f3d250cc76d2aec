import { StoreError, type StoreErrorCode } from '../../store/store-error.js';

export function isStoreError(error: unknown, code: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && error.code === code;
}

/** One line for an error in a failure message: its StoreError code and message. */
export function describeError(error: unknown): string {
  if (error instanceof StoreError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * A read as a caller makes it: repeated while the store says 'unavailable', up to `attempts`
 * calls; anything else, or running out, is thrown.
 */
export async function readRetrying<T>(attempts: number, read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (!isStoreError(error, 'unavailable') || attempt >= attempts) throw error;
    }
  }
}
