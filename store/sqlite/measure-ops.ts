import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { diffFields, renderValue } from '../../core/assurance/audit-diff.js';
import { MeasureFields, MeasureValue, type Measure } from '../../core/model/index.js';
import { StoreError } from '../store-error.js';
import { auditChanges } from './audit-rows.js';
import { changedByArg, idArg, instantArg, type ChangedByValue } from './arguments.js';
import { findMeasure, measureFieldColumns, rowToMeasure, rowToMeasureValue } from './measure-rows.js';
import { MEASURE_FIELD_NAMES } from '../../core/assurance/audit-text.js';
import type { Db } from './open-database.js';
import { staleVersion } from './plan-edits.js';
import { inWriteTransaction, sql } from './statements.js';
import { canonicalInstant, parseInput } from './validate.js';

const Expected = z.object({ id: z.string().min(1), version: z.number().int().positive() }).nullable();

const INSERT_MEASURE = `INSERT INTO measures (id, plan_id, action_id, name, unit, target, direction, version, created_at, updated_at)
  VALUES (@id, @plan_id, @action_id, @name, @unit, @target, @direction, 1, @now, @now)`;

const UPDATE_MEASURE = `UPDATE measures SET action_id = @action_id, name = @name, unit = @unit, target = @target, direction = @direction,
  version = version + 1, updated_at = @now WHERE id = @id AND version = @expected`;

/** Same date, new reading: the primary key (measure, date) makes it a replacement. */
const UPSERT_VALUE = `INSERT INTO measure_values (measure_id, date, value, note, by_json, at) VALUES (@measure_id, @date, @value, @note, @by_json, @at)
  ON CONFLICT (measure_id, date) DO UPDATE SET value = excluded.value, note = excluded.note, by_json = excluded.by_json, at = excluded.at`;

/** The plan's measures in the order created, each with its values in date order: two queries, however many measures. */
export function listMeasures(db: Db, planIdInput: unknown): Measure[] {
  const planId = idArg(planIdInput, 'plan id');
  const values = new Map<string, MeasureValue[]>();
  const valueRows = sql(db, 'SELECT v.* FROM measure_values v JOIN measures m ON m.id = v.measure_id WHERE m.plan_id = ? ORDER BY v.measure_id, v.date').all(planId);
  for (const row of valueRows) {
    const id = String(row.measure_id);
    values.set(id, [...(values.get(id) ?? []), rowToMeasureValue(row)]);
  }
  return sql(db, 'SELECT * FROM measures WHERE plan_id = ? ORDER BY seq')
    .all(planId)
    .map((row) => rowToMeasure(row, values.get(String(row.id)) ?? []));
}

/** Creates a measure (`expected` null) or edits one at the expected version; audited either way. */
export function saveMeasure(db: Db, planIdInput: unknown, fieldsInput: unknown, expectedInput: unknown, nowInput: unknown, byInput: unknown): Measure {
  const planId = idArg(planIdInput, 'plan id');
  const fields = parseInput(MeasureFields, fieldsInput, 'measure');
  const expected = parseInput(Expected, expectedInput, 'expected measure version');
  const now = canonicalInstant(instantArg(nowInput, 'now'));
  const by = changedByArg(byInput);
  return inWriteTransaction(db, () => {
    requireTarget(db, planId, fields.actionId);
    return expected === null ? createMeasure(db, planId, fields, now, by) : editMeasure(db, planId, fields, expected, now, by);
  });
}

function requireTarget(db: Db, planId: string, actionId: string | null): void {
  if (!sql(db, 'SELECT 1 FROM plans WHERE id = ?').get(planId)) throw new StoreError('not-found', `plan ${planId} does not exist`);
  if (actionId === null) return;
  const action = sql(db, 'SELECT plan_id FROM actions WHERE id = ?').get(actionId);
  if (!action) throw new StoreError('not-found', `action ${actionId} does not exist`);
  if (action.plan_id !== planId) throw new StoreError('invalid', `action ${actionId} belongs to plan ${String(action.plan_id)}, not ${planId}`);
}

function createMeasure(db: Db, planId: string, fields: MeasureFields, now: string, by: ChangedByValue): Measure {
  const id = randomUUID();
  sql(db, INSERT_MEASURE).run({ id, plan_id: planId, now, ...measureFieldColumns(fields) });
  auditChanges(db, { planId, entity: 'measure', entityId: id, at: now, by, changes: diffFields(null, fields, MEASURE_FIELD_NAMES) });
  return { ...fields, id, planId, values: [], version: 1, createdAt: now, updatedAt: now };
}

function editMeasure(db: Db, planId: string, fields: MeasureFields, expected: { id: string; version: number }, now: string, by: ChangedByValue): Measure {
  const current = findMeasure(db, expected.id);
  if (current?.planId !== planId) throw new StoreError('not-found', `measure ${expected.id} does not exist in plan ${planId}`);
  if (current.version !== expected.version) throw staleVersion(`measure ${current.id}`, current.version, expected.version);
  const result = sql(db, UPDATE_MEASURE).run({ id: current.id, expected: expected.version, now, ...measureFieldColumns(fields) });
  if (result.changes !== 1) throw staleVersion(`measure ${current.id}`, current.version, expected.version);
  auditChanges(db, { planId, entity: 'measure', entityId: current.id, at: now, by, changes: diffFields(current, fields, MEASURE_FIELD_NAMES) });
  return { ...current, ...fields, version: current.version + 1, updatedAt: now };
}

/**
 * Adds a dated value, replacing one on the same date. The measure's version is left alone: it
 * guards the measure's own fields, and a reading reported meanwhile must not make an editor's
 * change of its name or target fail. `updatedAt` moves on to the reading's time.
 */
export function addMeasureValue(db: Db, measureIdInput: unknown, valueInput: unknown, byInput: unknown): Measure {
  const measureId = idArg(measureIdInput, 'measure id');
  const parsed = parseInput(MeasureValue, valueInput, 'measure value');
  const value: MeasureValue = { ...parsed, at: canonicalInstant(parsed.at) };
  const by = changedByArg(byInput);
  return inWriteTransaction(db, () => {
    const current = findMeasure(db, measureId);
    if (!current) throw new StoreError('not-found', `measure ${measureId} does not exist`);
    const before = current.values.find((reading) => reading.date === value.date) ?? null;
    sql(db, UPSERT_VALUE).run({ measure_id: measureId, date: value.date, value: value.value, note: value.note, by_json: JSON.stringify(value.by), at: value.at });
    sql(db, 'UPDATE measures SET updated_at = max(updated_at, @at) WHERE id = @id').run({ id: measureId, at: value.at });
    const change = { field: `value on ${value.date}`, from: readingText(before), to: readingText(value) };
    auditChanges(db, { planId: current.planId, entity: 'measure', entityId: measureId, at: value.at, by, changes: change.from === change.to ? [] : [change] });
    const values = [...current.values.filter((reading) => reading.date !== value.date), value].sort((a, b) => a.date.localeCompare(b.date));
    return { ...current, values, updatedAt: current.updatedAt > value.at ? current.updatedAt : value.at };
  });
}

/** "89.87 (after the new checklist)". */
function readingText(reading: Pick<MeasureValue, 'value' | 'note'> | null): string | null {
  if (reading === null) return null;
  const number = renderValue('value', reading.value);
  return reading.note === null ? number : `${String(number)} (${reading.note})`;
}
