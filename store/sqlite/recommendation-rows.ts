import { Recommendation, type RecommendationFields } from '../../core/model/index.js';
import { fromColumns, json, plain, toColumns, type ColumnMap } from './columns.js';
import { parseRow, type Row } from './validate.js';

export const RECOMMENDATION_FIELD_COLUMNS: ColumnMap<RecommendationFields> = {
  number: plain('number'),
  text: plain('text'),
  organisation: plain('organisation'),
  finding: plain('finding'),
  flags: json('flags_json'),
};

export function recommendationFieldColumns(fields: RecommendationFields): Record<string, unknown> {
  return toColumns(RECOMMENDATION_FIELD_COLUMNS, fields);
}

export function rowToRecommendation(row: Row): Recommendation {
  const where = `recommendation ${String(row.id)}`;
  const candidate = { ...fromColumns(RECOMMENDATION_FIELD_COLUMNS, row, where), id: row.id, planId: row.plan_id, position: row.position };
  return parseRow(Recommendation, candidate, where);
}
