import { AuditQuery, type AuditEntry } from '../../core/model/index.js';
import { rowToAudit } from './audit-rows.js';
import type { Db } from './open-database.js';
import { sql } from './statements.js';
import { canonicalInstant, parseInput } from './validate.js';

/** Oldest first; entries stamped with the same instant in the order written. */
const LIST_AUDIT = `SELECT * FROM audit
  WHERE plan_id = @plan_id AND (@entity_id IS NULL OR entity_id = @entity_id) AND (@since IS NULL OR at >= @since)
  ORDER BY at, seq`;

export function listAudit(db: Db, queryInput: unknown): AuditEntry[] {
  const query = parseInput(AuditQuery, queryInput, 'audit query');
  // Stored instants are canonical UTC text; the bound must be too, or text order is not time order.
  const since = query.since === undefined ? null : canonicalInstant(query.since);
  return sql(db, LIST_AUDIT)
    .all({ plan_id: query.planId, entity_id: query.entityId ?? null, since })
    .map(rowToAudit);
}
