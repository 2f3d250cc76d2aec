import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Actor, ChangeSource, IsoDateTime, PlanDraft, type ActionDraft, type RecommendationDraft } from '../../core/model/index.js';
import type { SavePlanOptions } from '../plan-store.js';
import { StoreError } from '../store-error.js';
import { ACTION_FIELD_COLUMNS, actionFieldColumns } from './action-rows.js';
import { insertAuditRow } from './audit-rows.js';
import { assignmentList, columnList, placeholderList } from './columns.js';
import type { Db } from './open-database.js';
import { PLAN_FIELD_COLUMNS, planFieldColumns, referenceKey } from './plan-rows.js';
import { RECOMMENDATION_FIELD_COLUMNS, recommendationFieldColumns } from './recommendation-rows.js';
import { inWriteTransaction, sql } from './statements.js';
import { insertUpdateRow } from './update-rows.js';
import { canonicalInstant, parseInput } from './validate.js';
import { importSummary } from '../../core/assurance/audit-text.js';

const SaveOptions = z.object({
  replacePlanId: z.string().min(1).optional(),
  actor: Actor.optional(),
  source: ChangeSource.optional(),
  summary: z.string().nullable().optional(),
  contentKey: z.string().nullable().optional(),
  now: IsoDateTime,
});

const INSERT_PLAN = `INSERT INTO plans (id, ${columnList(PLAN_FIELD_COLUMNS)}, warnings_json, discarded_json, content_key, version, created_at, updated_at)
  VALUES (@id, ${placeholderList(PLAN_FIELD_COLUMNS)}, @warnings_json, @discarded_json, @content_key, 1, @now, @now)`;

const REPLACE_PLAN = `UPDATE plans SET ${assignmentList(PLAN_FIELD_COLUMNS)}, warnings_json = @warnings_json, discarded_json = @discarded_json,
  content_key = @content_key, version = version + 1, updated_at = @now WHERE id = @id`;

const INSERT_RECOMMENDATION = `INSERT INTO recommendations (id, plan_id, position, ${columnList(RECOMMENDATION_FIELD_COLUMNS)}, source_line)
  VALUES (@id, @plan_id, @position, ${placeholderList(RECOMMENDATION_FIELD_COLUMNS)}, @source_line)`;

const INSERT_ACTION = `INSERT INTO actions (id, plan_id, recommendation_id, position, ${columnList(ACTION_FIELD_COLUMNS)}, effective_due,
  source_line, version, created_at, updated_at)
  VALUES (@id, @plan_id, @recommendation_id, @position, ${placeholderList(ACTION_FIELD_COLUMNS)}, @effective_due,
  @source_line, 1, @now, @now)`;

/** What every row written by one save shares. */
interface SaveContext {
  db: Db;
  planId: string;
  now: string;
  author: Actor;
}

/** Writes a whole draft in one transaction: all of it, or (on any failure) none of it. */
export function savePlan(db: Db, draftInput: unknown, optionsInput: SavePlanOptions): string {
  const draft = parseInput(PlanDraft, draftInput, 'plan draft');
  const options = parseInput(SaveOptions, optionsInput, 'save options');
  const now = canonicalInstant(options.now);
  const author = options.actor ?? { aadObjectId: null, displayName: null };
  const contentKey = options.contentKey ?? null;
  return inWriteTransaction(db, () => {
    const planId = options.replacePlanId ?? randomUUID();
    if (options.replacePlanId) replacePlanRow(db, planId, draft, contentKey, now);
    else insertPlanRow(db, planId, draft, contentKey, now);
    writeReferenceKeys(db, planId, draft.plan.references);
    draft.recommendations.forEach((recommendation, position) => {
      insertRecommendation({ db, planId, now, author }, recommendation, position);
    });
    const summary = options.summary ?? importSummary(draft, options.replacePlanId !== undefined);
    const by = { actor: author, source: options.source ?? 'import', meeting: null, summary };
    insertAuditRow(db, { planId, entity: 'plan', entityId: planId, at: now, by, changes: [] });
    return planId;
  });
}

/** "Plan imported: 3 recommendations, 4 actions." — what the trail says when the caller gives no sentence. */
function planRowParams(planId: string, draft: PlanDraft, contentKey: string | null, now: string): Record<string, unknown> {
  return {
    id: planId,
    ...planFieldColumns(draft.plan),
    warnings_json: JSON.stringify(draft.warnings),
    discarded_json: JSON.stringify(draft.discarded),
    content_key: contentKey,
    now,
  };
}

function insertPlanRow(db: Db, planId: string, draft: PlanDraft, contentKey: string | null, now: string): void {
  sql(db, INSERT_PLAN).run(planRowParams(planId, draft, contentKey, now));
}

/** Replaces the plan's fields and drops its children (their updates and reminders go with them). */
function replacePlanRow(db: Db, planId: string, draft: PlanDraft, contentKey: string | null, now: string): void {
  const result = sql(db, REPLACE_PLAN).run(planRowParams(planId, draft, contentKey, now));
  if (result.changes === 0) throw new StoreError('not-found', `plan ${planId} does not exist, so it cannot be replaced`);
  sql(db, 'DELETE FROM recommendations WHERE plan_id = ?').run(planId);
}

/** Keeps the reference index in step with the plan's references. */
export function writeReferenceKeys(db: Db, planId: string, references: readonly string[]): void {
  sql(db, 'DELETE FROM plan_reference_keys WHERE plan_id = ?').run(planId);
  const keys = new Set(references.map(referenceKey).filter((key) => key !== ''));
  for (const key of keys) sql(db, 'INSERT INTO plan_reference_keys (plan_id, ref_key) VALUES (?, ?)').run(planId, key);
}

function insertRecommendation(context: SaveContext, recommendation: RecommendationDraft, position: number): void {
  const id = randomUUID();
  sql(context.db, INSERT_RECOMMENDATION).run({
    id,
    plan_id: context.planId,
    position,
    ...recommendationFieldColumns(recommendation),
    source_line: recommendation.line ?? null,
  });
  recommendation.actions.forEach((action, actionPosition) => {
    insertAction(context, id, action, actionPosition);
  });
}

function insertAction(context: SaveContext, recommendationId: string, action: ActionDraft, position: number): void {
  const id = randomUUID();
  sql(context.db, INSERT_ACTION).run({
    id,
    plan_id: context.planId,
    recommendation_id: recommendationId,
    position,
    ...actionFieldColumns(action),
    source_line: action.line ?? null,
    now: context.now,
  });
  if (action.progress?.trim()) insertImportUpdate(context, id, action.progress);
}

/** The progress text an import found becomes the action's first update. */
function insertImportUpdate(context: SaveContext, actionId: string, progress: string): void {
  insertUpdateRow(context.db, {
    id: randomUUID(),
    actionId,
    planId: context.planId,
    at: context.now,
    author: context.author,
    source: 'import',
    note: progress,
    status: null,
    revisedDue: null,
    evidence: null,
    idempotencyKey: null,
  });
}
