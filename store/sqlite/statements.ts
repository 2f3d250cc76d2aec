import type Database from 'better-sqlite3';
import type { Db } from './open-database.js';
import type { Row } from './validate.js';

export type Statement = Database.Statement<unknown[], Row>;

const caches = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per connection and reused. */
export function sql(db: Db, source: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(source);
  if (!statement) {
    statement = db.prepare<unknown[], Row>(source);
    cache.set(source, statement);
  }
  return statement;
}

/** Runs `work` in a write transaction taken up front (BEGIN IMMEDIATE), so a read-then-write never has to upgrade its lock. */
export function inWriteTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}
