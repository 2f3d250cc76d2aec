import {
  Action,
  AuditEntry,
  CLOSED_STATUSES,
  Conversation,
  Lease,
  Measure,
  type Plan,
  Plan as PlanSchema,
  type PlanTree,
  Recommendation,
  ReminderLogEntry,
  Role,
  Update,
  effectiveDue,
} from '../../core/model/index.js';
import { StoreError } from '../store-error.js';
import { parseRow } from '../validate.js';
import type { ListItem } from './lists/list-client.js';

/**
 * How each entity is laid out as list item fields (list-schema.ts): FtData holds the entity as
 * JSON; the other columns repeat what Graph must filter on, or what people read in SharePoint.
 */
type Fields = Record<string, unknown>;

const TITLE_MAX = 255;

function title(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= TITLE_MAX ? one : `${one.slice(0, TITLE_MAX - 1)}…`;
}

/** Plans, recommendations and actions written by one import share a generation. */
export interface PlanRecord {
  item: ListItem;
  plan: Plan;
  generation: string;
  committed: boolean;
  counts: { recommendations: number; actions: number };
  /** The audit entry of the write that made the plan what it is (audit-trail.ts); null before any. */
  auditKey: string | null;
}

/** `auditKey` undefined leaves the item's FtAuditKey as it is (a write with nothing to audit). */
export function planFields(plan: Plan, extra: { generation: string; committed: boolean; recommendations: number; actions: number; auditKey?: string | null }): Fields {
  return {
    Title: title(plan.title),
    FtKey: plan.id,
    FtStatus: plan.status,
    FtReferences: title(plan.references.join('; ')),
    FtContentKey: plan.contentKey ?? '',
    FtCommitted: extra.committed,
    FtGeneration: extra.generation,
    FtRecommendationCount: extra.recommendations,
    FtActionCount: extra.actions,
    FtReviewers: JSON.stringify(plan.reviewers),
    FtVersion: plan.version,
    FtAuditKey: extra.auditKey,
    FtUpdated: plan.updatedAt,
    FtData: JSON.stringify(plan),
  };
}

export function planRecord(item: ListItem): PlanRecord {
  const plan = parseRow(PlanSchema, readData(item, 'plan'), `plan item ${item.id}`);
  return {
    item,
    plan: { ...plan, version: numberField(item, 'FtVersion') },
    generation: stringField(item, 'FtGeneration'),
    committed: item.fields.FtCommitted === true,
    counts: { recommendations: numberField(item, 'FtRecommendationCount'), actions: numberField(item, 'FtActionCount') },
    auditKey: auditKeyOf(item),
  };
}

export function recommendationFields(rec: Recommendation, generation: string): Fields {
  return {
    Title: title(`${rec.number === null ? '' : `${rec.number}. `}${rec.text}`) || '(recommendation)',
    FtKey: rec.id,
    FtPlanId: rec.planId,
    FtGeneration: generation,
    FtPosition: rec.position,
    FtData: JSON.stringify(rec),
  };
}

export function recommendationOf(item: ListItem): Recommendation {
  return parseRow(Recommendation, readData(item, 'recommendation'), `recommendation item ${item.id}`);
}

export function actionFields(action: Action, label: string, generation: string): Fields {
  return {
    Title: title(`${label} ${action.text}`) || '(action)',
    FtKey: action.id,
    FtPlanId: action.planId,
    FtGeneration: generation,
    FtRecommendationId: action.recommendationId,
    FtPosition: action.position,
    ...actionEditFields(action),
  };
}

/**
 * The fields that change when an action is edited (its place in the plan does not).
 * `auditKey` undefined leaves the item's FtAuditKey as it is (a write with nothing to audit).
 */
export function actionEditFields(action: Action, auditKey?: string): Fields {
  return {
    FtStatus: action.status,
    FtOpen: !CLOSED_STATUSES.includes(action.status),
    FtDueDate: effectiveDue(action),
    FtDueText: title(action.due?.text ?? ''),
    FtLeads: title(action.leads.join('; ')),
    FtReview: action.review === null ? null : JSON.stringify(action.review),
    FtVersion: action.version,
    FtUpdated: action.updatedAt,
    FtAuditKey: auditKey,
    FtData: JSON.stringify(action),
  };
}

export function actionOf(item: ListItem): Action {
  const action = parseRow(Action, readData(item, 'action'), `action item ${item.id}`);
  return { ...action, version: numberField(item, 'FtVersion') };
}

/** The audit entry of the write that made the item what it is, or null (audit-trail.ts). */
export function auditKeyOf(item: ListItem): string | null {
  const value = item.fields.FtAuditKey;
  return typeof value === 'string' && value !== '' ? value : null;
}

export function actionGeneration(item: ListItem): string {
  return stringField(item, 'FtGeneration');
}

export function updateFields(update: Update): Fields {
  return {
    Title: title(update.note) || '(update)',
    FtKey: update.id,
    FtPlanId: update.planId,
    FtActionId: update.actionId,
    FtAt: update.at,
    FtIdempotencyKey: update.idempotencyKey ?? update.id,
    FtSource: update.source,
    FtData: JSON.stringify(update),
  };
}

