import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { IsoDateTime, NewReminder, ReminderState, type ReminderLogEntry } from '../../core/model/index.js';
import { StoreError } from '../store-error.js';
import { findAction } from './action-ops.js';
import { idArg } from './arguments.js';
import type { Db } from './open-database.js';
import { reminderColumns, rowToReminder } from './reminder-rows.js';
import { nextReminderState } from '../../core/plan/reminder-state.js';
import { inWriteTransaction, sql } from './statements.js';
import { canonicalInstant, parseInput } from './validate.js';

const StateDetail = z.object({ error: z.string().nullable().optional(), at: IsoDateTime });
const ReminderFilter = z.object({ planId: z.string().optional(), state: ReminderState.optional(), actionId: z.string().optional(), plannedBefore: IsoDateTime.optional() });

const FILTER_COLUMNS = { planId: 'plan_id', state: 'state', actionId: 'action_id' } as const;

/** Plans a reminder once: the key decides, and a second plan of it returns the first. */
export function planReminder(db: Db, input: unknown): ReminderLogEntry {
  const parsed = parseInput(NewReminder, input, 'reminder');
  const entry: ReminderLogEntry = {
    ...parsed,
    id: randomUUID(),
    plannedFor: canonicalInstant(parsed.plannedFor),
    state: 'planned',
    attempts: 0,
    lastError: null,
    sentAt: null,
  };
  return inWriteTransaction(db, () => {
    const existing = findReminderBy(db, 'key', entry.key);
    if (existing) return existing;
    const action = findAction(db, entry.actionId);
    if (!action) throw new StoreError('not-found', `action ${entry.actionId} does not exist`);
    if (action.planId !== entry.planId) throw new StoreError('invalid', `action ${entry.actionId} belongs to plan ${action.planId}, not ${entry.planId}`);
    writeReminder(db, entry, 'insert');
    return findReminderOrFail(db, entry.id);
  });
}

export function setReminderState(db: Db, idInput: unknown, stateInput: unknown, detailInput: unknown): ReminderLogEntry {
  const id = idArg(idInput, 'reminder id');
  const state = parseInput(ReminderState, stateInput, 'reminder state');
  const detail = parseInput(StateDetail, detailInput, 'reminder state detail');
  return inWriteTransaction(db, () => {
    const next = nextReminderState(findReminderOrFail(db, id), state, { error: detail.error ?? null, at: canonicalInstant(detail.at) });
    writeReminder(db, next, 'update');
    return findReminderOrFail(db, id);
  });
}

/**
 * Reminders matching every filter given, in the order they are planned for. `plannedBefore` is
 * inclusive; with `state` it is a range scan of the (state, planned_for) index — the sweep's query.
 */
export function listReminders(db: Db, filterInput: unknown): ReminderLogEntry[] {
  const filter = parseInput(ReminderFilter, filterInput, 'reminder filter');
  const given = (Object.keys(FILTER_COLUMNS) as (keyof typeof FILTER_COLUMNS)[]).filter((name) => filter[name] !== undefined);
  const clauses = given.map((name) => `${FILTER_COLUMNS[name]} = @${name}`);
  const params: Record<string, string | undefined> = Object.fromEntries(given.map((name) => [name, filter[name]]));
  if (filter.plannedBefore !== undefined) {
    // planned_for is stored canonical (UTC toISOString), so text order is time order.
    clauses.push('planned_for <= @plannedBefore');
    params.plannedBefore = canonicalInstant(filter.plannedBefore);
  }
  const where = clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
  const statement = sql(db, `SELECT * FROM reminders ${where} ORDER BY planned_for, seq`);
  const rows = clauses.length === 0 ? statement.all() : statement.all(params);
  return rows.map(rowToReminder);
}

function writeReminder(db: Db, entry: ReminderLogEntry, how: 'insert' | 'update'): void {
  const statement =
    how === 'insert'
      ? `INSERT INTO reminders (id, key, plan_id, action_id, recipient, kind, due_date, planned_for, state, attempts, last_error, sent_at)
         VALUES (@id, @key, @plan_id, @action_id, @recipient, @kind, @due_date, @planned_for, @state, @attempts, @last_error, @sent_at)`
      : `UPDATE reminders SET state = @state, attempts = @attempts, last_error = @last_error, sent_at = @sent_at WHERE id = @id`;
  sql(db, statement).run(reminderColumns(entry));
}

function findReminderBy(db: Db, column: 'id' | 'key', value: string): ReminderLogEntry | null {
  const row = sql(db, `SELECT * FROM reminders WHERE ${column} = ?`).get(value);
  return row ? rowToReminder(row) : null;
}

function findReminderOrFail(db: Db, id: string): ReminderLogEntry {
  const entry = findReminderBy(db, 'id', id);
  if (!entry) throw new StoreError('not-found', `reminder ${id} does not exist`);
  return entry;
}
