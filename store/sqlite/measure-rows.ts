import { Measure, MeasureValue, type MeasureFields } from '../../core/model/index.js';
import type { Db } from './open-database.js';
import { sql } from './statements.js';
import { parseRow, readJson, type Row } from './validate.js';

/** The fields a measure states, in the order the audit trail lists them. */

export function measureFieldColumns(fields: MeasureFields): Record<string, unknown> {
  return { name: fields.name, unit: fields.unit, target: fields.target, direction: fields.direction, action_id: fields.actionId };
}

export function rowToMeasure(row: Row, values: readonly MeasureValue[]): Measure {
  const where = `measure ${String(row.id)}`;
  return parseRow(
    Measure,
    {
      id: row.id,
      planId: row.plan_id,
      actionId: row.action_id,
      name: row.name,
      unit: row.unit,
      target: row.target,
      direction: row.direction,
      values,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
    where,
  );
}

export function rowToMeasureValue(row: Row): MeasureValue {
  const where = `value of measure ${String(row.measure_id)} on ${String(row.date)}`;
  return parseRow(MeasureValue, { date: row.date, value: row.value, note: row.note, by: readJson(row.by_json, 'by_json', where), at: row.at }, where);
}

/** One measure with its values in date order, or null. */
export function findMeasure(db: Db, measureId: string): Measure | null {
  const row = sql(db, 'SELECT * FROM measures WHERE id = ?').get(measureId);
  if (!row) return null;
  const values = sql(db, 'SELECT * FROM measure_values WHERE measure_id = ? ORDER BY date').all(measureId).map(rowToMeasureValue);
  return rowToMeasure(row, values);
}
