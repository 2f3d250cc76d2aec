import { describeIssues } from '../validate.js';
import { ZodError } from 'zod';
import { StoreError, type StoreErrorCode } from '../store-error.js';

/** The shape of better-sqlite3's SqliteError, checked structurally so nothing is imported for it. */
interface SqliteLikeError extends Error {
  code: string;
}

function isSqliteError(error: unknown): error is SqliteLikeError {
  return error instanceof Error && typeof (error as Partial<SqliteLikeError>).code === 'string' && error.name === 'SqliteError';
}

/**
 * SQLite's result code, read as what a caller can do about it: a duplicate is a conflict, a
 * broken rule (foreign key, check, not null, an aborting trigger) is invalid input, and
 * everything else (busy, locked, I/O, full, corrupt, read-only) means the store cannot serve now.
 */
export function codeForSqlite(sqliteCode: string): StoreErrorCode {
  if (sqliteCode === 'SQLITE_CONSTRAINT_UNIQUE' || sqliteCode === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'conflict';
  if (sqliteCode.startsWith('SQLITE_CONSTRAINT')) return 'invalid';
  if (sqliteCode === 'SQLITE_MISMATCH' || sqliteCode === 'SQLITE_TOOBIG' || sqliteCode === 'SQLITE_RANGE') return 'invalid';
  return 'unavailable';
}

/** Any failure as a StoreError; the original stays as `cause`. `doing` says what was being attempted. */
export function toStoreError(error: unknown, doing: string): StoreError {
  if (error instanceof StoreError) return error;
  if (isSqliteError(error)) {
    return new StoreError(codeForSqlite(error.code), `${doing} failed: ${error.message} (${error.code})`, { cause: error });
  }
  if (error instanceof ZodError) {
    return new StoreError('invalid', `${doing} failed: ${describeIssues(error)}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError('unavailable', `${doing} failed: ${message}`, { cause: error });
}
