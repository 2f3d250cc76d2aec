import { StoreError } from '../store-error.js';
import type { Db } from './open-database.js';
import { SCHEMA_V1 } from './schema-v1.js';
import { SCHEMA_V3 } from './schema-v3.js';
import { SCHEMA_V4 } from './schema-v4.js';

export interface Migration {
  /** The `user_version` the database has once this migration is applied; 1, 2, 3… with no gaps. */
  version: number;
  name: string;
  sql: string;
}

/** Append only: a migration that has shipped is never edited, a new one is added after it. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: SCHEMA_V1 },
  {
    version: 2,
    name: 'reminder settings per plan; snoozing an action',
    sql: `ALTER TABLE plans ADD COLUMN reminders_json TEXT CHECK (reminders_json IS NULL OR json_valid(reminders_json));
          ALTER TABLE actions ADD COLUMN snoozed_until TEXT;`,
  },
  { version: 3, name: 'conversation references for proactive messages; leases', sql: SCHEMA_V3 },
  { version: 4, name: 'reviews, reviewers, the audit trail and impact measures', sql: SCHEMA_V4 },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function readSchemaVersion(db: Db): number {
  const value = db.pragma('user_version', { simple: true });
  return typeof value === 'number' ? value : Number(value);
}

/**
 * Brings the database up to `SCHEMA_VERSION`, one migration per transaction. The version is
 * re-read inside each write transaction, so two processes opening the same file at once do not
 * both apply a step. A database written by newer code is refused rather than misread.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.length;
  refuseNewer(readSchemaVersion(db), latest);
  for (const migration of migrations) {
    if (readSchemaVersion(db) >= migration.version) continue;
    db.transaction(() => {
      const current = readSchemaVersion(db);
      refuseNewer(current, latest);
      if (current >= migration.version) return;
      if (current !== migration.version - 1) {
        throw new StoreError('unavailable', `database is at schema version ${String(current)} and migration ${String(migration.version)} cannot follow it`);
      }
      db.exec(migration.sql);
      db.pragma(`user_version = ${String(migration.version)}`);
    }).immediate();
  }
  return readSchemaVersion(db);
}

function refuseNewer(current: number, latest: number): void {
  if (current > latest) {
    throw new StoreError(
      'unavailable',
      `database schema version ${String(current)} is newer than this code understands (${String(latest)}); upgrade Followthrough before opening it`,
    );
  }
}
