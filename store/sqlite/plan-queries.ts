import { z } from 'zod';
import type { Action, ActionContext, Plan } from '../../core/model/index.js';
import { findAction } from './action-ops.js';
import type { PlanSummary, PlanTree } from '../plan-store.js';
import { rowToAction } from './action-rows.js';
import { idArg } from './arguments.js';
import type { Db } from './open-database.js';
import { referenceKey, rowToPlan, rowToSummary } from './plan-rows.js';
import { rowToRecommendation } from './recommendation-rows.js';
import { sql } from './statements.js';
import { parseInput } from './validate.js';

export function listPlans(db: Db): PlanSummary[] {
  return sql(
    db,
    `SELECT p.*,
       (SELECT count(*) FROM recommendations r WHERE r.plan_id = p.id) AS recommendation_count,
       (SELECT count(*) FROM actions a WHERE a.plan_id = p.id) AS action_count
     FROM plans p ORDER BY p.updated_at DESC, p.rowid DESC`,
  )
    .all()
    .map(rowToSummary);
}

export function findPlan(db: Db, planId: string): Plan | null {
  const row = sql(db, 'SELECT * FROM plans WHERE id = ?').get(planId);
  return row ? rowToPlan(row) : null;
}

export function getPlan(db: Db, planIdInput: unknown): PlanTree | null {
  const planId = idArg(planIdInput, 'plan id');
  const plan = findPlan(db, planId);
  if (!plan) return null;
  const recommendations = sql(db, 'SELECT * FROM recommendations WHERE plan_id = ? ORDER BY position').all(planId).map(rowToRecommendation);
  const actions = actionsByRecommendation(db, planId);
  return {
    plan,
    recommendations: recommendations.map((recommendation) => ({ ...recommendation, actions: actions.get(recommendation.id) ?? [] })),
  };
}

/** Three lookups by primary key: a card or a detail view never needs the whole plan. */
export function getActionContext(db: Db, actionIdInput: unknown): ActionContext | null {
  const action = findAction(db, idArg(actionIdInput, 'action id'));
  if (!action) return null;
  const plan = findPlan(db, action.planId);
  const row = sql(db, 'SELECT * FROM recommendations WHERE id = ?').get(action.recommendationId);
  return plan && row ? { plan, recommendation: rowToRecommendation(row), action } : null;
}

function actionsByRecommendation(db: Db, planId: string): Map<string, Action[]> {
  const grouped = new Map<string, Action[]>();
  for (const row of sql(db, 'SELECT * FROM actions WHERE plan_id = ? ORDER BY recommendation_id, position').all(planId)) {
    const action = rowToAction(row);
    const list = grouped.get(action.recommendationId);
    if (list) list.push(action);
    else grouped.set(action.recommendationId, [action]);
  }
  return grouped;
}

const SimilarityMatch = z.object({ contentKey: z.string().nullable().optional(), references: z.array(z.string()).optional() });

/** Plans sharing the content key, or any reference once case and spacing are ignored; newest first. */
export function findSimilarPlans(db: Db, matchInput: unknown): Plan[] {
  const match = parseInput(SimilarityMatch, matchInput, 'similarity match');
  const contentKey = match.contentKey === '' ? null : (match.contentKey ?? null);
  const keys = [...new Set((match.references ?? []).map(referenceKey).filter((key) => key !== ''))];
  if (contentKey === null && keys.length === 0) return [];
  return sql(
    db,
    `SELECT * FROM plans
     WHERE (@content_key IS NOT NULL AND content_key = @content_key)
        OR id IN (SELECT plan_id FROM plan_reference_keys WHERE ref_key IN (SELECT value FROM json_each(@ref_keys)))
     ORDER BY updated_at DESC, rowid DESC`,
  )
    .all({ content_key: contentKey, ref_keys: JSON.stringify(keys) })
    .map(rowToPlan);
}
