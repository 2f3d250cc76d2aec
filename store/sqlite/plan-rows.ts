import { Plan, type PlanFields } from '../../core/model/index.js';
import type { PlanSummary } from '../plan-store.js';
import { StoreError } from '../store-error.js';
import { fromColumns, json, plain, toColumns, type ColumnMap } from './columns.js';
import { parseRow, type Row } from './validate.js';
import { rowMemo } from './parsed-rows.js';

/** Where each of the plan's own fields is stored. */
export const PLAN_FIELD_COLUMNS: ColumnMap<PlanFields> = {
  title: plain('title'),
  references: json('references_json'),
  sourceReport: plain('source_report'),
  published: json('published_json'),
  organisations: json('organisations_json'),
  owner: plain('owner'),
  forums: json('forums_json'),
  reviewers: json('reviewers_json'),
  status: plain('status'),
  statements: json('statements_json'),
  ragKey: json('rag_key_json'),
  lastUpdated: json('last_updated_json'),
  details: json('details_json'),
  columns: json('columns_json'),
  reminders: json('reminders_json'),
};

export function planFieldColumns(fields: PlanFields): Record<string, unknown> {
  return toColumns(PLAN_FIELD_COLUMNS, fields);
}

/** The row checked against the model once per distinct content (see parsed-rows.ts). */
export const rowToPlan = (row: Row): Plan => memo.parse(row);

function checkPlanRow(row: Row): Plan {
  const where = `plan ${String(row.id)}`;
  const candidate = {
    ...fromColumns(PLAN_FIELD_COLUMNS, row, where),
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    contentKey: row.content_key,
  };
  return parseRow(Plan, candidate, where);
}

/** A summary row: the plan's columns plus `recommendation_count` and `action_count`. */
export function rowToSummary(row: Row): PlanSummary {
  const plan = rowToPlan(row);
  return {
    id: plan.id,
    title: plan.title,
    references: plan.references,
    status: plan.status,
    recommendations: countOf(row.recommendation_count, plan.id),
    actions: countOf(row.action_count, plan.id),
    updatedAt: plan.updatedAt,
  };
}

function countOf(value: unknown, planId: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new StoreError('invalid', `count for plan ${planId} is not a whole number`);
}

/** How references are compared: case, spacing and Unicode width do not matter. */
export function referenceKey(reference: string): string {
  return reference.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

const memo = rowMemo(checkPlanRow);
