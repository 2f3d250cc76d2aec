import { randomUUID } from 'node:crypto';
import { AuditEntry, type AuditEntity, type FieldChange } from '../../core/model/index.js';
import type { ChangedByValue } from './arguments.js';
import type { Db } from './open-database.js';
import { sql } from './statements.js';
import { parseRow, readJson, writeJson, type Row } from './validate.js';

/** One change to write: what it is about, when, by whom, and the fields (empty for a summary-only entry). */
export interface AuditWrite {
  planId: string;
  entity: AuditEntity;
  entityId: string;
  /** Canonical (UTC `toISOString`) so that text order is time order. */
  at: string;
  by: ChangedByValue;
  changes: readonly FieldChange[];
}

const INSERT_AUDIT = `INSERT INTO audit (id, plan_id, entity, entity_id, at, actor_json, source, meeting_json, summary, changes_json)
  VALUES (@id, @plan_id, @entity, @entity_id, @at, @actor_json, @source, @meeting_json, @summary, @changes_json)`;

/** Writes one entry; the caller is inside the change's own transaction. */
export function insertAuditRow(db: Db, entry: AuditWrite): void {
  sql(db, INSERT_AUDIT).run({
    id: randomUUID(),
    plan_id: entry.planId,
    entity: entry.entity,
    entity_id: entry.entityId,
    at: entry.at,
    actor_json: JSON.stringify(entry.by.actor),
    source: entry.by.source,
    meeting_json: writeJson(entry.by.meeting),
    summary: entry.by.summary,
    changes_json: JSON.stringify(entry.changes),
  });
}

/** Writes the entry only if some field changed: an edit that changed nothing leaves no trace. */
export function auditChanges(db: Db, entry: AuditWrite): void {
  if (entry.changes.length > 0) insertAuditRow(db, entry);
}

export function rowToAudit(row: Row): AuditEntry {
  const where = `audit entry ${String(row.id)}`;
  return parseRow(
    AuditEntry,
    {
      id: row.id,
      planId: row.plan_id,
      entity: row.entity,
      entityId: row.entity_id,
      at: row.at,
      actor: readJson(row.actor_json, 'actor_json', where),
      source: row.source,
      meeting: readJson(row.meeting_json, 'meeting_json', where),
      summary: row.summary,
      changes: readJson(row.changes_json, 'changes_json', where),
    },
    where,
  );
}
