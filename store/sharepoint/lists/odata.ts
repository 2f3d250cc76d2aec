import { GraphError } from '../graph/graph-error.js';
import type { ColumnSpec, ListSpec } from '../list-schema.js';
import type { FieldFilter, ListQuery } from './list-client.js';

/**
 * The query string of a list items request: `expand=fields(select=…)`, `$filter` on indexed
 * columns only, `$top`. Values are escaped here (OData doubles a quote) and percent-encoded, so
 * nothing a user typed can change the query's meaning.
 */

/** Fields SharePoint gives every list; selectable, not filterable by us. */
const BUILT_IN_FIELDS = new Set(['Title', 'ID', 'Created', 'Modified']);
const OPS = new Set<FieldFilter['op']>(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function invalidQuery(message: string): GraphError {
  return new GraphError({ status: 400, code: 'invalidRequest', message, outcome: 'not-applied' });
}

export function columnOf(spec: ListSpec, name: string): ColumnSpec | undefined {
  return spec.columns.find((column) => column.name === name);
}

/** `fields(select=…)`: the requested fields plus FtKey, or every column of the schema. */
export function fieldsExpand(spec: ListSpec, select?: readonly string[]): string {
  const names = select === undefined ? ['Title', ...spec.columns.map((column) => column.name)] : [...new Set(['FtKey', ...select])];
  for (const name of names) {
    if (!BUILT_IN_FIELDS.has(name) && !columnOf(spec, name)) throw invalidQuery(`Cannot select "${name}": the ${spec.displayName} list has no such column`);
  }
  return `fields(select=${names.join(',')})`;
}

/** The OData `$filter` for clauses joined with `and`; only indexed columns (list-schema.ts). */
export function filterExpression(spec: ListSpec, where: readonly FieldFilter[]): string {
  return where.map((clause) => `fields/${clause.field} ${operator(clause)} ${literal(filterColumn(spec, clause.field), clause.value)}`).join(' and ');
}

function filterColumn(spec: ListSpec, field: string): ColumnSpec {
  const column = columnOf(spec, field);
  if (!column) throw invalidQuery(`Cannot filter on "${field}": the ${spec.displayName} list has no such column`);
  if (column.indexed !== true) throw invalidQuery(`Cannot filter on "${field}": it is not an indexed column of ${spec.displayName}, and Graph filters reliably only on indexed columns`);
  return column;
}

function operator(clause: FieldFilter): string {
  if (!OPS.has(clause.op)) throw invalidQuery(`Unknown filter operator "${clause.op}" on ${clause.field}`);
  return clause.op;
}

/** An OData literal for a value compared with this column. */
export function literal(column: ColumnSpec, value: FieldFilter['value']): string {
  const wrong = (expected: string): GraphError => invalidQuery(`Filter on ${column.name} needs ${expected}, not ${JSON.stringify(value)}`);
  switch (column.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong('a number');
      return String(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw wrong('true or false');
      return value ? 'true' : 'false';
    case 'dateOnly':
    case 'dateTime':
      if (typeof value !== 'string' || !(DATE_ONLY.test(value) || DATE_TIME.test(value)) || Number.isNaN(Date.parse(value))) throw wrong('a date (YYYY-MM-DD) or an ISO 8601 date-time');
      return quoted(value);
    case 'choice':
      if (typeof value !== 'string' || !(column.choices ?? []).includes(value)) throw wrong(`one of ${(column.choices ?? []).join(', ')}`);
      return quoted(value);
    case 'text':
    case 'note':
      if (typeof value !== 'string') throw wrong('text');
      return quoted(value);
  }
}

function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Percent-encodes a query value, leaving the characters that keep OData readable in logs. */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%(2C|3D|2F|24)/gi, (escape) => decodeURIComponent(escape));
}

/** `?expand=…&$filter=…&$top=…` for a list items request. */
export function itemsQueryString(spec: ListSpec, query: ListQuery = {}): string {
  const parts = [`expand=${encodeQueryValue(fieldsExpand(spec, query.select))}`];
  if (query.where && query.where.length > 0) parts.push(`$filter=${encodeQueryValue(filterExpression(spec, query.where))}`);
  if (query.pageSize !== undefined) {
    if (!Number.isInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > 5000) throw invalidQuery(`pageSize must be a whole number from 1 to 5000, not ${query.pageSize}`);
    parts.push(`$top=${query.pageSize}`);
  }
  return `?${parts.join('&')}`;
}
