import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AuditQuery, ChangedBy, type AuditEntity, type AuditEntry, type FieldChange } from '../../core/model/index.js';
import { parseInput } from '../validate.js';
import { auditKeyOf, auditOf, planRecord } from './item-fields.js';
import type { FieldFilter, ListClient, ListItem } from './lists/list-client.js';

/**
 * The audit trail over SharePoint, which has no transactions (docs/decisions/006, "Audit").
 *
 * Every audited write is a chain in one `$batch`: first the audit item, then the entity write
 * (`If-Match`), each running only if the one before succeeded. So no change is ever visible
 * without its entry. An entry whose write then failed (a 412, a lost answer, a crash) must not
 * be shown either, so entries are linked:
 * - the audit item's FtKey is `<entity id>@<version it brings>#<write id>`: a write tried again
 *   after a 412 or a lost answer meets its own item instead of adding one, and two writers
 *   racing for the same version never share (or overwrite) an item;
 * - the entity item keeps, in FtAuditKey, the key of the entry of the write that made it what
 *   it is (set by that same write), and each entry keeps the key before it (FtPrevious).
 * A reader walks back from each entity's FtAuditKey: what it reaches happened; what it does not
 * (an entry whose write never landed) is left out. Entities a plan replace removed have no item
 * to start from and keep all their entries; a measure that was never created keeps none.
 */

export interface AuditLink {
  /** The audit item's FtKey. */
  key: string;
  /** The version the write brings its entity to. */
  version: number;
  /** The entity's FtAuditKey when the write was prepared: the entry before this one. */
  previous: string | null;
}

export function auditKey(entityId: string, version: number, writeId: string): string {
  return `${entityId}@${String(version)}#${writeId}`;
}

/**
 * One id per logical write. A progress update's comes from its idempotency key, so a submit
 * repeated after a crash recognises the action write it made before; hex, because SharePoint
 * compares unique values without case.
 */
export function writeIdFor(idempotencyKey: string | null): string {
  return idempotencyKey === null ? randomUUID() : createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
}

/** The version an audit key brings its entity to, or null for a key not of that form. */
export function versionOfKey(key: string): number | null {
  const match = /@(\d+)#[^#@]+$/.exec(key);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** True when the entity's FtAuditKey is the entry of a write with this id: that write landed. */
export function landed(head: string | null, writeId: string): boolean {
  return head?.endsWith(`#${writeId}`) === true;
}

export type Changer = z.output<typeof ChangedBy>;

export function parseChangedBy(input: unknown): Changer {
  return parseInput(ChangedBy, input, 'changed-by');
}

/** One audited write's identity: the same for every attempt of one call, so an attempt meets its own item. */
export interface AuditWriter {
  writeId: string;
  entryId: string;
  by: Changer;
}

export function auditWriter(byInput: unknown, idempotencyKey: string | null = null): AuditWriter {
  return { writeId: writeIdFor(idempotencyKey), entryId: randomUUID(), by: parseChangedBy(byInput) };
}

/** The audit step of a write bringing `entityId` from `seenHead` to `version`. */
export function auditStep(
  writer: AuditWriter,
  what: { planId: string; entity: AuditEntity; entityId: string; at: string; changes: FieldChange[]; summary?: string | null },
  version: number,
  seenHead: string | null,
): { entry: AuditEntry; link: AuditLink } {
  const { by } = writer;
  const entry: AuditEntry = {
    id: writer.entryId,
    planId: what.planId,
    entity: what.entity,
    entityId: what.entityId,
    at: what.at,
    actor: by.actor,
    source: by.source,
    meeting: by.meeting,
    summary: what.summary ?? by.summary,
    changes: what.changes,
  };
  return { entry, link: { key: auditKey(what.entityId, version, writer.writeId), version, previous: seenHead } };
}

/** The heads (FtAuditKey) of the entities that exist now, by entity id. */
type Heads = Map<string, string | null>;

/**
 * Entries of a plan (optionally one entity, optionally from an instant on), oldest first by
 * time then the order written (SharePoint item ids grow; `$orderby` is unreliable). The entity
 * items are read before the audit items: an entry is always written before its entity, so
 * every head read is found.
 */
export async function listAudit(lists: ListClient, queryInput: unknown): Promise<AuditEntry[]> {
  const query = parseInput(AuditQuery, queryInput, 'audit query');
  const heads = await currentHeads(lists, query.planId, query.entityId);
  if (heads === null) return [];
  const where: FieldFilter[] = [{ field: 'FtPlanId', op: 'eq', value: query.planId }];
  if (query.entityId !== undefined) where.push({ field: 'FtEntityId', op: 'eq', value: query.entityId });
  const items = await lists.query('audit', { where });
  const since = query.since === undefined ? null : Date.parse(query.since);
  return happened(items, heads)
    .map((item) => ({ entry: auditOf(item), seq: Number(item.id) }))
    .filter(({ entry }) => since === null || Date.parse(entry.at) >= since)
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.seq - b.seq)
    .map(({ entry }) => entry);
}

/** Null when the plan does not exist (or is still being imported). */
async function currentHeads(lists: ListClient, planId: string, entityId: string | undefined): Promise<Heads | null> {
  const byPlan: FieldFilter = { field: 'FtPlanId', op: 'eq', value: planId };
  const read = (list: 'actions' | 'measures', select: string[]): Promise<ListItem[]> =>
    entityId === undefined ? lists.query(list, { where: [byPlan], select }) : oneOrNone(lists.getByKey(list, entityId, select));
  const [planItem, actions, measures] = await Promise.all([
    lists.getByKey('plans', planId),
    read('actions', ['FtPlanId', 'FtGeneration', 'FtAuditKey']),
    read('measures', ['FtPlanId', 'FtAuditKey']),
  ]);
  if (planItem === null) return null;
  const plan = planRecord(planItem);
  if (!plan.committed) return null;
  const heads: Heads = new Map([[plan.plan.id, plan.auditKey]]);
  // Actions of an older generation are leftovers of a replace: removed, whatever remains of them.
  for (const item of actions) if (item.fields.FtPlanId === planId && item.fields.FtGeneration === plan.generation) heads.set(String(item.fields.FtKey), auditKeyOf(item));
  for (const item of measures) if (item.fields.FtPlanId === planId) heads.set(String(item.fields.FtKey), auditKeyOf(item));
  return heads;
}

async function oneOrNone(item: Promise<ListItem | null>): Promise<ListItem[]> {
  const found = await item;
  return found === null ? [] : [found];
}

/** The audit items whose write happened: reached from their entity's head (see the top of this file). */
function happened(items: readonly ListItem[], heads: Heads): ListItem[] {
  const byKey = new Map(items.map((item) => [String(item.fields.FtKey), item]));
  const reached = new Set<ListItem>();
  for (const head of heads.values()) {
    let key = head;
    while (key !== null) {
      const item = byKey.get(key);
      if (item === undefined || reached.has(item)) break;
      reached.add(item);
      const previous = item.fields.FtPrevious;
      key = typeof previous === 'string' && previous !== '' ? previous : null;
    }
  }
  return items.filter((item) => reached.has(item) || (!heads.has(String(item.fields.FtEntityId)) && keptWithoutItem(item)));
}

/** An action or recommendation a replace removed keeps its history; a measure never created has none. */
function keptWithoutItem(item: ListItem): boolean {
  return item.fields.FtEntity === 'action' || item.fields.FtEntity === 'recommendation';
}
