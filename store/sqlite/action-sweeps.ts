import { z } from 'zod';
import { CLOSED_STATUSES, IsoDate, type Action } from '../../core/model/index.js';
import { rowToAction } from './action-rows.js';
import type { Db } from './open-database.js';
import { sql } from './statements.js';
import { parseInput, parseInstant } from '../validate.js';

const CLOSED = JSON.stringify(CLOSED_STATUSES);

/** Uses the partial index on effective_due; closed statuses and closed plans are left out. */
export function listOpenActionsDueBy(db: Db, dateInput: unknown): Action[] {
  const date = parseInput(IsoDate, dateInput, 'due-by date');
  return sql(
    db,
    `SELECT a.* FROM actions a JOIN plans p ON p.id = a.plan_id
     WHERE a.effective_due IS NOT NULL AND a.effective_due <= @date
       AND a.status NOT IN (SELECT value FROM json_each(@closed)) AND p.status != 'closed'
     ORDER BY a.effective_due, a.plan_id, a.recommendation_id, a.position`,
  )
    .all({ date, closed: CLOSED })
    .map(rowToAction);
}

/** Open actions of open plans, undated ones last. */
export function listOpenActions(db: Db): Action[] {
  return sql(
    db,
    `SELECT a.* FROM actions a JOIN plans p ON p.id = a.plan_id
     WHERE a.status NOT IN (SELECT value FROM json_each(@closed)) AND p.status != 'closed'
     ORDER BY a.effective_due IS NULL, a.effective_due, a.plan_id, a.recommendation_id, a.position`,
  )
    .all({ closed: CLOSED })
    .map(rowToAction);
}

export function listActionsChangedSince(db: Db, sinceInput: unknown): Action[] {
  const since = sinceInput === null ? null : parseInstant(parseInput(z.string(), sinceInput, 'since'), 'since');
  const rows = since === null ? sql(db, 'SELECT * FROM actions ORDER BY updated_at, id').all() : sql(db, 'SELECT * FROM actions WHERE updated_at >= ? ORDER BY updated_at, id').all(since);
  return rows.map(rowToAction);
}
