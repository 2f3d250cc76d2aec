import { Recommendation, type RecommendationFields } from '../../core/model/index.js';
import { fromColumns, json, plain, toColumns, type ColumnMap } from './columns.js';
import { parseRow, type Row } from './validate.js';
import { rowMemo } from './parsed-rows.js';

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

/** The row checked against the model once per distinct content (see parsed-rows.ts). */
export const rowToRecommendation = (row: Row): Recommendation => memo.parse(row);

function checkRecommendationRow(row: Row): Recommendation {
  const where = `recommendation ${String(row.id)}`;
  const candidate = { ...fromColumns(RECOMMENDATION_FIELD_COLUMNS, row, where), id: row.id, planId: row.plan_id, position: row.position };
  return parseRow(Recommendation, candidate, where);
}

const memo = rowMemo(checkRecommendationRow);
