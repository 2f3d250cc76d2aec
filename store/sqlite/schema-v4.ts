/**
 * Migration 4 (issue 6): governance reviews, the audit trail and impact measures.
 *
 * - `actions.review_json`: the latest review (earlier ones are in the audit trail);
 *   `plans.reviewers_json`: roles besides the plan's editors who may assure its actions.
 * - `audit`: one row per change, written in the same transaction as the change. `seq` keeps
 *   the order written for entries stamped with the same instant. The entity id is plain text,
 *   not a foreign key: the trail of an action outlives the action (a plan replaced by import
 *   drops its actions, not their history); deleting the plan deletes its trail.
 * - `measures` and `measure_values`: values live in a child table keyed by (measure, date), not a
 *   JSON array on the measure. "A second value on the same date replaces the first" is then the
 *   primary key's upsert, date order is the key's order, and adding a value never rewrites the
 *   others or races an edit of the measure's own fields. A measure's action is a foreign key
 *   that is cleared (the measure stays, plan-level) if the action goes with a replaced plan.
 */
export const SCHEMA_V4 = `
ALTER TABLE actions ADD COLUMN review_json TEXT CHECK (review_json IS NULL OR json_valid(review_json));
ALTER TABLE plans ADD COLUMN reviewers_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reviewers_json));

CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_json TEXT NOT NULL CHECK (json_valid(actor_json)),
  source TEXT NOT NULL,
  meeting_json TEXT CHECK (meeting_json IS NULL OR json_valid(meeting_json)),
  summary TEXT,
  changes_json TEXT NOT NULL CHECK (json_valid(changes_json))
) STRICT;
CREATE INDEX audit_plan_at ON audit (plan_id, at, seq);
CREATE INDEX audit_entity_at ON audit (entity_id, at, seq);

CREATE TABLE measures (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  action_id TEXT REFERENCES actions (id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  target REAL,
  direction TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX measures_plan_id ON measures (plan_id, seq);
CREATE INDEX measures_action_id ON measures (action_id) WHERE action_id IS NOT NULL;

CREATE TABLE measure_values (
  measure_id TEXT NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  value REAL NOT NULL,
  note TEXT,
  by_json TEXT NOT NULL CHECK (json_valid(by_json)),
  at TEXT NOT NULL,
  PRIMARY KEY (measure_id, date)
) STRICT, WITHOUT ROWID;
`;
