import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { diffFields, renderValue } from '../../core/assurance/audit-diff.js';
import { type Measure, MeasureFields, MeasureValue } from '../../core/model/index.js';
import { StoreError } from '../store-error.js';
import { canonicalInstant, parseInput, parseInstant } from '../validate.js';
import { getAction } from './action-writes.js';
import { type AuditWriter, auditStep, auditWriter, landed } from './audit-trail.js';
import { auditedWrite, type Decision, type Seen } from './audited-write.js';
import { auditKeyOf, measureFields, measureOf, measureRevision } from './item-fields.js';
import type { ListClient, ListItem } from './lists/list-client.js';
import type { Pacing } from './pacing.js';
import { findPlanRecord } from './plan-writes.js';
import { MEASURE_FIELD_NAMES } from '../../core/assurance/audit-text.js';

/**
 * Impact measures: one item per measure, its values inside FtData in date order. Every write is
 * a chain with its audit entry (audited-write.ts) and `If-Match` on the eTag read: an edit of a
 * measure's fields is refused when its version moved, a new value is simply applied again.
 */

/** The fields an entry compares, in the order people read them (as the SQLite store does). */

const Expected = z.object({ id: z.string().min(1), version: z.number().int().positive() }).nullable();
const Id = z.string().min(1);

/** In the order created: SharePoint item ids grow with each create. */
export async function listMeasures(lists: ListClient, planIdInput: unknown): Promise<Measure[]> {
  const planId = parseInput(Id, planIdInput, 'plan id');
  const [record, items] = await Promise.all([findPlanRecord(lists, planId), lists.query('measures', { where: [{ field: 'FtPlanId', op: 'eq', value: planId }] })]);
  if (record === null || !record.committed) return [];
  return [...items].sort((a, b) => Number(a.id) - Number(b.id)).map(measureOf);
}

export async function saveMeasure(lists: ListClient, pacing: Pacing, input: { planId: unknown; fields: unknown; expected: unknown; now: unknown; by: unknown }): Promise<Measure> {
  const planId = parseInput(Id, input.planId, 'plan id');
  const fields = parseInput(MeasureFields, input.fields, 'measure');
  const expected = parseInput(Expected, input.expected, 'expected measure version');
  const now = parseInstant(input.now, 'now');
  const writer = auditWriter(input.by);
  const job = { lists, planId, fields, now, writer };
  return expected === null ? createMeasure(job, pacing) : editMeasure(job, expected, pacing);
}

interface MeasureJob {
  lists: ListClient;
  planId: string;
  fields: MeasureFields;
  now: string;
  writer: AuditWriter;
}

/** The id is ours before the first attempt: an attempt whose answer was lost finds the item made. */
function createMeasure(job: MeasureJob, pacing: Pacing): Promise<Measure> {
  const { lists, planId, fields, now, writer } = job;
  const id = randomUUID();
  return auditedWrite(lists, pacing, `creating a measure in plan ${planId}`, async (): Promise<Decision<Measure>> => {
    const [made, refusal] = await Promise.all([lists.getByKey('measures', id), targetRefusal(lists, planId, fields.actionId)]);
    if (made !== null) return { kind: 'done', value: measureOf(made), seen: seenOf(made) };
    const seen: Seen = { version: 0, head: null };
    if (refusal !== null) return { kind: 'refuse', error: refusal, seen };
    const measure: Measure = { ...fields, id, planId, values: [], version: 1, createdAt: now, updatedAt: now };
    const audit = auditStep(writer, { planId, entity: 'measure', entityId: id, at: now, changes: diffFields(null, fields, MEASURE_FIELD_NAMES) }, 1, null);
    return { kind: 'write', value: measure, seen, audit, writes: [{ kind: 'create', list: 'measures', fields: measureFields(measure, 1, audit.link.key) }] };
  });
}

