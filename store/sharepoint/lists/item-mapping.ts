import { GraphError, isRecord } from '../graph/graph-error.js';
import type { ColumnSpec, ListSpec } from '../list-schema.js';
import type { ListItem } from './list-client.js';
import { columnOf, invalidQuery } from './odata.js';

/**
 * Field values between the app and Graph. Writes are checked against the schema before they are
 * sent (a wrong type is a bug here, not something to learn from a 400); dateOnly columns are
 * written as `YYYY-MM-DD` and read back the same, although Graph answers `YYYY-MM-DDT00:00:00Z`.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

export function toGraphFields(spec: ListSpec, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (name === 'Title') {
      if (value !== null && typeof value !== 'string') throw invalidQuery(`Title must be text, not ${typeof value}`);
      out[name] = value;
      continue;
    }
    const column = columnOf(spec, name);
    if (!column) throw invalidQuery(`Cannot write "${name}": the ${spec.displayName} list has no such column`);
    out[name] = value === null ? null : graphValue(column, value);
  }
  return out;
}

function graphValue(column: ColumnSpec, value: unknown): unknown {
  const wrong = (expected: string): GraphError => invalidQuery(`${column.name} needs ${expected}, not ${describe(value)}`);
  switch (column.type) {
    case 'text':
    case 'note':
      if (typeof value !== 'string') throw wrong('text');
      return value;
    case 'choice':
      if (typeof value !== 'string' || !(column.choices ?? []).includes(value)) throw wrong(`one of ${(column.choices ?? []).join(', ')}`);
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong('a number');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw wrong('true or false');
      return value;
    case 'dateOnly': {
      const day = typeof value === 'string' ? dateOnlyOf(value) : null;
      if (day === null) throw wrong('a date written YYYY-MM-DD');
      return day;
    }
    case 'dateTime': {
      if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
      if (typeof value !== 'string' || !(INSTANT.test(value) || DATE_ONLY.test(value)) || Number.isNaN(Date.parse(value))) throw wrong('an ISO 8601 date-time');
      return value;
    }
  }
}

/**
 * The calendar day of a dateOnly value: `YYYY-MM-DD` as is; an instant is rounded to the nearest
 * UTC midnight, because SharePoint stores a date-only value as midnight in the site's time zone
 * (a UK site in summer answers `2025-06-29T23:00:00Z` for 30 June).
 */
export function dateOnlyOf(value: string): string | null {
  const day = DATE_ONLY.exec(value);
  if (day) {
    const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    return new Date(ms).toISOString().startsWith(value) ? value : null;
  }
  if (!INSTANT.test(value)) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  return new Date(Math.round(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Fields as Graph returned them, without OData annotations, dateOnly columns as `YYYY-MM-DD`. */
export function fromGraphFields(spec: ListSpec, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith('@odata.')) continue;
    const column = columnOf(spec, name);
    out[name] = column?.type === 'dateOnly' && typeof value === 'string' ? (dateOnlyOf(value) ?? value) : value;
  }
  return out;
}

/** A listItem resource (`{ id, eTag, fields }`) as a ListItem. */
export function toListItem(spec: ListSpec, body: unknown): ListItem {
  if (!isRecord(body) || typeof body.id !== 'string' || !isRecord(body.fields)) throw unexpected(`a ${spec.displayName} item without id or fields`);
  const eTag = typeof body.eTag === 'string' ? body.eTag : body.fields['@odata.etag'];
  if (typeof eTag !== 'string') throw unexpected(`${spec.displayName} item ${body.id} without an eTag`);
  return { id: body.id, eTag, fields: fromGraphFields(spec, body.fields) };
}

/** The answer to `PATCH …/items/{id}/fields` (a fieldValueSet) as the updated ListItem. */
export function itemFromFieldValueSet(spec: ListSpec, itemId: string, body: unknown): ListItem {
  if (!isRecord(body)) throw unexpected(`no fields in the answer to updating ${spec.displayName} item ${itemId}`);
  const eTag = body['@odata.etag'];
  if (typeof eTag !== 'string') throw unexpected(`no eTag in the answer to updating ${spec.displayName} item ${itemId}`);
  return { id: itemId, eTag, fields: fromGraphFields(spec, body) };
}

function unexpected(what: string): GraphError {
  // The request succeeded, so a write did happen: 'unknown' makes a create look itself up.
  return new GraphError({ status: 502, code: 'unexpectedResponse', message: `Graph answered with ${what}`, outcome: 'unknown' });
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/** The FtKey of an item to create: every created item carries its client-generated id. */
export function keyOf(fields: Record<string, unknown>): string {
  const key = fields.FtKey;
  if (typeof key !== 'string' || key.trim() === '') throw invalidQuery('Every item created needs its FtKey (a non-empty text id)');
  return key;
}

/** A path segment: ids are percent-encoded, but the commas of a site id are left as Graph writes them. */
export function pathSegment(id: string): string {
  if (id === '') throw invalidQuery('An empty id cannot be part of a Graph path');
  return encodeURIComponent(id).replace(/%2C/gi, ',');
}
