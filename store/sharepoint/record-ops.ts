import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { IsoDateTime, NewReminder, NewRole, NewUpdate, ReminderState, type ReminderLogEntry, type Role, type Update, roleKey } from '../../core/model/index.js';
import { nextReminderState } from '../../core/plan/reminder-state.js';
import { StoreError } from '../store-error.js';
import { canonicalInstant, parseInput } from '../validate.js';
import { getAction } from './action-writes.js';
import { reminderFields, reminderOf, roleFields, roleOf, updateFields, updateOf } from './item-fields.js';
import type { FieldFilter, ListClient, ListItem } from './lists/list-client.js';
import { findPlanRecord } from './plan-writes.js';
import { isGraphStatus } from './store-errors.js';

/** Records an update once per idempotency key; the unique column settles a race between two submits. */
export async function addUpdate(lists: ListClient, input: unknown): Promise<Update> {
  const parsed = parseInput(NewUpdate, input, 'update');
  const update: Update = { ...parsed, id: randomUUID(), at: canonicalInstant(parsed.at) };
  const earlier = update.idempotencyKey === null ? null : await findUpdateByKey(lists, update.idempotencyKey);
  if (earlier) return sameActionOrConflict(earlier, update);
  const found = await getAction(lists, update.actionId);
  if (found === null) throw new StoreError('not-found', `action ${update.actionId} does not exist`);
  if (found.action.planId !== update.planId) throw new StoreError('invalid', `action ${update.actionId} belongs to plan ${found.action.planId}, not ${update.planId}`);
  try {
    return updateOf(await lists.create('updates', updateFields(update)));
  } catch (error) {
    const raced = isGraphStatus(error, 409) && update.idempotencyKey !== null ? await findUpdateByKey(lists, update.idempotencyKey) : null;
    if (raced) return sameActionOrConflict(raced, update);
    throw error;
  }
}

export async function listUpdates(lists: ListClient, actionId: string): Promise<Update[]> {
  const items = await lists.query('updates', { where: [{ field: 'FtActionId', op: 'eq', value: actionId }] });
  return inRecordedOrder(items);
}

/** SharePoint item ids grow with each create: the tie-break for updates stamped at the same instant. */
function inRecordedOrder(items: readonly ListItem[]): Update[] {
  return items
    .map((item) => ({ update: updateOf(item), seq: Number(item.id) }))
    .sort((a, b) => a.update.at.localeCompare(b.update.at) || a.seq - b.seq)
    .map(({ update }) => update);
}

/** Updates are not tied to a generation: those of actions a replace removed are left out here. */
export async function listPlanUpdates(lists: ListClient, planId: string): Promise<Update[]> {
  const record = await findPlanRecord(lists, planId);
  if (record === null || !record.committed) return [];
  const byPlan = { field: 'FtPlanId', op: 'eq' as const, value: planId };
  const [actionItems, updateItems] = await Promise.all([
    lists.query('actions', { where: [byPlan, { field: 'FtGeneration', op: 'eq', value: record.generation }] }),
    lists.query('updates', { where: [byPlan] }),
  ]);
  const current = new Set(actionItems.map((item) => String(item.fields.FtKey)));
  return inRecordedOrder(updateItems).filter((update) => current.has(update.actionId));
}

/**
 * SharePoint's `$orderby` on list fields is unreliable (platform-facts.md), so the latest is
 * picked in code from the action's updates: one indexed query, a few pages at most.
 */
export async function lastUpdate(lists: ListClient, actionId: string): Promise<Update | null> {
  return (await listUpdates(lists, actionId)).at(-1) ?? null;
}

export async function findUpdateByKey(lists: ListClient, key: string): Promise<Update | null> {
  const [item] = await lists.query('updates', { where: [{ field: 'FtIdempotencyKey', op: 'eq', value: key }] });
  return item === undefined ? null : updateOf(item);
}

export function sameActionOrConflict(earlier: Update, offered: Update): Update {
  if (earlier.actionId === offered.actionId) return earlier;
  throw new StoreError('conflict', `idempotency key ${String(offered.idempotencyKey)} was already used for an update on action ${earlier.actionId}, not ${offered.actionId}`);
}

export async function saveRole(lists: ListClient, input: unknown): Promise<Role> {
  const parsed = parseInput(NewRole, input, 'role');
  const key = roleKey(parsed.name);
  if (key === '') throw new StoreError('invalid', `invalid role: the name "${parsed.name}" has no letters or digits to match on`);
  const [existing] = await lists.query('roles', { where: [{ field: 'FtRoleKey', op: 'eq', value: key }] });
  const role: Role = { id: existing ? roleOf(existing).id : randomUUID(), key, name: parsed.name, holders: parsed.holders, deputies: parsed.deputies };
  if (existing) await lists.update('roles', existing.id, roleFields(role), existing.eTag);
  else await lists.create('roles', roleFields(role));
  return role;
}

