import { type Plan, type PlanSummary, type PlanTree } from '../../core/model/index.js';
import { actionOf, planRecord, planTree, recommendationOf, type PlanRecord } from './item-fields.js';
import type { ListClient } from './lists/list-client.js';
import { findPlanRecord } from './plan-writes.js';

/**
 * Reads go by indexed columns only, one query per list: a whole plan is three queries whose
 * requests grow with pages, not items (every nextLink is followed by the list client).
 */
export async function listPlans(lists: ListClient): Promise<PlanSummary[]> {
  const records = await committedPlans(lists);
  return records
    .map(({ plan, counts }) => ({ id: plan.id, title: plan.title, references: plan.references, status: plan.status, recommendations: counts.recommendations, actions: counts.actions, updatedAt: plan.updatedAt }))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function getPlan(lists: ListClient, planId: string): Promise<PlanTree | null> {
  const record = await findPlanRecord(lists, planId);
  if (record === null || !record.committed) return null;
  const byPlan = [{ field: 'FtPlanId', op: 'eq' as const, value: planId }, { field: 'FtGeneration', op: 'eq' as const, value: record.generation }];
  const [recItems, actionItems] = await Promise.all([lists.query('recommendations', { where: byPlan }), lists.query('actions', { where: byPlan })]);
  return planTree(record.plan, recItems.map(recommendationOf), actionItems.map(actionOf));
}

/**
 * A trust holds tens or hundreds of plans, not thousands: the plans list is read whole and
 * matched in code, which also lets references match however they were spaced or cased.
 */
export async function findSimilarPlans(lists: ListClient, match: { contentKey?: string | null; references?: string[] }): Promise<Plan[]> {
  const keys = new Set((match.references ?? []).map(referenceKey).filter((key) => key !== ''));
  const contentKey = match.contentKey ?? null;
  if (contentKey === null && keys.size === 0) return [];
  return (await committedPlans(lists))
    .map((record) => record.plan)
    .filter((plan) => (contentKey !== null && plan.contentKey === contentKey) || plan.references.some((ref) => keys.has(referenceKey(ref))))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

async function committedPlans(lists: ListClient): Promise<PlanRecord[]> {
  const items = await lists.query('plans', { where: [{ field: 'FtCommitted', op: 'eq', value: true }] });
  return items.map(planRecord);
}

function referenceKey(reference: string): string {
  return reference.toLowerCase().replace(/\s+/g, '');
}