function editMeasure(job: MeasureJob, expected: { id: string; version: number }, pacing: Pacing): Promise<Measure> {
  const { lists, planId, fields, now, writer } = job;
  return auditedWrite(lists, pacing, `updating measure ${expected.id}`, async (): Promise<Decision<Measure>> => {
    const [item, refusal] = await Promise.all([lists.getByKey('measures', expected.id), targetRefusal(lists, planId, fields.actionId)]);
    const current = item === null ? null : measureOf(item);
    if (item === null || current?.planId !== planId) return { kind: 'refuse', error: new StoreError('not-found', `measure ${expected.id} does not exist in plan ${planId}`), seen: null };
    const seen = seenOf(item);
    if (landed(seen.head, writer.writeId)) return { kind: 'done', value: current, seen };
    if (refusal !== null) return { kind: 'refuse', error: refusal, seen };
    if (current.version !== expected.version) {
      return { kind: 'refuse', error: new StoreError('conflict', `measure ${current.id} is at version ${String(current.version)}, not ${String(expected.version)}: it changed since it was read; reload and try again`), seen };
    }
    const next: Measure = { ...current, ...fields, version: current.version + 1, updatedAt: now };
    const changes = diffFields(current, fields, MEASURE_FIELD_NAMES);
    return measureWrite(item, next, changes.length === 0 ? null : { writer, at: now, changes }, seen);
  });
}

/**
 * Adds a dated value, replacing one on the same date. As in the SQLite store the version stays
 * (it guards the measure's own fields: a reading must not make an editor's change fail) and
 * `updatedAt` moves on to the reading's time. A 412 reads again and applies it again.
 */
export async function addMeasureValue(lists: ListClient, pacing: Pacing, measureIdInput: unknown, valueInput: unknown, byInput: unknown): Promise<Measure> {
  const measureId = parseInput(Id, measureIdInput, 'measure id');
  const parsed = parseInput(MeasureValue, valueInput, 'measure value');
  const value: MeasureValue = { ...parsed, at: canonicalInstant(parsed.at) };
  const writer = auditWriter(byInput);
  return auditedWrite(lists, pacing, `adding a value to measure ${measureId}`, async (): Promise<Decision<Measure>> => {
    const item = await lists.getByKey('measures', measureId);
    if (item === null) return { kind: 'refuse', error: new StoreError('not-found', `measure ${measureId} does not exist`), seen: null };
    const current = measureOf(item);
    const seen = seenOf(item);
    if (landed(seen.head, writer.writeId)) return { kind: 'done', value: current, seen };
    const before = current.values.find((reading) => reading.date === value.date) ?? null;
    const values = [...current.values.filter((reading) => reading.date !== value.date), value].sort((a, b) => a.date.localeCompare(b.date));
    const next: Measure = { ...current, values, updatedAt: current.updatedAt > value.at ? current.updatedAt : value.at };
    const change = { field: `value on ${value.date}`, from: readingText(before), to: readingText(value) };
    return measureWrite(item, next, change.from === change.to ? null : { writer, at: value.at, changes: [change] }, seen);
  });
}

/** The PATCH (`If-Match`), after its audit entry when something a person would see changed. */
function measureWrite(item: ListItem, next: Measure, audited: { writer: AuditWriter; at: string; changes: { field: string; from: string | null; to: string | null }[] } | null, seen: Seen): Decision<Measure> {
  const revision = measureRevision(item) + 1;
  const audit = audited === null ? null : auditStep(audited.writer, { planId: next.planId, entity: 'measure', entityId: next.id, at: audited.at, changes: audited.changes }, revision, seen.head);
  return { kind: 'write', value: next, seen, audit, writes: [{ kind: 'update', list: 'measures', itemId: item.id, eTag: item.eTag, fields: measureFields(next, revision, audit?.link.key) }] };
}

/** The audit trail of a measure follows its revision, not its version (item-fields.ts). */
function seenOf(item: ListItem): Seen {
  return { version: measureRevision(item), head: auditKeyOf(item) };
}

/** The plan must exist; a named action must exist in it. Null when both hold. */
async function targetRefusal(lists: ListClient, planId: string, actionId: string | null): Promise<StoreError | null> {
  const [plan, action] = await Promise.all([findPlanRecord(lists, planId), actionId === null ? null : getAction(lists, actionId)]);
  if (plan === null || !plan.committed) return new StoreError('not-found', `plan ${planId} does not exist`);
  if (actionId === null) return null;
  if (action === null) return new StoreError('not-found', `action ${actionId} does not exist`);
  if (action.action.planId !== planId) return new StoreError('invalid', `action ${actionId} belongs to plan ${action.action.planId}, not ${planId}`);
  return null;
}

/** "89.87 (after the new checklist)": the reading as the trail shows it. */
function readingText(reading: Pick<MeasureValue, 'value' | 'note'> | null): string | null {
  if (reading === null) return null;
  const number = renderValue('value', reading.value) ?? String(reading.value);
  return reading.note === null ? number : `${number} (${reading.note})`;
}
