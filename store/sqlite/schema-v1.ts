/**
 * The first schema. Nested values (fuzzy dates, leads, revisions, flags, the RAG key, statements,
 * details, people) are JSON text checked with json_valid; whatever is queried, joined or sorted on
 * is a real column with an index. Tables are STRICT, so a column never holds a value of the wrong type.
 * Instants are stored as UTC `toISOString()` text, so text order is time order.
 */
export const SCHEMA_V1 = `
CREATE TABLE plans (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT NOT NULL,
  references_json TEXT NOT NULL CHECK (json_valid(references_json)),
  source_report TEXT,
  published_json TEXT CHECK (published_json IS NULL OR json_valid(published_json)),
  organisations_json TEXT NOT NULL CHECK (json_valid(organisations_json)),
  owner TEXT,
  forums_json TEXT NOT NULL CHECK (json_valid(forums_json)),
  status TEXT NOT NULL,
  statements_json TEXT NOT NULL CHECK (json_valid(statements_json)),
  rag_key_json TEXT NOT NULL CHECK (json_valid(rag_key_json)),
  last_updated_json TEXT CHECK (last_updated_json IS NULL OR json_valid(last_updated_json)),
  details_json TEXT NOT NULL CHECK (json_valid(details_json)),
  columns_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(columns_json)),
  warnings_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings_json)),
  discarded_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(discarded_json)),
  content_key TEXT,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX plans_updated_at ON plans (updated_at);
CREATE INDEX plans_content_key ON plans (content_key) WHERE content_key IS NOT NULL;
CREATE INDEX plans_status ON plans (status);

-- One row per normalised reference (lower case, no spaces): how duplicate imports are found.
CREATE TABLE plan_reference_keys (
  plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  ref_key TEXT NOT NULL,
  PRIMARY KEY (plan_id, ref_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX plan_reference_keys_ref_key ON plan_reference_keys (ref_key);

CREATE TABLE recommendations (
  id TEXT PRIMARY KEY NOT NULL,
  plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  number TEXT,
  text TEXT NOT NULL,
  organisation TEXT,
  finding TEXT,
  flags_json TEXT NOT NULL CHECK (json_valid(flags_json)),
  source_line INTEGER,
  UNIQUE (plan_id, position)
) STRICT;

CREATE TABLE actions (
  id TEXT PRIMARY KEY NOT NULL,
  plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  recommendation_id TEXT NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  ref TEXT,
  text TEXT NOT NULL,
  leads_json TEXT NOT NULL CHECK (json_valid(leads_json)),
  lead_text TEXT,
  due_json TEXT CHECK (due_json IS NULL OR json_valid(due_json)),
  revisions_json TEXT NOT NULL CHECK (json_valid(revisions_json)),
  effective_due TEXT,
  status TEXT NOT NULL,
  rag TEXT,
  status_text TEXT,
  further_action TEXT,
  evidence TEXT,
  measurement TEXT,
  outcomes TEXT,
  monitoring TEXT,
  reported_to TEXT,
  completed_json TEXT CHECK (completed_json IS NULL OR json_valid(completed_json)),
  other_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(other_json)),
  flags_json TEXT NOT NULL CHECK (json_valid(flags_json)),
  source_line INTEGER,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (recommendation_id, position)
) STRICT;
CREATE INDEX actions_plan_id ON actions (plan_id);
CREATE INDEX actions_status ON actions (status);
CREATE INDEX actions_effective_due ON actions (effective_due) WHERE effective_due IS NOT NULL;
CREATE INDEX actions_updated_at ON actions (updated_at);

CREATE TABLE updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  action_id TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
  plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  author_json TEXT NOT NULL CHECK (json_valid(author_json)),
  source TEXT NOT NULL,
  note TEXT NOT NULL,
  status TEXT,
  revised_due_json TEXT CHECK (revised_due_json IS NULL OR json_valid(revised_due_json)),
  evidence TEXT,
  idempotency_key TEXT
) STRICT;
CREATE INDEX updates_action_at ON updates (action_id, at, seq);
CREATE INDEX updates_plan_id ON updates (plan_id);
CREATE UNIQUE INDEX updates_idempotency_key ON updates (idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE TABLE roles (
  id TEXT PRIMARY KEY NOT NULL,
  key TEXT NOT NULL UNIQUE CHECK (key <> ''),
  name TEXT NOT NULL,
  holders_json TEXT NOT NULL CHECK (json_valid(holders_json)),
  deputies_json TEXT NOT NULL CHECK (json_valid(deputies_json))
) STRICT;

CREATE TABLE reminders (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  key TEXT NOT NULL UNIQUE,
  plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  action_id TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
  recipient TEXT NOT NULL,
  kind TEXT NOT NULL,
  due_date TEXT,
  planned_for TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT,
  sent_at TEXT
) STRICT;
CREATE INDEX reminders_plan_id ON reminders (plan_id);
CREATE INDEX reminders_action_id ON reminders (action_id);
CREATE INDEX reminders_state_planned_for ON reminders (state, planned_for);
`;
