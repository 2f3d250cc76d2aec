import { Update } from '../../core/model/index.js';
import type { Db } from './open-database.js';
import { sql } from './statements.js';
import { parseRow, readJson, writeJson, type Row } from './validate.js';
import { rowMemo } from './parsed-rows.js';

interface UpdateColumns {
  id: string;
  action_id: string;
  plan_id: string;
  at: string;
  author_json: string;
  source: string;
  note: string;
  status: string | null;
  revised_due_json: string | null;
  evidence: string | null;
  idempotency_key: string | null;
}

function updateColumns(update: Update): UpdateColumns {
  return {
    id: update.id,
    action_id: update.actionId,
    plan_id: update.planId,
    at: update.at,
    author_json: JSON.stringify(update.author),
    source: update.source,
    note: update.note,
    status: update.status,
    revised_due_json: writeJson(update.revisedDue),
    evidence: update.evidence,
    idempotency_key: update.idempotencyKey,
  };
}

/** The row checked against the model once per distinct content (see parsed-rows.ts). */
export const rowToUpdate = (row: Row): Update => memo.parse(row);

function checkUpdateRow(row: Row): Update {
  const where = `update ${String(row.id)}`;
  return parseRow(
    Update,
    {
      id: row.id,
      actionId: row.action_id,
      planId: row.plan_id,
      at: row.at,
      author: readJson(row.author_json, 'author_json', where),
      source: row.source,
      note: row.note,
      status: row.status,
      revisedDue: readJson(row.revised_due_json, 'revised_due_json', where),
      evidence: row.evidence,
      idempotencyKey: row.idempotency_key,
    },
    where,
  );
}

export function insertUpdateRow(db: Db, update: Update): void {
  sql(
    db,
    `INSERT INTO updates (id, action_id, plan_id, at, author_json, source, note, status, revised_due_json, evidence, idempotency_key)
     VALUES (@id, @action_id, @plan_id, @at, @author_json, @source, @note, @status, @revised_due_json, @evidence, @idempotency_key)`,
  ).run(updateColumns(update));
}

const memo = rowMemo(checkUpdateRow);