export function updateOf(item: ListItem): Update {
  return parseRow(Update, readData(item, 'update'), `update item ${item.id}`);
}

/**
 * A measure's `revision` counts every write (a new value too) and keys its audit entries; its
 * version counts only changes to its own fields, which an editor's expected version guards.
 */
export function measureFields(measure: Measure, revision: number, auditKey?: string): Fields {
  return {
    Title: title(measure.name),
    FtKey: measure.id,
    FtPlanId: measure.planId,
    FtActionId: measure.actionId,
    FtVersion: measure.version,
    FtRevision: revision,
    FtUpdated: measure.updatedAt,
    FtAuditKey: auditKey,
    FtData: JSON.stringify(measure),
  };
}

export function measureOf(item: ListItem): Measure {
  const measure = parseRow(Measure, readData(item, 'measure'), `measure item ${item.id}`);
  return { ...measure, version: numberField(item, 'FtVersion') };
}

export function measureRevision(item: ListItem): number {
  return numberField(item, 'FtRevision');
}

/** An audit entry, the version it brought its entity to, and the entry before it (audit-trail.ts). */
export function auditFields(entry: AuditEntry, link: { key: string; version: number; previous: string | null }): Fields {
  const said = entry.summary ?? entry.changes.map((change) => change.field).join(', ');
  return {
    Title: title(`${entry.entity}: ${said}`),
    FtKey: link.key,
    FtPlanId: entry.planId,
    FtEntityId: entry.entityId,
    FtEntity: entry.entity,
    FtVersion: link.version,
    FtPrevious: link.previous ?? '',
    FtAt: entry.at,
    FtSource: entry.source,
    FtData: JSON.stringify(entry),
  };
}

export function auditOf(item: ListItem): AuditEntry {
  return parseRow(AuditEntry, readData(item, 'audit'), `audit item ${item.id}`);
}

export function roleFields(role: Role): Fields {
  return { Title: title(role.name), FtKey: role.id, FtRoleKey: role.key, FtData: JSON.stringify(role) };
}

export function roleOf(item: ListItem): Role {
  return parseRow(Role, readData(item, 'role'), `role item ${item.id}`);
}

export function reminderFields(entry: ReminderLogEntry): Fields {
  return {
    Title: title(`${entry.kind} reminder for ${entry.recipient}`),
    FtKey: entry.id,
    FtReminderKey: entry.key,
    FtPlanId: entry.planId,
    FtActionId: entry.actionId,
    FtState: entry.state,
    FtPlannedFor: entry.plannedFor,
    FtData: JSON.stringify(entry),
  };
}

export function reminderOf(item: ListItem): ReminderLogEntry {
  return parseRow(ReminderLogEntry, readData(item, 'reminder'), `reminder item ${item.id}`);
}

export function conversationFields(conversation: Conversation): Fields {
  return {
    Title: title(conversation.displayName ?? conversation.aadObjectId) || conversation.aadObjectId,
    FtKey: conversation.aadObjectId,
    FtUsable: conversation.usable,
    FtData: JSON.stringify(conversation),
  };
}

export function conversationOf(item: ListItem): Conversation {
  return parseRow(Conversation, readData(item, 'conversation'), `conversation item ${item.id}`);
}

export function leaseFields(lease: Lease): Fields {
  return { Title: title(lease.name), FtKey: lease.name, FtHolder: title(lease.holder), FtExpires: lease.expiresAt, FtData: JSON.stringify(lease) };
}

export function leaseOf(item: ListItem): Lease {
  return parseRow(Lease, readData(item, 'lease'), `lease item ${item.id}`);
}

/** Builds the tree from items already filtered to the plan's current generation. */
export function planTree(plan: Plan, recs: readonly Recommendation[], actions: readonly Action[]): PlanTree {
  const byRec = new Map<string, Action[]>();
  for (const action of actions) byRec.set(action.recommendationId, [...(byRec.get(action.recommendationId) ?? []), action]);
  return {
    plan,
    recommendations: [...recs]
      .sort((a, b) => a.position - b.position)
      .map((rec) => ({ ...rec, actions: (byRec.get(rec.id) ?? []).sort((a, b) => a.position - b.position) })),
  };
}

function readData(item: ListItem, what: string): unknown {
  const raw = item.fields.FtData;
  if (typeof raw !== 'string') throw new StoreError('invalid', `stored ${what} item ${item.id} has no FtData`);
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new StoreError('invalid', `stored ${what} item ${item.id} has unreadable FtData`, { cause: error });
  }
}

function numberField(item: ListItem, name: string): number {
  const value = item.fields[name];
  if (typeof value !== 'number') throw new StoreError('invalid', `stored item ${item.id} has no number in ${name}`);
  return value;
}

function stringField(item: ListItem, name: string): string {
  const value = item.fields[name];
  if (typeof value !== 'string') throw new StoreError('invalid', `stored item ${item.id} has no text in ${name}`);
  return value;
}
