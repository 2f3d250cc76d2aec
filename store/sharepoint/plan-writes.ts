import { randomUUID } from 'node:crypto';
import { type Action, ActionFields, NewUpdate, type Plan, PlanDraft, type Recommendation, RecommendationFields, type Update } from '../../core/model/index.js';
import type { SavePlanOptions } from '../plan-store.js';
import { StoreError } from '../store-error.js';
import { parseInput, parseInstant } from '../validate.js';
import { auditStep, auditWriter } from './audit-trail.js';
import type { AuditStep } from './audited-write.js';
import { actionFields, auditFields, planFields, planRecord, recommendationFields, updateFields, type PlanRecord } from './item-fields.js';
import type { ListClient, ListWrite } from './lists/list-client.js';
import { detachMeasures } from './measure-detach.js';
import { importSummary } from '../../core/assurance/audit-text.js';

interface Written {
  plan: Plan;
  recs: Recommendation[];
  actions: { action: Action; label: string }[];
  updates: Update[];
}

/**
 * Saves a whole plan without transactions (SharePoint has none): the items are written under a
 * new generation while the plan is hidden (new) or still shows its old generation (replace), and
 * the plan item is switched to the new generation last — one write that makes the change
 * visible at once. A failure before that leaves the old state readable; the half-written items
 * are removed, and any that could not be are invisible (wrong generation).
 */
export async function savePlan(lists: ListClient, draftInput: unknown, options: SavePlanOptions): Promise<string> {
  const draft = parseInput(PlanDraft, draftInput, 'plan draft');
  const now = parseInstant(options.now, 'now');
  const existing = options.replacePlanId === undefined ? null : await findPlanRecord(lists, options.replacePlanId);
  if (options.replacePlanId !== undefined && (existing === null || !existing.committed)) {
    throw new StoreError('not-found', `plan ${options.replacePlanId} does not exist`);
  }
  const generation = randomUUID();
  const written = build(draft, options, now, existing?.plan ?? null);
  const counts = { recommendations: written.recs.length, actions: written.actions.length };
  // The plan's audit entry is written with the children, before the switch: the plan never
  // shows the new content without it, and if the switch fails the entry is never read (audit-trail.ts).
  const audit = importAudit(written.plan, options, existing, importSummary(draft, existing !== null));
  const hidden = existing === null ? await lists.create('plans', planFields(written.plan, { generation, committed: false, ...counts })) : null;
  try {
    await writeAll(lists, [{ kind: 'create', list: 'audit', fields: auditFields(audit.entry, audit.link) }, ...childWrites(written, generation)]);
    const target = existing?.item ?? hidden;
    if (target === null) throw new StoreError('unavailable', 'the plan item disappeared while it was being written');
    await lists.update('plans', target.id, planFields(written.plan, { generation, committed: true, ...counts, auditKey: audit.link.key }), target.eTag);
  } catch (error) {
    await removeGeneration(lists, written.plan.id, generation, hidden?.id ?? null, audit.link.key);
    throw error;
  }
  if (existing) await removeOtherGenerations(lists, written.plan.id, generation);
  return written.plan.id;
}

export async function findPlanRecord(lists: ListClient, planId: string): Promise<PlanRecord | null> {
  const item = await lists.getByKey('plans', planId);
  return item === null ? null : planRecord(item);
}

function build(draft: PlanDraft, options: SavePlanOptions, now: string, previous: Plan | null): Written {
  const plan: Plan = {
    ...draft.plan,
    id: previous?.id ?? randomUUID(),
    version: previous === null ? 1 : previous.version + 1,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    contentKey: options.contentKey ?? null,
  };
  const written: Written = { plan, recs: [], actions: [], updates: [] };
  // Parsing with the field schemas drops the draft-only parts (line numbers, progress).
  draft.recommendations.forEach((recDraft, position) => {
    const rec: Recommendation = { ...RecommendationFields.parse(recDraft), id: randomUUID(), planId: plan.id, position };
    written.recs.push(rec);
    recDraft.actions.forEach((actionDraft, index) => {
      const { progress } = actionDraft;
      const action: Action = { ...ActionFields.parse(actionDraft), id: randomUUID(), planId: plan.id, recommendationId: rec.id, position: index, version: 1, createdAt: now, updatedAt: now };
      written.actions.push({ action, label: `${rec.number ?? ''}${action.ref ?? ''}`.trim() });
      if (progress?.trim()) written.updates.push(importUpdate(action, progress, options, now));
    });
  });
  return written;
}

/** One entry for the whole import: who, from where, and a sentence; the fields are in the plan itself. */
function importAudit(plan: Plan, options: SavePlanOptions, existing: PlanRecord | null, defaultSummary: string): AuditStep {
  const by = { actor: options.actor ?? { aadObjectId: null, displayName: null }, source: options.source ?? 'import', summary: options.summary ?? null };
  const summary = options.summary ?? defaultSummary;
  return auditStep(auditWriter(by), { planId: plan.id, entity: 'plan', entityId: plan.id, at: plan.updatedAt, changes: [], summary }, plan.version, existing?.auditKey ?? null);
}

