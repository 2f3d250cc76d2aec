import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../store-error.js';
import { toStoreError } from './sqlite-errors.js';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' for a private in-memory database. */
  path: string;
  /** How long a write waits for another connection's lock before giving up (ms). */
  busyTimeoutMs: number;
}

export function isMemoryPath(path: string): boolean {
  return path === ':memory:' || path === '';
}

/** Opens the connection and sets the pragmas every connection needs; no schema work here. */
export function openDatabase(options: OpenDatabaseOptions): Db {
  try {
    if (!isMemoryPath(options.path)) mkdirSync(dirname(resolve(options.path)), { recursive: true });
    const db = new Database(options.path);
    try {
      applyPragmas(db, options);
    } catch (error) {
      db.close();
      throw error;
    }
    return db;
  } catch (error) {
    throw toStoreError(error, `opening the database at ${options.path}`);
  }
}

function applyPragmas(db: Db, options: OpenDatabaseOptions): void {
  db.pragma(`busy_timeout = ${String(Math.max(0, Math.trunc(options.busyTimeoutMs)))}`);
  db.pragma('foreign_keys = ON');
  if (db.pragma('foreign_keys', { simple: true }) !== 1) {
    throw new StoreError('unavailable', 'this SQLite build cannot enforce foreign keys, which the store relies on');
  }
  if (!db.memory) {
    db.pragma('journal_mode = WAL');
  }
}
