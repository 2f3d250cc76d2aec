/**
 * Migration 3: where the bot can reach each person, and leases.
 *
 * - `conversations`: one row per person, keyed by Entra object id. The Bot Framework reference is
 *   JSON (kept whole, extra fields included). `usable` is 0 once the person uninstalled or blocked
 *   the bot; the reference stays. The key ignores ASCII case, as SharePoint's unique FtKey does, so
 *   both stores find the same person for the same id.
 * - `leases`: one row per named lease (only the holder of "reminder-sweep" sweeps). A lease is
 *   free once `expires_at` is at or before the caller's "now"; instants are UTC `toISOString()`
 *   text, so comparing text compares time.
 */
export const SCHEMA_V3 = `
CREATE TABLE conversations (
  aad_object_id TEXT PRIMARY KEY NOT NULL COLLATE NOCASE CHECK (aad_object_id <> ''),
  display_name TEXT,
  tenant_id TEXT,
  reference_json TEXT NOT NULL CHECK (json_valid(reference_json)),
  usable INTEGER NOT NULL CHECK (usable IN (0, 1)),
  unusable_reason TEXT,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE leases (
  name TEXT PRIMARY KEY NOT NULL CHECK (name <> ''),
  holder TEXT NOT NULL CHECK (holder <> ''),
  expires_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`;