function importUpdate(action: Action, note: string, options: SavePlanOptions, at: string): Update {
  const update = NewUpdate.parse({
    actionId: action.id, planId: action.planId, at, note, source: 'import',
    author: options.actor ?? { aadObjectId: null, displayName: null },
  });
  return { ...update, id: randomUUID() };
}

function childWrites(written: Written, generation: string): ListWrite[] {
  return [
    ...written.recs.map((rec): ListWrite => ({ kind: 'create', list: 'recommendations', fields: recommendationFields(rec, generation) })),
    ...written.actions.map(({ action, label }): ListWrite => ({ kind: 'create', list: 'actions', fields: actionFields(action, label, generation) })),
    ...written.updates.map((update): ListWrite => ({ kind: 'create', list: 'updates', fields: updateFields(update) })),
  ];
}

export async function writeAll(lists: ListClient, writes: readonly ListWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const results = await lists.writeMany(writes);
  for (const failed of results) {
    if (failed.ok) continue;
    throw new StoreError('unavailable', `writing to SharePoint failed: ${String(failed.status)} ${failed.code}: ${failed.message}${failed.requestId ? ` (request-id ${failed.requestId})` : ''}`);
  }
}

/** Deletes what one generation wrote (its audit entry, and the hidden plan item of a new plan). Best effort: it runs after a failure. */
async function removeGeneration(lists: ListClient, planId: string, generation: string, hiddenPlanItemId: string | null, auditKey: string): Promise<void> {
  try {
    const children = await childItems(lists, planId, (itemGeneration) => itemGeneration === generation);
    const updates = hiddenPlanItemId === null ? [] : await lists.query('updates', { where: [{ field: 'FtPlanId', op: 'eq', value: planId }], select: ['FtKey'] });
    const audit = await lists.getByKey('audit', auditKey, ['FtKey']);
    const writes: ListWrite[] = [...children, ...updates.map((item) => ({ kind: 'delete' as const, list: 'updates' as const, itemId: item.id }))];
    if (audit !== null) writes.push({ kind: 'delete', list: 'audit', itemId: audit.id });
    if (hiddenPlanItemId !== null) writes.push({ kind: 'delete', list: 'plans', itemId: hiddenPlanItemId });
    await lists.writeMany(writes);
  } catch {
    // The original failure is what the caller must see; leftovers of an uncommitted generation are never read.
  }
}

/** After a replace: the old generation's recommendations and actions, the old actions' updates and reminders; their measures become plan-level. */
async function removeOtherGenerations(lists: ListClient, planId: string, generation: string): Promise<void> {
  const children = await childItems(lists, planId, (itemGeneration) => itemGeneration !== generation);
  const current = new Set((await lists.query('actions', { where: [{ field: 'FtPlanId', op: 'eq', value: planId }, { field: 'FtGeneration', op: 'eq', value: generation }], select: ['FtKey'] })).map((item) => String(item.fields.FtKey)));
  const stale = async (list: 'updates' | 'reminders'): Promise<ListWrite[]> =>
    (await lists.query(list, { where: [{ field: 'FtPlanId', op: 'eq', value: planId }], select: ['FtKey', 'FtActionId'] }))
      .filter((item) => !current.has(String(item.fields.FtActionId)))
      .map((item) => ({ kind: 'delete', list, itemId: item.id }));
  await writeAll(lists, [...children, ...(await stale('updates')), ...(await stale('reminders'))]);
  await detachMeasures(lists, planId, current);
}

async function childItems(lists: ListClient, planId: string, keep: (generation: string) => boolean): Promise<ListWrite[]> {
  const writes: ListWrite[] = [];
  for (const list of ['recommendations', 'actions'] as const) {
    const items = await lists.query(list, { where: [{ field: 'FtPlanId', op: 'eq', value: planId }], select: ['FtKey', 'FtGeneration'] });
    for (const item of items) if (keep(String(item.fields.FtGeneration))) writes.push({ kind: 'delete', list, itemId: item.id });
  }
  return writes;
}

/** Hides the plan first, then deletes everything under it, then the plan item itself. */
export async function deletePlan(lists: ListClient, planId: string): Promise<void> {
  const record = await findPlanRecord(lists, planId);
  if (record === null || !record.committed) throw new StoreError('not-found', `plan ${planId} does not exist`);
  await lists.update('plans', record.item.id, { FtCommitted: false }, record.item.eTag);
  const writes: ListWrite[] = [];
  for (const list of ['recommendations', 'actions', 'updates', 'reminders', 'measures', 'audit'] as const) {
    const items = await lists.query(list, { where: [{ field: 'FtPlanId', op: 'eq', value: planId }], select: ['FtKey'] });
    writes.push(...items.map((item) => ({ kind: 'delete' as const, list, itemId: item.id })));
  }
  await writeAll(lists, writes);
  await lists.delete('plans', record.item.id);
}
