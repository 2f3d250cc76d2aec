import { Action, effectiveDue, type ActionFields } from '../../core/model/index.js';
import { fromColumns, json, plain, toColumns, type ColumnMap } from './columns.js';
import { parseRow, type Row } from './validate.js';
import { rowMemo } from './parsed-rows.js';

/**
 * Where each of the action's own fields is stored. Optional text fields that are absent are
 * stored as NULL and read back as null: the store has one form for "not given".
 */
export const ACTION_FIELD_COLUMNS: ColumnMap<ActionFields> = {
  ref: plain('ref'),
  text: plain('text'),
  leads: json('leads_json'),
  leadText: plain('lead_text'),
  due: json('due_json'),
  revisions: json('revisions_json'),
  status: plain('status'),
  rag: plain('rag'),
  statusText: plain('status_text'),
  furtherAction: plain('further_action'),
  evidence: plain('evidence'),
  measurement: plain('measurement'),
  outcomes: plain('outcomes'),
  monitoring: plain('monitoring'),
  reportedTo: plain('reported_to'),
  completed: json('completed_json'),
  other: json('other_json'),
  flags: json('flags_json'),
  snoozedUntil: plain('snoozed_until'),
  review: json('review_json'),
};

/** The field columns plus `effective_due`, the derived date reminders sweep on. */
export function actionFieldColumns(fields: ActionFields): Record<string, unknown> {
  return { ...toColumns(ACTION_FIELD_COLUMNS, fields), effective_due: effectiveDue(fields) };
}

/** The row checked against the model once per distinct content (see parsed-rows.ts). */
export const rowToAction = (row: Row): Action => memo.parse(row);

function checkActionRow(row: Row): Action {
  const where = `action ${String(row.id)}`;
  const candidate = {
    ...fromColumns(ACTION_FIELD_COLUMNS, row, where),
    id: row.id,
    planId: row.plan_id,
    recommendationId: row.recommendation_id,
    position: row.position,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return parseRow(Action, candidate, where);
}

const memo = rowMemo(checkActionRow);