export async function listRoles(lists: ListClient): Promise<Role[]> {
  return (await lists.query('roles')).map(roleOf).sort((a, b) => a.key.localeCompare(b.key));
}

export async function findRole(lists: ListClient, name: string): Promise<Role | null> {
  const key = roleKey(parseInput(z.string(), name, 'role name'));
  if (key === '') return null;
  const [item] = await lists.query('roles', { where: [{ field: 'FtRoleKey', op: 'eq', value: key }] });
  return item === undefined ? null : roleOf(item);
}

export async function planReminder(lists: ListClient, input: unknown): Promise<ReminderLogEntry> {
  const parsed = parseInput(NewReminder, input, 'reminder');
  const entry: ReminderLogEntry = { ...parsed, id: randomUUID(), plannedFor: canonicalInstant(parsed.plannedFor), state: 'planned', attempts: 0, lastError: null, sentAt: null };
  const existing = await findReminderByKey(lists, entry.key);
  if (existing) return existing;
  const found = await getAction(lists, entry.actionId);
  if (found === null) throw new StoreError('not-found', `action ${entry.actionId} does not exist`);
  if (found.action.planId !== entry.planId) throw new StoreError('invalid', `action ${entry.actionId} belongs to plan ${found.action.planId}, not ${entry.planId}`);
  try {
    return reminderOf(await lists.create('reminders', reminderFields(entry)));
  } catch (error) {
    const raced = isGraphStatus(error, 409) ? await findReminderByKey(lists, entry.key) : null;
    if (raced) return raced;
    throw error;
  }
}

const StateDetail = z.object({ error: z.string().nullable().optional(), at: IsoDateTime });

export async function setReminderState(lists: ListClient, id: string, stateInput: unknown, detailInput: unknown): Promise<ReminderLogEntry> {
  const state = parseInput(ReminderState, stateInput, 'reminder state');
  const detail = parseInput(StateDetail, detailInput, 'reminder state detail');
  const item = await lists.getByKey('reminders', id);
  if (item === null) throw new StoreError('not-found', `reminder ${id} does not exist`);
  const next = nextReminderState(reminderOf(item), state, { error: detail.error ?? null, at: canonicalInstant(detail.at) });
  await lists.update('reminders', item.id, reminderFields(next), item.eTag);
  return next;
}

const ReminderFilter = z.object({ planId: z.string().optional(), state: ReminderState.optional(), actionId: z.string().optional(), plannedBefore: IsoDateTime.optional() });
const FILTER_FIELDS = { planId: 'FtPlanId', state: 'FtState', actionId: 'FtActionId' } as const;

/**
 * Reminders matching every filter, in planned order. `plannedBefore` (inclusive) filters on the
 * indexed FtPlannedFor; SharePoint keeps date-times to the second, so the server is asked up to
 * the next whole second and FtData's exact instant decides.
 */
export async function listReminders(lists: ListClient, filterInput: unknown): Promise<ReminderLogEntry[]> {
  const filter = parseInput(ReminderFilter, filterInput, 'reminder filter');
  const where: FieldFilter[] = (Object.keys(FILTER_FIELDS) as (keyof typeof FILTER_FIELDS)[]).flatMap((name) => {
    const value = filter[name];
    return value === undefined ? [] : [{ field: FILTER_FIELDS[name], op: 'eq' as const, value }];
  });
  const before = filter.plannedBefore === undefined ? null : Date.parse(filter.plannedBefore);
  if (before !== null) where.push({ field: 'FtPlannedFor', op: 'le', value: new Date(Math.ceil(before / 1000) * 1000).toISOString() });
  const items = await lists.query('reminders', { where });
  return items
    .map((item) => ({ entry: reminderOf(item), seq: Number(item.id) }))
    .filter(({ entry }) => before === null || Date.parse(entry.plannedFor) <= before)
    .sort((a, b) => a.entry.plannedFor.localeCompare(b.entry.plannedFor) || a.seq - b.seq)
    .map(({ entry }) => entry);
}

async function findReminderByKey(lists: ListClient, key: string): Promise<ReminderLogEntry | null> {
  const [item] = await lists.query('reminders', { where: [{ field: 'FtReminderKey', op: 'eq', value: key }] });
  return item === undefined ? null : reminderOf(item);
}
