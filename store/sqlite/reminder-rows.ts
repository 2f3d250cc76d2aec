import { ReminderLogEntry } from '../../core/model/index.js';
import { parseRow, type Row } from './validate.js';

export type ReminderColumns = Record<'id' | 'key' | 'plan_id' | 'action_id' | 'recipient' | 'kind' | 'planned_for' | 'state', string> &
  Record<'due_date' | 'last_error' | 'sent_at', string | null> & { attempts: number };

export function reminderColumns(entry: ReminderLogEntry): ReminderColumns {
  return {
    id: entry.id,
    key: entry.key,
    plan_id: entry.planId,
    action_id: entry.actionId,
    recipient: entry.recipient,
    kind: entry.kind,
    due_date: entry.dueDate,
    planned_for: entry.plannedFor,
    state: entry.state,
    attempts: entry.attempts,
    last_error: entry.lastError,
    sent_at: entry.sentAt,
  };
}

export function rowToReminder(row: Row): ReminderLogEntry {
  return parseRow(
    ReminderLogEntry,
    {
      id: row.id,
      key: row.key,
      planId: row.plan_id,
      actionId: row.action_id,
      recipient: row.recipient,
      kind: row.kind,
      dueDate: row.due_date,
      plannedFor: row.planned_for,
      state: row.state,
      attempts: row.attempts,
      lastError: row.last_error,
      sentAt: row.sent_at,
    },
    `reminder ${String(row.id)}`,
  );
}
